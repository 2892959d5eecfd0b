#pragma once
// Which three finder patterns make one symbol: the corner at a right angle between two similar legs, the
// three with similar module sizes and a plausible symbol size. Oriented so that, in image coordinates
// (y down), the cross product (topRight - topLeft) x (bottomLeft - topLeft) is positive; a mirrored
// symbol therefore comes out transposed, which the grid decoder reads.
#include <span>
#include <vector>

#include "qr/finder.hpp"

namespace cccd::qr {

struct FinderTriple {
    int topLeft = 0, topRight = 0, bottomLeft = 0;  // indices into the finder list
    float score = 0;                                 // higher is more plausible
};

// Clears `out`; ranks triples among the first maxFinders finders, best first.
void rank_triples(std::span<const FinderPattern> finders, int maxFinders, std::vector<FinderTriple>& out);

}  // namespace cccd::qr
