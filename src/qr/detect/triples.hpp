#pragma once
// Which three finder patterns make one symbol: the corner at a right angle between two similar legs, the
// three with similar module sizes and a plausible symbol size. Oriented so that, in image coordinates
// (y down), the cross product (topRight - topLeft) x (bottomLeft - topLeft) is positive; a mirrored
// symbol therefore comes out transposed, which the grid decoder reads.
#include <span>
#include <vector>

#include "image/bit_matrix.hpp"
#include "qr/detect/finder.hpp"

namespace cccd::qr {

struct FinderTriple {
    int topLeft = 0, topRight = 0, bottomLeft = 0;  // indices into the finder list
    float score = 0;                                 // higher is more plausible
    int open = 0;  // how many of them are open finders (finder.hpp); each lowers the score by kOpenPenalty
    float pixelLegs = 0;  // rank_triples: the legs' ratio in pixels when they are to be counted in modules
};

// Per open finder in a triple: look-alikes with an open ring are common (text, data), so such a triple
// ranks below one of finders seen whole that fits as well.
inline constexpr float kOpenPenalty = 0.3f;

// Clears `out`; ranks triples among the first maxFinders finders seen whole and the open ones after them
// (at most two open in a triple), best first. With the binary image, legs are also counted in modules
// along each (a symbol leaning steeply: triples.cpp) where that can bring a triple into the first
// exactTop; those come out as if every triple's legs had been counted, the rest may not.
void rank_triples(std::span<const FinderPattern> finders, int maxFinders, std::vector<FinderTriple>& out,
                  const image::BitMatrix* binary = nullptr, size_t exactTop = 24);

}  // namespace cccd::qr
