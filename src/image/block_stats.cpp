#include "image/block_stats.hpp"

#include <algorithm>
#include <cmath>

namespace cccd::image {

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
            s.mean[idx] = static_cast<uint16_t>((sum + count / 2) / count);
            const double mean = static_cast<double>(sum) / count;
            const double var = static_cast<double>(sq) / count - mean * mean;
            s.dev[idx] = static_cast<uint8_t>(std::min(255.0, std::round(std::sqrt(std::max(0.0, var)))));
        }
    }
}

}  // namespace cccd::image
