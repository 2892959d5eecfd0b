// ECI character set conversion (see eci_text.hpp).
#include "qr/text/eci_text.hpp"

#include <array>

#include "qr/text/gb2312.hpp"
#include "qr/text/shift_jis.hpp"
#include "qr/text/utf8_text.hpp"

namespace cccd::qr {
namespace {
#include "qr/text/single_byte_tables.inc"

using HighHalf = std::span<const uint16_t>;  // characters of bytes 0x80..0xFF

// AIM ECI assignments of single-byte sets other than ISO/IEC 8859-1; empty for any other ECI.
HighHalf single_byte_table(int eci) {
    switch (eci) {
        case 0: case 2: return kCp437;  // 0 is 437 under the old GLI scheme; the bytes mean the same
        case 4: return kIso8859_2;
        case 5: return kIso8859_3;
        case 6: return kIso8859_4;
        case 7: return kIso8859_5;
        case 8: return kIso8859_6;
        case 9: return kIso8859_7;
        case 10: return kIso8859_8;
        case 11: return kIso8859_9;
        case 12: return kIso8859_10;
        case 13: return kIso8859_11;
        case 15: return kIso8859_13;  // 14 would be 8859-12, which was never published
        case 16: return kIso8859_14;
        case 17: return kIso8859_15;
        case 18: return kIso8859_16;
        case 21: return kWindows1250;
        case 22: return kWindows1251;
        case 23: return kWindows1252;
        case 24: return kWindows1256;
        default: return {};
    }
}

bool is_latin1(int eci) { return eci == 1 || eci == 3 || eci == 899; }
bool is_ascii(int eci) { return eci == 27 || eci == 170; }

bool append_single_byte(std::string& out, HighHalf high, std::span<const uint8_t> bytes) {
    bool clean = true;
    for (uint8_t b : bytes) {
        const char32_t c = b < 0x80 ? b : high[b - 0x80];
        clean = clean && c != kReplacementChar;
        put_utf8(out, c);
    }
    return clean;
}

// Bytes below 0x80 as ASCII, the rest unknown.
bool append_ascii_only(std::string& out, std::span<const uint8_t> bytes) {
    bool clean = true;
    for (uint8_t b : bytes) {
        put_utf8(out, b < 0x80 ? b : kReplacementChar);
        clean = clean && b < 0x80;
    }
    return clean;
}

bool append_utf8_lenient(std::string& out, std::span<const uint8_t> bytes) {
    bool clean = true;
    for (size_t i = 0; i < bytes.size();) {
        const size_t n = utf8_sequence_length(bytes, i);
        if (n == 0) {
            put_utf8(out, kReplacementChar);
            clean = false;
            ++i;
            continue;
        }
        out.append(reinterpret_cast<const char*>(bytes.data() + i), n);
        i += n;
    }
    return clean;
}

// UTF-16 (RFC 2781) in either byte order; unpaired surrogates and an odd last byte become U+FFFD.
bool append_utf16(std::string& out, std::span<const uint8_t> bytes, bool bigEndian) {
    const auto unit = [&](size_t i) -> char32_t {
        return bigEndian ? static_cast<char32_t>(bytes[i] << 8 | bytes[i + 1])
                         : static_cast<char32_t>(bytes[i + 1] << 8 | bytes[i]);
    };
    bool clean = true;
    size_t i = 0;
    for (; i + 1 < bytes.size(); i += 2) {
        const char32_t u = unit(i);
        if (u >= 0xD800 && u <= 0xDBFF && i + 3 < bytes.size()) {
            const char32_t low = unit(i + 2);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                put_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
                i += 2;
                continue;
            }
        }
        const bool surrogate = u >= 0xD800 && u <= 0xDFFF;
        put_utf8(out, surrogate ? kReplacementChar : u);
        clean = clean && !surrogate;
    }
    if (i < bytes.size()) {
        put_utf8(out, kReplacementChar);
        clean = false;
    }
    return clean;
}

bool append_utf32(std::string& out, std::span<const uint8_t> bytes, bool bigEndian) {
    bool clean = true;
    size_t i = 0;
    for (; i + 3 < bytes.size(); i += 4) {
        uint32_t v = 0;
        for (size_t k = 0; k < 4; ++k) v |= static_cast<uint32_t>(bytes[i + k]) << (bigEndian ? 8 * (3 - k) : 8 * k);
        const bool bad = v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF);
        put_utf8(out, bad ? kReplacementChar : static_cast<char32_t>(v));
        clean = clean && !bad;
    }
    if (i < bytes.size()) {
        put_utf8(out, kReplacementChar);
        clean = false;
    }
    return clean;
}

void append_latin1(std::string& out, std::span<const uint8_t> bytes) {
    for (uint8_t b : bytes) put_utf8(out, b);
}

}  // namespace

bool eci_supported(int eci) {
    return !single_byte_table(eci).empty() || is_latin1(eci) || is_ascii(eci) || eci == 20 || eci == 25 ||
           eci == 26 || eci == 29 || (eci >= 33 && eci <= 35);
}

bool append_eci_text(std::string& out, int eci, std::span<const uint8_t> bytes) {
    if (const HighHalf table = single_byte_table(eci); !table.empty()) return append_single_byte(out, table, bytes);
    if (is_latin1(eci)) {
        append_latin1(out, bytes);
        return true;
    }
    switch (eci) {
        case 20: return append_shift_jis(out, bytes);
        case 25: return append_utf16(out, bytes, true);
        case 26: return append_utf8_lenient(out, bytes);
        case 29: return append_gb2312(out, bytes);
        case 33: return append_utf16(out, bytes, false);
        case 34: return append_utf32(out, bytes, true);
        case 35: return append_utf32(out, bytes, false);
        default: return append_ascii_only(out, bytes);  // 27, 170 exactly; unsupported sets lossy
    }
}

bool append_default_text(std::string& out, DefaultCharset charset, std::span<const uint8_t> bytes) {
    switch (charset) {
        case DefaultCharset::utf8: return append_utf8_lenient(out, bytes);
        case DefaultCharset::shift_jis: return append_shift_jis(out, bytes);
        default: append_latin1(out, bytes); return true;  // none (all ASCII) reads the same
    }
}

}  // namespace cccd::qr
