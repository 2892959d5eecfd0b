#include "qr/detect/place_by_timing.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "qr/detect/fourth_corner.hpp"

namespace cccd::qr {
namespace {

// The search reaches this share of the span between finder centres (d - 7 modules), within these bounds,
// on a lattice kCoarseStep modules apart at the prediction's dimension and a version either side (it was
// judged with the finder in the wrong place); around the kStartsPerDimension best lattice points of each,
// the kStarts best of all are searched at half and then quarter modules (a timing line a module off at its
// far end still half alternates, so the lattice sees a peak, but not always as its best point).
constexpr float kReachShare = 0.25f;
constexpr int kMinReach = 3, kMaxReach = 8;
constexpr int kCoarseStep = 2;
constexpr int kStartsPerDimension = 2;
constexpr int kStarts = 4;
// A place must line up this much better than the prediction to replace it: where the timing already lines
// up the refinement's template search (locate.hpp) sets the finder better than a quarter-module lattice.
constexpr float kMinGain = 0.05f;
// Places compare by how far their timing lies above chance (timing_sigmas: a short timing line can line up
// by chance, a diagonal pair's corner four modules off lines up a version smaller 0.96), less this many
// standard deviations per module moved (chance lines up somewhere among so many places): a place 10
// modules out must line up about 0.1 better than one at the prediction at version 7.
constexpr float kMoveSigmas = 0.15f;

Point& placed_centre(SymbolCandidate& c) { return c.placed == 0 ? c.topLeft : c.placed == 1 ? c.topRight : c.bottomLeft; }

// The timing score of the candidate's frame (the three centres and the fourth corner they imply), as
// propose_symbols ranks dimensions.
float frame_timing(const image::ImageView& gray, const SymbolCandidate& c, bool inverted) {
    const Point br = projective_fourth_corner(c.topLeft, c.topRight, c.bottomLeft, c.finderModules[0], c.finderModules[1],
                                              c.finderModules[2]);
    return centres_timing(gray, c.topLeft, c.topRight, c.bottomLeft, br, c.dimension, inverted).value_or(0.0f);
}

struct Place {
    float x = 0, y = 0;  // modules (of its dimension) from the prediction
    int dimension = 0;   // 0: none
    float timing = 0, rank = -1e9f;
};

// The best places seen so far, best first.
template <size_t N>
void keep_best(std::array<Place, N>& best, const Place& p) {
    if (p.rank <= best.back().rank) return;
    size_t i = N - 1;
    for (; i > 0 && best[i - 1].rank < p.rank; --i) best[i] = best[i - 1];
    best[i] = p;
}

// The prediction and one module of its dimension along the symbol's rows (u) and columns (v).
struct Frame {
    Point predicted, u, v;
    int dimension;
};

// The candidate with its placed finder x, y modules of `dimension` from the prediction, judged.
Place judge(const image::ImageView& gray, SymbolCandidate c, const Frame& f, int dimension, float x, float y, bool inverted) {
    const float scale = static_cast<float>(f.dimension - 7) / static_cast<float>(dimension - 7);  // its module in the frame's
    placed_centre(c) = {f.predicted.x + (x * f.u.x + y * f.v.x) * scale, f.predicted.y + (x * f.u.y + y * f.v.y) * scale};
    c.dimension = dimension;
    const float t = frame_timing(gray, c, inverted);
    return {x, y, dimension, t, timing_sigmas(t, dimension) - kMoveSigmas * std::hypot(x, y)};
}

}  // namespace

float timing_sigmas(float timing, int dimension) {
    return (2.0f * timing - 1.0f) * std::sqrt(2.0f * static_cast<float>(std::max(1, dimension - 18)));
}

void place_by_timing(const image::ImageView& gray, SymbolCandidate& c, bool inverted) {
    if (c.placed < 0 || c.placed > 2 || c.dimension < 21) return;
    const float span = static_cast<float>(c.dimension - 7);
    // One module along the symbol's rows and columns, from the candidate's own legs.
    const Frame f{placed_centre(c), {(c.topRight.x - c.topLeft.x) / span, (c.topRight.y - c.topLeft.y) / span},
                  {(c.bottomLeft.x - c.topLeft.x) / span, (c.bottomLeft.y - c.topLeft.y) / span}, c.dimension};
    const float atPrediction = frame_timing(gray, c, inverted);
    std::array<Place, kStarts> starts{};
    for (const int dd : {0, -4, 4}) {
        const int dimension = c.dimension + dd;
        if (dimension < 21 || dimension > 177) continue;
        const int reach = std::clamp(static_cast<int>(std::lround(kReachShare * static_cast<float>(dimension - 7))), kMinReach, kMaxReach);
        std::array<Place, kStartsPerDimension> lattice{};
        for (int y = -reach; y <= reach; y += kCoarseStep)
            for (int x = -reach; x <= reach; x += kCoarseStep)
                keep_best(lattice, judge(gray, c, f, dimension, static_cast<float>(x), static_cast<float>(y), inverted));
        for (const Place& p : lattice)
            if (p.dimension != 0) keep_best(starts, p);
    }
    Place best;
    for (const Place& start : starts) {
        if (start.dimension == 0) continue;
        Place local = start;
        for (const float step : {0.5f, 0.25f}) {
            const Place centre = local;
            const int n = step < 0.5f ? 1 : 2;  // half modules over the lattice cell, then a quarter around
            for (int j = -n; j <= n; ++j)
                for (int i = -n; i <= n; ++i) {
                    if (i == 0 && j == 0) continue;
                    const Place p = judge(gray, c, f, centre.dimension, centre.x + step * static_cast<float>(i),
                                          centre.y + step * static_cast<float>(j), inverted);
                    if (p.rank > local.rank) local = p;
                }
        }
        if (local.rank > best.rank) best = local;
    }
    if (best.dimension == 0 || best.timing < atPrediction + kMinGain) return;
    const float scale = span / static_cast<float>(best.dimension - 7);
    placed_centre(c) = {f.predicted.x + (best.x * f.u.x + best.y * f.v.x) * scale, f.predicted.y + (best.x * f.u.y + best.y * f.v.y) * scale};
    c.dimension = best.dimension;
    c.roughTiming = best.timing;
}

}  // namespace cccd::qr
