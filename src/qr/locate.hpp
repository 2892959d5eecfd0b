#pragma once
// From finder patterns to symbol geometry: choose plausible triples, orient them, estimate the version,
// refine with the alignment pattern (ISO/IEC 18004:2015 6.3.6) and find the fourth corner.
#include <array>
#include <span>
#include <vector>

#include "image/bit_matrix.hpp"
#include "qr/finder.hpp"
#include "qr/geometry.hpp"

namespace cccd::qr {

struct SymbolGeometry {
    int dimension = 0;              // modules per side (21 + 4 * (version - 1))
    Perspective moduleToImage;      // module coordinates -> image pixels; (x + 0.5, y + 0.5) is module (x, y)'s centre
    std::array<Point, 4> corners{}; // top-left, top-right, bottom-right, bottom-left, in the symbol's own orientation
    float moduleSize = 0;
    float score = 0;                // higher is more plausible; results are sorted by it
};

std::vector<SymbolGeometry> locate_symbols(const image::BitMatrix& binary, std::span<const FinderPattern> finders,
                                           int maxCandidates = 8);

}  // namespace cccd::qr
