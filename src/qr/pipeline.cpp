#include "qr/pipeline.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <span>

#include "image/binarize_global.hpp"
#include "image/downscale.hpp"
#include "image/threshold_pass.hpp"
#include "qr/fast_path.hpp"
#include "qr/grid/format.hpp"
#include "qr/detect/finder_rank.hpp"
#include "qr/detect/missing_finder.hpp"
#include "qr/detect/pair_candidates.hpp"
#include "qr/tables.hpp"

namespace cccd::qr {
namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

void invert(image::BitMatrix& b) {
    for (uint8_t& v : b.bits) v ^= 1;
}

bool inside(const std::array<Point, 4>& q, Point p) {
    bool sign = false;
    for (int i = 0; i < 4; ++i) {
        const Point a = q[static_cast<size_t>(i)], b = q[static_cast<size_t>((i + 1) % 4)];
        const bool s = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x) > 0;
        if (i == 0) sign = s;
        else if (s != sign) return false;
    }
    return true;
}

bool already_found(const std::vector<Symbol>& found, const std::array<Point, 4>& corners) {
    const Point c = centre_of(corners);
    for (const Symbol& s : found)
        if (inside(s.corners, c)) return true;
    return false;
}

std::array<Point, 4> scaled(std::array<Point, 4> q, float scale) {
    for (Point& p : q) p = {p.x * scale, p.y * scale};
    return q;
}

}  // namespace

PipelineConfig default_pipeline_config() {
    PipelineConfig c;
    // Local blocks of 8 px with the pixel-scale refinement; then, with tryHarder, Otsu over the frame and
    // blocks of 4 px with a wider fine margin and an inner fine window (image/binarize_local.hpp).
    c.steps[0] = {.local = {.blockSize = 8, .radius = 2, .minContrast = 24, .minDeviation = 8, .fineRadius = 3, .fineMargin = 8}};
    c.steps[1] = {.global = true, .local = {}, .harderOnly = true};
    c.steps[2] = {.local = {.blockSize = 4, .radius = 2, .minContrast = 24, .minDeviation = 8, .fineRadius = 3, .fineMargin = 14,
                            .innerFineRadius = 2},
                  .harderOnly = true};
    c.stepCount = 3;
    c.downscales = {3, 0};
    c.downscaleCount = 1;
    c.downscaleSteps = 3;
    c.downscaleCandidates = 3;
    c.downscaleMaxPixels = 1280L * 720L;
    // 81 of the 121 1280x720 corpus card photos read in the first look; at 640x480 under half would.
    c.firstLookFactor = 2;
    c.firstLookMinSide = 720;
    c.sample.mapWeight = 0.25f;
    c.sample.neighbourRadius = 1;
    return c;
}

bool small_frame(const PipelineConfig& c, int width, int height) { return static_cast<long>(width) * height < c.smallFramePixels; }

WorkBudget work_budget(const PipelineConfig& c, int width, int height) {
    if (small_frame(c, width, height)) return {c.smallMaxGeometries, c.smallMaxTemplateSearches, 0, 0};
    return {c.maxGeometries, c.maxTemplateSearches, c.maxOpenGeometries, c.maxOpenTemplateSearches,
            c.cardOpenTemplateSearches, c.cardMaxDimension, 2 * c.pairCandidates, c.pairTemplateSearches};
}

int open_template_searches(const WorkBudget& budget, const SymbolCandidate& c) {
    return budget.openTemplateSearches + (c.dimension <= budget.cardMaxDimension ? budget.cardOpenTemplateSearches : 0);
}

int refine_searches(int dimension) {
    const int n = static_cast<int>(alignment_centers(version_for_size(dimension)).size());
    return 3 + (n >= 2 ? n * n - 3 : 0);  // the finders, and the alignment patterns (Annex E) but three
}

int searches_left(const WorkCounts& work, const SymbolCandidate& c, const WorkBudget& budget, int maxSymbols) {
    if (c.placed >= 0) return budget.pairTemplateSearches * maxSymbols - work.pairTemplateSearches;
    if (c.open > 0) return open_template_searches(budget, c) * maxSymbols - work.openTemplateSearches;
    return budget.templateSearches * maxSymbols - (work.templateSearches - work.openTemplateSearches - work.pairTemplateSearches);
}

void count_work(WorkCounts& work, const SymbolCandidate& c, int geometries, int templateSearches) {
    work.geometries += geometries;
    work.templateSearches += templateSearches;
    if (c.placed >= 0) {
        work.pairGeometries += geometries;
        work.pairTemplateSearches += templateSearches;
    } else if (c.open > 0) {
        work.openGeometries += geometries;
        work.openTemplateSearches += templateSearches;
    }
}

GridDecodeResult sample_and_decode(const image::ImageView& frame, const image::ThresholdMap& levels, const SymbolGeometry& g,
                                   const SampleOptions& options, DecoderScratch& s, GridDecodeFn decodeGrid,
                                   DecodeResult& result) {
    auto t0 = Clock::now();
    sample_grid(frame, levels, g, options, s.sample, s.grid);
    result.times.sample += ms_since(t0);
    ++result.work.grids;
    t0 = Clock::now();
    GridDecodeResult r = decodeGrid(s.grid);
    result.times.decode += ms_since(t0);
    return r;
}

void add_symbol(GridDecodeResult data, const SymbolGeometry& g, DecodeResult& result) {
    Symbol sym;
    sym.data = std::move(data);
    sym.corners = g.corners;
    sym.moduleSize = g.moduleSize;
    result.symbols.push_back(std::move(sym));
}

namespace {

struct Progress {  // what the looks at one frame learn beyond the symbols
    int maxHits[2] = {0, 0};    // most scan lines any finder was confirmed on, per polarity (1: inverted)
    bool located = false;       // some geometry had alternating timing patterns
    std::string lastError;      // why the last of them did not decode
    float largestFinder = 0;    // pixels per module of the largest finder seen, in camera-frame pixels
};

// One decode of a frame: what its looks share.
struct FrameDecode {
    const DecodeOptions& options;
    const PipelineConfig& config;
    DecoderScratch& s;
    GridDecodeFn decodeGrid;
    WorkBudget budget;  // per symbol wanted
    int maxSymbols;
    DecodeResult& result;
    Progress progress;
    bool done() const { return static_cast<int>(result.symbols.size()) >= maxSymbols; }
};

// One look at a frame: the camera frame, or a reduction of it by `scale` (results are scaled back to the
// camera frame), through the config's first `steps` binarizer steps.
struct Look {
    image::ImageView frame;
    float scale = 1.0f;
    int steps = 0;
    int maxCandidates = 0;       // per round; 0: LocateOptions' default
    bool afterFastPath = false;  // s.binary holds step 0's block-only bits from the fast path (fast_path.hpp),
                                 // which step 0 completes with the fine refinement instead of binarizing again
};

bool step_wanted(const FrameDecode& d, const BinarizerStep& b) {
    if (!b.harderOnly) return true;
    // The harder binarizations re-read finders the earlier ones saw broken or blurred; a frame where no
    // finder look-alike held over three scan lines (a finder centre is 3 modules: 3 rows at 1 px per module;
    // most frames without a code) has nothing to re-read.
    return d.options.tryHarder && std::max(d.progress.maxHits[0], d.progress.maxHits[1]) >= d.config.harderMinHits;
}

void binarize_step(FrameDecode& d, const Look& look, int step) {
    const BinarizerStep& b = d.config.steps[static_cast<size_t>(step)];
    const auto t0 = Clock::now();
    if (look.afterFastPath && step == 0)
        image::fine_override_pass(look.frame, b.local.fineRadius, d.s.local.fineMargin, d.s.local.pass, d.s.binary);
    else if (b.global) image::binarize_global(look.frame, d.s.thresholds, d.s.binary);
    else image::binarize_local(look.frame, b.local, d.s.local, d.s.thresholds, d.s.binary);
    d.result.times.binarize += ms_since(t0);
}

// The third-finder search among the contrast-ranked finders (find_finders): pairs of modules under 1.8 px,
// a third as clear as they are (0.9 of their contrast, not 0.45), no pair that already has a finder at one
// of its places. Looser, the look-alikes it found took the few open slots from a symbol's own triple
// (generated fronts: at 0.45 or in every step five lost, with larger modules or taken pairs one each).
constexpr MissingFinderOptions kRankedPairSearch{.minContrastShare = 0.9f, .maxPairModule = 1.8f, .skipTakenPairs = true};

// The finders of s.binary (inverted or not) into s.finders: those of its rows, or (Scan::add_columns, right
// after a Scan::rows call on the same bits) of its rows and columns, as one scan of both would give.
enum class Scan { rows, add_columns };
void find_finders(FrameDecode& d, const Look& look, bool inverted, Scan scan, bool lastStep) {
    DecoderScratch& s = d.s;
    const auto t0 = Clock::now();
    // Open finders (no quiet zone: printed cards, dark on light) in the dark-on-light passes only: they cost
    // a frame without a code more than anything else here.
    const bool open = !inverted;
    const FinderOptions fo{1, false, open};
    if (scan == Scan::rows) find_finder_patterns(s.binary, fo, s.finder, s.finders);
    else add_column_finders(s.binary, fo, s.finder, s.finders);
    // A finder broken by text or glare beside two that were seen whole (missing_finder.hpp), on the passes
    // that look for open finders and while their budget lasts (one search round past it).
    const bool seek = d.options.tryHarder && d.config.missingFinders && open;
    const auto search_missing = [&](MissingFinderOptions mo, std::span<const Point> searched) {
        mo.inverted = inverted;
        mo.pairFinders = d.config.missingFinderPairFinders;
        return find_missing_finders(look.frame, s.finders, mo, s.finders, searched);
    };
    if (seek && d.result.work.openTemplateSearches < d.budget.openTemplateSearches * d.maxSymbols) {
        const int searches = search_missing({}, {});
        d.result.work.templateSearches += searches;
        d.result.work.openTemplateSearches += searches;
    }
    const PairedCentres paired = paired_centres(s.finders, d.config.missingFinderPairFinders);
    // Then the finders seen whole by their grey rings as well as their hits (finder_rank.hpp): small
    // symbols on textured cards. After the third-finder search, whose pairs stay the most confirmed finders:
    // ranked first, look-alikes with strong rings spent its budget on pairs that are no symbol's.
    rank_finders_by_contrast(look.frame, inverted, LocateOptions{}.maxFinders, s.finders);
    // In the last step, the ranked list's pairs of small modules too (kRankedPairSearch): at 1.3-1.5 px a
    // symbol's finders are crossed by 3-5 rows and guilloche look-alikes by 20-40, so only the ranking puts
    // its pair first (generated 1.35 px fronts: 7 of 20 misses). Not charged to the work budget: at most
    // 18 searches (3 pairs, 6 places), and charged they starved the open candidates that read later.
    if (seek && lastStep) search_missing(kRankedPairSearch, paired.view());
    for (const FinderPattern& f : s.finders) {
        d.progress.largestFinder = std::max(d.progress.largestFinder, f.moduleSize * look.scale);
        d.progress.maxHits[inverted] = std::max(d.progress.maxHits[inverted], f.hits);
    }
    d.result.times.locate += ms_since(t0);
}

// A bound on the work per frame: textured frames show many finder look-alikes in every binarization and
// polarity, and each geometry costs template searches. decodeAll gets the bound per symbol wanted.
enum class BudgetLeft { yes, not_for_open, no };
BudgetLeft budget_left(const FrameDecode& d, const SymbolCandidate& c) {
    const WorkCounts& w = d.result.work;
    const WorkBudget& b = d.budget;
    if (c.placed >= 0)
        return w.pairGeometries >= b.pairGeometries * d.maxSymbols || w.pairTemplateSearches >= b.pairTemplateSearches * d.maxSymbols
                   ? BudgetLeft::not_for_open : BudgetLeft::yes;
    if (c.open > 0)
        return w.openGeometries >= b.openGeometries * d.maxSymbols ||
                       w.openTemplateSearches >= open_template_searches(b, c) * d.maxSymbols
                   ? BudgetLeft::not_for_open : BudgetLeft::yes;
    return w.geometries - w.openGeometries - w.pairGeometries >= b.geometries * d.maxSymbols ||
                   w.templateSearches - w.openTemplateSearches - w.pairTemplateSearches >= b.templateSearches * d.maxSymbols
               ? BudgetLeft::no : BudgetLeft::yes;
}

// A geometry's grid sampled and decoded; small modules again equalized, then with the fitted equalizer.
GridDecodeResult read_grid(FrameDecode& d, const image::ImageView& frame, const SymbolGeometry& g, bool inverted) {
    DecoderScratch& s = d.s;
    SampleOptions so = d.config.sample;
    so.inverted = inverted;
    GridDecodeResult r = sample_and_decode(frame, s.thresholds, g, so, s, d.decodeGrid, d.result);
    if (r.ok() || !d.config.equalize || g.moduleSize >= d.config.equalizeBelow) return r;
    const auto t0 = Clock::now();
    // Small modules: the same samples with the neighbours' share taken out (sample.hpp).
    equalized_grid(s.sample.margins, g.dimension, kEqualizerStrength, s.equalized);
    ++d.result.work.grids;
    GridDecodeResult e = d.decodeGrid(s.equalized);
    // The fitted equalizer only for grids whose format (and version) information reads the same in both
    // copies: it undoes blur, not a misplaced grid, and it is the costliest try on a frame that reads
    // nothing (no read lost on any corpus set).
    if (!e.ok() && d.config.fitEqualizer && information_consistent(s.grid) &&
        fitted_equalized_grid(s.sample.margins, g.dimension, s.fitted, s.equalized)) {
        ++d.result.work.grids;
        e = d.decodeGrid(s.equalized);
    }
    d.result.times.decode += ms_since(t0);
    if (e.ok()) return e;  // moved out, not copied (as a ?: would)
    return r;
}

// One candidate: its geometry unrefined, then after each refinement pass (locate.hpp), read until one
// decodes. True when it added a symbol.
bool try_candidate(FrameDecode& d, const Look& look, const SymbolCandidate& c, bool inverted) {
    DecoderScratch& s = d.s;
    const SymbolGeometry& g = s.geometry;
    // Cheap geometries first: before refinement, and after one pass, most symbols read already. Only the
    // complete geometry (kRefinePasses) counts as "located" and keeps its error, as when it was the only one
    // tried; the earlier ones can only read a symbol sooner.
    for (int passes = 0; passes <= kRefinePasses; ++passes) {
        const bool complete = passes == kRefinePasses;
        // A refinement pass searches every finder and alignment pattern: up to 52 searches for a large
        // symbol. It must fit in what is left of the budget, or a look-alike triple that suggests a large
        // symbol costs several candidates' work.
        if (passes > 0 && refine_searches(c.dimension) > searches_left(d.result.work, c, d.budget, d.maxSymbols)) return false;
        auto t0 = Clock::now();
        const int searchesBefore = passes > 0 ? g.templateSearches : 0;
        if (passes == 0 && !build_geometry(look.frame, c, inverted, s.geometry, 0)) {
            d.result.times.locate += ms_since(t0);
            return false;
        }
        if (passes > 0) refine_geometry(look.frame, c, inverted, s.geometry);
        d.result.times.locate += ms_since(t0);
        count_work(d.result.work, c, passes == 0 ? 1 : 0, g.templateSearches - searchesBefore);
        // Refinement costs a template search per finder and alignment pattern: only for geometries whose
        // timing patterns already alternate clearly better than chance.
        if (passes == 0 && g.timing < d.config.minRefineTiming) return false;
        if (g.timing < d.config.minTiming) continue;  // timing patterns that do not alternate: not a symbol
        if (already_found(d.result.symbols, scaled(g.corners, look.scale))) return false;
        if (complete) d.progress.located = true;
        GridDecodeResult r = read_grid(d, look.frame, g, inverted);
        if (!r.ok() && complete && (!s.located.valid || g.timing > s.located.geometry.timing) &&
            information_consistent(s.grid))
            s.located = {true, inverted, scaled_geometry(g, look.scale)};
        if (!r.ok() && complete && !g.alignmentFound && c.finderModules[0] > 0 && d.options.tryHarder) {
            // Nothing but the finders' sizes placed the fourth corner, and sizes from run lengths are good to
            // a few percent: a few percent of noise in a square view tilts it. The affine view (the
            // parallelogram) is the other hypothesis.
            SymbolCandidate affine = c;
            affine.finderModules = {};
            t0 = Clock::now();
            const bool again = build_geometry(look.frame, affine, inverted, s.geometry);
            d.result.times.locate += ms_since(t0);
            count_work(d.result.work, c, 1, g.templateSearches);
            if (again && g.timing >= d.config.minTiming) r = read_grid(d, look.frame, g, inverted);
        }
        if (!r.ok()) {
            if (complete) d.progress.lastError = r.message;
            continue;
        }
        add_symbol(std::move(r), scaled_geometry(g, look.scale), d.result);
        return true;
    }
    return false;
}

// Tried::record keeps every candidate tried in s.tried; Tried::skip passes over those already
// there (the rows' candidates again after the columns were added: the same finders, the same work).
enum class Tried { ignore, record, skip };

// The same finders (each within a third of a module, where the column hits' averaging leaves a finder seen
// on rows) and dimension: the same geometry.
bool same_candidate(const SymbolCandidate& a, const SymbolCandidate& b) {
    if (a.dimension != b.dimension) return false;
    const float tol = std::max(0.5f, std::min(a.finderModules[0], b.finderModules[0]) / 3.0f);
    return distance(a.topLeft, b.topLeft) <= tol && distance(a.topRight, b.topRight) <= tol &&
           distance(a.bottomLeft, b.bottomLeft) <= tol;
}

// The symbols of s.finders (inverted or not), one per round: the finders covered by symbols already
// decoded (by this or an earlier binarization) are dropped and the triples formed again among the rest, so
// that the other symbols of a frame (decodeAll) are not crowded out of the finder and candidate lists. A
// single-symbol decode makes one round.
void read_symbols(FrameDecode& d, const Look& look, bool inverted, Tried tried) {
    DecoderScratch& s = d.s;
    if (tried == Tried::record) s.tried.clear();
    LocateOptions lo;
    lo.inverted = inverted;
    // Not in small frames: their tight budget (work_budget) goes to the dimensions as estimated.
    lo.largerDimensions = !small_frame(d.config, look.frame.width, look.frame.height);
    if (look.maxCandidates > 0) {
        lo.maxCandidates = look.maxCandidates;
        lo.maxTriples = std::min(lo.maxTriples, look.maxCandidates);
    }
    for (int round = 0; round < d.maxSymbols; ++round) {
        const auto t0 = Clock::now();
        std::erase_if(s.finders, [&](const FinderPattern& f) {
            const Point at{f.center.x * look.scale, f.center.y * look.scale};
            return std::any_of(d.result.symbols.begin(), d.result.symbols.end(),
                               [&](const Symbol& sym) { return inside(sym.corners, at); });
        });
        // Candidates one at a time (next_proposal): the triples after the one that reads are never ranked.
        begin_proposals(s.binary, s.finders, lo, s.locate);
        d.result.times.locate += ms_since(t0);
        const size_t before = d.result.symbols.size();
        SymbolCandidate c;
        for (;;) {
            const auto t1 = Clock::now();
            const bool proposed = next_proposal(look.frame, s.binary, s.finders, lo, s.locate, c);
            d.result.times.locate += ms_since(t1);
            if (!proposed) break;
            ++d.result.work.candidates;
            if (c.dimension > d.config.maxDimension) continue;
            const BudgetLeft left = budget_left(d, c);
            if (left == BudgetLeft::no) break;
            if (left == BudgetLeft::not_for_open) continue;
            if (tried == Tried::skip &&
                std::any_of(s.tried.begin(), s.tried.end(), [&](const SymbolCandidate& t) { return same_candidate(t, c); }))
                continue;
            if (tried == Tried::record) s.tried.push_back(c);
            if (try_candidate(d, look, c, inverted)) break;
        }
        if (d.result.symbols.size() == before || d.done()) return;
    }
}

// The last resort of a look's last step (PipelineConfig::pairCandidates): candidates from the most confirmed
// finder pairs with the third placed by prediction, on a budget of their own (WorkCounts::pairGeometries):
// the open candidates before them may have spent the open budget, and the reduced frames after them would
// find it spent.
void read_pair_candidates(FrameDecode& d, const Look& look) {
    DecoderScratch& s = d.s;
    if (d.config.pairCandidates <= 0) return;
    auto t0 = Clock::now();
    PairCandidateOptions po;
    po.pairFinders = d.config.missingFinderPairFinders;
    po.maxCandidates = d.config.pairCandidates;
    po.placedSearches = d.config.pairPlacedSearches;
    propose_pair_candidates(look.frame, s.binary, s.finders, po, s.pairCandidates);
    d.result.times.locate += ms_since(t0);
    d.result.work.candidates += static_cast<int>(s.pairCandidates.size());
    for (const SymbolCandidate& c : s.pairCandidates) {
        if (c.dimension > d.config.maxDimension || budget_left(d, c) != BudgetLeft::yes) continue;
        if (try_candidate(d, look, c, false)) break;
    }
}

// The binarizations of one look, each read dark on light and then (tryInverted) light on dark.
void decode_look(FrameDecode& d, const Look& look) {
    const int steps = std::min(look.steps, static_cast<int>(d.config.steps.size()));
    for (int step = 0; step < steps && !d.done(); ++step) {
        const BinarizerStep& b = d.config.steps[static_cast<size_t>(step)];
        if (!step_wanted(d, b)) continue;
        binarize_step(d, look, step);
        for (int pass = 0; pass < (d.options.tryInverted ? 2 : 1) && !d.done(); ++pass) {
            const bool inverted = pass == 1;
            // A harder binarization re-reads finders of the polarity they were seen in.
            if (b.harderOnly && d.progress.maxHits[pass] < d.config.harderMinHits) continue;
            if (inverted) {
                const auto t0 = Clock::now();
                invert(d.s.binary);
                d.result.times.binarize += ms_since(t0);
            }
            // Column scans (finders whose rows break up) in the last step only, and only when its rows read
            // nothing: they double a scan's cost, their hits on a card's guilloche crowd the symbol's triple
            // out of the candidates, and no corpus read needs them in the global step.
            const bool columns = d.options.tryHarder && step > 0 && step + 1 == steps;
            find_finders(d, look, inverted, Scan::rows, columns);
            read_symbols(d, look, inverted, columns ? Tried::record : Tried::ignore);
            if (columns && !d.done()) {
                find_finders(d, look, inverted, Scan::add_columns, columns);
                read_symbols(d, look, inverted, Tried::skip);
                if (!inverted && look.scale == 1.0f && !d.done()) read_pair_candidates(d, look);
            }
            if (inverted) invert(d.s.binary);  // leave the scratch as binarized
        }
    }
}

}  // namespace

namespace {

bool invalid(DecodeResult& result, const char* message) {
    result.status = DecodeStatus::invalid_input;
    result.message = message;
    return false;
}

bool valid_size(int width, int height, DecodeResult& result) {
    if (width <= 0 || height <= 0) return invalid(result, "width and height must be positive");
    if (width > kMaxFrameSide || height > kMaxFrameSide) return invalid(result, "frame larger than 16384 pixels a side");
    return true;
}

bool valid_frame(const image::ImageView& frame, DecodeResult& result) {
    if (frame.data == nullptr) return invalid(result, "no pixel data");
    if (!valid_size(frame.width, frame.height, result)) return false;
    if (frame.stride < frame.width) return invalid(result, "stride is smaller than the width");
    return true;
}

bool fast_path_wanted(const PipelineConfig& config, const DecodeOptions& options) {
    return config.fastPath && std::max(1, options.maxSymbols) == 1 && config.stepCount > 0 && fast_path_applies(config.steps[0]);
}

// Everything after the first look, on the full-size frame.
DecodeResult full_size(const image::ImageView& frame, const DecodeOptions& options, const PipelineConfig& config,
                       DecoderScratch& s, GridDecodeFn decodeGrid, DecodeResult result) {
    // Cheap first try (fast_path.hpp) when one symbol is wanted; if it reads nothing, step 0 starts from its
    // block-only bits and adds the fine refinement, which gives exactly step 0's binarization.
    const bool fast = fast_path_wanted(config, options);
    if (fast && try_fast_path(frame, config.steps[0], config, s, decodeGrid, result)) {
        result.status = DecodeStatus::found;
        return result;
    }
    FrameDecode d{options, config, s, decodeGrid, work_budget(config, frame.width, frame.height),
                  std::max(1, options.maxSymbols), result, {}};
    decode_look(d, {frame, 1.0f, config.stepCount, 0, fast});
    // Reduced frames (downscale.hpp): textured or halftoned modules that broke into runs at full size. Only
    // when some finder was seen with modules that stay 1.3 px wide once reduced (the ring of a textured
    // finder usually survives), and only for frames up to downscaleMaxPixels: the reduced frame of a
    // 1920x1080 one costs about a whole 640x360 decode, and its text and graphics show large finder
    // look-alikes often.
    const bool reduce = static_cast<long>(frame.width) * frame.height <= config.downscaleMaxPixels;
    for (int i = 0; i < config.downscaleCount && reduce && options.tryHarder && result.symbols.empty(); ++i) {
        const int factor = config.downscales[static_cast<size_t>(i)];
        if (d.progress.largestFinder < 1.3f * static_cast<float>(factor)) continue;
        const image::ImageView small = image::downscale(frame, factor, s.reduced);
        if (small.width < 21 || small.height < 21) break;  // a version 1 symbol at a pixel per module
        decode_look(d, {small, static_cast<float>(factor), config.downscaleSteps, config.downscaleCandidates, false});
    }
    const Progress& progress = d.progress;
    if (!result.symbols.empty()) {
        result.status = DecodeStatus::found;
    } else if (progress.located) {
        result.status = DecodeStatus::unreadable;
        result.message = progress.lastError.empty() ? "symbol located but not decodable" : progress.lastError;
    } else {
        result.status = DecodeStatus::not_found;
        result.message = "no QR symbol found";
    }
    return result;
}

}  // namespace

bool first_look_applies(const PipelineConfig& config, const DecodeOptions& options, int width, int height) {
    return fast_path_wanted(config, options) && config.firstLookFactor > 1 &&
           std::min(width, height) >= config.firstLookMinSide;
}

DecodeResult run_pipeline(const image::ImageView& frame, const DecodeOptions& options, const PipelineConfig& config,
                          DecoderScratch& s, GridDecodeFn decodeGrid) {
    DecodeResult result;
    s.located.valid = false;
    if (!valid_frame(frame, result)) return result;
    if (first_look_applies(config, options, frame.width, frame.height)) {
        const auto t0 = Clock::now();
        const image::ImageView small = image::downscale(frame, config.firstLookFactor, s.reduced);
        result.times.binarize += ms_since(t0);
        const FullFrameFn full = [&frame](const image::FrameRegion&) { return frame; };
        if (try_first_look(small, full, config.firstLookFactor, frame.width, frame.height, config.steps[0], config, s,
                           decodeGrid, result)) {
            result.status = DecodeStatus::found;
            return result;
        }
    }
    return full_size(frame, options, config, s, decodeGrid, std::move(result));
}

DecodeResult run_pipeline_reduced(const image::ImageView& reduced, int width, int height, const FullFrameFn& fullFrame,
                                  const DecodeOptions& options, const PipelineConfig& config, DecoderScratch& s,
                                  GridDecodeFn decodeGrid) {
    DecodeResult result;
    s.located.valid = false;
    if (!valid_size(width, height, result) || !valid_frame(reduced, result)) return result;
    if (!first_look_applies(config, options, width, height)) {
        invalid(result, "no first look at a frame of this size: decode the full frame");
        return result;
    }
    if (reduced.width != width / config.firstLookFactor || reduced.height != height / config.firstLookFactor) {
        invalid(result, "the reduced frame's size does not match the frame's");
        return result;
    }
    if (try_first_look(reduced, fullFrame, config.firstLookFactor, width, height, config.steps[0], config, s, decodeGrid,
                       result)) {
        result.status = DecodeStatus::found;
        return result;
    }
    const image::ImageView frame = fullFrame({0, height, 0, width});
    if (frame.width != width || frame.height != height) {
        invalid(result, "the full frame's size does not match");
        return result;
    }
    if (!valid_frame(frame, result)) return result;
    return full_size(frame, options, config, s, decodeGrid, std::move(result));
}

}  // namespace cccd::qr
