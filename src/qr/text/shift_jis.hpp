#pragma once
// Shift_JIS to Unicode: kanji mode (ISO/IEC 18004:2015 7.4.6 stores JIS X 0208 characters by their
// Shift JIS codes) and byte data under ECI 000020.
#include <cstdint>
#include <span>
#include <string>

namespace cccd::qr {

// The character of a double-byte code (lead << 8 | trail), or 0 if the code is undefined.
char32_t shift_jis_char(uint16_t code);

// Appends Shift_JIS `bytes` as UTF-8: bytes 0x00-0x7F as ASCII (as Windows code page 932 does, not as
// JIS X 0201's yen sign and overline), 0xA1-0xDF as halfwidth katakana, the rest as double-byte codes.
// Undefined or truncated codes become U+FFFD; returns false if there was any.
bool append_shift_jis(std::string& out, std::span<const uint8_t> bytes);

// True when every byte is part of a character append_shift_jis converts without U+FFFD: ASCII,
// half-width katakana, or a lead byte followed by a trail byte that make a defined code.
bool well_formed_shift_jis(std::span<const uint8_t> bytes);

}  // namespace cccd::qr
