#pragma once
// Where the characters of the double-byte sets (Shift_JIS, GB 2312) come from. Native builds keep the
// generated tables. The WebAssembly build keeps one bit per code (defined or not, from the same tables at
// compile time) and takes each character from the platform's TextDecoder: the browsers' and Node's
// "shift_jis" and "gbk" decoders (WHATWG Encoding Standard) map every code our tables define to the same
// character (tests/node/charsets.test.mjs checks each one). That keeps 31 KB (gzipped) of tables out of
// the .wasm, which ID cards, whose text is UTF-8, never need.
#include <array>
#include <cstddef>
#include <cstdint>

namespace cccd::qr {

// One bit per cell of a Rows x Cols table of characters: set where the cell is not 0.
template <size_t Rows, size_t Cols>
struct DefinedCodes {
    std::array<uint8_t, (Rows * Cols + 7) / 8> bits{};
    constexpr bool has(size_t row, size_t col) const {
        const size_t i = row * Cols + col;
        return (bits[i / 8] >> (i % 8) & 1) != 0;
    }
};

template <size_t Rows, size_t Cols>
constexpr DefinedCodes<Rows, Cols> defined_codes(const uint16_t (&table)[Rows][Cols]) {
    DefinedCodes<Rows, Cols> d;
    for (size_t r = 0; r < Rows; ++r)
        for (size_t c = 0; c < Cols; ++c)
            if (table[r][c] != 0) d.bits[(r * Cols + c) / 8] |= static_cast<uint8_t>(1u << ((r * Cols + c) % 8));
    return d;
}

enum class PlatformCharset { shift_jis = 0, gbk = 1 };

// WebAssembly build only: the character the platform's TextDecoder gives the two bytes, or 0 when it gives
// anything but one character.
char32_t platform_decode_pair(PlatformCharset charset, uint8_t lead, uint8_t trail);

}  // namespace cccd::qr
