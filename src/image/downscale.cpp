#include "image/downscale.hpp"

#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif

namespace cccd::image {

void halve_rows(const uint8_t* top, const uint8_t* bottom, int w, uint8_t* out) {
    int x = 0;
#ifdef __wasm_simd128__
    // Pairwise sums of 16 bytes of each row give 8 block sums in 16-bit lanes.
    const v128_t two = wasm_i16x8_splat(2);
    for (; x + 16 <= w; x += 16) {
        const uint8_t* t = top + 2 * x;
        const uint8_t* b = bottom + 2 * x;
        const v128_t lo = wasm_u16x8_shr(wasm_i16x8_add(wasm_i16x8_add(wasm_u16x8_extadd_pairwise_u8x16(wasm_v128_load(t)),
                                                                     wasm_u16x8_extadd_pairwise_u8x16(wasm_v128_load(b))),
                                                      two),
                                       2);
        const v128_t hi = wasm_u16x8_shr(wasm_i16x8_add(wasm_i16x8_add(wasm_u16x8_extadd_pairwise_u8x16(wasm_v128_load(t + 16)),
                                                                     wasm_u16x8_extadd_pairwise_u8x16(wasm_v128_load(b + 16))),
                                                      two),
                                       2);
        wasm_v128_store(out + x, wasm_u8x16_narrow_i16x8(lo, hi));
    }
#endif
    for (; x < w; ++x)
        out[x] = static_cast<uint8_t>((top[2 * x] + top[2 * x + 1] + bottom[2 * x] + bottom[2 * x + 1] + 2) >> 2);
}

ImageView downscale(const ImageView& gray, int factor, std::vector<uint8_t>& pixels) {
    if (factor < 1 || gray.width < factor || gray.height < factor) return {};
    const int w = gray.width / factor, h = gray.height / factor;
    pixels.resize(static_cast<size_t>(w) * static_cast<size_t>(h));
    if (factor == 2) {
        for (int y = 0; y < h; ++y)
            halve_rows(gray.row(2 * y), gray.row(2 * y + 1), w, pixels.data() + static_cast<size_t>(y) * static_cast<size_t>(w));
        return {pixels.data(), w, h, w};
    }
    const unsigned area = static_cast<unsigned>(factor * factor);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            unsigned sum = 0;
            for (int j = 0; j < factor; ++j) {
                const uint8_t* row = gray.row(y * factor + j) + x * factor;
                for (int i = 0; i < factor; ++i) sum += row[i];
            }
            pixels[static_cast<size_t>(y) * static_cast<size_t>(w) + static_cast<size_t>(x)] =
                static_cast<uint8_t>((sum + area / 2) / area);
        }
    return {pixels.data(), w, h, w};
}

}  // namespace cccd::image
