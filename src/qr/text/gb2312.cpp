// GB 2312 decoding with the generated table (see gb2312.hpp and gen_gb2312_table.py).
#include "qr/text/gb2312.hpp"

#include "qr/text/double_byte_table.hpp"
#include "qr/text/utf8_text.hpp"

namespace cccd::qr {
namespace {
#include "qr/text/gb2312_table.inc"
// The WebAssembly build keeps which codes are defined, not the characters (double_byte_table.hpp).
#ifdef __EMSCRIPTEN__
constexpr auto kDefined = defined_codes(kGb2312Rows);
#endif

constexpr bool in_range(int b) { return b >= kGb2312FirstByte && b < kGb2312FirstByte + kGb2312Bytes; }
}  // namespace

char32_t gb2312_char(uint16_t code) {
    const int lead = code >> 8;
    const int trail = code & 0xFF;
    if (!in_range(lead) || !in_range(trail)) return 0;
    const uint8_t row = kGb2312RowOfLead[lead - kGb2312FirstByte];
    if (row == 0xFF) return 0;
#ifdef __EMSCRIPTEN__
    const auto col = static_cast<size_t>(trail - kGb2312FirstByte);
    return kDefined.has(row, col) ? platform_decode_pair(PlatformCharset::gbk, static_cast<uint8_t>(lead), static_cast<uint8_t>(trail)) : 0;
#else
    return kGb2312Rows[row][trail - kGb2312FirstByte];
#endif
}

bool append_gb2312(std::string& out, std::span<const uint8_t> bytes) {
    bool clean = true;
    for (size_t i = 0; i < bytes.size(); ++i) {
        const uint8_t b = bytes[i];
        if (b < 0x80) {
            out.push_back(static_cast<char>(b));
            continue;
        }
        char32_t c = 0;
        if (in_range(b) && i + 1 < bytes.size() && in_range(bytes[i + 1])) {
            c = gb2312_char(static_cast<uint16_t>(b << 8 | bytes[i + 1]));
            ++i;  // a pair of high bytes is one code, defined or not
        }
        put_utf8(out, c != 0 ? c : kReplacementChar);
        clean = clean && c != 0;
    }
    return clean;
}

}  // namespace cccd::qr
