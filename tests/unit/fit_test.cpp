// Tests for src/qr/detect/fit.cpp: least-squares perspective from point pairs.
#include "qr/detect/fit.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace {

using cccd::qr::Perspective;
using cccd::qr::Point;

TEST(FitPerspective, RecoversAKnownTransformFromManyPoints) {
    const std::array<Point, 4> sq{{{0, 0}, {57, 0}, {57, 57}, {0, 57}}};
    const auto truth = Perspective::quad_to_quad(sq, {{{100, 120}, {330, 90}, {360, 310}, {80, 340}}});
    ASSERT_TRUE(truth);
    std::vector<Point> src, dst;
    for (float y = 3.5f; y < 57; y += 8)
        for (float x = 3.5f; x < 57; x += 11) {
            src.push_back({x, y});
            dst.push_back(truth->map({x, y}));
        }
    const auto fit = cccd::qr::fit_perspective(src, dst);
    ASSERT_TRUE(fit);
    for (const Point& p : {Point{0, 0}, Point{57, 57}, Point{20, 40}}) {
        EXPECT_NEAR(fit->map(p).x, truth->map(p).x, 1e-2);
        EXPECT_NEAR(fit->map(p).y, truth->map(p).y, 1e-2);
    }
}

TEST(FitPerspective, AveragesNoise) {
    std::vector<Point> src, dst;
    float e = 0.3f;
    for (float y = 0; y <= 40; y += 10)
        for (float x = 0; x <= 40; x += 10) {
            src.push_back({x, y});
            dst.push_back({2 * x + 5 + e, 2 * y + 7 - e});  // +-0.3 px alternating
            e = -e;
        }
    const auto fit = cccd::qr::fit_perspective(src, dst);
    ASSERT_TRUE(fit);
    EXPECT_NEAR(fit->map({20, 20}).x, 45, 0.15);
    EXPECT_NEAR(fit->map({20, 20}).y, 47, 0.15);
}

TEST(FitPerspective, RefusesTooFewOrDegeneratePoints) {
    const std::vector<Point> three = {{0, 0}, {1, 0}, {0, 1}};
    EXPECT_FALSE(cccd::qr::fit_perspective(three, three));
    const std::vector<Point> line = {{0, 0}, {1, 0}, {2, 0}, {3, 0}, {4, 0}};
    EXPECT_FALSE(cccd::qr::fit_perspective(line, line));
}

}  // namespace
