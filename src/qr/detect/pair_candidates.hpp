#pragma once
// Symbol candidates from two finder patterns alone, the third put where the two say it is: a glare spot on
// a card's laminate can wash one finder out so that neither a scan line nor its ring template (the
// third-finder search, missing_finder.hpp) finds it, while the other two are seen on many lines. The
// refinement (locate.hpp) then fits the geometry to the two finders and the alignment patterns (ISO/IEC
// 18004:2015 6.3.6) and the timing patterns judge it, so the placed finder need only be near.
#include <array>
#include <span>
#include <vector>

#include "image/bit_matrix.hpp"
#include "image/image_view.hpp"
#include "qr/detect/finder.hpp"
#include "qr/detect/locate.hpp"

namespace cccd::qr {

struct PairCandidateOptions {
    int pairFinders = 3;    // pairs among this many of the finders seen whole on the most scan lines
    int maxCandidates = 3;  // kept, in the order below (PipelineConfig::pairCandidates)
    // Of the first in that order, this many are placed where their timing lines up (place_by_timing.hpp);
    // those whose timing then lies this many standard deviations above chance go first (generated sets:
    // 4 to 6 sigmas read alike; 4 searches read as 6, 12 lost two fronts to look-alikes the search lifted).
    // 0: the candidates as predicted, in that order.
    int placedSearches = 4;
    float clearSigmas = 5.0f;
    // Rough timing (SymbolCandidate::roughTiming) a candidate needs: random modules score about 0.5.
    float minRoughTiming = 0.55f;
    bool inverted = false;
};

// Clears `out` and fills it with candidates: for each pair of finders and each of the six places its third
// can be (third_places), the triple with a finder placed there (SymbolCandidate::placed, open = 1) at its
// best dimension; the most confirmed pair's first (SymbolCandidate::triple: the pair's rank), each pair's
// by rough timing, best first; then the first placedSearches moved to where their timing patterns line up,
// and those that line up clearly put first.
void propose_pair_candidates(const image::ImageView& gray, const image::BitMatrix& binary, std::span<const FinderPattern> finders,
                             const PairCandidateOptions& options, std::vector<SymbolCandidate>& out);

}  // namespace cccd::qr
