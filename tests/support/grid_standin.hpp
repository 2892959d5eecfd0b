#pragma once
// The module-grid decoder the corpus tests run the pipeline with: decode_grid, or with CCCD_QR_STANDIN
// set, a stand-in that draws the grid (function patterns redrawn) as a clean image and lets ZXing-C++
// read it, to tell detection problems from grid-decoding problems.
#include "qr/pipeline.hpp"

namespace testsupport {

cccd::qr::GridDecodeFn grid_decode_for_tests();

}  // namespace testsupport
