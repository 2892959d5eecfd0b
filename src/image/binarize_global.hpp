#pragma once
// One threshold for the whole frame from its grey histogram (Otsu's between-class variance maximum):
// cheap, and right for evenly lit scans where local thresholds can break up large modules.
#include <array>
#include <algorithm>
#include <cstdint>

#include "image/bit_matrix.hpp"
#include "image/image_view.hpp"
#include "image/threshold_map.hpp"

namespace cccd::image {

// The Otsu threshold of a 256-bin histogram: values < result are dark. 0 for an empty histogram.
int otsu_threshold(const std::array<uint32_t, 256>& histogram);

void binarize_global(const ImageView& gray, ThresholdMap& map, BitMatrix& out);

}  // namespace cccd::image
