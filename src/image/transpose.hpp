#pragma once
// Transposes a BitMatrix (columns become rows), 8x8 blocks at a time in 64-bit words: the column scan of
// the finder search then reads memory in order.
#include "image/bit_matrix.hpp"

namespace cccd::image {

void transpose(const BitMatrix& in, BitMatrix& out);

}  // namespace cccd::image
