#pragma once
// Reads the module grid of a located symbol from the grey image: each module centre mapped through the
// perspective, its grey value interpolated bilinearly and compared with a local threshold. At 1.3-3 px
// per module the binary image is too coarse, so the grey value decides, against the binarizer's own local
// level blended with the mean of the surrounding module samples (which follows blur and glare at the
// scale of the symbol).
#include <span>
#include <vector>

#include "image/image_view.hpp"
#include "image/threshold_map.hpp"
#include "qr/detect/locate.hpp"
#include "qr/grid/module_grid.hpp"

namespace cccd::qr {

struct SampleOptions {
    bool inverted = false;
    float mapWeight = 0.5f;    // threshold = mapWeight * binarizer level + (1 - mapWeight) * neighbour mean
    int neighbourRadius = 2;   // neighbour mean over (2r+1)^2 modules
    // The neighbour mean follows blur but fails inside large uniform areas (logos, long runs of dark
    // modules), so it may stray from the binarizer's level by at most this share of the symbol's contrast
    // (10th to 90th percentile of the samples). Negative: no limit.
    float maxStray = 0.25f;
    // Fill ModuleGrid::confidence (for erasures); the decoder's cheap first try leaves it empty.
    bool confidence = true;
};

struct SampleScratch {
    std::vector<float> values, levels, bin;  // bin: the samples of one histogram bin (percentiles)
    // With SampleOptions::confidence: per module, how far darker than its level it was (negative: lighter),
    // in shares of the symbol's contrast; for a light-on-dark symbol, how far lighter. Frames of a video
    // add these up (live/soft_grid.hpp).
    std::vector<float> margins;
    std::vector<double> integral;
};

void sample_grid(const image::ImageView& gray, const image::ThresholdMap& map, const SymbolGeometry& geometry,
                 const SampleOptions& options, SampleScratch& scratch, ModuleGrid& out);

// The pixels of a width x height image that sample_grid reads for this geometry: the bounding box of its
// sampled square (with bilinear's neighbours), or the whole image when the perspective folds the square over.
image::FrameRegion sampled_region(const SymbolGeometry& geometry, int width, int height);

// At 1-2 px per module each sample carries part of its four neighbours (pixel size, blur, JPEG): a dark
// module among light ones samples lighter than it is. The module-space equalizer undoes that to first
// order: margin + strength * (margin - mean of the four neighbours' margins), then dark where positive, with
// confidence from its size. `margins` as SampleScratch::margins (dimension x dimension); `out` gets
// modules and confidence. Strength 1.8: on generated handheld clips at the true geometry, the first
// frame read came 5-24 frames earlier than plain sampling's, and 20-45 % more frames read.
inline constexpr float kEqualizerStrength = 1.8f;
void equalized_grid(std::span<const float> margins, int dimension, float strength, ModuleGrid& out);

}  // namespace cccd::qr
