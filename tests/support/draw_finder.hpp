#pragma once
// A finder pattern drawn straight into a bit matrix (ISO/IEC 18004:2015 6.3.3: dark 7 x 7, light 5 x 5,
// dark 3 x 3), centred at (cx, cy), its modules mx px wide and my px tall: a symbol seen square-on or
// foreshortened along one image axis, with nothing but light around it.
#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "image/bit_matrix.hpp"

namespace testsupport {

inline void draw_finder(cccd::image::BitMatrix& b, float cx, float cy, float mx, float my) {
    const float left = cx - 3.5f * mx, top = cy - 3.5f * my;
    for (int y = static_cast<int>(std::floor(top)); y < static_cast<int>(std::ceil(top + 7 * my)); ++y)
        for (int x = static_cast<int>(std::floor(left)); x < static_cast<int>(std::ceil(left + 7 * mx)); ++x) {
            const int u = static_cast<int>(std::floor((static_cast<float>(x) + 0.5f - left) / mx));
            const int v = static_cast<int>(std::floor((static_cast<float>(y) + 0.5f - top) / my));
            if (u < 0 || u > 6 || v < 0 || v > 6 || !b.in_bounds(x, y)) continue;
            b.set(x, y, std::max(std::abs(u - 3), std::abs(v - 3)) != 2);
        }
}

}  // namespace testsupport
