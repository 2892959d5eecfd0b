// UTF-8 encoding and validation, RFC 3629 section 4 (see utf8_text.hpp).
#include "qr/text/utf8_text.hpp"

namespace cccd::qr {

void put_utf8(std::string& out, char32_t cp) {
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = kReplacementChar;
    const auto byte = [&out](uint32_t b) { out.push_back(static_cast<char>(static_cast<uint8_t>(b))); };
    const auto v = static_cast<uint32_t>(cp);
    if (v < 0x80) {
        byte(v);
    } else if (v < 0x800) {
        byte(0xC0 | (v >> 6));
        byte(0x80 | (v & 0x3F));
    } else if (v < 0x10000) {
        byte(0xE0 | (v >> 12));
        byte(0x80 | ((v >> 6) & 0x3F));
        byte(0x80 | (v & 0x3F));
    } else {
        byte(0xF0 | (v >> 18));
        byte(0x80 | ((v >> 12) & 0x3F));
        byte(0x80 | ((v >> 6) & 0x3F));
        byte(0x80 | (v & 0x3F));
    }
}

size_t utf8_sequence_length(std::span<const uint8_t> bytes, size_t i) {
    const size_t left = bytes.size() - i;
    const uint8_t b0 = bytes[i];
    if (b0 < 0x80) return 1;
    const auto cont = [&](size_t k) { return k < left && (bytes[i + k] & 0xC0) == 0x80; };
    // RFC 3629 section 4 (the byte-sequence grammar): the second byte's range depends on the first.
    if (b0 >= 0xC2 && b0 <= 0xDF) return cont(1) ? 1 + 1 : 0;
    if (b0 >= 0xE0 && b0 <= 0xEF) {
        if (left < 3 || !cont(1) || !cont(2)) return 0;
        const uint8_t b1 = bytes[i + 1];
        if (b0 == 0xE0 && b1 < 0xA0) return 0;  // overlong
        if (b0 == 0xED && b1 > 0x9F) return 0;  // surrogate
        return 3;
    }
    if (b0 >= 0xF0 && b0 <= 0xF4) {
        if (left < 4 || !cont(1) || !cont(2) || !cont(3)) return 0;
        const uint8_t b1 = bytes[i + 1];
        if (b0 == 0xF0 && b1 < 0x90) return 0;  // overlong
        if (b0 == 0xF4 && b1 > 0x8F) return 0;  // above U+10FFFF
        return 4;
    }
    return 0;
}

bool valid_utf8(std::span<const uint8_t> bytes) {
    for (size_t i = 0; i < bytes.size();) {
        const size_t n = utf8_sequence_length(bytes, i);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

}  // namespace cccd::qr
