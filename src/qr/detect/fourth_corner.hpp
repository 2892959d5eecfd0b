#pragma once
// Where the bottom-right "virtual finder" (module (d - 3.5, d - 3.5)) lies in the image, from the three
// finder centres and their module sizes. The parallelogram a + (b - a) + (c - a) is right only for an
// affine view; under perspective the nearer finders look larger. For a perspective H = [A t; g 1] the
// local area scale at module point m is det(H) / w(m)^3 with w(m) = g . m + 1, so a finder's module size
// goes as w^(-3/2): the sizes give w at the three finders, w is affine in m, and so is the numerator
// w * p, which fixes the fourth point.
#include "qr/detect/geometry.hpp"

namespace cccd::qr {

// Module sizes <= 0 (unknown) give the parallelogram. The w ratios are clamped to [0.5, 2] so that one
// bad size cannot throw the point across the image.
Point projective_fourth_corner(Point topLeft, Point topRight, Point bottomLeft, float msTopLeft, float msTopRight,
                               float msBottomLeft);

}  // namespace cccd::qr
