// Shift_JIS decoding with the generated JIS X 0208 (+ cp932 extension) table (see shift_jis.hpp).
#include "qr/shift_jis.hpp"

#include "qr/utf8_text.hpp"

namespace cccd::qr {
namespace {
#include "qr/sjis_table.inc"

constexpr bool is_lead(uint8_t b) { return (b >= 0x81 && b <= 0x9F) || (b >= 0xE0 && b <= 0xFC); }
}  // namespace

char32_t shift_jis_char(uint16_t code) {
    const int lead = code >> 8;
    const int trail = code & 0xFF;
    if (lead < 0x80 || trail < kSjisFirstTrail || trail >= kSjisFirstTrail + kSjisTrails) return 0;
    const uint8_t row = kSjisRowOfLead[lead - 0x80];
    if (row == 0xFF) return 0;
    return kSjisRows[row][trail - kSjisFirstTrail];
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
        if (shift_jis_char(static_cast<uint16_t>((b << 8) | bytes[++i])) == 0) return false;
    }
    return true;
}

}  // namespace cccd::qr
