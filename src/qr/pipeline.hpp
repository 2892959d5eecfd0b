#pragma once
// The decoder's stages put together, with the module-grid decoder passed in: Decoder (decoder.cpp) binds
// decode_grid; tests can bind a stand-in. Not part of the public API.
#include <array>
#include <functional>
#include <vector>

#include "image/binarize_local.hpp"
#include "image/bit_matrix.hpp"
#include "image/threshold_map.hpp"
#include "qr/decoder.hpp"
#include "qr/detect/finder.hpp"
#include "qr/grid/fitted_equalizer.hpp"
#include "qr/detect/locate.hpp"
#include "qr/grid/module_grid.hpp"
#include "qr/grid/sample.hpp"

namespace cccd::qr {

using GridDecodeFn = GridDecodeResult (*)(const ModuleGrid&);

// One binarization the pipeline may try; cheap ones first, the rest only with tryHarder.
struct BinarizerStep {
    bool global = false;                // Otsu over the whole frame instead of local blocks
    image::LocalBinarizeParams local;   // when !global
    bool harderOnly = false;
};

struct PipelineConfig {
    std::array<BinarizerStep, 4> steps{};
    int stepCount = 0;
    std::array<int, 2> downscales{};  // with tryHarder, when nothing decoded: the frame reduced by these
    int downscaleCount = 0;           // factors (downscale.hpp), through the first downscaleSteps steps again
    int downscaleSteps = 0;
    int downscaleCandidates = 0;      // and at most this many candidates (triples too) per pass: a second
                                      // look at large, clean symbols must not cost a full search
    long downscaleMaxPixels = 0;      // and only for frames of at most this many pixels
    // Frames whose shorter side is at least firstLookMinSide get the fast path (fast_path.hpp) on the frame
    // reduced by firstLookFactor before anything at full size: an ID card filling an HD camera frame has
    // modules of 3+ px, and the reduced frame costs a quarter (0: off).
    int firstLookFactor = 0;
    int firstLookMinSide = 0;
    // Per-frame bounds on geometries built and template searches (counts, not time, so that results do
    // not depend on the machine); the corpus reads use at most 34 and 146.
    int maxGeometries = 48;
    int maxTemplateSearches = 320;
    // Frames of fewer than smallFramePixels get these bounds instead: such a frame holds a symbol or two
    // (the corpus's frames under 128x128, 65x65 and 95x75, read within 6 geometries and 22 searches), but a
    // template search costs the same in it as in a camera frame, so a tiny frame full of finder
    // look-alikes (noise, a fuzzer's inputs) would otherwise cost as much as an HD one.
    long smallFramePixels = 128L * 128L;
    int smallMaxGeometries = 8;
    int smallMaxTemplateSearches = 64;
    // Candidates with open finders (a symbol printed with no quiet zone, on a card in a camera frame) get
    // their own bounds; none in small frames, which are tight crops whose edge ends the finders' rings.
    // With tryHarder: look for a third finder beside two (missing_finder.hpp) in every step after the fast path.
    bool missingFinders = true;
    int missingFinderPairFinders = 3;  // pairs among this many of the most confirmed whole finders
    // With tryHarder, when the last step's rows and columns read nothing: candidates from two finders with
    // the third placed where they say (pair_candidates.hpp: a finder washed out by glare), at most this many,
    // with a budget of their own: two geometries each and this many template searches.
    int pairCandidates = 3;
    int pairTemplateSearches = 50;
    // Of those, this many first placed where their timing patterns line up (place_by_timing.hpp); 0: as
    // predicted.
    int pairPlacedSearches = 4;
    int maxOpenGeometries = 12;
    int maxOpenTemplateSearches = 80;  // the third-finder searches count here too
    // Open candidates of a card's size get this many more: a chip card's symbol is version 7-9 at level M
    // (95-152 bytes), so up to version 10. The third-finder searches of the earlier steps spend the budget
    // above first, and on 1.35 px fronts the symbol's own triple often came after it was gone. Larger
    // open look-alikes stay within it (with 40 more for all, a version 24 one took shared front card-0005).
    int cardOpenTemplateSearches = 40;
    int cardMaxDimension = 57;
    // No "texture" shortcut (skipping the harder steps on frames full of finder look-alikes): a large noisy
    // symbol is itself full of look-alikes, and neither their number nor their strength told it from noise.
    int harderMinHits = 3;    // harderOnly steps run only after a finder confirmed on this many scan lines
    float minTiming = 0.55f;  // geometries whose timing patterns alternate less are skipped
    // Unrefined geometries (random modules: about 0.5) whose timing patterns alternate less are not
    // refined: every symbol the corpus reads after refinement scores 0.69 or more before it.
    float minRefineTiming = 0.6f;
    SampleOptions sample;
    // Candidates of larger symbols are not tried (sampling and refining one costs with its area); live
    // scanning of ID cards, whose symbols are versions 6-10, bounds it.
    int maxDimension = 177;
    // A grid that does not decode is tried again equalized (sample.hpp), then with an equalizer fitted to
    // it (fitted_equalizer.hpp), when its modules are under equalizeBelow px (in the frame sampled). Up
    // to 5 px: motion blur spans several pixels whatever the module size (cccd-synth/hard: 71 read with
    // 3 px, 73 with 5; no other set changed).
    bool equalize = true;
    float equalizeBelow = 5.0f;
    // The fitted equalizer's try (about 0.2 ms for a version 7 grid, natively) for every such grid whose
    // format information is consistent. Live scanning turns it off here and gives it to the tracked
    // symbol's samples once per frame instead.
    bool fitEqualizer = true;
    // The fast path (fast_path.hpp) before step 0 when one symbol is wanted. When it reads nothing, step 0
    // scans for finders a second time; live scanning's whole-frame passes, which seldom read in it, turn it off.
    bool fastPath = true;
};

// The configuration Decoder uses.
PipelineConfig default_pipeline_config();

// The bounds on geometries and template searches per symbol asked for, for a frame of this size.
struct WorkBudget {
    int geometries = 0;
    int templateSearches = 0;
    int openGeometries = 0;  // and for candidates with open finders, besides (WorkCounts)
    int openTemplateSearches = 0;
    int cardOpenTemplateSearches = 0;  // more for open candidates up to cardMaxDimension (PipelineConfig)
    int cardMaxDimension = 0;
    int pairGeometries = 0;  // for candidates with a finder placed by prediction (WorkCounts)
    int pairTemplateSearches = 0;
};
WorkBudget work_budget(const PipelineConfig& config, int width, int height);
// Whether a width x height frame is under config.smallFramePixels (its tight budget above).
bool small_frame(const PipelineConfig& config, int width, int height);

// Template searches one refinement pass of a geometry of this dimension makes (locate.hpp), and how many
// are left in the budget for a candidate like `c` (open finders or not).
int refine_searches(int dimension);
int searches_left(const WorkCounts& work, const SymbolCandidate& c, const WorkBudget& budget, int maxSymbols);
// The open template searches a frame may spend in all by the time it tries an open candidate like `c`.
int open_template_searches(const WorkBudget& budget, const SymbolCandidate& c);

// Adds a candidate's geometries and template searches to the counts (and to the pair candidates' if it has
// a placed finder, else to the open ones' if it has open finders).
void count_work(WorkCounts& work, const SymbolCandidate& c, int geometries, int templateSearches);

// A symbol located (timing patterns alternate) but not decoded: live scanning (live/live_scan.hpp) samples
// it again in later frames.
struct LocatedSymbol {
    bool valid = false;
    bool inverted = false;
    SymbolGeometry geometry;  // in the coordinates of the frame passed to run_pipeline
};

// Everything a Decoder reuses between frames.
struct DecoderScratch {
    image::BitMatrix binary;
    image::ThresholdMap thresholds;
    image::LocalBinarizeScratch local;
    FinderScratch finder;
    std::vector<FinderPattern> finders;
    LocateScratch locate;
    std::vector<SymbolCandidate> pairCandidates;
    std::vector<SymbolCandidate> tried;  // a step's candidates tried on its rows' finders
    SymbolGeometry geometry;
    SampleScratch sample;
    ModuleGrid grid;
    ModuleGrid equalized;          // the grid again, equalized (sample.hpp, fitted_equalizer.hpp)
    FittedEqualizerScratch fitted;
    std::vector<uint8_t> reduced;  // downscaled frame
    image::ThresholdMap enlargedThresholds;  // a reduced frame's levels at the camera frame's scale
    LocatedSymbol located;  // of the last run_pipeline call: the best by timing score
};

// Samples g's module grid from `frame` (`levels`: its binarization's) into s.grid and decodes it, the time
// and the grid counted in `result`.
GridDecodeResult sample_and_decode(const image::ImageView& frame, const image::ThresholdMap& levels, const SymbolGeometry& g,
                                   const SampleOptions& options, DecoderScratch& s, GridDecodeFn decodeGrid,
                                   DecodeResult& result);

// Adds a decoded symbol; `g` in the camera frame's coordinates.
void add_symbol(GridDecodeResult data, const SymbolGeometry& g, DecodeResult& result);

// The full-size frame, made on demand by a caller for whom making it costs (RGBA in WASM:
// wasm/reduced_decoder.hpp): the returned view must hold at least the pixels of `region` (earlier calls'
// pixels may be relied on no further).
using FullFrameFn = std::function<image::ImageView(const image::FrameRegion& region)>;

// Frame size limit (pixels a side); larger frames are invalid_input.
inline constexpr int kMaxFrameSide = 16384;

DecodeResult run_pipeline(const image::ImageView& frame, const DecodeOptions& options, const PipelineConfig& config,
                          DecoderScratch& scratch, GridDecodeFn decodeGrid);

// Whether run_pipeline starts a width x height frame with a first look at it reduced by firstLookFactor.
bool first_look_applies(const PipelineConfig& config, const DecodeOptions& options, int width, int height);

// run_pipeline for a caller that already has the frame reduced by firstLookFactor (`reduced`) and makes the
// full-size width x height frame only when the first look needs it or reads nothing. With `reduced` exactly
// as image::downscale makes it from the full frame, the same result as run_pipeline on the full frame.
// Only where first_look_applies; otherwise invalid_input.
DecodeResult run_pipeline_reduced(const image::ImageView& reduced, int width, int height, const FullFrameFn& fullFrame,
                                  const DecodeOptions& options, const PipelineConfig& config, DecoderScratch& scratch,
                                  GridDecodeFn decodeGrid);

}  // namespace cccd::qr
