#pragma once
// Per-block grey statistics for the local binarizer: min, max, rounded mean and rounded standard deviation
// of each bs x bs block (edge blocks are clipped to the image).
#include <cstdint>
#include <vector>

#include "image/image_view.hpp"

namespace cccd::image {

struct BlockStats {
    std::vector<uint8_t> min, max, dev;  // bx * by, row-major
    std::vector<uint16_t> mean;
    // Per-pixel-column accumulators over the rows of one block row (reused between calls).
    std::vector<uint8_t> colMin, colMax;
    std::vector<uint16_t> colSum;
    std::vector<uint32_t> colSq;
};

// bs must be 1..256 (column sums are 16 bits).
void block_statistics(const ImageView& gray, int bs, int bx, int by, BlockStats& out);

}  // namespace cccd::image
