#include "qr/pipeline.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "image/binarize_global.hpp"
#include "image/downscale.hpp"
#include "image/threshold_pass.hpp"
#include "qr/fast_path.hpp"
#include "qr/format.hpp"
#include "qr/missing_finder.hpp"
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
    c.steps[0] = {false, {8, 2, 24, 8, 3, 8}, false};
    c.steps[1] = {true, {}, true};
    c.steps[2] = {false, {4, 2, 24, 8, 3, 14}, true};
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

WorkBudget work_budget(const PipelineConfig& c, int width, int height) {
    if (static_cast<long>(width) * height < c.smallFramePixels) return {c.smallMaxGeometries, c.smallMaxTemplateSearches, 0, 0};
    return {c.maxGeometries, c.maxTemplateSearches, c.maxOpenGeometries, c.maxOpenTemplateSearches};
}

int refine_searches(int dimension) {
    const int n = static_cast<int>(alignment_centers(version_for_size(dimension)).size());
    return 3 + (n >= 2 ? n * n - 3 : 0);  // the finders, and the alignment patterns (Annex E) but three
}

int searches_left(const WorkCounts& work, const SymbolCandidate& c, const WorkBudget& budget, int maxSymbols) {
    if (c.open > 0) return budget.openTemplateSearches * maxSymbols - work.openTemplateSearches;
    return budget.templateSearches * maxSymbols - (work.templateSearches - work.openTemplateSearches);
}

void count_work(WorkCounts& work, const SymbolCandidate& c, int geometries, int templateSearches) {
    work.geometries += geometries;
    work.templateSearches += templateSearches;
    if (c.open == 0) return;
    work.openGeometries += geometries;
    work.openTemplateSearches += templateSearches;
}

namespace {

struct Progress {  // what the passes over one frame learn beyond the symbols
    int maxHits[2] = {0, 0};    // most scan lines any finder was confirmed on, per polarity (1: inverted)
    bool located = false;       // some geometry had alternating timing patterns
    std::string lastError;      // why the last of them did not decode
    float largestFinder = 0;    // pixels per module of the largest finder seen, in camera-frame pixels
};

// The binarizations, finders, candidates and decodes of one frame (the camera frame, or a reduction of it by
// `scale`, whose results are scaled back to the camera frame), through its first stepCount steps.
// afterFastPath: s.binary holds step 0's block-only bits from the fast path (fast_path.hpp), which step 0
// completes with the fine refinement instead of binarizing again.
void decode_steps(const image::ImageView& frame, const DecodeOptions& options, const PipelineConfig& config,
                  DecoderScratch& s, GridDecodeFn decodeGrid, float scale, int stepCount, int maxCandidates,
                  bool afterFastPath, WorkBudget budget, Progress& progress, DecodeResult& result) {
    const int maxSymbols = std::max(1, options.maxSymbols);
    const int steps = std::min(stepCount, static_cast<int>(config.steps.size()));
    for (int step = 0; step < steps; ++step) {
        const BinarizerStep& b = config.steps[static_cast<size_t>(step)];
        // The harder binarizations re-read finders the earlier ones saw broken or blurred; a frame where no
        // finder look-alike held over three scan lines (a finder centre is 3 modules: 3 rows at 1 px per module;
        // most frames without a code) has nothing to re-read.
        if (b.harderOnly && std::max(progress.maxHits[0], progress.maxHits[1]) < config.harderMinHits) continue;
        if (b.harderOnly && !options.tryHarder) continue;
        auto t0 = Clock::now();
        if (afterFastPath && step == 0)
            image::fine_override_pass(frame, b.local.fineRadius, s.local.fineMargin, s.local.pass, s.binary);
        else if (b.global) image::binarize_global(frame, s.thresholds, s.binary);
        else image::binarize_local(frame, b.local, s.local, s.thresholds, s.binary);
        result.times.binarize += ms_since(t0);
        for (int pass = 0; pass < (options.tryInverted ? 2 : 1); ++pass) {
            const bool inverted = pass == 1;
            // A harder binarization re-reads finders of the polarity they were seen in.
            if (b.harderOnly && progress.maxHits[pass] < config.harderMinHits) continue;
            if (inverted) {
                t0 = Clock::now();
                invert(s.binary);
                result.times.binarize += ms_since(t0);
            }
            t0 = Clock::now();
            // Column scans (finders whose rows break up) in the last step only: they double a scan's cost,
            // and no corpus read needs them in the global step.
            // Open finders (no quiet zone: printed cards, dark on light) in the dark-on-light passes only: they
            // cost a frame without a code more than anything else here.
            const bool open = !inverted;
            find_finder_patterns(s.binary, {1, options.tryHarder && step > 0 && step + 1 == steps, open}, s.finder, s.finders);
            // A finder broken by text or glare beside two that were seen whole (missing_finder.hpp), on the
            // passes that look for open finders and while their budget lasts (one search round past it).
            if (options.tryHarder && config.missingFinders && open &&
                result.work.openTemplateSearches < budget.openTemplateSearches * maxSymbols) {
                MissingFinderOptions mo;
                mo.inverted = inverted;
                mo.pairFinders = config.missingFinderPairFinders;
                const int searches = find_missing_finders(frame, s.finders, mo, s.finders);
                result.work.templateSearches += searches;
                result.work.openTemplateSearches += searches;
            }
            for (const FinderPattern& f : s.finders) {
                progress.largestFinder = std::max(progress.largestFinder, f.moduleSize * scale);
                progress.maxHits[pass] = std::max(progress.maxHits[pass], f.hits);
            }
            result.times.locate += ms_since(t0);
            LocateOptions lo;
            lo.inverted = inverted;
            if (maxCandidates > 0) {
                lo.maxCandidates = maxCandidates;
                lo.maxTriples = std::min(lo.maxTriples, maxCandidates);
            }
            // One symbol per round: the finders covered by symbols already decoded (by this or an earlier
            // binarization) are dropped and the triples formed again among the rest, so that the other
            // symbols of a frame (decodeAll) are not crowded out of the finder and candidate lists. A
            // single-symbol decode makes one round.
            for (int round = 0; round < maxSymbols; ++round) {
                t0 = Clock::now();
                std::erase_if(s.finders, [&](const FinderPattern& f) {
                    const Point at{f.center.x * scale, f.center.y * scale};
                    return std::any_of(result.symbols.begin(), result.symbols.end(),
                                       [&](const Symbol& sym) { return inside(sym.corners, at); });
                });
                propose_symbols(frame, s.binary, s.finders, lo, s.locate, s.candidates);
                result.times.locate += ms_since(t0);
                result.work.candidates += static_cast<int>(s.candidates.size());
                const size_t before = result.symbols.size();
                SampleOptions so = config.sample;
                so.inverted = inverted;
                const auto read = [&](const SymbolGeometry& g) {
                    auto t = Clock::now();
                    sample_grid(frame, s.thresholds, g, so, s.sample, s.grid);
                    result.times.sample += ms_since(t);
                    ++result.work.grids;
                    t = Clock::now();
                    GridDecodeResult r = decodeGrid(s.grid);
                    if (!r.ok() && config.equalize && g.moduleSize < config.equalizeBelow) {
                        // Small modules: the same samples with the neighbours' share taken out (sample.hpp).
                        equalized_grid(s.sample.margins, g.dimension, kEqualizerStrength, s.equalized);
                        ++result.work.grids;
                        GridDecodeResult e = decodeGrid(s.equalized);
                        // The fitted equalizer only for grids whose format (and version) information reads
                        // the same in both copies: it undoes blur, not a misplaced grid, and it is the
                        // costliest try on a frame that reads nothing (no read lost on any corpus set).
                        if (!e.ok() && config.fitEqualizer && information_consistent(s.grid) &&
                            fitted_equalized_grid(s.sample.margins, g.dimension, s.fitted, s.equalized)) {
                            ++result.work.grids;
                            e = decodeGrid(s.equalized);
                        }
                        if (e.ok()) r = std::move(e);
                    }
                    result.times.decode += ms_since(t);
                    return r;
                };
                for (const SymbolCandidate& c : s.candidates) {
                    if (c.dimension > config.maxDimension) continue;
                    // A bound on the work per frame: textured frames show many finder look-alikes in every
                    // binarization and polarity, and each geometry costs template searches.
                    // decodeAll gets the bound per symbol wanted.
                    const WorkCounts& w = result.work;
                    if (c.open > 0) {
                        if (w.openGeometries >= budget.openGeometries * maxSymbols ||
                            w.openTemplateSearches >= budget.openTemplateSearches * maxSymbols)
                            continue;
                    } else if (w.geometries - w.openGeometries >= budget.geometries * maxSymbols ||
                               w.templateSearches - w.openTemplateSearches >= budget.templateSearches * maxSymbols) {
                        break;
                    }
                    bool decoded = false;
                    // Cheap geometries first: before refinement, and after one pass, most symbols read already.
                    // Only the complete geometry (kRefinePasses) counts as "located" and keeps its error, as
                    // when it was the only one tried; the earlier ones can only read a symbol sooner.
                    for (int passes = 0; passes <= kRefinePasses && !decoded; ++passes) {
                        const bool complete = passes == kRefinePasses;
                        // A refinement pass searches every finder and alignment pattern: up to 52 searches
                        // for a large symbol. It must fit in what is left of the budget, or a look-alike
                        // triple that suggests a large symbol costs several candidates' work.
                        if (passes > 0 && refine_searches(c.dimension) > searches_left(result.work, c, budget, maxSymbols)) break;
                        t0 = Clock::now();
                        const int searchesBefore = passes > 0 ? s.geometry.templateSearches : 0;
                        const bool built = passes > 0 || build_geometry(frame, c, inverted, s.geometry, 0);
                        if (passes > 0) refine_geometry(frame, c, inverted, s.geometry);
                        result.times.locate += ms_since(t0);
                        if (!built) break;
                        count_work(result.work, c, passes == 0 ? 1 : 0, s.geometry.templateSearches - searchesBefore);
                        // Refinement costs a template search per finder and alignment pattern: only for
                        // geometries whose timing patterns already alternate clearly better than chance.
                        if (passes == 0 && s.geometry.timing < config.minRefineTiming) break;
                        const SymbolGeometry& g = s.geometry;
                        // Timing patterns that do not alternate: not a symbol.
                        if (g.timing < config.minTiming) continue;
                        if (already_found(result.symbols, scaled(g.corners, scale))) break;
                        if (complete) progress.located = true;
                        GridDecodeResult r = read(g);
                        if (!r.ok() && complete && (!s.located.valid || g.timing > s.located.geometry.timing) &&
                            information_consistent(s.grid))
                            s.located = {true, inverted, scaled_geometry(g, scale)};
                        if (!r.ok() && complete && !g.alignmentFound && c.finderModules[0] > 0 && options.tryHarder) {
                            // Nothing but the finders' sizes placed the fourth corner, and sizes from run lengths
                            // are good to a few percent: a few percent of noise in a square view tilts it. The
                            // affine view (the parallelogram) is the other hypothesis.
                            SymbolCandidate affine = c;
                            affine.finderModules = {};
                            t0 = Clock::now();
                            const bool again = build_geometry(frame, affine, inverted, s.geometry);
                            result.times.locate += ms_since(t0);
                            count_work(result.work, c, 1, s.geometry.templateSearches);
                            if (again && g.timing >= config.minTiming) r = read(g);
                        }
                        if (!r.ok()) {
                            if (complete) progress.lastError = r.message;
                            continue;
                        }
                        Symbol sym;
                        sym.data = std::move(r);
                        sym.corners = scaled(g.corners, scale);
                        sym.moduleSize = g.moduleSize * scale;
                        result.symbols.push_back(std::move(sym));
                        decoded = true;
                    }
                    if (decoded) break;
                }
                if (result.symbols.size() == before || static_cast<int>(result.symbols.size()) >= maxSymbols) break;
            }
            if (inverted) invert(s.binary);  // leave the scratch as binarized
            if (static_cast<int>(result.symbols.size()) >= maxSymbols) break;
        }
        if (static_cast<int>(result.symbols.size()) >= maxSymbols) break;
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
    Progress progress;
    const WorkBudget budget = work_budget(config, frame.width, frame.height);
    decode_steps(frame, options, config, s, decodeGrid, 1.0f, config.stepCount, 0, fast, budget, progress, result);
    // Reduced frames (downscale.hpp): textured or halftoned modules that broke into runs at full size. Only
    // when some finder was seen with modules that stay 1.3 px wide once reduced (the ring of a textured
    // finder usually survives), and only for frames up to downscaleMaxPixels: the reduced frame of a
    // 1920x1080 one costs about a whole 640x360 decode, and its text and graphics show large finder
    // look-alikes often.
    const bool reduce = static_cast<long>(frame.width) * frame.height <= config.downscaleMaxPixels;
    for (int i = 0; i < config.downscaleCount && reduce && options.tryHarder && result.symbols.empty();
         ++i) {
        const int factor = config.downscales[static_cast<size_t>(i)];
        if (progress.largestFinder < 1.3f * static_cast<float>(factor)) continue;
        const image::ImageView small = image::downscale(frame, factor, s.reduced);
        if (small.width < 21 || small.height < 21) break;  // a version 1 symbol at a pixel per module
        decode_steps(small, options, config, s, decodeGrid, static_cast<float>(factor), config.downscaleSteps,
                     config.downscaleCandidates, false, budget, progress, result);
    }
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
