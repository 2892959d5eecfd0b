#pragma once
// UTF-8 <-> code points (RFC 3629). Strict: overlongs, surrogates and values above U+10FFFF are invalid.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace cccd {

// The length of the valid UTF-8 sequence at bytes[at] (1-4) with its code point in `cp`, or 0 when the
// bytes there are not one (RFC 3629, section 4). Inline: every parser and the JSON writer walk text with it.
inline size_t utf8_sequence(std::string_view bytes, size_t at, char32_t& cp) {
    const auto b0 = static_cast<unsigned char>(bytes[at]);
    if (b0 < 0x80) {
        cp = b0;
        return 1;
    }
    size_t extra;
    char32_t min;
    if ((b0 & 0xE0) == 0xC0) { extra = 1; cp = b0 & 0x1F; min = 0x80; }
    else if ((b0 & 0xF0) == 0xE0) { extra = 2; cp = b0 & 0x0F; min = 0x800; }
    else if ((b0 & 0xF8) == 0xF0) { extra = 3; cp = b0 & 0x07; min = 0x10000; }
    else return 0;
    if (at + extra >= bytes.size()) return 0;  // truncated sequence
    for (size_t k = 1; k <= extra; ++k) {
        const auto b = static_cast<unsigned char>(bytes[at + k]);
        if ((b & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return extra + 1;
}

std::optional<std::u32string> decode_utf8(std::string_view bytes);
std::string encode_utf8(std::u32string_view code_points);
void append_utf8(std::string& out, char32_t cp);
bool is_valid_utf8(std::string_view bytes);
// True when every byte is below 0x80.
bool is_ascii(std::string_view bytes);

}  // namespace cccd
