#include "image/threshold_pass.hpp"

#include <algorithm>
#include <cstring>

#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif

namespace cccd::image {
namespace {

// Exactness: with 2 bs dividing 256, apply_threshold_map's "grey * 256 * 2bs < level interpolated in 8.8
// fixed point" is "grey * (2bs)^2 < sum of block levels times integer bilinear weights", and that sum is at
// most 255 * (2bs)^2 <= 65280 for bs <= 8: 16-bit lanes, and the order of interpolation (x or y first)
// does not matter. Rows along x are interpolated once per block row, so each pixel costs one blend.
void interpolate_block_row(const ThresholdMap& map, int j, int width, uint16_t* out) {
    const int bs = map.blockSize, bx = map.blocksX, twoB = 2 * bs, half = bs / 2;
    const uint8_t* level = map.level.data() + static_cast<size_t>(j) * static_cast<size_t>(bx);
    // Pixel half + i bs + k lies between the centres of blocks i and i + 1 at fraction (2k + 1) / 2bs; before
    // the first centre and after the last the level is the end block's.
    const int first = std::min(half, width);
    for (int x = 0; x < first; ++x) out[x] = static_cast<uint16_t>(level[0] * twoB);
    int i = 0;
    if (bs == 8) {  // a whole block of weights at once: a 2bs + (b - a)(2k + 1), exact in 16 bits (<= 4080)
        using I16x8 = int16_t __attribute__((vector_size(16)));
        const I16x8 odd = {1, 3, 5, 7, 9, 11, 13, 15};
        for (; i + 1 < bx && half + i * bs + 8 <= width; ++i) {
            const int16_t a = level[i], b = level[i + 1];
            const I16x8 v = static_cast<int16_t>(a * twoB) + static_cast<int16_t>(b - a) * odd;
            std::memcpy(out + half + i * bs, &v, sizeof v);
        }
    }
    for (; i + 1 < bx; ++i) {
        const int x0 = half + i * bs, n = std::min(bs, width - x0);
        const int a = level[i], b = level[i + 1];
        for (int k = 0; k < n; ++k) out[x0 + k] = static_cast<uint16_t>(a * (twoB - 2 * k - 1) + b * (2 * k + 1));
    }
    for (int x = std::max(first, half + (bx - 1) * bs); x < width; ++x) out[x] = static_cast<uint16_t>(level[bx - 1] * twoB);
}

// The block level as a grey threshold: grey * 2^shift < level <=> grey < ceil(level / 2^shift) (at most 255),
// so the compare runs on small signed values (16-bit lanes, no unsigned-compare emulation).
inline int16_t grey_threshold(uint16_t top, uint16_t bottom, uint16_t wTop, uint16_t wBottom, int shift) {
    const uint16_t level = static_cast<uint16_t>(top * wTop + bottom * wBottom);
    return static_cast<int16_t>(static_cast<uint16_t>(level + ((1u << shift) - 1u)) >> shift);
}

// 8 lanes of 16 bits with the compiler's vector extensions (GCC and clang: SSE2 natively, simd128 in WASM);
// written out because auto-vectorisation widened the compares to 32 bits.
using I16x8 = int16_t __attribute__((vector_size(16)));
using U16x8 = uint16_t __attribute__((vector_size(16)));
using U8x8 = uint8_t __attribute__((vector_size(8)));

template <typename V>
inline V load(const void* p) {
    V v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

// Pixels x0..x1 of one row against the block map only.
void block_row(const uint8_t* src, const uint16_t* top, const uint16_t* bottom, uint16_t wTop, uint16_t wBottom,
               int shift, int x0, int x1, uint8_t* dst) {
    const int16_t one = 1;
    int x = x0;
#ifdef __wasm_simd128__
    // Intrinsics: the generic vectors' variable shift costs V8 several times a multiply.
    // grey * 2^shift < level, unsigned (simd128 has the unsigned compare; V8 is slow on variable shifts).
    const v128_t scaleV = wasm_i16x8_splat(static_cast<int16_t>(1 << shift)), oneV = wasm_i16x8_splat(one);
    const v128_t wT = wasm_i16x8_splat(static_cast<int16_t>(wTop)), wB = wasm_i16x8_splat(static_cast<int16_t>(wBottom));
    for (; x + 8 <= x1; x += 8) {
        const v128_t grey = wasm_u16x8_load8x8(src + x);
        const v128_t level = wasm_i16x8_add(wasm_i16x8_mul(wasm_v128_load(top + x), wT), wasm_i16x8_mul(wasm_v128_load(bottom + x), wB));
        const v128_t bit = wasm_v128_and(wasm_u16x8_lt(wasm_i16x8_mul(grey, scaleV), level), oneV);
        wasm_v128_store64_lane(dst + x, wasm_u8x16_narrow_i16x8(bit, bit), 0);
    }
#else
    const uint16_t bias = static_cast<uint16_t>((1u << shift) - 1u);
    for (; x + 8 <= x1; x += 8) {
        const I16x8 grey = __builtin_convertvector(load<U8x8>(src + x), I16x8);
        const U16x8 level = load<U16x8>(top + x) * wTop + load<U16x8>(bottom + x) * wBottom;
        const I16x8 bit = (grey < reinterpret_cast<I16x8>((level + bias) >> shift)) & one;
        const U8x8 bytes = __builtin_convertvector(bit, U8x8);
        std::memcpy(dst + x, &bytes, 8);
    }
#endif
    for (; x < x1; ++x)
        dst[x] = static_cast<int16_t>(src[x]) < grey_threshold(top[x], bottom[x], wTop, wBottom, shift) ? 1 : 0;
}

// Pixels x0..x1 (all at least R from the row's ends) with the fine refinement (refine_fine in
// binarize_local.cpp): 16-bit lanes, |grey * count - window sum| <= 81 * 255.
// kKeep: the block decision is already in dst (fine_override_pass); top and bottom are unused.
template <int R, bool kKeep>
void fine_row(const uint8_t* src, const uint16_t* col, const uint16_t* top, const uint16_t* bottom, uint16_t wTop,
              uint16_t wBottom, int shift, int16_t count, int16_t marginCount, int x0, int x1, uint8_t* dst) {
    const int16_t lowMargin = static_cast<int16_t>(-marginCount);
    const int16_t one = 1;
    int x = x0;
#ifdef __wasm_simd128__
    // grey * 2^shift < level, unsigned (simd128 has the unsigned compare; V8 is slow on variable shifts).
    const v128_t scaleV = wasm_i16x8_splat(static_cast<int16_t>(1 << shift)), oneV = wasm_i16x8_splat(one);
    const v128_t wT = wasm_i16x8_splat(static_cast<int16_t>(wTop)), wB = wasm_i16x8_splat(static_cast<int16_t>(wBottom));
    const v128_t countV = wasm_i16x8_splat(count), lowV = wasm_i16x8_splat(lowMargin), highV = wasm_i16x8_splat(marginCount);
    for (; x + 8 <= x1; x += 8) {
        v128_t sum = wasm_v128_load(col + x - R);
        for (int k = 1 - R; k <= R; ++k) sum = wasm_i16x8_add(sum, wasm_v128_load(col + x + k));
        const v128_t grey = wasm_u16x8_load8x8(src + x);
        const v128_t diff = wasm_i16x8_sub(wasm_i16x8_mul(grey, countV), sum);
        v128_t base;
        if constexpr (kKeep) {
            base = wasm_i16x8_ne(wasm_u16x8_load8x8(dst + x), wasm_i16x8_splat(0));
        } else {
            const v128_t level = wasm_i16x8_add(wasm_i16x8_mul(wasm_v128_load(top + x), wT), wasm_i16x8_mul(wasm_v128_load(bottom + x), wB));
            base = wasm_u16x8_lt(wasm_i16x8_mul(grey, scaleV), level);
        }
        const v128_t dark = wasm_i16x8_lt(diff, lowV), light = wasm_i16x8_gt(diff, highV);
        const v128_t bit = wasm_v128_and(wasm_v128_or(dark, wasm_v128_andnot(base, light)), oneV);
        wasm_v128_store64_lane(dst + x, wasm_u8x16_narrow_i16x8(bit, bit), 0);
    }
#else
    const uint16_t bias = static_cast<uint16_t>((1u << shift) - 1u);
    for (; x + 8 <= x1; x += 8) {
        U16x8 sum = load<U16x8>(col + x - R);
        for (int k = 1 - R; k <= R; ++k) sum += load<U16x8>(col + x + k);
        const I16x8 grey = __builtin_convertvector(load<U8x8>(src + x), I16x8);
        const I16x8 diff = grey * count - reinterpret_cast<I16x8>(sum);
        I16x8 base;  // lanes of -1 (dark) or 0
        if constexpr (kKeep) {
            base = __builtin_convertvector(load<U8x8>(dst + x), I16x8) != 0;
        } else {
            const U16x8 level = load<U16x8>(top + x) * wTop + load<U16x8>(bottom + x) * wBottom;
            base = grey < reinterpret_cast<I16x8>((level + bias) >> shift);
        }
        const I16x8 dark = diff < lowMargin;
        const I16x8 light = diff > marginCount;
        const I16x8 bit = (dark | (~light & base)) & one;  // dark wins, then light, then the block level
        const U8x8 bytes = __builtin_convertvector(bit, U8x8);
        std::memcpy(dst + x, &bytes, 8);
    }
#endif
    for (; x < x1; ++x) {
        uint16_t sum = 0;
        for (int k = -R; k <= R; ++k) sum = static_cast<uint16_t>(sum + col[x + k]);
        const int16_t grey = src[x];
        const int16_t diff = static_cast<int16_t>(grey * count - static_cast<int16_t>(sum));
        uint8_t base;
        if constexpr (kKeep) base = dst[x];
        else base = grey < grey_threshold(top[x], bottom[x], wTop, wBottom, shift) ? 1 : 0;
        dst[x] = diff < -marginCount ? 1 : (diff > marginCount ? 0 : base);
    }
}

// The same decision one pixel at a time with the clipped window (row ends).
void fine_pixel(const uint8_t* src, const uint16_t* col, int x, int w, int r, int rows, int margin, uint8_t* dst) {
    int sum = 0;
    const int lo = std::max(0, x - r), hi = std::min(w - 1, x + r);
    for (int k = lo; k <= hi; ++k) sum += col[k];
    const int count = rows * (hi - lo + 1);
    const int diff = static_cast<int>(src[x]) * count - sum;
    if (diff < -margin * count) dst[x] = 1;
    else if (diff > margin * count) dst[x] = 0;
}

using FineRowFn = void (*)(const uint8_t*, const uint16_t*, const uint16_t*, const uint16_t*, uint16_t, uint16_t, int,
                           int16_t, int16_t, int, int, uint8_t*);

template <bool kKeep>
FineRowFn fine_row_for(int r) {
    switch (r) {
        case 1: return &fine_row<1, kKeep>;
        case 2: return &fine_row<2, kKeep>;
        case 3: return &fine_row<3, kKeep>;
        default: return &fine_row<4, kKeep>;
    }
}

}  // namespace

bool threshold_pass_supported(int blockSize, int fineRadius) {
    return (blockSize == 2 || blockSize == 4 || blockSize == 8) && fineRadius >= 0 && fineRadius <= 4;
}

namespace {

// Both passes: with keep (map null) only the fine refinement, on the bits already in out.
void pass(const ImageView& gray, const ThresholdMap* mapOrNull, int fineRadius, int fineMargin, ThresholdPassScratch& s,
          BitMatrix& out, bool keep) {
    static const ThresholdMap kNoMap = [] {
        ThresholdMap m;
        m.reset(2, 1, 1);
        return m;
    }();
    const ThresholdMap& map = mapOrNull ? *mapOrNull : kNoMap;
    const int w = gray.width, h = gray.height, bs = map.blockSize, by = map.blocksY, twoB = 2 * bs;
    const int r = fineRadius;
    const int shift = bs == 2 ? 4 : bs == 4 ? 6 : 8;  // (2 bs)^2 = 2^shift
    if (!keep) out.reshape(w, h);
    for (auto& row : s.levelRow) row.resize(static_cast<size_t>(w));
    s.levelRowBlock[0] = s.levelRowBlock[1] = -1;
    const auto level_row = [&](int j) -> const uint16_t* {  // block row j interpolated along x, cached by parity
        std::vector<uint16_t>& row = s.levelRow[j & 1];
        if (s.levelRowBlock[j & 1] != j) {
            interpolate_block_row(map, j, w, row.data());
            s.levelRowBlock[j & 1] = j;
        }
        return row.data();
    };
    if (r > 0) {
        s.columnSum.assign(static_cast<size_t>(w), 0);
        for (int y = 0; y < std::min(r, h); ++y) {
            const uint8_t* row = gray.row(y);
            for (int x = 0; x < w; ++x) s.columnSum[static_cast<size_t>(x)] = static_cast<uint16_t>(s.columnSum[static_cast<size_t>(x)] + row[x]);
        }
    }
    uint16_t* const col = s.columnSum.data();
    const FineRowFn fineRow = keep ? fine_row_for<true>(r) : fine_row_for<false>(r);
    for (int y = 0; y < h; ++y) {
        const BlockRowWeights rw = block_row_weights(y, bs, by);
        const uint16_t* top = keep ? nullptr : level_row(rw.top);
        const uint16_t* bottom = keep ? nullptr : level_row(rw.bottom);
        const uint16_t wTop = static_cast<uint16_t>(twoB - rw.fraction), wBottom = static_cast<uint16_t>(rw.fraction);
        const uint8_t* src = gray.row(y);
        uint8_t* dst = out.bits.data() + static_cast<size_t>(y) * static_cast<size_t>(w);
        if (r == 0) {
            block_row(src, top, bottom, wTop, wBottom, shift, 0, w, dst);
            continue;
        }
        if (y + r < h) {
            const uint8_t* add = gray.row(y + r);
            for (int x = 0; x < w; ++x) col[x] = static_cast<uint16_t>(col[x] + add[x]);
        }
        if (y - r - 1 >= 0) {
            const uint8_t* sub = gray.row(y - r - 1);
            for (int x = 0; x < w; ++x) col[x] = static_cast<uint16_t>(col[x] - sub[x]);
        }
        const int rows = std::min(h - 1, y + r) - std::max(0, y - r) + 1;
        const int count = rows * (2 * r + 1);
        const int marginCount = std::clamp(fineMargin * count, -32767, 32767);
        const int inner0 = std::min(r, w), inner1 = std::max(inner0, w - r);
        for (int x = 0; x < inner0; ++x) {
            if (!keep) block_row(src, top, bottom, wTop, wBottom, shift, x, x + 1, dst);
            fine_pixel(src, col, x, w, r, rows, fineMargin, dst);
        }
        fineRow(src, col, top, bottom, wTop, wBottom, shift, static_cast<int16_t>(count), static_cast<int16_t>(marginCount),
                inner0, inner1, dst);
        for (int x = inner1; x < w; ++x) {
            if (!keep) block_row(src, top, bottom, wTop, wBottom, shift, x, x + 1, dst);
            fine_pixel(src, col, x, w, r, rows, fineMargin, dst);
        }
    }
}

}  // namespace

void threshold_pass(const ImageView& gray, const ThresholdMap& map, int fineRadius, int fineMargin,
                    ThresholdPassScratch& scratch, BitMatrix& out) {
    pass(gray, &map, fineRadius, fineMargin, scratch, out, false);
}

void fine_override_pass(const ImageView& gray, int fineRadius, int fineMargin, ThresholdPassScratch& scratch,
                        BitMatrix& out) {
    if (fineRadius <= 0) return;
    pass(gray, nullptr, fineRadius, fineMargin, scratch, out, true);
}

}  // namespace cccd::image
