#include "cccd/payload.hpp"

namespace cccd {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; }

// The card's layouts have 7 or 11 fields (a trailing separator adds an empty 8th); more are kept as an
// unknown layout. Any other count from ';' or tabs means they were not separators. The first field is
// the ID number: without a digit there it is another ';' text (WIFI:T:WPA;S:…;;, MECARD:N:…;;).
bool looks_like_card_fields(const std::vector<std::string>& f) {
    const bool count = f.size() == 7 || (f.size() == 8 && f.back().empty()) || f.size() >= 11;
    return count && f[0].find_first_of("0123456789") != std::string::npos;
}

// Splits at `sep`, trimming white space around each field (and a CR before a line's LF).
void split_at(std::string_view text, char sep, SplitPayload& out) {
    out.fields.clear();
    size_t start = 0;
    for (size_t i = 0; i <= text.size(); ++i) {
        if (i != text.size() && text[i] != sep) continue;
        std::string_view field = text.substr(start, i - start);
        if (sep == '\n' && field.ends_with('\r')) field.remove_suffix(1);
        const size_t before = field.size();
        while (!field.empty() && is_space(field.back())) field.remove_suffix(1);
        while (!field.empty() && is_space(field.front())) field.remove_prefix(1);
        if (field.size() != before) out.hadSpacesAroundFields = true;
        if (field.find_first_of("\r\n") != std::string_view::npos) out.hadLineBreaks = true;
        out.fields.emplace_back(field);
        start = i + 1;
    }
}

// A spreadsheet row: its leading and trailing tabs are empty cells (the Thẻ căn cước's four reserved
// fields), so only the other white space around it is noise.
std::string_view tab_row(std::string_view text) {
    constexpr std::string_view kNoise = " \r\n\v\f";
    const size_t b = text.find_first_not_of(kNoise);
    if (b == std::string_view::npos) return {};
    return text.substr(b, text.find_last_not_of(kNoise) - b + 1);
}

// Splits a single line without '|' at tabs or ';' when that gives a card's field count.
bool split_single_line(std::string_view body, std::string_view after_bom, SplitPayload& out) {
    SplitPayload trial;
    split_at(tab_row(after_bom), '\t', trial);
    Separator sep = Separator::tab;
    if (!looks_like_card_fields(trial.fields)) {
        trial = SplitPayload{};
        split_at(body, ';', trial);
        sep = Separator::semicolon;
    }
    if (!looks_like_card_fields(trial.fields)) return false;
    out.fields = std::move(trial.fields);
    out.separator = sep;
    out.hadSpacesAroundFields = trial.hadSpacesAroundFields;
    out.hadLineBreaks = out.hadLineBreaks || trial.hadLineBreaks;
    return true;
}

}  // namespace

SplitPayload split_payload(std::string_view text) {
    SplitPayload out;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") {
        out.hadBom = true;
        text.remove_prefix(3);
    }
    const std::string_view after_bom = text;
    while (!text.empty() && is_space(text.front())) {
        out.hadLineBreaks = out.hadLineBreaks || text.front() == '\n' || text.front() == '\r';
        text.remove_prefix(1);
    }
    // With no '|' at all but a line break inside, the scanner sent each field on its own line. Then
    // trailing empty lines are empty fields (the Thẻ căn cước ends in four), so they are kept; the one
    // line break that ends the transmission is dropped.
    std::string_view body = text;
    while (!body.empty() && is_space(body.back())) body.remove_suffix(1);
    const bool has_pipe = body.find('|') != std::string_view::npos;
    const bool lines_are_fields = !has_pipe && body.find('\n') != std::string_view::npos;
    if (lines_are_fields) {
        if (text.ends_with("\r\n")) text.remove_suffix(2);
        else if (text.ends_with('\n')) text.remove_suffix(1);
        out.hadLineBreaks = true;
        out.separator = Separator::line;
        split_at(text, '\n', out);
        return out;
    }
    out.hadLineBreaks = out.hadLineBreaks || text.substr(body.size()).find_first_of("\r\n") != std::string_view::npos;
    if (!has_pipe && split_single_line(body, after_bom, out)) return out;
    split_at(body, '|', out);
    return out;
}

}  // namespace cccd
