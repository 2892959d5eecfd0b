#pragma once
// A third finder pattern where two were found: on a card the header text, a glare spot or the security
// print can break one finder's rings (ISO/IEC 18004:2015 6.3.3) so that no scan line reads 1:1:3:1:1, while
// the other two read well. Two finders of one symbol fix where the third can be: beside either end of
// their line (the pair is a side of the symbol) or across it (the pair is its diagonal). At each place the
// grey image is searched for the finder's ring template (template_match.hpp), which works where the binary
// image shows broken rings.
#include <array>
#include <span>
#include <vector>

#include "image/image_view.hpp"
#include "qr/detect/finder.hpp"

namespace cccd::qr {

// Where a third finder of the symbol two finders a and b belong to can be: beside either end of their line
// (the pair is a side: places 0-3) or across its middle (the pair is the diagonal: places 4-5). u, v: one
// module along the symbol's axes there, if the symbol is seen square.
struct ThirdPlace {
    Point at, u, v;
    int corner;  // the triple's corner (top-left) finder: 0 = a, 1 = b, 2 = the place itself
};
// Whether a and b can be two finders of one symbol: similar modules, 12 to 245 modules apart.
bool finder_pair_fits(const FinderPattern& a, const FinderPattern& b);
std::array<ThirdPlace, 6> third_places(const FinderPattern& a, const FinderPattern& b);

struct MissingFinderOptions {
    int maxPairs = 10;        // pairs among the most confirmed finders seen whole
    int pairFinders = 5;      // finders the pairs are formed from
    float searchRadius = 2.5f;  // modules around each predicted place
    // A place is taken when its ring contrast is at least this share of the pair's own (the mean of theirs).
    float minContrastShare = 0.45f;
    int maxAdded = 6;
    // Only pairs whose mean module size is under this (pixels).
    float maxPairModule = 1e9f;
    // Skip a pair with a finder already at one of its places: it has its triple, and finders found at its
    // other places would only be rivals to it.
    bool skipTakenPairs = false;
    bool inverted = false;
};

// Appends to `out` a finder (open: not seen whole, hits 1) for each place that fits the template and where
// no finder of `finders` already is. Reads the first options.pairFinders finders that are not open, and
// skips a pair whose two finders are both in `searched` (centres of finders paired in an earlier call).
// Returns the template searches made (work accounting).
int find_missing_finders(const image::ImageView& gray, const std::vector<FinderPattern>& finders,
                         const MissingFinderOptions& options, std::vector<FinderPattern>& out,
                         std::span<const Point> searched = {});

// The centres of the finders find_missing_finders pairs with options.pairFinders = pairFinders (at most 8):
// a later call given them as `searched` skips the pairs this one searched.
struct PairedCentres {
    std::array<Point, 8> at{};
    size_t count = 0;
    std::span<const Point> view() const { return {at.data(), count}; }
};
PairedCentres paired_centres(const std::vector<FinderPattern>& finders, int pairFinders);

}  // namespace cccd::qr
