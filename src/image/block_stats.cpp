#include "image/block_stats.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

namespace cccd::image {
namespace {

// std::round for finite x >= 0 without the libm call: truncation is exact below 2^31, halves go up.
inline int round_nonnegative(double x) {
    const int t = static_cast<int>(x);
    return t + (x - static_cast<double>(t) >= 0.5 ? 1 : 0);
}

}  // namespace

// Two steps per block row so the pixel work runs down whole rows: element-wise accumulation of each image
// row into per-column min / max / sum / sum of squares (loops the compiler vectorises for SSE2 and wasm
// simd128), then one short reduction per block over its bs columns. The sums are exact integers, so the
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
        const uint8_t* first = gray.row(y0);
        for (int x = 0; x < w; ++x) {
            const uint8_t v = first[x];
            cmin[x] = v;
            cmax[x] = v;
            csum[x] = v;
            csq[x] = static_cast<uint32_t>(static_cast<uint16_t>(v * v));
        }
        for (int y = y0 + 1; y < y1; ++y) {
            const uint8_t* row = gray.row(y);
            for (int x = 0; x < w; ++x) {
                const uint8_t v = row[x];
                cmin[x] = std::min(cmin[x], v);
                cmax[x] = std::max(cmax[x], v);
                csum[x] = static_cast<uint16_t>(csum[x] + v);
                csq[x] += static_cast<uint16_t>(v * v);
            }
        }
        const uint32_t rows = static_cast<uint32_t>(y1 - y0);
        // Full blocks of a power-of-two size divide exactly by multiplying with the reciprocal.
        const uint32_t fullCount = rows * static_cast<uint32_t>(bs);
        const bool pow2 = (fullCount & (fullCount - 1)) == 0;
        const double fullInverse = 1.0 / static_cast<double>(fullCount);
        const int fullShift = std::countr_zero(fullCount);
        for (int i = 0; i < bx; ++i) {
            const int x0 = i * bs, x1 = std::min(w, x0 + bs);
            uint8_t lo = 255, hi = 0;
            uint32_t sum = 0, sq = 0;
            for (int x = x0; x < x1; ++x) {
                lo = std::min(lo, cmin[x]);
                hi = std::max(hi, cmax[x]);
                sum += csum[x];
                sq += csq[x];
            }
            const uint32_t count = rows * static_cast<uint32_t>(x1 - x0);
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
        }
    }
}

}  // namespace cccd::image
