#include "qr/detect/locate.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "image/bilinear.hpp"
#include "qr/detect/finder_width.hpp"
#include "qr/detect/fit.hpp"
#include "qr/detect/fourth_corner.hpp"
#include "qr/small_sort.hpp"
#include "qr/tables.hpp"
#include "qr/detect/template_match.hpp"
#include "qr/detect/timing_period.hpp"

namespace cccd::qr {
namespace {

// Timing score (random modules: about 0.5) a geometry needs after one refinement to get a second.
constexpr float kSecondRefineTiming = 0.5f;
// timing_score: below this many pixels a module, the period's power as well as the judge (timing_period.hpp),
// for dimensions from kPhaseFreeFrom on: on their timing lines (21+ modules) an unrelated profile's power
// stays under 0.3 (about sqrt(2 / modules)), so with the offset it stays under the chance gate
// (LocateOptions::chanceGateDimension, the same size), while shorter lines reach it by chance and would spend
// the work budget on look-alike triples (generated 1.4 px fronts: one read lost when every dimension had it).
constexpr float kPhaseFreeBelow = 1.8f;
constexpr int kPhaseFreeFrom = 37;
constexpr float kPhaseFreeOffset = 0.25f;
constexpr float kJudgedClearly = 0.8f;  // the judge alone then: the period would change no decision
// propose_symbols: open triples ranked by their timing per one kept (rank_open_triples).
constexpr int kOpenTriplesTried = 3;
// refine: a finder whose ring contrast is at most this share of the other two's mean is left out of the fit
// (at 0.25 a generated 1.5 px front that read before was lost; at 0.1 one the pair candidates read).
constexpr float kFaintFinderShare = 0.15f;

// How far the corner finder a departs from seeing both legs along its sides: the width of a finder is 7
// modules across a side and 7 sqrt(2) along a diagonal (ISO/IEC 18004:2015 6.3.3), so at the true
// top-left finder both legs give the same width, while at a wrong corner one leg runs along a diagonal
// (ratio 1.41). Returns |ln(width ratio)|, 0 when a width cannot be measured.
float corner_skew(const image::BitMatrix& b, const FinderPattern& a, Point towardB, Point towardC) {
    const float wb = width_towards(b, a, towardB), wc = width_towards(b, a, towardC);
    return wb > 0 && wc > 0 ? std::abs(std::log(wb / wc)) : 0.0f;
}

Point lerp3(Point o, Point u, Point v, float a, float b) { return {o.x + a * u.x + b * v.x, o.y + a * u.y + b * v.y}; }

// Image vectors of one module along x and y at module position p (the perspective's local Jacobian).
void local_frame(const Perspective& h, Point p, Point& u, Point& v) {
    const Point o = h.map(p), px = h.map({p.x + 1, p.y}), py = h.map({p.x, p.y + 1});
    u = {px.x - o.x, px.y - o.y};
    v = {py.x - o.x, py.y - o.y};
}

std::optional<Perspective> from_four(Point a, Point b, Point c, Point br, float dim, float brModule) {
    const std::array<Point, 4> src{{{3.5f, 3.5f}, {dim - 3.5f, 3.5f}, {brModule, brModule}, {3.5f, dim - 3.5f}}};
    const std::array<Point, 4> dst{{a, b, br, c}};
    return Perspective::quad_to_quad(src, dst);
}

// Each timing module judged darker or lighter than its two neighbours, as 6.3.5 says it alternates.
float timing_judge(const image::ImageView& gray, const Perspective& h, int d, bool inverted) {
    int matches = 0, total = 0;
    for (int line = 0; line < 2; ++line) {
        float prev2 = 0, prev1 = 0;
        for (int i = 8; i <= d - 9; ++i) {
            const Point p = line == 0 ? h.map({static_cast<float>(i) + 0.5f, 6.5f}) : h.map({6.5f, static_cast<float>(i) + 0.5f});
            const float g = image::bilinear(gray, p.x, p.y);
            if (i >= 10) {  // judge module i-1 against its two neighbours
                const bool darker = prev1 < (prev2 + g) * 0.5f;
                const bool shouldBeDark = ((i - 1) % 2) == 0;
                matches += (darker != inverted) == shouldBeDark ? 1 : 0;
                ++total;
            }
            prev2 = prev1;
            prev1 = g;
        }
    }
    return total > 0 ? static_cast<float>(matches) / static_cast<float>(total) : 0.0f;
}

}  // namespace

float timing_score(const image::ImageView& gray, const Perspective& h, int d, bool inverted) {
    const float judged = timing_judge(gray, h, d, inverted);
    // Modules under kPhaseFreeBelow px: the judge samples module edges when the finder centres are off by
    // half a module; the period's power does not (timing_period.hpp). Offset so that chance stays below the
    // gates (LocateOptions, PipelineConfig) and a timing pattern (0.4+ at 1.35 px) passes them.
    if (d < kPhaseFreeFrom || judged >= kJudgedClearly) return judged;
    Point u, v;
    local_frame(h, {6.5f, 6.5f}, u, v);
    if (0.5f * (std::hypot(u.x, u.y) + std::hypot(v.x, v.y)) >= kPhaseFreeBelow) return judged;
    return std::max(judged, std::min(1.0f, kPhaseFreeOffset + timing_period_score(gray, h, d)));
}

// Re-finds the three finders and every alignment pattern near where the current perspective puts them, on
// the grey image, and fits the perspective to all of them (least squares): finder centres from run lengths
// are only good to about a pixel, which is a third of a module at the small end.
// Without any alignment pattern (version 1, or none matched) the fourth point is re-estimated from the
// refined finder centres and the finders' module sizes ms (fourth_corner.hpp).
std::optional<Perspective> refine(const image::ImageView& gray, const Perspective& h, int d, bool inverted,
                                  const std::array<float, 3>& ms, int& searches) {
    std::array<Point, 3 + 49> src{}, dst{};
    size_t n = 0;
    const float dim = static_cast<float>(d);
    const Point finders[3] = {{3.5f, 3.5f}, {dim - 3.5f, 3.5f}, {3.5f, dim - 3.5f}};
    TemplateMatch found[3];
    for (int k = 0; k < 3; ++k) {
        TemplateSearch ts;
        ts.predicted = h.map(finders[k]);
        local_frame(h, finders[k], ts.moduleU, ts.moduleV);
        ts.radiusModules = 0.75f;
        ts.coarseStep = 0.25f;
        ts.inverted = inverted;
        found[k] = best_template_match(gray, kFinderTemplate, ts);
        ++searches;
    }
    // A finder with a fraction of the others' ring contrast is washed out (glare) or not there (a finder
    // placed by prediction, pair_candidates.hpp): it is left out of the fit, which the other two and the
    // alignment patterns then carry, rather than leaving the geometry unrefined.
    const float total = found[0].contrast + found[1].contrast + found[2].contrast;
    float finderContrast = 0;
    int faint = -1;
    for (int k = 0; k < 3; ++k) {
        const float others = (total - found[k].contrast) * 0.5f;
        if (found[k].contrast <= kFaintFinderShare * others) {
            if (faint >= 0 || others <= 0) return std::nullopt;  // two faint: no symbol's finders
            faint = k;
        }
    }
    for (int k = 0; k < 3; ++k) {
        if (k == faint) continue;
        finderContrast += found[k].contrast * 0.5f;
        src[n] = finders[k];
        dst[n++] = found[k].center;
    }
    if (faint < 0) finderContrast = total / 3.0f;
    const std::span<const uint8_t> pos = alignment_centers(version_for_size(d));
    const int count = static_cast<int>(pos.size());
    for (int j = 0; j < count; ++j)
        for (int i = 0; i < count; ++i) {
            if ((i == 0 && j == 0) || (i == 0 && j == count - 1) || (i == count - 1 && j == 0)) continue;  // finders
            const Point a{static_cast<float>(pos[static_cast<size_t>(i)]) + 0.5f, static_cast<float>(pos[static_cast<size_t>(j)]) + 0.5f};
            TemplateSearch ts;
            ts.predicted = h.map(a);
            local_frame(h, a, ts.moduleU, ts.moduleV);
            ts.radiusModules = 1.0f;
            ts.coarseStep = 0.25f;
            ts.distancePenalty = 0.1f;
            ts.inverted = inverted;
            const TemplateMatch m = best_template_match(gray, kAlignmentTemplate, ts);
            ++searches;
            if (m.contrast < 0.3f * finderContrast) continue;
            src[n] = a;
            dst[n++] = m.center;
        }
    if (n == 3 && faint < 0) {
        src[n] = {dim - 3.5f, dim - 3.5f};
        dst[n++] = projective_fourth_corner(dst[0], dst[1], dst[2], ms[0], ms[1], ms[2]);
    }
    if (n < 4) return std::nullopt;
    return fit_perspective(std::span<const Point>(src.data(), n), std::span<const Point>(dst.data(), n));
}

bool geometry_for_dimension(const image::ImageView& gray, Point a, Point b, Point c, int d, bool inverted,
                            SymbolGeometry& out, std::array<float, 3> ms, int refinePasses) {
    const float dim = static_cast<float>(d);
    const float span = dim - 7.0f;  // finder centres are at module 3.5 and d - 3.5
    const Point u{(b.x - a.x) / span, (b.y - a.y) / span}, v{(c.x - a.x) / span, (c.y - a.y) / span};
    const Point fourth = projective_fourth_corner(a, b, c, ms[0], ms[1], ms[2]);
    const std::optional<Perspective> rough = from_four(a, b, c, fourth, dim, dim - 3.5f);
    std::optional<Perspective> h;
    bool aligned = false;
    int searches = 0;
    if (d >= 25) {
        // Bottom-right alignment pattern centre: module d - 7, i.e. d - 6.5 (6.3.6, Annex E).
        const float brModule = dim - 6.5f;
        TemplateSearch ts;
        ts.predicted = rough ? rough->map({brModule, brModule}) : lerp3(a, u, v, brModule - 3.5f, brModule - 3.5f);
        ts.moduleU = u;
        ts.moduleV = v;
        ts.radiusModules = std::clamp(dim * 0.12f, 3.0f, 12.0f);
        ts.inverted = inverted;
        const TemplateMatch m = best_template_match(gray, kAlignmentTemplate, ts);
        ++searches;
        if (m.contrast >= 4.0f) {
            h = from_four(a, b, c, m.center, dim, brModule);
            aligned = h.has_value();
            // Glare or damage can hide the pattern and let data modules imitate it: a match that makes
            // the timing patterns alternate worse than the estimate without it is not the pattern.
            if (aligned && rough &&
                timing_score(gray, *h, d, inverted) + 0.1f < timing_score(gray, *rough, d, inverted)) {
                h.reset();
                aligned = false;
            }
        }
    }
    if (!h) h = rough;  // version 1, or no alignment pattern seen: the estimated fourth corner
    if (!h) return false;
    // A second refinement only for what looks like a symbol after the first: each costs a template search
    // per alignment pattern, and most geometries built on a frame without a symbol alternate at random.
    for (int pass = 0; pass < refinePasses; ++pass) {
        if (pass == 1 && timing_score(gray, *h, d, inverted) < kSecondRefineTiming) break;
        if (auto better = refine(gray, *h, d, inverted, ms, searches)) h = better;
    }
    out.dimension = d;
    out.moduleToImage = *h;
    out.corners = {h->map({0, 0}), h->map({dim, 0}), h->map({dim, dim}), h->map({0, dim})};
    out.moduleSize = (std::hypot(u.x, u.y) + std::hypot(v.x, v.y)) * 0.5f;
    out.alignmentFound = aligned;
    out.refinePasses = refinePasses;
    out.templateSearches = searches;
    out.timing = timing_score(gray, *h, d, inverted);
    return true;
}

namespace {

// A finder of a triple whose modules read 20 % wider than the median of the three has merged with
// something beside it (a card's header text touching the symbol): its centre is pulled towards the text and
// its widths would make the symbol look versions smaller. It is sought again on the grey image by its
// ring template (template_match.hpp) within 2.5 modules, in the frame of its partners; its widths are not
// used (Triple::wide). So is a finder seen on a quarter of the scan lines its partners are seen on, at
// 2.5 px per module and more (text printed over its light ring: the lines that still read 1:1:3:1:1 are
// few and off centre, up to 3 modules), within 3.5 modules. Below 2.5 px a finder spans too few lines for
// their count to tell a broken one (generated hard backs: one read lost at 2 px).
// And all three are sought again (propose_symbols) when they were seen whole on kStrongHits lines or more,
// at 2.5 px and more, but no dimension's timing pattern lines up under them.
constexpr int kWeakHitsRatio = 4;
constexpr float kSoughtMinModule = 2.5f;
constexpr float kWeakRadius = 3.5f;
constexpr int kStrongHits = 6;

struct Triple {
    FinderPattern f[3];  // top-left, top-right, bottom-left
    bool wide[3] = {false, false, false};
};

// The triple's finders, as a Triple.
Triple triple_of(std::span<const FinderPattern> finders, const FinderTriple& t) {
    return {{finders[static_cast<size_t>(t.topLeft)], finders[static_cast<size_t>(t.topRight)],
             finders[static_cast<size_t>(t.bottomLeft)]}};
}

Triple recentred(const image::ImageView& gray, const FinderPattern& a, const FinderPattern& b, const FinderPattern& c, bool inverted,
                 bool all = false) {
    Triple t{{a, b, c}};
    const float med = std::max(std::min(a.moduleSize, b.moduleSize), std::min(std::max(a.moduleSize, b.moduleSize), c.moduleSize));
    const auto axis = [&](Point from, Point to) {
        const float len = std::max(distance(from, to), 1e-3f);
        return Point{(to.x - from.x) / len * med, (to.y - from.y) / len * med};
    };
    const Point u = axis(a.center, b.center), v = axis(a.center, c.center);
    for (int i = 0; i < 3; ++i) {
        const int partnerHits = std::min(t.f[(i + 1) % 3].hits, t.f[(i + 2) % 3].hits);
        const bool weak = t.f[i].hits * kWeakHitsRatio <= partnerHits && med >= kSoughtMinModule;
        if (t.f[i].moduleSize <= 1.2f * med && !weak && !all) continue;
        t.wide[i] = t.f[i].moduleSize > 1.2f * med || weak;
        TemplateSearch ts;
        ts.predicted = t.f[i].center;
        ts.moduleU = u;
        ts.moduleV = v;
        ts.radiusModules = weak ? kWeakRadius : 2.5f;
        ts.distancePenalty = 0.02f;
        ts.inverted = inverted;
        const TemplateMatch m = best_template_match(gray, kFinderTemplate, ts);
        if (m.contrast > 0) t.f[i].center = m.center;
        t.f[i].moduleSize = med;
    }
    return t;
}

// Module size between two finders of a triple: the mean of each one's width towards the other, or the
// partner's alone when one of them is wide.
float pair_module(const image::BitMatrix& binary, const Triple& t, int p, int q) {
    const float a = module_along(binary, t.f[p], t.f[q].center), b = module_along(binary, t.f[q], t.f[p].center);
    if (t.wide[p] == t.wide[q]) return (a + b) * 0.5f;
    return t.wide[p] ? b : a;
}

// Blur widens a finder's dark runs, so its modules read wide and the symbol looks small (shared printed
// fronts with motion blur read only 1.7-2.1 versions above the estimate): the best triples are offered a
// dimension beyond the usual window too, up to this many versions above it, after their others
// (LocateOptions::largerDimensions).
constexpr float kUsualVersions = 1.6f;
constexpr float kLargerVersions = 2.6f;
constexpr float kLargerScoreOffset = 0.6f;
constexpr float kRunVersions = 2.0f;
constexpr float kAffineRescueBelow = 2.5f;
constexpr float kAffineRescueTiming = 0.65f;

// The dimension the triple's legs give with these module sizes along them (top-left to top-right, to
// bottom-left): finder centres are 3.5 modules in from the symbol's edges.
float legs_dimension(const Triple& t, float moduleAB, float moduleAC) {
    return (distance(t.f[0].center, t.f[1].center) / moduleAB + distance(t.f[0].center, t.f[2].center) / moduleAC) * 0.5f +
           7.0f;
}

// Modules under kPhaseFreeBelow px by the scan's run lengths: blurred finders read wide and their centres
// are off by half a module, so the timing period ranks the dimensions (timing_score).
bool small_modules(const Triple& t) {
    return (t.f[0].moduleSize + t.f[1].moduleSize + t.f[2].moduleSize) / 3.0f < kPhaseFreeBelow;
}

// Up to `take` dimensions for the triple's finders within kUsualVersions of their estimate (for small
// modules, of the span between two estimates), best timing first, then up to `takeLarger` of those between kUsualVersions and kLargerVersions above it
// (propose_symbols). Returns how many it offered within the usual window.
int add_dimension_options(const image::ImageView& gray, const image::BitMatrix& binary, const Triple& three, const FinderTriple& tr,
                          int index, float scoreOffset, int take, int takeLarger, const LocateOptions& options,
                          std::vector<SymbolCandidate>& out) {
    const FinderPattern& fa = three.f[0];
    const FinderPattern& fb = three.f[1];
    const FinderPattern& fc = three.f[2];
    const float est = legs_dimension(three, pair_module(binary, three, 0, 1), pair_module(binary, three, 0, 2));
    // Dimensions are 17 + 4 k (ISO/IEC 18004:2015 6.1). The estimate from module sizes can be a version
    // off for large symbols, so the neighbours within two versions are ranked by how well the timing
    // patterns alternate under the frame of the three finders and the estimated fourth corner (the
    // timing row and column run right along the finder legs, where that frame is accurate even under
    // perspective).
    // Small modules: blur fills the 1-module light rings, so the walk across a finder reads it wide and the
    // symbol small (generated 1.35 px fronts: 49 for 57), and the run lengths the scan measured (its module
    // size) less so. The window then reaches up to their estimate as well (at most kRunVersions above),
    // where the timing score ranks the dimensions whatever the phase (timing_period.hpp).
    float estHigh = est;
    if (small_modules(three)) {
        const float fromRuns =
            legs_dimension(three, (fa.moduleSize + fb.moduleSize) * 0.5f, (fa.moduleSize + fc.moduleSize) * 0.5f);
        estHigh = std::clamp(fromRuns, est, est + 4.0f * kRunVersions);
    }
    const int kLow = static_cast<int>(std::lround((est - 17.0f) / 4.0f)) - 2;
    const int kHigh = static_cast<int>(std::lround((estHigh - 17.0f) / 4.0f)) + 3;
    const Point br = projective_fourth_corner(fa.center, fb.center, fc.center, fa.moduleSize, fb.moduleSize, fc.moduleSize);
    // Sizes from run lengths are good to half a pixel across a finder's 7 modules, 3 % and more below
    // kAffineRescueBelow px a module, and that moves the fourth corner by a module or more (shared back 0059:
    // its bottom-left finder read 7 % small put it 2 modules off, and the true dimension's timing scored
    // 0.42-0.53 there, 0.64-0.76 under the parallelogram). A dimension whose timing does not line up with
    // the sizes is then judged under the parallelogram, and offered as an affine view (no sizes: build_geometry
    // assumes it too) when its timing lines up clearly (kAffineRescueTiming: from 0.6, a tilt 0.3 front that
    // read before was lost; from 0.7, one gain fewer).
    const float meanModule = (fa.moduleSize + fb.moduleSize + fc.moduleSize) / 3.0f;
    const Point parallelogram = projective_fourth_corner(fa.center, fb.center, fc.center, 0, 0, 0);
    const bool twoFrames = meanModule < kAffineRescueBelow && distance(br, parallelogram) > 0.5f * meanModule;
    struct Option {
        int dim;
        float timing;
        float rough;
        bool affine;
    };
    Option usual[8], larger[2];
    int nUsual = 0, nLarger = 0;
    for (int kk = kLow; kk <= kHigh; ++kk) {
        const int dim = 17 + 4 * kk;
        if (dim < 21 || dim > 177) continue;
        // versions above the window (negative: inside it or below)
        const float above = (static_cast<float>(dim) - estHigh) / 4.0f;
        const float near = std::max({0.0f, above, (est - static_cast<float>(dim)) / 4.0f});
        const bool isUsual = near <= kUsualVersions;
        if (!isUsual && (takeLarger == 0 || above <= kUsualVersions || above > kLargerVersions)) continue;
        // Large symbols judge many timing modules, so chance scores 0.5 give or take little; there a
        // score within half a standard deviation of chance is noise (the corpus reads score 1.5+ above),
        // and the geometry's alignment search, 12 modules wide, is the costliest.
        const float judged = 2.0f * static_cast<float>(dim - 18);
        const auto lines_up = [&](const std::optional<float>& t) {
            return t && *t >= options.minRoughTiming && (dim < options.chanceGateDimension || *t >= 0.5f + 0.25f / std::sqrt(judged));
        };
        std::optional<float> framed = centres_timing(gray, fa.center, fb.center, fc.center, br, dim, options.inverted);
        bool affine = false;
        if (!lines_up(framed) && twoFrames) {
            const std::optional<float> flat = centres_timing(gray, fa.center, fb.center, fc.center, parallelogram, dim, options.inverted);
            if (flat && *flat >= kAffineRescueTiming) framed = flat, affine = true;
        }
        if (!lines_up(framed)) continue;
        const float timing = *framed;
        const Option o{dim, timing - 0.05f * near, timing, affine};
        if (isUsual) usual[nUsual++] = o;
        else larger[nLarger++] = o;
    }
    const auto offer = [&](Option* ranked, int n, int most, float offset) {
        // best timing first (stable: nearest first on ties)
        insertion_sort(ranked, ranked + n, [](const Option& x, const Option& y) { return x.timing > y.timing; });
        for (int i = 0; i < std::min(n, most); ++i)
            out.push_back({fa.center, fb.center, fc.center,
                           ranked[i].affine ? std::array<float, 3>{} : std::array<float, 3>{fa.moduleSize, fb.moduleSize, fc.moduleSize},
                           ranked[i].dim, tr.score - offset - 0.1f * static_cast<float>(i), index, ranked[i].rough,
                           tr.open});
    };
    offer(usual, nUsual, take, scoreOffset);
    offer(larger, nLarger, takeLarger, scoreOffset + kLargerScoreOffset);
    return std::min(nUsual, take);
}

// The rough timing (add_dimension_options) of the triple's best dimension; -1 when none lines up.
float rough_timing(const image::ImageView& gray, const image::BitMatrix& binary, std::span<const FinderPattern> finders,
                   const FinderTriple& tr, const LocateOptions& options, LocateScratch& scratch) {
    scratch.trial.clear();
    add_dimension_options(gray, binary, triple_of(finders, tr), tr, 0, 0.0f, 1, 0, options, scratch.trial);
    return scratch.trial.empty() ? -1.0f : scratch.trial.front().roughTiming;
}

// Open triples in the order their timing patterns line up best, among the first kOpenTriplesTried times as
// many as are kept (LocateOptions::maxOpenTriples), in the places those held: a pair with a third finder
// sought beside it (missing_finder.hpp) makes a triple for each place found, all shaped alike, so their
// scores do not tell the true place (generated 1.35 px fronts: 10 of 32 misses had it third or later).
// Triples whose timing lines up under no dimension go last.
void rank_open_triples(const image::ImageView& gray, const image::BitMatrix& binary, std::span<const FinderPattern> finders,
                       const LocateOptions& options, LocateScratch& scratch) {
    struct Tried {
        size_t slot;
        float timing;
        FinderTriple triple;
    };
    std::array<Tried, 16> tried{};
    size_t n = 0;
    const size_t most = std::min(tried.size(), static_cast<size_t>(kOpenTriplesTried * options.maxOpenTriples));
    for (size_t t = 0; t < scratch.triples.size() && n < most; ++t) {
        const FinderTriple& tr = scratch.triples[t];
        if (tr.open == 0) continue;
        if (!small_modules(triple_of(finders, tr))) continue;
        tried[n++] = {t, rough_timing(gray, binary, finders, tr, options, scratch), tr};
    }
    std::array<Tried, 16> ranked = tried;
    // best timing first (stable: rank order on ties)
    insertion_sort(ranked.begin(), ranked.begin() + static_cast<long>(n), [](const Tried& x, const Tried& y) { return x.timing > y.timing; });
    for (size_t i = 0; i < n; ++i) scratch.triples[tried[i].slot] = ranked[i].triple;
}

// The same three finders, whichever is the corner (a triple's three are distinct).
bool same_finders(const FinderTriple& x, const FinderTriple& y) {
    const auto in_y = [&](int f) { return f == y.topLeft || f == y.topRight || f == y.bottomLeft; };
    return in_y(x.topLeft) && in_y(x.topRight) && in_y(x.bottomLeft);
}

// Which finder of a set of three is the corner. rank_triples offers the corners opposite every side about
// as long as the longest (a symbol leaning steeply: its corner is far from square and its legs differ by
// up to 30 %, so the hypotenuse need not be the longest side, nor even the longer leg), and shape ranks
// them; only the true corner puts the timing patterns under the finders' frame (tilt 0.25 fronts: in 5 of
// 17 misses whose finders were all seen, another corner ranked first). The other corner of the triple at
// `t`, ranked after it, whose best dimension's rough timing beats `timing` (t's) by kCornerTimingMargin,
// with t's score, and by at least kCornerMinTiming (chance scores 0.5: a true corner whose centres are
// off lines up under no dimension, and is sought again); none when no other does. The true corners scored
// 0.74-1.0 against 0.55-0.57 for the others, while a wrong corner beat a true one (0.59) by 0.13 once.
constexpr float kCornerTimingMargin = 0.15f;
constexpr float kCornerMinTiming = 0.7f;
std::optional<FinderTriple> other_corner(const image::ImageView& gray, const image::BitMatrix& binary,
                                         std::span<const FinderPattern> finders, size_t t, float timing,
                                         const LocateOptions& options, LocateScratch& scratch) {
    const FinderTriple& first = scratch.triples[t];
    std::optional<FinderTriple> best;
    float bestTiming = std::max(timing + kCornerTimingMargin, kCornerMinTiming);
    // Timing scores are at most 1: none can beat a corner that lines up so well.
    for (size_t u = t + 1; u < scratch.triples.size() && bestTiming < 1.0f; ++u) {
        const FinderTriple& v = scratch.triples[u];
        if (!same_finders(v, first)) continue;
        const float vt = rough_timing(gray, binary, finders, v, options, scratch);
        if (vt > bestTiming) best = v, best->score = first.score, bestTiming = vt + kCornerTimingMargin;
    }
    return best;
}

}  // namespace

std::optional<float> centres_timing(const image::ImageView& gray, Point topLeft, Point topRight, Point bottomLeft,
                                    Point bottomRight, int dimension, bool inverted) {
    const float dim = static_cast<float>(dimension);
    const std::optional<Perspective> h = from_four(topLeft, topRight, bottomLeft, bottomRight, dim, dim - 3.5f);
    if (!h) return std::nullopt;
    return timing_score(gray, *h, dimension, inverted);
}

namespace {

// ProposalCursor::boundFrom, from the slots' scores as they now stand.
void set_bounds(LocateScratch& scratch) {
    const size_t n = scratch.triples.size();
    std::vector<float>& bound = scratch.cursor.boundFrom;
    bound.resize(n + 1);
    bound[n] = -std::numeric_limits<float>::infinity();
    for (size_t t = n; t-- > 0;) bound[t] = std::max(scratch.triples[t].score, bound[t + 1]);
}

// The best maxTriples triples of finders seen whole, and the best maxOpenTriples with open ones besides:
// those are extra, so the others are what they would be without them.
bool triples_left(const ProposalCursor& c, const LocateOptions& options, size_t slots) {
    return c.next < slots && (c.taken[0] < options.maxTriples || c.taken[1] < options.maxOpenTriples);
}

// The candidates of the triple in slot c.next (none when its set of finders was taken or its kind is full),
// added to c.made in score order.
void propose_from_slot(const image::ImageView& gray, const image::BitMatrix& binary, std::span<const FinderPattern> finders,
                       const LocateOptions& options, LocateScratch& scratch) {
    ProposalCursor& c = scratch.cursor;
    const size_t t = c.next++;
    // Open triples are ranked by timing when the first of them comes up: the triples before it are seen
    // whole, and the ranking only reorders open triples among their own slots, so no bound handed out changes.
    if (scratch.triples[t].open > 0 && !c.openRanked) {
        rank_open_triples(gray, binary, finders, options, scratch);
        set_bounds(scratch);
        c.openRanked = true;
    }
    // One slot per set of three finders: its other corners were weighed when its best one was taken.
    if (std::any_of(c.takenSets.begin(), c.takenSets.begin() + static_cast<long>(c.nTakenSets),
                    [&](const FinderTriple& o) { return same_finders(o, scratch.triples[t]); }))
        return;
    const int kind = scratch.triples[t].open > 0;
    if (c.taken[kind]++ >= (kind ? options.maxOpenTriples : options.maxTriples)) return;
    // The triple as seen (its three best dimensions), then, when one of its finders reads wide, the
    // triple with that finder sought again (its best dimension) after them: the as-seen reading keeps
    // its place, so symbols under strong perspective (one finder really is larger) read as before. Last
    // in score, a dimension beyond the usual window (kLargerVersions).
    // Only for the three best-ranked triples: look-alike triples in a card's print often have a wide
    // member, and extra candidates for all of them cost live frames 5-10 % at p90 (WASM, handheld clips).
    const bool best = c.recentredTriples++ < 3;
    std::vector<SymbolCandidate>& out = c.made;
    const auto offer = [&](const FinderTriple& v) {
        return add_dimension_options(gray, binary, triple_of(finders, v), v, static_cast<int>(t), 0.0f, 3,
                                     best && options.largerDimensions ? 1 : 0, options, out);
    };
    const size_t before = out.size();
    FinderTriple tr = scratch.triples[t];
    int offered = offer(tr);
    // Its best usual dimension comes first (add_dimension_options).
    const float timing = offered > 0 ? out[before].roughTiming : -1.0f;
    if (const auto other = other_corner(gray, binary, finders, t, timing, options, scratch)) {
        out.resize(before);
        tr = *other;
        offered = offer(tr);
    }
    if (c.nTakenSets < c.takenSets.size()) c.takenSets[c.nTakenSets++] = tr;
    const FinderPattern& a = finders[static_cast<size_t>(tr.topLeft)];
    const FinderPattern& b = finders[static_cast<size_t>(tr.topRight)];
    const FinderPattern& f = finders[static_cast<size_t>(tr.bottomLeft)];
    if (best) {
        // Three finders seen whole on several lines whose timing patterns line up under no dimension: one
        // centre is off (text printed over a finder pulls it by a module, and the timing row is then sampled
        // beside itself). All three are sought again.
        const bool seekAll = offered == 0 && tr.open == 0 && std::min({a.hits, b.hits, f.hits}) >= kStrongHits &&
                             std::min({a.moduleSize, b.moduleSize, f.moduleSize}) >= kSoughtMinModule;
        const Triple again = recentred(gray, a, b, f, options.inverted, seekAll);
        if (again.wide[0] || again.wide[1] || again.wide[2] || seekAll)
            add_dimension_options(gray, binary, again, tr, static_cast<int>(t), 0.3f, 1, 0, options, out);
    }
    // Triples in rank order, each with its dimensions nearest first (stable: the order they were made in).
    insertion_sort(out.begin(), out.end(), [](const SymbolCandidate& x, const SymbolCandidate& y) { return x.score > y.score; });
}

}  // namespace

void begin_proposals(const image::BitMatrix& binary, std::span<const FinderPattern> finders, const LocateOptions& options,
                     LocateScratch& scratch) {
    // Orientation by the corner finder's shape (corner_skew), for the triples that can still make the cut.
    const size_t cut = static_cast<size_t>(3 * (options.maxTriples + options.maxOpenTriples));
    rank_triples(finders, options.maxFinders, scratch.triples, &binary, cut);
    const size_t nCheck = std::min(scratch.triples.size(), cut);
    for (size_t t = 0; t < nCheck; ++t) {
        FinderTriple& tr = scratch.triples[t];
        // An open corner finder's runs carry what touches it (a card's header text): its shape says nothing.
        if (finders[static_cast<size_t>(tr.topLeft)].open) continue;
        // Widths from run lengths are good to a pixel: skews under ln 1.15 are measurement noise.
        const float skew = corner_skew(binary, finders[static_cast<size_t>(tr.topLeft)],
                                       finders[static_cast<size_t>(tr.topRight)].center,
                                       finders[static_cast<size_t>(tr.bottomLeft)].center);
        tr.score -= 2.0f * std::max(0.0f, skew - 0.14f);
    }
    insertion_sort(scratch.triples.begin(), scratch.triples.begin() + static_cast<long>(nCheck),
                   [](const FinderTriple& x, const FinderTriple& y) { return x.score > y.score; });
    ProposalCursor& c = scratch.cursor;
    c.next = 0;
    c.made.clear();
    c.taken[0] = c.taken[1] = c.kept[0] = c.kept[1] = 0;
    c.recentredTriples = 0;
    c.openRanked = false;
    c.nTakenSets = 0;
    set_bounds(scratch);
}

bool next_proposal(const image::ImageView& gray, const image::BitMatrix& binary, std::span<const FinderPattern> finders,
                   const LocateOptions& options, LocateScratch& scratch, SymbolCandidate& out) {
    ProposalCursor& c = scratch.cursor;
    const int keep[2] = {options.maxCandidates, options.maxOpenCandidates};
    for (;;) {
        const bool more = triples_left(c, options, scratch.triples.size());
        // Every candidate of a slot scores at most its triple's score: the best made one goes out once no
        // slot left can beat it (on a tie, the one made first goes first, as a stable sort puts it).
        if (!c.made.empty() && (!more || c.made.front().score >= c.boundFrom[c.next])) {
            const SymbolCandidate best = c.made.front();
            c.made.erase(c.made.begin());
            if (c.kept[best.open > 0]++ >= keep[best.open > 0]) continue;
            out = best;
            return true;
        }
        if (!more) return false;
        propose_from_slot(gray, binary, finders, options, scratch);
    }
}

void propose_symbols(const image::ImageView& gray, const image::BitMatrix& binary, std::span<const FinderPattern> finders,
                     const LocateOptions& options, LocateScratch& scratch, std::vector<SymbolCandidate>& out) {
    out.clear();
    begin_proposals(binary, finders, options, scratch);
    SymbolCandidate c;
    while (next_proposal(gray, binary, finders, options, scratch, c)) out.push_back(c);
}

void propose_triple(const image::ImageView& gray, const image::BitMatrix& binary, const std::array<FinderPattern, 3>& triple,
                    int placed, const LocateOptions& options, std::vector<SymbolCandidate>& out) {
    Triple t{{triple[0], triple[1], triple[2]}};
    if (placed >= 0 && placed < 3) t.wide[placed] = true;  // pair_module then reads its partner's width alone
    const FinderTriple tr{0, 1, 2, 0.0f, 1};
    const size_t before = out.size();
    add_dimension_options(gray, binary, t, tr, 0, 0.0f, 1, 0, options, out);
    if (out.size() > before && placed >= 0 && placed < 3) out.back().placed = placed;
}

bool build_geometry(const image::ImageView& gray, const SymbolCandidate& c, bool inverted, SymbolGeometry& out,
                    int refinePasses) {
    if (!geometry_for_dimension(gray, c.topLeft, c.topRight, c.bottomLeft, c.dimension, inverted, out, c.finderModules,
                                refinePasses))
        return false;
    out.triple = c.triple;
    out.score = c.score + 2.0f * out.timing + (out.alignmentFound ? 0.2f : 0.0f);
    return true;
}

void refine_geometry(const image::ImageView& gray, const SymbolCandidate& c, bool inverted, SymbolGeometry& g) {
    const int d = g.dimension;
    const float dim = static_cast<float>(d);
    // The same gate as in geometry_for_dimension, so staged refinement ends where build_geometry would.
    const bool gated = g.refinePasses == 1 && g.timing < kSecondRefineTiming;
    if (!gated)
        if (auto better = refine(gray, g.moduleToImage, d, inverted, c.finderModules, g.templateSearches))
            g.moduleToImage = *better;
    const Perspective& h = g.moduleToImage;
    g.corners = {h.map({0, 0}), h.map({dim, 0}), h.map({dim, dim}), h.map({0, dim})};
    ++g.refinePasses;
    g.timing = timing_score(gray, h, d, inverted);
    g.score = c.score + 2.0f * g.timing + (g.alignmentFound ? 0.2f : 0.0f);
}

void locate_symbols(const image::ImageView& gray, const image::BitMatrix& binary, std::span<const FinderPattern> finders,
                    const LocateOptions& options, LocateScratch& scratch, std::vector<SymbolGeometry>& out) {
    out.clear();
    propose_symbols(gray, binary, finders, options, scratch, scratch.candidates);
    for (const SymbolCandidate& c : scratch.candidates) {
        SymbolGeometry g;
        if (build_geometry(gray, c, options.inverted, g)) out.push_back(g);
    }
    std::stable_sort(out.begin(), out.end(), [](const SymbolGeometry& x, const SymbolGeometry& y) { return x.score > y.score; });
}

SymbolGeometry scaled_geometry(const SymbolGeometry& g, float factor) {
    SymbolGeometry out = g;
    for (size_t k = 0; k < 6; ++k) out.moduleToImage.m[k] *= factor;  // rows x and y of the perspective
    for (Point& p : out.corners) p = {p.x * factor, p.y * factor};
    out.moduleSize *= factor;
    return out;
}

SymbolGeometry translated_geometry(const SymbolGeometry& g, float dx, float dy) {
    SymbolGeometry out = g;
    auto& m = out.moduleToImage.m;
    // x' + dx = (a x + b y + c + dx (g x + h y + 1)) / (g x + h y + 1), and so for y.
    for (size_t k = 0; k < 3; ++k) {
        m[k] += dx * m[6 + k];
        m[3 + k] += dy * m[6 + k];
    }
    for (Point& p : out.corners) p = {p.x + dx, p.y + dy};
    return out;
}

}  // namespace cccd::qr
