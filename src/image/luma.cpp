#include "image/luma.hpp"

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
// 8 pixels (two vectors of RGBA) -> 8 luminance values as u16 lanes.
inline v128_t luma8(v128_t a, v128_t b) {
    const v128_t rg = wasm_i8x16_shuffle(a, b, 0, 4, 8, 12, 16, 20, 24, 28, 1, 5, 9, 13, 17, 21, 25, 29);
    const v128_t bx = wasm_i8x16_shuffle(a, b, 2, 6, 10, 14, 18, 22, 26, 30, 3, 7, 11, 15, 19, 23, 27, 31);
    const v128_t r = wasm_u16x8_extend_low_u8x16(rg);
    const v128_t g = wasm_u16x8_extend_high_u8x16(rg);
    const v128_t bl = wasm_u16x8_extend_low_u8x16(bx);
    v128_t y = wasm_i16x8_mul(r, wasm_i16x8_splat(kWr));
    y = wasm_i16x8_add(y, wasm_i16x8_mul(g, wasm_i16x8_splat(kWg)));
    y = wasm_i16x8_add(y, wasm_i16x8_mul(bl, wasm_i16x8_splat(kWb)));
    y = wasm_i16x8_add(y, wasm_i16x8_splat(128));
    return wasm_u16x8_shr(y, 8);  // unsigned shift: the sum may exceed 32767
}

void rgba_to_luma_simd(const uint8_t* rgba, int width, int height, int rgbaStride, uint8_t* luma) {
    for (int y = 0; y < height; ++y) {
        const uint8_t* src = rgba + static_cast<long>(y) * rgbaStride;
        uint8_t* dst = luma + static_cast<long>(y) * width;
        int x = 0;
        for (; x + 16 <= width; x += 16) {
            const uint8_t* p = src + 4 * x;
            const v128_t lo = luma8(wasm_v128_load(p), wasm_v128_load(p + 16));
            const v128_t hi = luma8(wasm_v128_load(p + 32), wasm_v128_load(p + 48));
            wasm_v128_store(dst + x, wasm_u8x16_narrow_i16x8(lo, hi));
        }
        for (; x < width; ++x) dst[x] = luma_of(src + 4 * x);
    }
}
#endif

}  // namespace

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
