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
    while (!text.empty() && is_space(text.back())) {
        out.hadLineBreaks = out.hadLineBreaks || text.back() == '\n' || text.back() == '\r';
        text.remove_suffix(1);
    }
    while (!text.empty() && is_space(text.front())) {
        out.hadLineBreaks = out.hadLineBreaks || text.front() == '\n' || text.front() == '\r';
        text.remove_prefix(1);
    }
    // With no '|' at all but line breaks, the scanner sent each field on its own line.
    const bool lines_are_fields = text.find('|') == std::string_view::npos &&
                                  text.find_first_of("\r\n") != std::string_view::npos;
    size_t start = 0;
    for (size_t i = 0; i <= text.size(); ++i) {
        const bool end = i == text.size();
        const bool sep = !end && (text[i] == '|' || (lines_are_fields && text[i] == '\n'));
        if (!end && !sep) continue;
        std::string_view field = text.substr(start, i - start);
        const size_t before = field.size();
        while (!field.empty() && is_space(field.back())) field.remove_suffix(1);
        while (!field.empty() && is_space(field.front())) field.remove_prefix(1);
        if (field.size() != before) out.hadSpacesAroundFields = true;
        out.fields.emplace_back(field);
        start = i + 1;
    }
    if (lines_are_fields) out.hadLineBreaks = true;
    for (const auto& f : out.fields)
        if (f.find_first_of("\r\n") != std::string::npos) out.hadLineBreaks = true;
    return out;
}

}  // namespace cccd
