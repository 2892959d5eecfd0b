#pragma once
// Test support: the symbol geometry a corpus index or the card generator records, from the symbol's four
// outer corners (top-left, top-right, bottom-right, bottom-left, in pixels): one perspective from module
// space (0,0)..(d,d), d = 17 + 4 version (ISO/IEC 18004:2015 6.1). Bent cards fit it only roughly.
#include <array>

#include "qr/detect/locate.hpp"

namespace testsupport {

inline cccd::qr::SymbolGeometry geometry_at_corners(int version, const std::array<cccd::qr::Point, 4>& corners, float moduleSize) {
    using cccd::qr::Point;
    const int d = 17 + 4 * version;
    const float n = static_cast<float>(d);
    cccd::qr::SymbolGeometry g;
    g.dimension = d;
    g.moduleToImage = *cccd::qr::Perspective::quad_to_quad({Point{0, 0}, {n, 0}, {n, n}, {0, n}}, corners);
    g.corners = corners;
    g.moduleSize = moduleSize;
    return g;
}

}  // namespace testsupport
