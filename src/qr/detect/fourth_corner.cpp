#include "qr/detect/fourth_corner.hpp"

#include <algorithm>
#include <cmath>

namespace cccd::qr {

Point projective_fourth_corner(Point a, Point b, Point c, float msA, float msB, float msC) {
    const Point parallelogram{b.x + c.x - a.x, b.y + c.y - a.y};
    if (msA <= 0 || msB <= 0 || msC <= 0) return parallelogram;
    // w relative to the top-left finder's: (msA / ms)^(2/3).
    const auto w = [msA](float ms) { return std::clamp(std::pow(msA / ms, 2.0f / 3.0f), 0.5f, 2.0f); };
    const float wb = w(msB), wc = w(msC), wd = wb + wc - 1.0f;
    if (wd < 0.25f) return parallelogram;  // the fourth corner would lie near the horizon
    const Point q{b.x * wb + c.x * wc - a.x, b.y * wb + c.y * wc - a.y};
    return {q.x / wd, q.y / wd};
}

}  // namespace cccd::qr
