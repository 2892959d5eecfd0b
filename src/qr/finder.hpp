#pragma once
// Finder patterns (ISO/IEC 18004:2015 6.3.3): the three 7x7 squares whose cross-sections read dark,
// light, dark, light, dark in the ratio 1:1:3:1:1 along any line through their centre.
#include <vector>

#include "image/bit_matrix.hpp"
#include "qr/geometry.hpp"

namespace cccd::qr {

struct FinderPattern {
    Point center;
    float moduleSize = 0;  // estimated pixels per module
    int hits = 0;          // how many scan lines confirmed it
};

std::vector<FinderPattern> find_finder_patterns(const image::BitMatrix& binary);

}  // namespace cccd::qr
