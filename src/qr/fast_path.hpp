#pragma once
// The decoder's cheap first try, for the common frame (one symbol, dark on light, readable): the first
// binarizer step without its fine refinement (the block levels alone), finders along rows, and the
// unrefined geometry of the first few candidates. When it reads nothing, the caller completes the same
// binarization with image::fine_override_pass and runs the thorough steps exactly as without it.
#include "qr/pipeline.hpp"

namespace cccd::qr {

// Candidates whose unrefined geometry the fast path samples and decodes.
inline constexpr int kFastPathCandidates = 3;

// Whether the fast path applies to this first step: local, with a fine refinement the block-only pass
// can be completed to.
bool fast_path_applies(const BinarizerStep& first);

// A first look: the frame the fast path locates symbols in is the camera frame reduced by `factor`; `frame`
// makes the camera frame (only called when needed). Small modules are read at full resolution, where
// they are sharper than in the reduced frame; results are in the camera frame's coordinates.
struct SampleAt {
    const FullFrameFn* frame = nullptr;  // nullptr: no reduction
    int factor = 1;
    int width = 0, height = 0;  // of the camera frame
};

// True when a symbol was read (result.symbols has it). Otherwise s.binary holds the first step's block-only
// bits and s.thresholds its levels; s.local.fineMargin the margin to complete it with.
bool try_fast_path(const image::ImageView& frame, const BinarizerStep& first, const PipelineConfig& config,
                   DecoderScratch& s, GridDecodeFn decodeGrid, DecodeResult& result, SampleAt at = {});

// The first look at an HD frame: the fast path on `reduced` (the frame reduced by `factor`), and again on the
// reduced frame's complete step-0 binarization. Leaves s.binary and s.thresholds to be overwritten.
bool try_first_look(const image::ImageView& reduced, const FullFrameFn& frame, int factor, int width, int height,
                    const BinarizerStep& first, const PipelineConfig& config, DecoderScratch& s,
                    GridDecodeFn decodeGrid, DecodeResult& result);

}  // namespace cccd::qr
