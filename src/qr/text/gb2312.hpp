#pragma once
// GB 2312 to Unicode: Hanzi mode (GB/T 18284, the Chinese edition of QR Code, stores GB 2312 characters
// by their two-byte codes) and byte data under ECI 000029 (GB 2312 in its EUC-CN form).
#include <cstdint>
#include <span>
#include <string>

namespace cccd::qr {

// The character of a two-byte code (lead << 8 | trail, both 0xA1..0xFE), or 0 if the code is undefined.
char32_t gb2312_char(uint16_t code);

// Appends EUC-CN `bytes` as UTF-8: bytes 0x00-0x7F as ASCII, pairs of 0xA1-0xFE bytes as GB 2312
// characters. Undefined, truncated or stray high bytes become U+FFFD; returns false if there was any.
bool append_gb2312(std::string& out, std::span<const uint8_t> bytes);

}  // namespace cccd::qr
