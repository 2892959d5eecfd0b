#pragma once
// Transposes a BitMatrix (columns become rows), in tiles so both sides stay in cache: the column scan of
// the finder search then reads memory in order.
#include "image/bit_matrix.hpp"

namespace cccd::image {

void transpose(const BitMatrix& in, BitMatrix& out);

}  // namespace cccd::image
