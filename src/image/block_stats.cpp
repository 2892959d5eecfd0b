#include "image/block_stats.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

#if defined(__SSE2__)
#include <emmintrin.h>
#elif defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

namespace cccd::image {
namespace {

#if defined(__SSE2__) || defined(__wasm_simd128__)
constexpr bool kStrips = true;
// Columns x..x+15 over rows y0..y1, accumulated in registers: min, max, 16-bit sums, and the sums of
// squares of column pairs (x, x+1), (x+2, x+3), ... stored at the even column with 0 at the odd one (a
// block of even size holds whole pairs, so its total is unchanged).
inline void strip16(const ImageView& gray, int y0, int y1, int x, uint8_t* cmin, uint8_t* cmax, uint16_t* csum,
                    uint32_t* csq) {
#if defined(__SSE2__)
    const __m128i zero = _mm_setzero_si128();
    __m128i mn = _mm_set1_epi8(-1), mx = zero, sumLo = zero, sumHi = zero, sqLo = zero, sqHi = zero;
    for (int y = y0; y < y1; ++y) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(gray.row(y) + x));
        mn = _mm_min_epu8(mn, v);
        mx = _mm_max_epu8(mx, v);
        const __m128i lo = _mm_unpacklo_epi8(v, zero), hi = _mm_unpackhi_epi8(v, zero);
        sumLo = _mm_add_epi16(sumLo, lo);
        sumHi = _mm_add_epi16(sumHi, hi);
        sqLo = _mm_add_epi32(sqLo, _mm_madd_epi16(lo, lo));
        sqHi = _mm_add_epi32(sqHi, _mm_madd_epi16(hi, hi));
    }
    _mm_storeu_si128(reinterpret_cast<__m128i*>(cmin + x), mn);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(cmax + x), mx);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(csum + x), sumLo);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(csum + x + 8), sumHi);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(csq + x), _mm_unpacklo_epi32(sqLo, zero));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(csq + x + 4), _mm_unpackhi_epi32(sqLo, zero));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(csq + x + 8), _mm_unpacklo_epi32(sqHi, zero));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(csq + x + 12), _mm_unpackhi_epi32(sqHi, zero));
#else
    const v128_t zero = wasm_i32x4_splat(0);
    v128_t mn = wasm_i8x16_splat(-1), mx = zero, sumLo = zero, sumHi = zero, sqLo = zero, sqHi = zero;
    for (int y = y0; y < y1; ++y) {
        const v128_t v = wasm_v128_load(gray.row(y) + x);
        mn = wasm_u8x16_min(mn, v);
        mx = wasm_u8x16_max(mx, v);
        const v128_t lo = wasm_u16x8_extend_low_u8x16(v), hi = wasm_u16x8_extend_high_u8x16(v);
        sumLo = wasm_i16x8_add(sumLo, lo);
        sumHi = wasm_i16x8_add(sumHi, hi);
        sqLo = wasm_i32x4_add(sqLo, wasm_i32x4_dot_i16x8(lo, lo));
        sqHi = wasm_i32x4_add(sqHi, wasm_i32x4_dot_i16x8(hi, hi));
    }
    wasm_v128_store(cmin + x, mn);
    wasm_v128_store(cmax + x, mx);
    wasm_v128_store(csum + x, sumLo);
    wasm_v128_store(csum + x + 8, sumHi);
    wasm_v128_store(csq + x, wasm_i32x4_shuffle(sqLo, zero, 0, 4, 1, 4));
    wasm_v128_store(csq + x + 4, wasm_i32x4_shuffle(sqLo, zero, 2, 4, 3, 4));
    wasm_v128_store(csq + x + 8, wasm_i32x4_shuffle(sqHi, zero, 0, 4, 1, 4));
    wasm_v128_store(csq + x + 12, wasm_i32x4_shuffle(sqHi, zero, 2, 4, 3, 4));
#endif
}
#endif

#if defined(__SSE2__)
constexpr bool kBlocks8 = true;
// Two 8-pixel-wide blocks (columns x..x+15) over rows y0..y1 reduced in registers: min / max folded within
// each 8-byte half, row sums by sum of absolute differences against zero, squares by multiply-add.
inline void blocks8_strip(const ImageView& gray, int y0, int y1, int x, uint8_t lo[2], uint8_t hi[2], uint32_t sum[2],
                          uint32_t sq[2]) {
    const __m128i zero = _mm_setzero_si128();
    __m128i mn = _mm_set1_epi8(-1), mx = zero, sums = zero, sqA = zero, sqB = zero;
    for (int y = y0; y < y1; ++y) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(gray.row(y) + x));
        mn = _mm_min_epu8(mn, v);
        mx = _mm_max_epu8(mx, v);
        sums = _mm_add_epi64(sums, _mm_sad_epu8(v, zero));
        const __m128i a = _mm_unpacklo_epi8(v, zero), b = _mm_unpackhi_epi8(v, zero);
        sqA = _mm_add_epi32(sqA, _mm_madd_epi16(a, a));
        sqB = _mm_add_epi32(sqB, _mm_madd_epi16(b, b));
    }
    for (int shift : {32, 16, 8}) {
        const __m128i count = _mm_cvtsi32_si128(shift);
        mn = _mm_min_epu8(mn, _mm_srl_epi64(mn, count));
        mx = _mm_max_epu8(mx, _mm_srl_epi64(mx, count));
    }
    lo[0] = static_cast<uint8_t>(_mm_cvtsi128_si32(mn));
    lo[1] = static_cast<uint8_t>(_mm_extract_epi16(mn, 4));
    hi[0] = static_cast<uint8_t>(_mm_cvtsi128_si32(mx));
    hi[1] = static_cast<uint8_t>(_mm_extract_epi16(mx, 4));
    sum[0] = static_cast<uint32_t>(_mm_cvtsi128_si32(sums));
    sum[1] = static_cast<uint32_t>(_mm_cvtsi128_si32(_mm_srli_si128(sums, 8)));
    for (int k = 0; k < 2; ++k) {
        __m128i t = k == 0 ? sqA : sqB;
        t = _mm_add_epi32(t, _mm_shuffle_epi32(t, 0x4E));
        t = _mm_add_epi32(t, _mm_shuffle_epi32(t, 0xB1));
        sq[k] = static_cast<uint32_t>(_mm_cvtsi128_si32(t));
    }
}
#elif defined(__wasm_simd128__)
constexpr bool kBlocks8 = true;
// The same with simd128: 16-bit column sums per block, squares by dot product, folded at the end.
inline void blocks8_strip(const ImageView& gray, int y0, int y1, int x, uint8_t lo[2], uint8_t hi[2], uint32_t sum[2],
                          uint32_t sq[2]) {
    const v128_t zero = wasm_i32x4_splat(0);
    v128_t mn = wasm_i8x16_splat(-1), mx = zero, sumA = zero, sumB = zero, sqA = zero, sqB = zero;
    for (int y = y0; y < y1; ++y) {
        const v128_t v = wasm_v128_load(gray.row(y) + x);
        mn = wasm_u8x16_min(mn, v);
        mx = wasm_u8x16_max(mx, v);
        const v128_t a = wasm_u16x8_extend_low_u8x16(v), b = wasm_u16x8_extend_high_u8x16(v);
        sumA = wasm_i16x8_add(sumA, a);
        sumB = wasm_i16x8_add(sumB, b);
        sqA = wasm_i32x4_add(sqA, wasm_i32x4_dot_i16x8(a, a));
        sqB = wasm_i32x4_add(sqB, wasm_i32x4_dot_i16x8(b, b));
    }
    // Min / max folded within each 8-byte half (constant 64-bit lane shifts), sums and squares pairwise:
    // no round trip through memory.
    mn = wasm_u8x16_min(mn, wasm_u64x2_shr(mn, 32));
    mx = wasm_u8x16_max(mx, wasm_u64x2_shr(mx, 32));
    mn = wasm_u8x16_min(mn, wasm_u64x2_shr(mn, 16));
    mx = wasm_u8x16_max(mx, wasm_u64x2_shr(mx, 16));
    mn = wasm_u8x16_min(mn, wasm_u64x2_shr(mn, 8));
    mx = wasm_u8x16_max(mx, wasm_u64x2_shr(mx, 8));
    lo[0] = wasm_u8x16_extract_lane(mn, 0);
    lo[1] = wasm_u8x16_extract_lane(mn, 8);
    hi[0] = wasm_u8x16_extract_lane(mx, 0);
    hi[1] = wasm_u8x16_extract_lane(mx, 8);
    // [A01, A23, A45, A67] and B's -> [A0123, A4567, B0123, B4567] -> lanes 0 and 2: the block totals.
    const auto totals = [](v128_t a, v128_t b) {
        const v128_t t = wasm_i32x4_add(wasm_i32x4_shuffle(a, b, 0, 2, 4, 6), wasm_i32x4_shuffle(a, b, 1, 3, 5, 7));
        return wasm_i32x4_add(t, wasm_i32x4_shuffle(t, t, 1, 0, 3, 2));
    };
    const v128_t sums = totals(wasm_u32x4_extadd_pairwise_u16x8(sumA), wasm_u32x4_extadd_pairwise_u16x8(sumB));
    const v128_t squares = totals(sqA, sqB);
    sum[0] = static_cast<uint32_t>(wasm_i32x4_extract_lane(sums, 0));
    sum[1] = static_cast<uint32_t>(wasm_i32x4_extract_lane(sums, 2));
    sq[0] = static_cast<uint32_t>(wasm_i32x4_extract_lane(squares, 0));
    sq[1] = static_cast<uint32_t>(wasm_i32x4_extract_lane(squares, 2));
}
#else
constexpr bool kBlocks8 = false;
inline void blocks8_strip(const ImageView&, int, int, int, uint8_t*, uint8_t*, uint32_t*, uint32_t*) {}
#endif

#if !(defined(__SSE2__) || defined(__wasm_simd128__))
constexpr bool kStrips = false;
inline void strip16(const ImageView&, int, int, int, uint8_t*, uint8_t*, uint16_t*, uint32_t*) {}
#endif

// std::round for finite x >= 0 without the libm call: truncation is exact below 2^31, halves go up.
inline int round_nonnegative(double x) {
    const int t = static_cast<int>(x);
    return t + (x - static_cast<double>(t) >= 0.5 ? 1 : 0);
}

}  // namespace

// Two steps per block row: per-column min / max / sum / sum of squares over the block row's rows (strips of
// 16 columns in SSE2 or wasm simd128 registers, the rest element-wise), then one short reduction per block
// over its bs columns. The sums are exact integers, so the
// means and deviations do not depend on the order of the additions.
void block_statistics(const ImageView& gray, int bs, int bx, int by, BlockStats& s) {
    const int w = gray.width;
    const size_t n = static_cast<size_t>(bx) * static_cast<size_t>(by);
    s.min.resize(n);
    s.max.resize(n);
    s.mean.resize(n);
    s.dev.resize(n);
    s.colMin.resize(static_cast<size_t>(w));
    s.colMax.resize(static_cast<size_t>(w));
    s.colSum.resize(static_cast<size_t>(w));
    s.colSq.resize(static_cast<size_t>(w));
    uint8_t* const cmin = s.colMin.data();
    uint8_t* const cmax = s.colMax.data();
    uint16_t* const csum = s.colSum.data();
    uint32_t* const csq = s.colSq.data();
    for (int j = 0; j < by; ++j) {
        const int y0 = j * bs, y1 = std::min(gray.height, y0 + bs);
        const uint32_t rows = static_cast<uint32_t>(y1 - y0);
        // Full blocks of a power-of-two size divide exactly by multiplying with the reciprocal.
        const uint32_t fullCount = rows * static_cast<uint32_t>(bs);
        const bool pow2 = (fullCount & (fullCount - 1)) == 0;
        const double fullInverse = 1.0 / static_cast<double>(fullCount);
        const int fullShift = std::countr_zero(fullCount);
        const auto finish = [&](int i, uint8_t lo, uint8_t hi, uint32_t sum, uint32_t sq, uint32_t count) {
            const size_t idx = static_cast<size_t>(j) * static_cast<size_t>(bx) + static_cast<size_t>(i);
            s.min[idx] = lo;
            s.max[idx] = hi;
            double mean, var;
            if (pow2 && count == fullCount) {
                s.mean[idx] = static_cast<uint16_t>((sum + count / 2) >> fullShift);
                mean = static_cast<double>(sum) * fullInverse;
                var = static_cast<double>(sq) * fullInverse - mean * mean;
            } else {
                s.mean[idx] = static_cast<uint16_t>((sum + count / 2) / count);
                mean = static_cast<double>(sum) / count;
                var = static_cast<double>(sq) / count - mean * mean;
            }
            s.dev[idx] = static_cast<uint8_t>(std::min(255, round_nonnegative(std::sqrt(std::max(0.0, var)))));
        };
        int rest = 0;  // first column left to the element-wise loops (a block boundary)
        if (kBlocks8 && bs == 8) {  // 8-pixel blocks two at a time, reduced in registers (<= 8 rows: 16-bit sums hold)
            for (; rest + 16 <= w; rest += 16) {
                uint8_t lo[2], hi[2];
                uint32_t sum[2], sq[2];
                blocks8_strip(gray, y0, y1, rest, lo, hi, sum, sq);
                for (int k = 0; k < 2; ++k) finish(rest / 8 + k, lo[k], hi[k], sum[k], sq[k], rows * 8);
            }
        } else if (kStrips && bs % 2 == 0) {  // strips of 16 columns where blocks hold whole column pairs
            for (; rest + 16 <= w; rest += 16) strip16(gray, y0, y1, rest, cmin, cmax, csum, csq);
        }
        const int firstBlock = kBlocks8 && bs == 8 ? rest / 8 : 0;  // blocks the column sums still reduce
        const uint8_t* first = gray.row(y0);
        for (int x = rest; x < w; ++x) {
            const uint8_t v = first[x];
            cmin[x] = v;
            cmax[x] = v;
            csum[x] = v;
            csq[x] = static_cast<uint32_t>(static_cast<uint16_t>(v * v));
        }
        for (int y = y0 + 1; y < y1; ++y) {
            const uint8_t* row = gray.row(y);
            for (int x = rest; x < w; ++x) {
                const uint8_t v = row[x];
                cmin[x] = std::min(cmin[x], v);
                cmax[x] = std::max(cmax[x], v);
                csum[x] = static_cast<uint16_t>(csum[x] + v);
                csq[x] += static_cast<uint16_t>(v * v);
            }
        }
        for (int i = firstBlock; i < bx; ++i) {
            const int x0 = i * bs, x1 = std::min(w, x0 + bs);
            uint8_t lo = 255, hi = 0;
            uint32_t sum = 0, sq = 0;
            for (int x = x0; x < x1; ++x) {
                lo = std::min(lo, cmin[x]);
                hi = std::max(hi, cmax[x]);
                sum += csum[x];
                sq += csq[x];
            }
            finish(i, lo, hi, sum, sq, rows * static_cast<uint32_t>(x1 - x0));
        }
    }
}

}  // namespace cccd::image
