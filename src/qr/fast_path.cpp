#include "qr/fast_path.hpp"

#include <algorithm>
#include <chrono>

#include "image/threshold_pass.hpp"

namespace cccd::qr {
namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

constexpr float kSampleFullBelow = 2.0f;  // px per module in a reduced frame

// Finders in s.binary, then the unrefined geometry of the first candidates, sampled and decoded.
bool read_first_candidates(const image::ImageView& frame, const PipelineConfig& config, DecoderScratch& s,
                           GridDecodeFn decodeGrid, DecodeResult& result, SampleAt at) {
    auto t0 = Clock::now();
    // A first look scans every other row of the reduced frame: its finders, 3+ px modules there, still
    // cross four or more rows, and none of the corpus reads changes (corpus_report --dump). At full size
    // that lost a read, so the fast path proper scans every row.
    // Open finders too (finder.hpp): a card's QR has no quiet zone, and reading it here saves every retry.
    find_finder_patterns(s.binary, {at.frame != nullptr ? 2 : 1, false, true}, s.finder, s.finders);
    // Candidates are ranked by their triple's score, so the first kFastPathCandidates come from the first
    // kFastPathCandidates triples: the others need no dimension ranking here. They are made one at a time
    // (next_proposal): most frames read the first, and the other triples then need none either.
    LocateOptions lo;
    lo.maxTriples = std::min(lo.maxTriples, kFastPathCandidates);
    begin_proposals(s.binary, s.finders, lo, s.locate);
    result.times.locate += ms_since(t0);
    const bool reduced = at.frame != nullptr && at.factor > 1;
    SampleOptions quick = config.sample;  // no confidences: a grid the first try cannot read is sampled again
    quick.confidence = false;
    bool levelsEnlarged = false;
    // The first kFastPathCandidates candidates of finders seen whole, and the first with open finders.
    int tried[2] = {0, 0};
    const int allowed[2] = {kFastPathCandidates, 1};
    SymbolCandidate c;
    while (tried[0] < allowed[0] || tried[1] < allowed[1]) {
        t0 = Clock::now();
        const bool proposed = next_proposal(frame, s.binary, s.finders, lo, s.locate, c);
        result.times.locate += ms_since(t0);
        if (!proposed) break;
        ++result.work.candidates;
        if (tried[c.open > 0]++ >= allowed[c.open > 0]) continue;
        t0 = Clock::now();
        const bool built = build_geometry(frame, c, false, s.geometry, 0);
        result.times.locate += ms_since(t0);
        if (built) count_work(result.work, c, 1, s.geometry.templateSearches);
        if (!built || s.geometry.timing < config.minTiming) continue;
        // Modules under 2 px in the reduced frame are read in the full one (sharper there: 4 more of the
        // 1280x720 corpus frames read); larger ones in the reduced frame, whose pixels already average
        // what sample_grid's five-point spread would average at full size, at a fifth of the samples.
        const bool enlarge = reduced && s.geometry.moduleSize < kSampleFullBelow;
        const SymbolGeometry g = enlarge ? scaled_geometry(s.geometry, static_cast<float>(at.factor)) : s.geometry;
        GridDecodeResult r;
        if (enlarge) {  // only the pixels under the symbol need to exist at full size
            if (!levelsEnlarged) {  // the block levels, read at the full frame's scale
                s.enlargedThresholds = s.thresholds;
                s.enlargedThresholds.blockSize *= at.factor;
                levelsEnlarged = true;
            }
            r = sample_and_decode((*at.frame)(sampled_region(g, at.width, at.height)), s.enlargedThresholds, g, quick, s,
                                  decodeGrid, result);
        } else {
            r = sample_and_decode(frame, s.thresholds, g, quick, s, decodeGrid, result);
        }
        if (!r.ok()) continue;
        add_symbol(std::move(r), reduced && !enlarge ? scaled_geometry(g, static_cast<float>(at.factor)) : g, result);
        return true;
    }
    return false;
}

}  // namespace

bool fast_path_applies(const BinarizerStep& first) {
    return !first.global && !first.harderOnly && first.local.fineRadius > 0 &&
           image::threshold_pass_supported(first.local.blockSize, first.local.fineRadius);
}

bool try_fast_path(const image::ImageView& frame, const BinarizerStep& first, const PipelineConfig& config,
                   DecoderScratch& s, GridDecodeFn decodeGrid, DecodeResult& result, SampleAt at) {
    const auto t0 = Clock::now();
    image::LocalBinarizeParams blockOnly = first.local;
    blockOnly.fineRadius = 0;
    image::binarize_local(frame, blockOnly, s.local, s.thresholds, s.binary);
    result.times.binarize += ms_since(t0);
    return read_first_candidates(frame, config, s, decodeGrid, result, at);
}

bool try_first_look(const image::ImageView& reduced, const FullFrameFn& frame, int factor, int width, int height,
                    const BinarizerStep& first, const PipelineConfig& config, DecoderScratch& s,
                    GridDecodeFn decodeGrid, DecodeResult& result) {
    const SampleAt at{&frame, factor, width, height};
    if (try_fast_path(reduced, first, config, s, decodeGrid, result, at)) return true;
    // Completed with the fine refinement (step 0's whole binarization), the reduced frame shows the finders
    // of 11 more of the 121 1280x720 corpus frames, for about a quarter of a full-size pass.
    const auto t0 = Clock::now();
    image::fine_override_pass(reduced, first.local.fineRadius, s.local.fineMargin, s.local.pass, s.binary);
    result.times.binarize += ms_since(t0);
    return read_first_candidates(reduced, config, s, decodeGrid, result, at);
}

}  // namespace cccd::qr
