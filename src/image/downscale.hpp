#pragma once
// Box-filter reduction of a frame by an integer factor: each output pixel is the mean of a factor x factor
// block. A second look at halftoned or textured symbols (art codes, dotted modules, print screens), whose
// modules break into runs at full resolution but are solid once averaged. Continuous coordinates scale
// exactly: point (x, y) of the output is (factor x, factor y) of the input.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "image/image_view.hpp"

namespace cccd::image {

// Fills `pixels` and returns a view of it (width and height rounded down; empty when below one pixel).
ImageView downscale(const ImageView& gray, int factor, std::vector<uint8_t>& pixels);

// One output row of a factor-2 reduction: out[x] = (top[2x] + top[2x+1] + bottom[2x] + bottom[2x+1] + 2) / 4
// for x < outWidth (vector lanes in WASM).
void halve_rows(const uint8_t* top, const uint8_t* bottom, int outWidth, uint8_t* out);

}  // namespace cccd::image
