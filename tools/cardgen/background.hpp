#pragma once
// What lies under the card: a wooden desk, a smooth gradient or wavy cloth, with the card's soft shadow.
#include "cardgen.hpp"
#include "image.hpp"
#include "pose.hpp"
#include "rng.hpp"

namespace cccd::cardgen {

void paint_background(FloatImage& frame, Background kind, const Pose& pose, Rng& rng);

}  // namespace cccd::cardgen
