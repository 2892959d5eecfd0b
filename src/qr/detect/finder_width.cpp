#include "qr/detect/finder_width.hpp"

#include <cmath>

#include "qr/detect/geometry.hpp"

namespace cccd::qr {

float half_width(const image::BitMatrix& b, Point c, float ux, float uy, float limit) {
    int phase = 0;  // 0 centre dark, 1 light ring, 2 dark ring
    for (float t = 0; t <= limit; t += 1.0f) {
        const int x = static_cast<int>(std::floor(c.x + t * ux)), y = static_cast<int>(std::floor(c.y + t * uy));
        if (!b.in_bounds(x, y)) return phase == 2 ? t - 0.5f : 0;  // a cropped symbol ends at the image edge
        const bool dark = b.get(x, y);
        if (phase == 0 && !dark) phase = 1;
        else if (phase == 1 && dark) phase = 2;
        else if (phase == 2 && !dark) return t - 0.5f;
        if (t == 0 && !dark) return 0;
    }
    return 0;
}

namespace {

// The two half widths of finder a on the line towards `toward`; false when the points coincide.
bool half_widths(const image::BitMatrix& b, const FinderPattern& a, Point toward, float& w1, float& w2) {
    const float len = distance(a.center, toward);
    if (len <= 0) return false;
    const float ux = (toward.x - a.center.x) / len, uy = (toward.y - a.center.y) / len;
    const float limit = a.moduleSize * 7.0f;
    w1 = half_width(b, a.center, ux, uy, limit);
    w2 = half_width(b, a.center, -ux, -uy, limit);
    return true;
}

}  // namespace

float width_towards(const image::BitMatrix& b, const FinderPattern& a, Point toward) {
    float w1 = 0, w2 = 0;
    return half_widths(b, a, toward, w1, w2) && w1 > 0 && w2 > 0 ? w1 + w2 : 0.0f;
}

float module_along(const image::BitMatrix& b, const FinderPattern& a, Point toward) {
    float w1 = 0, w2 = 0;
    if (!half_widths(b, a, toward, w1, w2)) return a.moduleSize;
    const float ms = (w1 + w2) / 7.0f;
    // Trust the walk only when it roughly agrees with the finder's own estimate.
    if (ms < a.moduleSize * 0.6f || ms > a.moduleSize * 1.6f) return a.moduleSize;
    return ms;
}

}  // namespace cccd::qr
