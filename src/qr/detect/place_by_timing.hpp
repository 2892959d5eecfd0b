#pragma once
// Where a finder placed by prediction (pair_candidates.hpp) really is: the prediction assumes the symbol is
// seen square, so under a lean (a card held at an angle: its sides differ by up to a fifth) it lands 2-10
// modules off, and when glare washes the finder out no template match can correct it. The timing patterns
// (ISO/IEC 18004:2015 6.3.5) run from the corner finder to the other two, so they alternate at every module
// only when the placed finder sits at its true centre: the place is searched for where they do.
#include "image/image_view.hpp"
#include "qr/detect/locate.hpp"

namespace cccd::qr {

// Moves candidate.placed's finder to the place within a quarter of the symbol's span (at most 8 modules;
// a 2-module lattice, then half and quarter modules around its best points), at the candidate's dimension
// or a version either side, where timing_score under the candidate's frame lies most standard deviations
// above chance (timing_sigmas), a little less the farther it moves (chance lines up somewhere among so many
// places); sets the dimension and roughTiming to that place's. A place that lines up no better than the
// prediction by 0.05 leaves the candidate as it was, as do candidates without a placed finder.
void place_by_timing(const image::ImageView& gray, SymbolCandidate& candidate, bool inverted);

// How many standard deviations a timing score lies above chance at a dimension: each of the 2 (d - 18)
// timing modules judged (timing_score) agrees by chance with probability 1/2, so chance scores 0.5 give or
// take 0.5 / sqrt(n). A short line can agree throughout by chance; a long one cannot.
float timing_sigmas(float timing, int dimension);

}  // namespace cccd::qr
