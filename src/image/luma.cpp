#include "image/luma.hpp"

#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif

namespace cccd::image {
namespace {

constexpr int kWr = 77, kWg = 150, kWb = 29;  // sum 256; max 255 * 256 + 128 still fits 16 bits

// The weights of a pixel's bytes 0, 1 and 2.
struct Weights {
    int w0, w1, w2;
};
constexpr Weights weights_of(PixelOrder order) {
    return order == PixelOrder::Rgba ? Weights{kWr, kWg, kWb} : Weights{kWb, kWg, kWr};
}

inline uint8_t luma_of(const uint8_t* p, Weights w) {
    return static_cast<uint8_t>((w.w0 * p[0] + w.w1 * p[1] + w.w2 * p[2] + 128) >> 8);
}

inline uint8_t avgr(uint8_t a, uint8_t b) { return static_cast<uint8_t>((a + b + 1) >> 1); }

// The luma of a 2x2 block's mean colour (pixels t, t + 4 over b, b + 4): rows averaged first, then columns,
// rounding up each time as simd128's avgr does, so the vector code gives exactly this. One luma per block
// instead of four: the reduced frame costs less than half of the four lumas and their mean.
inline uint8_t mean_luma_of(const uint8_t* t, const uint8_t* b, Weights w) {
    uint8_t m[3];
    for (int c = 0; c < 3; ++c) m[c] = avgr(avgr(t[c], b[c]), avgr(t[4 + c], b[4 + c]));
    return luma_of(m, w);
}

#ifdef __wasm_simd128__
// 4 pixels (one vector of RGBA) -> their luminance in 32-bit lanes. Read as 16-bit lanes, a pixel is
// (r | g << 8), (b | a << 8): the low bytes carry r and b, the high bytes g and a, so two pairwise dot
// products weigh all three without any byte shuffle (alpha gets weight 0). BGRA: b and r trade weights.
inline v128_t luma4(v128_t px, Weights w) {
    const v128_t low = wasm_v128_and(px, wasm_i16x8_splat(0x00FF));
    const v128_t high = wasm_u16x8_shr(px, 8);
    const v128_t y = wasm_i32x4_add(wasm_i32x4_dot_i16x8(low, wasm_i32x4_splat(w.w0 | (w.w2 << 16))),
                                    wasm_i32x4_dot_i16x8(high, wasm_i32x4_splat(w.w1)));
    return wasm_u32x4_shr(wasm_i32x4_add(y, wasm_i32x4_splat(128)), 8);
}

// mean_luma_of for 4 blocks (8 pixels of two rows): the 32-bit shuffles pick the even and the odd pixels.
inline v128_t mean_luma4(const uint8_t* t, const uint8_t* b, Weights w) {
    const v128_t v0 = wasm_u8x16_avgr(wasm_v128_load(t), wasm_v128_load(b));
    const v128_t v1 = wasm_u8x16_avgr(wasm_v128_load(t + 16), wasm_v128_load(b + 16));
    return luma4(wasm_u8x16_avgr(wasm_i32x4_shuffle(v0, v1, 0, 2, 4, 6), wasm_i32x4_shuffle(v0, v1, 1, 3, 5, 7)), w);
}

void rgba_to_luma_simd(const uint8_t* rgba, int width, int height, int rgbaStride, uint8_t* luma, Weights w) {
    for (int y = 0; y < height; ++y) {
        const uint8_t* src = rgba + static_cast<long>(y) * rgbaStride;
        uint8_t* dst = luma + static_cast<long>(y) * width;
        int x = 0;
        for (; x + 16 <= width; x += 16) {
            const uint8_t* p = src + 4 * x;
            const v128_t lo = wasm_u16x8_narrow_i32x4(luma4(wasm_v128_load(p), w), luma4(wasm_v128_load(p + 16), w));
            const v128_t hi = wasm_u16x8_narrow_i32x4(luma4(wasm_v128_load(p + 32), w), luma4(wasm_v128_load(p + 48), w));
            wasm_v128_store(dst + x, wasm_u8x16_narrow_i16x8(lo, hi));
        }
        for (; x < width; ++x) dst[x] = luma_of(src + 4 * x, w);
    }
}

#endif

}  // namespace

bool rgba_to_luma_halved(std::span<const uint8_t> rgba, int width, int height, int rgbaStride, std::span<uint8_t> halved,
                         PixelOrder order) {
    if (width < 2 || height < 2 || rgbaStride < 4 * width) return false;
    const Weights weights = weights_of(order);
    const size_t w = static_cast<size_t>(width), h = static_cast<size_t>(height);
    const int hw = width / 2, hh = height / 2;
    if (rgba.size() < static_cast<size_t>(rgbaStride) * (h - 1) + 4 * w ||
        halved.size() < static_cast<size_t>(hw) * static_cast<size_t>(hh))
        return false;
    for (int y = 0; y < hh; ++y) {
        const uint8_t* top = rgba.data() + static_cast<size_t>(2 * y) * static_cast<size_t>(rgbaStride);
        const uint8_t* bottom = top + rgbaStride;
        uint8_t* out = halved.data() + static_cast<size_t>(y) * static_cast<size_t>(hw);
        int x = 0;
#ifdef __wasm_simd128__
        for (; x + 16 <= hw; x += 16) {
            const uint8_t* t = top + 8 * x;
            const uint8_t* b = bottom + 8 * x;
            const v128_t lo = wasm_u16x8_narrow_i32x4(mean_luma4(t, b, weights), mean_luma4(t + 32, b + 32, weights));
            const v128_t hi = wasm_u16x8_narrow_i32x4(mean_luma4(t + 64, b + 64, weights), mean_luma4(t + 96, b + 96, weights));
            wasm_v128_store(out + x, wasm_u8x16_narrow_i16x8(lo, hi));
        }
#endif
        for (; x < hw; ++x) out[x] = mean_luma_of(top + 8 * x, bottom + 8 * x, weights);
    }
    return true;
}

void rgba_to_luma_scalar(const uint8_t* rgba, int width, int height, int rgbaStride, uint8_t* luma, PixelOrder order) {
    const Weights w = weights_of(order);
    for (int y = 0; y < height; ++y) {
        const uint8_t* src = rgba + static_cast<long>(y) * rgbaStride;
        uint8_t* dst = luma + static_cast<long>(y) * width;
        for (int x = 0; x < width; ++x) dst[x] = luma_of(src + 4 * x, w);
    }
}

bool rgba_to_luma(std::span<const uint8_t> rgba, int width, int height, int rgbaStride, std::span<uint8_t> luma,
                  PixelOrder order) {
    if (width <= 0 || height <= 0 || rgbaStride < 4 * width) return false;
    const size_t w = static_cast<size_t>(width), h = static_cast<size_t>(height);
    if (rgba.size() < static_cast<size_t>(rgbaStride) * (h - 1) + 4 * w || luma.size() < w * h) return false;
#ifdef __wasm_simd128__
    rgba_to_luma_simd(rgba.data(), width, height, rgbaStride, luma.data(), weights_of(order));
#else
    rgba_to_luma_scalar(rgba.data(), width, height, rgbaStride, luma.data(), order);
#endif
    return true;
}

}  // namespace cccd::image
