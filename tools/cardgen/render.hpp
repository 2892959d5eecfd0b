#pragma once
// Draws the card into the frame: the visible part of the card is printed into a texture at 1.25 texels
// per output pixel where the card is nearest (area-sampled: each texel holds the ink's coverage of it),
// then a fine mesh of the (bowed, perspective) card is rasterized, reading the texture bilinearly once per
// pixel, or four times where the card is seen obliquely and along its outline (anti-aliased edge).
#include <cstdint>
#include <string>
#include <vector>

#include "card_art.hpp"
#include "image.hpp"
#include "pose.hpp"

namespace cccd::cardgen {

// `frame` holds the background; `coverage` gets the card's share of each pixel (0..1). Returns an error.
std::string render_card(const Pose& pose, const CardLayout& layout, const std::vector<std::string>& fields,
                        const QrGrid& grid, uint32_t seed, FloatImage& frame, std::vector<float>& coverage);

}  // namespace cccd::cardgen
