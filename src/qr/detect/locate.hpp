#pragma once
// From finder patterns to symbol geometry: rank triples (triples.hpp), estimate the dimension from the
// finder spacing and the finders' widths along each leg, find the bottom-right alignment pattern
// (ISO/IEC 18004:2015 6.3.6), build the module -> image perspective, and score it by how well the timing
// patterns (6.3.5) alternate. Dimensions are uncertain by 4 for large symbols, so neighbours are offered
// too, all ranked by score.
#include <array>
#include <optional>
#include <span>
#include <vector>

#include "image/bit_matrix.hpp"
#include "image/image_view.hpp"
#include "qr/detect/finder.hpp"
#include "qr/detect/geometry.hpp"
#include "qr/detect/triples.hpp"

namespace cccd::qr {

struct SymbolGeometry {
    int dimension = 0;              // modules per side (21 + 4 * (version - 1))
    Perspective moduleToImage;      // module coordinates -> image pixels; (x + 0.5, y + 0.5) is module (x, y)'s centre
    std::array<Point, 4> corners{}; // top-left, top-right, bottom-right, bottom-left, in the symbol's own orientation
    float moduleSize = 0;
    float score = 0;                // higher is more plausible; results are sorted by it
    float timing = 0;               // fraction of timing-pattern modules that alternate as they should
    bool alignmentFound = false;
    int triple = 0;                 // rank of the finder triple it came from
    int refinePasses = 0;           // refinement passes applied so far
    int templateSearches = 0;       // template searches spent on it so far (work accounting)
};

// The same geometry in an image scaled by `factor` (a reduced frame's geometry in the full frame: continuous
// coordinates scale exactly, downscale.hpp), or moved by (dx, dy) (a crop's geometry in the whole frame).
SymbolGeometry scaled_geometry(const SymbolGeometry& g, float factor);
SymbolGeometry translated_geometry(const SymbolGeometry& g, float dx, float dy);

// Refinement passes of a complete geometry (build_geometry's default).
inline constexpr int kRefinePasses = 2;

struct LocateOptions {
    int maxFinders = 12;    // triples are formed among the most confirmed finders
    int maxTriples = 6;     // triples turned into geometries
    int maxCandidates = 12; // geometries returned
    // Besides those: triples and geometries with open finders (finder.hpp), at most these many.
    int maxOpenTriples = 2;
    int maxOpenCandidates = 4;
    bool inverted = false;  // light-on-dark symbol (the alignment template and timing flip)
    // Dimensions whose timing patterns alternate less than this under the finders' frame are not offered
    // (random modules score about 0.5); the full geometry, which costs far more, is then not built.
    float minRoughTiming = 0.4f;
    // From this dimension up, the rough timing must also beat chance by half a standard deviation.
    int chanceGateDimension = 37;
    // The three best triples also offered a dimension up to 2.6 versions larger than their finders suggest,
    // after their others (locate.cpp's kLargerWindow: blurred finders read wide).
    bool largerDimensions = false;
};

// A finder triple with one dimension to try: cheap to make, turned into a geometry on demand.
struct SymbolCandidate {
    Point topLeft, topRight, bottomLeft;  // finder centres, oriented (triples.hpp)
    std::array<float, 3> finderModules{};  // their module sizes (perspective cue; 0 = unknown)
    int dimension = 0;
    float score = 0;
    int triple = 0;
    float roughTiming = 0;  // timing score under the finders' frame (propose_symbols' gate)
    int open = 0;           // open finders among the three (finder.hpp)
    int placed = -1;        // which of them (0 top-left, 1 top-right, 2 bottom-left) was placed by
                            // prediction, not seen (pair_candidates.hpp); -1 none
};

// Where next_proposal is in its walk over the ranked triples (begin_proposals starts it).
struct ProposalCursor {
    size_t next = 0;                    // the next triple slot to turn into candidates
    std::vector<float> boundFrom;       // boundFrom[t]: the best score of slots t.. (no later candidate beats it)
    std::vector<SymbolCandidate> made;  // candidates made and not yet handed out, best first
    int taken[2] = {0, 0};              // triples turned into candidates: seen whole, with open finders
    int kept[2] = {0, 0};               // candidates handed out, likewise
    int recentredTriples = 0;
    bool openRanked = false;            // rank_open_triples has run
    std::array<FinderTriple, 16> takenSets{};
    size_t nTakenSets = 0;
};

struct LocateScratch {
    std::vector<FinderTriple> triples;
    std::vector<SymbolCandidate> candidates;
    std::vector<SymbolCandidate> trial;  // one triple's dimensions (propose_symbols' ranking of open triples)
    ProposalCursor cursor;
};

// Clears `out` and fills it with candidates, most plausible first (at most options.maxCandidates): up to
// three dimensions per triple, best timing first.
void propose_symbols(const image::ImageView& gray, const image::BitMatrix& binary, std::span<const FinderPattern> finders,
                     const LocateOptions& options, LocateScratch& scratch, std::vector<SymbolCandidate>& out);

// propose_symbols one candidate at a time: begin_proposals ranks the triples, and each next_proposal makes
// the candidates of as few more triples as it needs to hand out the next one (false when none is left). The
// same candidates in the same order; a decoder that reads the first of them never pays for ranking the
// dimensions of the others (the first look's triples after the first: a sixth of a 1280x720 frame's WASM time).
// Every argument must be the same for all calls of one walk.
void begin_proposals(const image::BitMatrix& binary, std::span<const FinderPattern> finders, const LocateOptions& options,
                     LocateScratch& scratch);
bool next_proposal(const image::ImageView& gray, const image::BitMatrix& binary, std::span<const FinderPattern> finders,
                   const LocateOptions& options, LocateScratch& scratch, SymbolCandidate& out);

// The best dimension's candidate for one oriented triple (top-left, top-right, bottom-left), as
// propose_symbols offers it, appended to `out` (nothing when no dimension's timing lines up). `placed`: the
// index of a finder placed by prediction rather than seen (pair_candidates.hpp), whose widths are not
// used (SymbolCandidate::placed is then set), or -1. It counts as open (SymbolCandidate::open = 1).
void propose_triple(const image::ImageView& gray, const image::BitMatrix& binary, const std::array<FinderPattern, 3>& triple,
                    int placed, const LocateOptions& options, std::vector<SymbolCandidate>& out);

// The candidate's geometry: alignment pattern, `refinePasses` refinements on every pattern, timing score.
bool build_geometry(const image::ImageView& gray, const SymbolCandidate& candidate, bool inverted, SymbolGeometry& out,
                    int refinePasses = kRefinePasses);

// One more refinement pass on a geometry build_geometry made from the same candidate, timing and score
// updated: build_geometry with 0 passes and then refine_geometry twice gives the same geometry as with 2.
void refine_geometry(const image::ImageView& gray, const SymbolCandidate& candidate, bool inverted, SymbolGeometry& g);

// propose_symbols, then build_geometry for each; sorted by score (tests and tools; the decoder builds
// geometries one at a time and stops at the first that decodes).
void locate_symbols(const image::ImageView& gray, const image::BitMatrix& binary, std::span<const FinderPattern> finders,
                    const LocateOptions& options, LocateScratch& scratch, std::vector<SymbolGeometry>& out);

// Geometry for one oriented triple at a given dimension (exposed for tests).
// finderModules: the three finders' module sizes, which place the fourth corner under perspective
// (fourth_corner.hpp); zeros assume an affine view.
bool geometry_for_dimension(const image::ImageView& gray, Point topLeft, Point topRight, Point bottomLeft, int dimension,
                            bool inverted, SymbolGeometry& out, std::array<float, 3> finderModules = {},
                            int refinePasses = kRefinePasses);

// Fraction (0..1) of timing-pattern modules darker/lighter than their neighbours as ISO/IEC 18004 6.3.5 says;
// for modules under 1.8 px and 37 modules or more, at least 0.25 plus the timing period's power whatever its
// phase (timing_period.hpp), since finder centres there are good to half a module only.
float timing_score(const image::ImageView& gray, const Perspective& moduleToImage, int dimension, bool inverted);

// timing_score under the frame of three finder centres and a fourth corner, put at (3.5, 3.5), (d - 3.5, 3.5),
// (3.5, d - 3.5) and (d - 3.5, d - 3.5) modules, as dimensions are ranked before any geometry is built;
// nullopt when the four points make no frame.
std::optional<float> centres_timing(const image::ImageView& gray, Point topLeft, Point topRight, Point bottomLeft,
                                    Point bottomRight, int dimension, bool inverted);

}  // namespace cccd::qr
