#pragma once
// A finder's width along a line through its centre, walked in the binary image: the 7x7 square's chord
// in that direction (ISO/IEC 18004:2015 6.3.3). A lean shortens the chord as it shortens every distance
// in that direction, so widths give module sizes along a line where the runs' mean does not.
#include "image/bit_matrix.hpp"
#include "qr/detect/finder.hpp"

namespace cccd::qr {

// Distance from centre c to the outside of its finder along the unit direction (ux, uy), in pixels: walks
// dark (centre), light, dark (ring) and stops at the light beyond. 0 when the walk does not fit in `limit`.
float half_width(const image::BitMatrix& b, Point c, float ux, float uy, float limit);

// Finder a's width on the line towards `toward`, both sides of its centre, each walked up to 7 times its
// module size; 0 when either side cannot be walked (an open finder's ring runs on, or the line leaves the
// image inside it).
float width_towards(const image::BitMatrix& b, const FinderPattern& a, Point toward);

// Module size along the line from a towards `toward` (its width there over 7), or a's own estimate when
// the walk fails or disagrees with it by more than 0.6-1.6 times.
float module_along(const image::BitMatrix& b, const FinderPattern& a, Point toward);

}  // namespace cccd::qr
