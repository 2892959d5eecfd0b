#pragma once
// The threshold a binarizer used, kept so later stages (module sampling) can compare grey values against
// the same local level: one value per block, interpolated bilinearly between block centres.
#include <algorithm>
#include <cstdint>
#include <vector>

namespace cccd::image {

// Where pixel row y falls between block-row centres: rows `top` and `bottom` (= top + 1, or the last row)
// weigh (2 bs - fraction) and fraction, in units of 1 / (2 bs). Centres sit at 2y + 1 = (2 j + 1) bs.
struct BlockRowWeights {
    int top = 0, bottom = 0, fraction = 0;
};

inline BlockRowWeights block_row_weights(int y, int blockSize, int blocksY) {
    BlockRowWeights w;
    const int twoB = 2 * blockSize, num = 2 * y + 1 - blockSize;
    if (num > 0) {
        w.top = num / twoB;
        w.fraction = num - w.top * twoB;
        if (w.top >= blocksY - 1) w.top = blocksY - 1, w.fraction = 0;
    }
    w.bottom = std::min(w.top + 1, blocksY - 1);
    return w;
}

struct ThresholdMap {
    int blockSize = 1;  // pixels per block side; the global binarizer uses one block covering everything
    int blocksX = 0, blocksY = 0;
    std::vector<uint8_t> level;  // blocksY rows of blocksX; grey < level is dark

    void reset(int bs, int bx, int by) {
        blockSize = bs;
        blocksX = bx;
        blocksY = by;
        level.assign(static_cast<size_t>(bx) * static_cast<size_t>(by), 0);
    }
    uint8_t block(int bx, int by) const {
        return level[static_cast<size_t>(by) * static_cast<size_t>(blocksX) + static_cast<size_t>(bx)];
    }
    // Threshold at a pixel position (x, y), both in pixels; bilinear between block centres.
    float at(float x, float y) const {
        if (blocksX == 1 && blocksY == 1) return level[0];
        const float fx = std::clamp(x / static_cast<float>(blockSize) - 0.5f, 0.0f, static_cast<float>(blocksX - 1));
        const float fy = std::clamp(y / static_cast<float>(blockSize) - 0.5f, 0.0f, static_cast<float>(blocksY - 1));
        const int x0 = static_cast<int>(fx), y0 = static_cast<int>(fy);
        const int x1 = std::min(x0 + 1, blocksX - 1), y1 = std::min(y0 + 1, blocksY - 1);
        const float ax = fx - static_cast<float>(x0), ay = fy - static_cast<float>(y0);
        const float top = static_cast<float>(block(x0, y0)) * (1 - ax) + static_cast<float>(block(x1, y0)) * ax;
        const float bottom = static_cast<float>(block(x0, y1)) * (1 - ax) + static_cast<float>(block(x1, y1)) * ax;
        return top * (1 - ay) + bottom * ay;
    }
};

}  // namespace cccd::image
