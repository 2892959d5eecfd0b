#include "cccd/payload.hpp"

namespace cccd {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; }

}  // namespace

SplitPayload split_payload(std::string_view text) {
    SplitPayload out;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") {
        out.hadBom = true;
        text.remove_prefix(3);
    }
    while (!text.empty() && is_space(text.front())) {
        out.hadLineBreaks = out.hadLineBreaks || text.front() == '\n' || text.front() == '\r';
        text.remove_prefix(1);
    }
    // With no '|' at all but a line break inside, the scanner sent each field on its own line. Then
    // trailing empty lines are empty fields (the Thẻ căn cước ends in four), so they are kept; the one
    // line break that ends the transmission is dropped.
    std::string_view body = text;
    while (!body.empty() && is_space(body.back())) body.remove_suffix(1);
    const bool lines_are_fields = body.find('|') == std::string_view::npos &&
                                  body.find('\n') != std::string_view::npos;
    if (lines_are_fields) {
        if (text.ends_with("\r\n")) text.remove_suffix(2);
        else if (text.ends_with('\n')) text.remove_suffix(1);
        out.hadLineBreaks = true;
    } else {
        out.hadLineBreaks = out.hadLineBreaks || text.substr(body.size()).find_first_of("\r\n") != std::string_view::npos;
        text = body;
    }
    size_t start = 0;
    for (size_t i = 0; i <= text.size(); ++i) {
        const bool end = i == text.size();
        const bool sep = !end && (text[i] == '|' || (lines_are_fields && text[i] == '\n'));
        if (!end && !sep) continue;
        std::string_view field = text.substr(start, i - start);
        if (lines_are_fields && field.ends_with('\r')) field.remove_suffix(1);
        const size_t before = field.size();
        while (!field.empty() && is_space(field.back())) field.remove_suffix(1);
        while (!field.empty() && is_space(field.front())) field.remove_prefix(1);
        if (field.size() != before) out.hadSpacesAroundFields = true;
        if (field.find_first_of("\r\n") != std::string_view::npos) out.hadLineBreaks = true;
        out.fields.emplace_back(field);
        start = i + 1;
    }
    return out;
}

}  // namespace cccd
