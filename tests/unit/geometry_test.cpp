// Tests for src/qr/detect/geometry.cpp: the perspective transform maps the four corners exactly and keeps
// straight lines straight.
#include "qr/detect/geometry.hpp"

#include <gtest/gtest.h>

namespace {

using cccd::qr::Perspective;
using cccd::qr::Point;

void expect_near(Point a, Point b, float eps = 1e-3f) {
    EXPECT_NEAR(a.x, b.x, eps);
    EXPECT_NEAR(a.y, b.y, eps);
}

TEST(Perspective, MapsEachCornerOntoItsTarget) {
    const std::array<Point, 4> src{{{0, 0}, {25, 0}, {25, 25}, {0, 25}}};
    const std::array<std::array<Point, 4>, 3> targets{{
        {{{100, 50}, {200, 50}, {200, 150}, {100, 150}}},            // scale + shift
        {{{120, 40}, {230, 70}, {200, 180}, {90, 150}}},             // rotation + shear (parallelogram)
        {{{100, 100}, {300, 120}, {280, 260}, {130, 300}}},          // strong perspective
    }};
    for (const auto& dst : targets) {
        const auto t = Perspective::quad_to_quad(src, dst);
        ASSERT_TRUE(t.has_value());
        for (int i = 0; i < 4; ++i) expect_near(t->map(src[i]), dst[i]);
    }
}

TEST(Perspective, KeepsTheMidpointOfAnEdgeOnThatEdge) {
    const std::array<Point, 4> src{{{0, 0}, {1, 0}, {1, 1}, {0, 1}}};
    const std::array<Point, 4> dst{{{100, 100}, {300, 120}, {280, 260}, {130, 300}}};
    const auto t = Perspective::quad_to_quad(src, dst);
    ASSERT_TRUE(t.has_value());
    const Point m = t->map({0.5f, 0});
    // Collinear with the images of (0,0) and (1,0): the cross product vanishes.
    const double cross = (dst[1].x - dst[0].x) * (m.y - dst[0].y) - (dst[1].y - dst[0].y) * (m.x - dst[0].x);
    EXPECT_NEAR(cross, 0.0, 1e-2);
    // Perspective foreshortening: not the plain midpoint of the image edge for a non-affine map.
    EXPECT_GT(std::abs(m.x - 200.0f) + std::abs(m.y - 110.0f), 0.1f);
}

TEST(Perspective, DegenerateQuadrilateralsAreRejected) {
    const std::array<Point, 4> src{{{0, 0}, {1, 0}, {1, 1}, {0, 1}}};
    const std::array<Point, 4> collapsed{{{5, 5}, {5, 5}, {5, 5}, {5, 5}}};
    const std::array<Point, 4> collinear{{{0, 0}, {1, 1}, {2, 2}, {3, 3}}};
    EXPECT_FALSE(Perspective::quad_to_quad(src, collapsed).has_value());
    EXPECT_FALSE(Perspective::quad_to_quad(collinear, src).has_value());
}

}  // namespace
