#pragma once
// The data bit stream of a symbol (ISO/IEC 18004:2015 7.4): mode indicators (Table 2), numeric,
// alphanumeric, byte and kanji segments, ECI designators (7.4.2), FNC1 (7.4.8), Structured Append (8),
// the terminator (7.4.9) and the padding after it (7.4.10); also GB/T 18284's Hanzi (GB 2312) segments.
#include <cstdint>
#include <span>

#include "qr/symbol_data.hpp"

namespace cccd::qr {

// Parses the data codewords of a symbol of `version` into out.bytes, out.text, out.fnc1,
// out.applicationIndicator, out.firstEci, out.structuredAppend, out.defaultCharset and out.textLossy.
// out.bytes holds the characters as transmitted: digits and alphanumerics as ASCII (under FNC1, "%" as
// GS per 7.4.8), byte data as stored, kanji as their two Shift JIS bytes, hanzi as their two GB 2312
// bytes, an FNC1 application indicator first; ECI and Structured Append headers are not part of it. Byte
// data without an ECI is read in the one character set charset_guess.hpp picks for all of it. On a stream that does not parse (unknown mode, a segment
// longer than the data, a bad ECI designator or digit group) sets out.error = bad_bitstream and
// out.message, and leaves bytes and text empty. Returns out.ok().
bool decode_bitstream(std::span<const uint8_t> data, int version, GridDecodeResult& out);

}  // namespace cccd::qr
