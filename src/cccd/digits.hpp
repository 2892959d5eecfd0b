#pragma once
// ASCII digit tests shared by the card's parsers and checks.
#include <string_view>

namespace cccd {

// True when `s` is non-empty and every byte is '0'-'9'.
inline bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

}  // namespace cccd
