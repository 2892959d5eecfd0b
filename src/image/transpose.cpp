#include "image/transpose.hpp"

#include <bit>
#include <cstring>

namespace cccd::image {
namespace {

// Transposes an 8x8 block of bytes held as eight little-endian words (byte k of word r = element (r, k)):
// swap 1x1, then 2x2, then 4x4 sub-blocks across the diagonal.
inline void transpose8x8(uint64_t r[8]) {
    static_assert(std::endian::native == std::endian::little, "byte k of a word is column k");
    for (int i = 0; i < 8; i += 2) {
        const uint64_t t = ((r[i] >> 8) ^ r[i + 1]) & 0x00FF00FF00FF00FFull;
        r[i + 1] ^= t;
        r[i] ^= t << 8;
    }
    for (int i : {0, 1, 4, 5}) {
        const uint64_t t = ((r[i] >> 16) ^ r[i + 2]) & 0x0000FFFF0000FFFFull;
        r[i + 2] ^= t;
        r[i] ^= t << 16;
    }
    for (int i = 0; i < 4; ++i) {
        const uint64_t t = ((r[i] >> 32) ^ r[i + 4]) & 0x00000000FFFFFFFFull;
        r[i + 4] ^= t;
        r[i] ^= t << 32;
    }
}

}  // namespace

void transpose(const BitMatrix& in, BitMatrix& out) {
    const int w = in.width, h = in.height;
    out.reshape(h, w);
    const uint8_t* src = in.bits.data();
    uint8_t* dst = out.bits.data();
    const size_t sw = static_cast<size_t>(w), sh = static_cast<size_t>(h);
    const int w8 = w & ~7, h8 = h & ~7;
    for (int y0 = 0; y0 < h8; y0 += 8)
        for (int x0 = 0; x0 < w8; x0 += 8) {
            uint64_t r[8];
            for (int k = 0; k < 8; ++k) std::memcpy(&r[k], src + static_cast<size_t>(y0 + k) * sw + static_cast<size_t>(x0), 8);
            transpose8x8(r);
            for (int k = 0; k < 8; ++k) std::memcpy(dst + static_cast<size_t>(x0 + k) * sh + static_cast<size_t>(y0), &r[k], 8);
        }
    // The right and bottom strips that do not fill a block.
    for (int y = 0; y < h; ++y)
        for (int x = (y < h8 ? w8 : 0); x < w; ++x) dst[static_cast<size_t>(x) * sh + static_cast<size_t>(y)] = src[static_cast<size_t>(y) * sw + static_cast<size_t>(x)];
}

}  // namespace cccd::image
