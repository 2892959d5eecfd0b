#pragma once
// The local binarizer's pixel pass in one sweep: each pixel against the block map (bilinear between block
// centres) and, with fineRadius > 0, the fine refinement against the mean of its own neighbourhood. Gives
// the same bits as apply_threshold_map followed by refine_fine (binarize_local.hpp), which stay as the
// reference and as the path for the block sizes this one does not cover.
#include <cstdint>
#include <vector>

#include "image/bit_matrix.hpp"
#include "image/image_view.hpp"
#include "image/threshold_map.hpp"

namespace cccd::image {

struct ThresholdPassScratch {
    std::vector<uint16_t> levelRow[2];  // block rows interpolated along x, 2 bs * block level per pixel
    int levelRowBlock[2] = {-1, -1};    // which block row each holds
    std::vector<uint16_t> columnSum;    // fine refinement: grey sums of each column over the window's rows
};

// True when the pass applies: block sizes 2, 4 and 8 (the interpolation is exact in 16 bits) and fine
// radius 0..4 (the window sums fit 16 bits).
bool threshold_pass_supported(int blockSize, int fineRadius);

// Call only when threshold_pass_supported(map.blockSize, fineRadius).
void threshold_pass(const ImageView& gray, const ThresholdMap& map, int fineRadius, int fineMargin,
                    ThresholdPassScratch& scratch, BitMatrix& out);

// The fine refinement alone on bits already thresholded against the block map (refine_fine's result):
// threshold_pass with radius 0 and then this gives the bits of threshold_pass with fineRadius. Requires
// threshold_pass_supported(any supported block size, fineRadius) and out of gray's size.
void fine_override_pass(const ImageView& gray, int fineRadius, int fineMargin, ThresholdPassScratch& scratch,
                        BitMatrix& out);

}  // namespace cccd::image
