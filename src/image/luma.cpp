#include "image/luma.hpp"

#include <algorithm>

#include "image/downscale.hpp"

#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif

namespace cccd::image {
namespace {

constexpr int kWr = 77, kWg = 150, kWb = 29;  // sum 256; max 255 * 256 + 128 still fits 16 bits

inline uint8_t luma_of(const uint8_t* p) {
    return static_cast<uint8_t>((kWr * p[0] + kWg * p[1] + kWb * p[2] + 128) >> 8);
}

#ifdef __wasm_simd128__
// 4 pixels (one vector of RGBA) -> their luminance in 32-bit lanes. Read as 16-bit lanes, a pixel is
// (r | g << 8), (b | a << 8): the low bytes carry r and b, the high bytes g and a, so two pairwise dot
// products weigh all three without any byte shuffle (alpha gets weight 0).
inline v128_t luma4(v128_t px) {
    const v128_t low = wasm_v128_and(px, wasm_i16x8_splat(0x00FF));
    const v128_t high = wasm_u16x8_shr(px, 8);
    const v128_t y = wasm_i32x4_add(wasm_i32x4_dot_i16x8(low, wasm_i32x4_splat(kWr | (kWb << 16))),
                                    wasm_i32x4_dot_i16x8(high, wasm_i32x4_splat(kWg)));
    return wasm_u32x4_shr(wasm_i32x4_add(y, wasm_i32x4_splat(128)), 8);
}

void rgba_to_luma_simd(const uint8_t* rgba, int width, int height, int rgbaStride, uint8_t* luma) {
    for (int y = 0; y < height; ++y) {
        const uint8_t* src = rgba + static_cast<long>(y) * rgbaStride;
        uint8_t* dst = luma + static_cast<long>(y) * width;
        int x = 0;
        for (; x + 16 <= width; x += 16) {
            const uint8_t* p = src + 4 * x;
            const v128_t lo = wasm_u16x8_narrow_i32x4(luma4(wasm_v128_load(p)), luma4(wasm_v128_load(p + 16)));
            const v128_t hi = wasm_u16x8_narrow_i32x4(luma4(wasm_v128_load(p + 32)), luma4(wasm_v128_load(p + 48)));
            wasm_v128_store(dst + x, wasm_u8x16_narrow_i16x8(lo, hi));
        }
        for (; x < width; ++x) dst[x] = luma_of(src + 4 * x);
    }
}

#endif

}  // namespace

bool rgba_to_luma_halved(std::span<const uint8_t> rgba, int width, int height, int rgbaStride, std::span<uint8_t> halved) {
    if (width < 2 || height < 2 || rgbaStride < 4 * width) return false;
    const size_t w = static_cast<size_t>(width), h = static_cast<size_t>(height);
    const int hw = width / 2, hh = height / 2;
    if (rgba.size() < static_cast<size_t>(rgbaStride) * (h - 1) + 4 * w ||
        halved.size() < static_cast<size_t>(hw) * static_cast<size_t>(hh))
        return false;
    // Two rows of lumas at a time, in pieces that stay in L1, then their 2x2 means: the full-size plane
    // is never written out.
    constexpr int kPiece = 256;
    uint8_t top[kPiece], bottom[kPiece];
    for (int y = 0; y < hh; ++y) {
        const uint8_t* src = rgba.data() + static_cast<size_t>(2 * y) * static_cast<size_t>(rgbaStride);
        uint8_t* out = halved.data() + static_cast<size_t>(y) * static_cast<size_t>(hw);
        for (int x = 0; x < 2 * hw; x += kPiece) {
            const int n = std::min(kPiece, 2 * hw - x);  // even
#ifdef __wasm_simd128__
            rgba_to_luma_simd(src + 4 * x, n, 1, rgbaStride, top);
            rgba_to_luma_simd(src + rgbaStride + 4 * x, n, 1, rgbaStride, bottom);
#else
            rgba_to_luma_scalar(src + 4 * x, n, 1, rgbaStride, top);
            rgba_to_luma_scalar(src + rgbaStride + 4 * x, n, 1, rgbaStride, bottom);
#endif
            halve_rows(top, bottom, n / 2, out + x / 2);
        }
    }
    return true;
}

void rgba_to_luma_scalar(const uint8_t* rgba, int width, int height, int rgbaStride, uint8_t* luma) {
    for (int y = 0; y < height; ++y) {
        const uint8_t* src = rgba + static_cast<long>(y) * rgbaStride;
        uint8_t* dst = luma + static_cast<long>(y) * width;
        for (int x = 0; x < width; ++x) dst[x] = luma_of(src + 4 * x);
    }
}

bool rgba_to_luma(std::span<const uint8_t> rgba, int width, int height, int rgbaStride, std::span<uint8_t> luma) {
    if (width <= 0 || height <= 0 || rgbaStride < 4 * width) return false;
    const size_t w = static_cast<size_t>(width), h = static_cast<size_t>(height);
    if (rgba.size() < static_cast<size_t>(rgbaStride) * (h - 1) + 4 * w || luma.size() < w * h) return false;
#ifdef __wasm_simd128__
    rgba_to_luma_simd(rgba.data(), width, height, rgbaStride, luma.data());
#else
    rgba_to_luma_scalar(rgba.data(), width, height, rgbaStride, luma.data());
#endif
    return true;
}

}  // namespace cccd::image
