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

}  // namespace cccd::image
