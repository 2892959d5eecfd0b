#pragma once
// Where the card is: a bowed card, leaning away and turned, seen through a pinhole camera, scaled so the
// symbol has the asked-for module size and moved so the symbol lies inside the frame.
#include <string>
#include <utility>

#include "card_art.hpp"
#include "cardgen.hpp"
#include "rng.hpp"

namespace cccd::cardgen {

struct Pose {
    double rot[3][3] = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};  // card frame (x right, y down, z to the camera)
    double distance = 3 * kCardW;  // mm from the pinhole to the card's centre
    double sag = 0;                // mm; the bow's height at the card's middle
    double focal = 1, cx = 0, cy = 0;

    // Card millimetres -> image pixels (pixel centres at +0.5).
    std::pair<double, double> project(double u, double v) const;
};

struct Placement {
    Pose pose;
    double modulePx = 0;  // after fitting the symbol into the frame
    std::string error;
};

Placement place_card(const CardSpec& spec, const CardLayout& layout, int modules, Rng& rng);

// The symbol's outer corners TL, TR, BR, BL in pixels.
std::array<std::pair<double, double>, 4> qr_corners(const Pose& pose, const CardLayout& layout);

}  // namespace cccd::cardgen
