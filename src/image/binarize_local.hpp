#pragma once
// Local adaptive threshold for uneven light, glare and shadows. The image is cut into square blocks;
// each block's threshold is the mean grey of the (2 radius + 1)^2 blocks around it, provided that
// neighbourhood has contrast (max - min >= minContrast). Flat neighbourhoods (paper, the inside of a large
// module) take the threshold of the nearest block that has contrast, so they neither turn into noise nor
// lose large dark areas. Thresholds are interpolated between block centres per pixel.
#include <cstdint>
#include <vector>

#include "image/bit_matrix.hpp"
#include "image/block_stats.hpp"
#include "image/image_view.hpp"
#include "image/threshold_map.hpp"
#include "image/threshold_pass.hpp"

namespace cccd::image {

struct LocalBinarizeParams {
    int blockSize = 8;
    int radius = 2;         // neighbourhood of (2 radius + 1)^2 blocks
    int minContrast = 24;   // grey levels; below this a neighbourhood is "flat"
    int minDeviation = 8;   // and either its most varied block has this standard deviation, or its block
                            // means differ by minContrast (sensor noise alone spans 24 levels over thousands
                            // of pixels, but has neither; edges that fall on block borders have the second)
    // Pixel-scale refinement for tiny, blurred modules (1.3-3 px): a pixel clearly darker (lighter) than
    // the mean of its (2 fineRadius + 1)^2 neighbours by more than fineMargin is dark (light) whatever the
    // block level says; only pixels close to their neighbours' mean fall back to the block level. Without
    // it, the blurred light ring of a small finder pattern is darker than the block mean (which includes
    // the white paper) and merges with the dark. 0 turns it off.
    int fineRadius = 0;
    int fineMargin = 6;
    // Pixels the fine window leaves undecided are judged again in this smaller window first (0: not). At
    // 1.3 px a module, or rings foreshortened to that by a steep lean, a finder's light ring is no lighter
    // than the 7x7 mean around it (its dark rings fill that window) but is than a 5x5 one. Only for the
    // undecided: the small window alone broke up blurred modules of 2.2-5 px (measures: binarize_local.cpp).
    int innerFineRadius = 0;
    // The margin grows to noiseFactor times the frame's noise (the standard deviation of its quietest
    // quarter of blocks), so that sensor noise does not speckle finder rings; minDeviation grows likewise.
    float noiseFactor = 4.0f;
    // Level = (1 - midWeight) * neighbourhood mean + midWeight * midrange of the neighbourhood's pixels. The
    // mean alone sinks towards the majority colour next to large uniform areas (a finder's centre at 20 px
    // per module sits at the noise of its own dark level); the midrange alone follows glints.
    float midWeight = 0.5f;
};

struct LocalBinarizeScratch {  // reused between calls; sized on first use
    BlockStats blocks;
    ThresholdPassScratch pass;
    std::vector<uint8_t> blockMean8, windowMin, windowMax, windowDev, meanMin, meanMax, tmp8;
    std::vector<uint32_t> tmpSum;
    std::vector<int32_t> queue;     // flood of block levels: block coordinates as y << 16 | x
    std::vector<int32_t> rowLevel;  // per-row interpolated thresholds (8.8 fixed point), one per block column
    std::vector<uint16_t> columnSum;  // fine refinement: per-column sums over the window's rows
    std::vector<uint32_t> boxSum;     // fine refinement: per-pixel window sums of the current row
    int fineMargin = 0;  // the fine margin the last call used (after the noise adjustment)
};

void binarize_local(const ImageView& gray, const LocalBinarizeParams& params, LocalBinarizeScratch& scratch,
                    ThresholdMap& map, BitMatrix& out);

// Thresholds every pixel against a ThresholdMap (bilinear between block centres): the reference for
// threshold_pass (threshold_pass.hpp) and the local binarizer's path for the block sizes that one skips.
void apply_threshold_map(const ImageView& gray, const ThresholdMap& map, std::vector<int32_t>& rowLevel,
                         BitMatrix& out);

// The fine refinement alone, on top of a BitMatrix already thresholded against the block levels.
void refine_fine(const ImageView& gray, int radius, int margin, LocalBinarizeScratch& scratch, BitMatrix& out);

}  // namespace cccd::image
