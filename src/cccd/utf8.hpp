#pragma once
// UTF-8 <-> code points (RFC 3629). Strict: overlongs, surrogates and values above U+10FFFF are invalid.
#include <optional>
#include <string>
#include <string_view>

namespace cccd {

std::optional<std::u32string> decode_utf8(std::string_view bytes);
std::string encode_utf8(std::u32string_view code_points);
void append_utf8(std::string& out, char32_t cp);
inline bool is_valid_utf8(std::string_view bytes) { return decode_utf8(bytes).has_value(); }
// True when every byte is below 0x80.
bool is_ascii(std::string_view bytes);

}  // namespace cccd
