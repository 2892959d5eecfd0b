#pragma once
// UTF-8 for the QR decoder's text output (RFC 3629). Kept apart from src/cccd: the reader does not
// depend on the card parser.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

namespace cccd::qr {

constexpr char32_t kReplacementChar = 0xFFFD;

// Appends `cp` as UTF-8; a surrogate or a value above U+10FFFF becomes U+FFFD.
void put_utf8(std::string& out, char32_t cp);

// Length of the well-formed UTF-8 sequence starting at bytes[i] (1..4), or 0 if there is none there
// (overlongs, surrogates and values above U+10FFFF are ill-formed).
size_t utf8_sequence_length(std::span<const uint8_t> bytes, size_t i);

bool valid_utf8(std::span<const uint8_t> bytes);

}  // namespace cccd::qr
