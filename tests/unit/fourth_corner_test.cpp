// Tests for src/qr/detect/fourth_corner.cpp: under a real perspective the module sizes at the three finders place
// the fourth corner far better than the parallelogram; without sizes it is the parallelogram.
#include "qr/detect/fourth_corner.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace {

using cccd::qr::Perspective;
using cccd::qr::Point;

float dist(Point a, Point b) { return std::hypot(a.x - b.x, a.y - b.y); }

// Pixels per module at module point p: the square root of the local area scale.
float module_size(const Perspective& h, Point p) {
    const Point o = h.map(p), px = h.map({p.x + 0.01f, p.y}), py = h.map({p.x, p.y + 0.01f});
    const float det = ((px.x - o.x) * (py.y - o.y) - (px.y - o.y) * (py.x - o.x)) / 1e-4f;
    return std::sqrt(std::abs(det));
}

TEST(FourthCorner, FollowsThePerspectiveOfTheFinderSizes) {
    const float d = 25;  // version 2
    // Symbol tilted away at the top right and rotated: the module square maps to an irregular quad.
    struct Case {
        std::array<Point, 4> quad;
    } cases[] = {{{{{40, 60}, {200, 30}, {230, 240}, {30, 220}}}},
                 {{{{100, 20}, {260, 120}, {150, 300}, {10, 140}}}},
                 {{{{50, 50}, {150, 70}, {260, 260}, {40, 170}}}}};
    for (const Case& c : cases) {
        const auto h = Perspective::quad_to_quad({{{0, 0}, {d, 0}, {d, d}, {0, d}}}, c.quad);
        ASSERT_TRUE(h);
        const Point tl{3.5f, 3.5f}, tr{d - 3.5f, 3.5f}, bl{3.5f, d - 3.5f}, br{d - 3.5f, d - 3.5f};
        const Point truth = h->map(br);
        const Point a = h->map(tl), b = h->map(tr), cc = h->map(bl);
        const Point est = cccd::qr::projective_fourth_corner(a, b, cc, module_size(*h, tl), module_size(*h, tr),
                                                             module_size(*h, bl));
        const Point parallelogram{b.x + cc.x - a.x, b.y + cc.y - a.y};
        const float ms = module_size(*h, br);
        EXPECT_LT(dist(est, truth), 0.5f * ms);                        // well within a module
        EXPECT_GT(dist(parallelogram, truth), 3.0f * dist(est, truth));  // and far better than the parallelogram
    }
}

TEST(FourthCorner, UnknownOrEqualSizesGiveTheParallelogram) {
    const Point a{10, 10}, b{110, 20}, c{5, 120};
    for (const Point p : {cccd::qr::projective_fourth_corner(a, b, c, 0, 0, 0),
                          cccd::qr::projective_fourth_corner(a, b, c, 3, 3, 3)}) {
        EXPECT_NEAR(p.x, 105, 1e-3);
        EXPECT_NEAR(p.y, 130, 1e-3);
    }
}

}  // namespace
