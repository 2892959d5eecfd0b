#include "image/binarize_global.hpp"

namespace cccd::image {

int otsu_threshold(const std::array<uint32_t, 256>& histogram) {
    double total = 0, weighted = 0;
    for (int v = 0; v < 256; ++v) {
        total += histogram[static_cast<size_t>(v)];
        weighted += static_cast<double>(v) * histogram[static_cast<size_t>(v)];
    }
    if (total == 0) return 0;
    double below = 0, belowWeighted = 0, best = -1;
    int bestT = 0;
    for (int t = 1; t < 256; ++t) {  // classes [0, t) and [t, 256)
        below += histogram[static_cast<size_t>(t - 1)];
        belowWeighted += static_cast<double>(t - 1) * histogram[static_cast<size_t>(t - 1)];
        const double above = total - below;
        if (below == 0 || above == 0) continue;
        const double m0 = belowWeighted / below, m1 = (weighted - belowWeighted) / above;
        const double between = below * above * (m0 - m1) * (m0 - m1);
        if (between > best) best = between, bestT = t;
    }
    return bestT;
}

void binarize_global(const ImageView& gray, ThresholdMap& map, BitMatrix& out) {
    // Four histograms, one per pixel phase, so consecutive equal pixels do not wait on each other's count.
    std::array<std::array<uint32_t, 256>, 4> partial{};
    const int w = gray.width, h = gray.height;
    for (int y = 0; y < h; ++y) {
        const uint8_t* row = gray.row(y);
        int x = 0;
        for (; x + 4 <= w; x += 4) {
            ++partial[0][row[x]];
            ++partial[1][row[x + 1]];
            ++partial[2][row[x + 2]];
            ++partial[3][row[x + 3]];
        }
        for (; x < w; ++x) ++partial[0][row[x]];
    }
    std::array<uint32_t, 256> histogram{};
    for (size_t v = 0; v < 256; ++v) histogram[v] = partial[0][v] + partial[1][v] + partial[2][v] + partial[3][v];
    const int t = otsu_threshold(histogram);
    map.reset(std::max(w, h), 1, 1);
    map.level[0] = static_cast<uint8_t>(t);
    out.reshape(w, h);
    const uint8_t level = static_cast<uint8_t>(t);
    for (int y = 0; y < h; ++y) {
        const uint8_t* row = gray.row(y);
        uint8_t* dst = out.bits.data() + static_cast<size_t>(y) * static_cast<size_t>(w);
        for (int x = 0; x < w; ++x) dst[x] = row[x] < level ? 1 : 0;
    }
}

}  // namespace cccd::image
