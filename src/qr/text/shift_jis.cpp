// Shift_JIS decoding with the generated JIS X 0208 (+ cp932 extension) table (see shift_jis.hpp).
#include "qr/text/shift_jis.hpp"

#include <utility>

#include "qr/text/double_byte_table.hpp"
#include "qr/text/utf8_text.hpp"

namespace cccd::qr {
namespace {
#include "qr/text/sjis_table.inc"
// The WebAssembly build keeps which codes are defined, not the characters (double_byte_table.hpp).
#ifdef __EMSCRIPTEN__
constexpr auto kDefined = defined_codes(kSjisRows);
// The codes where our table (JIS X 0208's mapping) and the platform's decoder (the Encoding Standard's
// shift_jis is Windows-31J) give different characters, with the table's: the native build's text.
constexpr std::pair<uint16_t, char32_t> kJisMappings[] = {
    {0x8160, 0x301C}, {0x8161, 0x2016}, {0x817C, 0x2212}, {0x8191, 0x00A2}, {0x8192, 0x00A3}, {0x81CA, 0x00AC},
};
#endif

constexpr bool is_lead(uint8_t b) { return (b >= 0x81 && b <= 0x9F) || (b >= 0xE0 && b <= 0xFC); }

// A double-byte code's cell in the table; row 0xFF when it has none.
struct Cell {
    uint8_t row = 0xFF;
    size_t col = 0;
};

Cell cell_of(uint16_t code) {
    const int lead = code >> 8;
    const int trail = code & 0xFF;
    if (lead < 0x80 || trail < kSjisFirstTrail || trail >= kSjisFirstTrail + kSjisTrails) return {};
    return {kSjisRowOfLead[lead - 0x80], static_cast<size_t>(trail - kSjisFirstTrail)};
}

// Whether the cell holds a character, from the table alone: well-formedness needs no character (the
// WebAssembly build would ask the platform's decoder, a call into JS, for each pair of a UTF-8 card's text).
bool defined(Cell cell) {
    if (cell.row == 0xFF) return false;
#ifdef __EMSCRIPTEN__
    return kDefined.has(cell.row, cell.col);
#else
    return kSjisRows[cell.row][cell.col] != 0;
#endif
}

}  // namespace

char32_t shift_jis_char(uint16_t code) {
    const Cell cell = cell_of(code);
    if (!defined(cell)) return 0;
#ifdef __EMSCRIPTEN__
    for (const auto& [jis, c] : kJisMappings)
        if (code == jis) return c;
    return platform_decode_pair(PlatformCharset::shift_jis, static_cast<uint8_t>(code >> 8), static_cast<uint8_t>(code & 0xFF));
#else
    return kSjisRows[cell.row][cell.col];
#endif
}

bool append_shift_jis(std::string& out, std::span<const uint8_t> bytes) {
    bool clean = true;
    for (size_t i = 0; i < bytes.size(); ++i) {
        const uint8_t b = bytes[i];
        if (b < 0x80) {
            out.push_back(static_cast<char>(b));
        } else if (b >= 0xA1 && b <= 0xDF) {
            put_utf8(out, 0xFF61 + (b - 0xA1));  // JIS X 0201 katakana -> U+FF61..U+FF9F
        } else if (is_lead(b) && i + 1 < bytes.size()) {
            const uint8_t trail = bytes[i + 1];
            const char32_t c = shift_jis_char(static_cast<uint16_t>((b << 8) | trail));
            if (c != 0 || trail >= 0x80) ++i;  // an ASCII byte after a bad lead byte is kept as itself
            put_utf8(out, c != 0 ? c : kReplacementChar);
            clean = clean && c != 0;
        } else {
            put_utf8(out, kReplacementChar);
            clean = false;
        }
    }
    return clean;
}

bool well_formed_shift_jis(std::span<const uint8_t> bytes) {
    for (size_t i = 0; i < bytes.size(); ++i) {
        const uint8_t b = bytes[i];
        if (b < 0x80 || (b >= 0xA1 && b <= 0xDF)) continue;
        if (!is_lead(b) || i + 1 == bytes.size()) return false;
        if (!defined(cell_of(static_cast<uint16_t>((b << 8) | bytes[++i])))) return false;
    }
    return true;
}

}  // namespace cccd::qr
