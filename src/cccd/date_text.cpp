#include "cccd/date_text.hpp"

#include <array>

#include "cccd/digits.hpp"

namespace cccd {
namespace {

std::string two_digits(std::string_view s) {
    std::string out(2 - s.size(), '0');
    return out.append(s);
}

std::string_view trimmed(std::string_view s) {
    const size_t b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

}  // namespace

std::string to_ddmmyyyy(std::string_view text) {
    text = trimmed(text);
    const size_t first = text.find_first_of("/-.");
    if (first == std::string_view::npos) return std::string(text);
    // Three numbers with the same separator between them.
    const char sep = text[first];
    const size_t second = text.find(sep, first + 1);
    if (second == std::string_view::npos || text.find(sep, second + 1) != std::string_view::npos)
        return std::string(text);
    const std::array<std::string_view, 3> p = {text.substr(0, first), text.substr(first + 1, second - first - 1),
                                               text.substr(second + 1)};
    for (auto part : p)
        if (!all_digits(part)) return std::string(text);
    auto short_part = [](std::string_view s) { return s.size() <= 2; };
    if (short_part(p[0]) && short_part(p[1]) && p[2].size() == 4)
        return two_digits(p[0]) + two_digits(p[1]) + std::string(p[2]);
    if (p[0].size() == 4 && short_part(p[1]) && short_part(p[2]))
        return two_digits(p[2]) + two_digits(p[1]) + std::string(p[0]);
    return std::string(text);
}

}  // namespace cccd
