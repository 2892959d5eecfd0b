#pragma once
// The camera's side of the photo: uneven light and laminate glare on the scene, then lens blur (defocus,
// motion), sensor noise, a messaging app's down-and-up scaling, and 8-bit pixels.
#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "cardgen.hpp"
#include "image.hpp"
#include "rng.hpp"

namespace cccd::cardgen {

using Corners = std::array<std::pair<double, double>, 4>;

// Light falls unevenly on everything; glare (stripes, hot spots) only where the card is (`coverage`).
void apply_light(FloatImage& img, const std::vector<float>& coverage, const CardSpec& spec, const Corners& qr, Rng& rng);
void motion_blur(FloatImage& img, double lengthPx, double angleDeg);
void gaussian_blur(FloatImage& img, double sigma);
// With `rgb8`, the noisy pixels also go there as 8-bit values (row by row, while in cache).
void add_noise(FloatImage& img, double sigma8bit, Rng& rng, std::vector<uint8_t>* rgb8 = nullptr);
void thumbnail(FloatImage& img, double factor);
void to_rgb8(const FloatImage& img, std::vector<uint8_t>& out);

}  // namespace cccd::cardgen
