// Tests for src/image/binarize_local.cpp: module centres of synthetic symbols come out right under uneven
// light and blur; flat noisy areas do not turn into speckle; large modules stay solid.
#include "image/binarize_local.hpp"

#include <gtest/gtest.h>

#include "support/reference_encoders.hpp"
#include "support/render.hpp"

namespace {

using namespace cccd;

// Share of module centres whose binary value matches the grid.
double agreement(const testsupport::Rendered& r, const qr::ModuleGrid& g, const image::BitMatrix& b) {
    int same = 0;
    for (int y = 0; y < g.size; ++y)
        for (int x = 0; x < g.size; ++x) {
            const qr::Point p = r.moduleToImage.map({static_cast<float>(x) + 0.5f, static_cast<float>(y) + 0.5f});
            same += b.get(static_cast<int>(p.x), static_cast<int>(p.y)) == g.dark(x, y) ? 1 : 0;
        }
    return static_cast<double>(same) / (g.size * g.size);
}

qr::ModuleGrid sample_grid() { return testsupport::qrencode_fixture("local threshold test 0123456789", 'M', 3); }

TEST(BinarizeLocal, FollowsUnevenLight) {
    const qr::ModuleGrid g = sample_grid();
    ASSERT_EQ(g.size, 29) << "reference grid fixture missing?";
    testsupport::RenderParams p;
    p.moduleSize = 5;
    p.angleDeg = 20;
    p.illumination = 0.7f;  // the right side gets 30% of the light
    p.noise = 3;
    const auto r = testsupport::render(g, p);
    image::LocalBinarizeScratch s;
    image::ThresholdMap map;
    image::BitMatrix b;
    image::binarize_local(r.view(), {}, s, map, b);
    EXPECT_GE(agreement(r, g, b), 0.99);
}

// The sample grid drawn with small blurred modules.
testsupport::Rendered small_modules(const qr::ModuleGrid& g, float moduleSize, float blurSigma, float angleDeg, float noise = 0) {
    testsupport::RenderParams p;
    p.moduleSize = moduleSize;
    p.blurSigma = blurSigma;
    p.angleDeg = angleDeg;
    p.noise = noise;
    return testsupport::render(g, p);
}

TEST(BinarizeLocal, FineRefinementSeparatesSmallBlurredModules) {
    const qr::ModuleGrid g = sample_grid();
    ASSERT_EQ(g.size, 29);
    const auto r = small_modules(g, 2.2f, 0.9f, 33);
    image::LocalBinarizeScratch s;
    image::ThresholdMap map;
    image::BitMatrix coarse, fine;
    image::binarize_local(r.view(), {8, 2, 24, 8, 0, 8}, s, map, coarse);
    image::binarize_local(r.view(), {8, 2, 24, 8, 3, 8}, s, map, fine);
    EXPECT_GT(agreement(r, g, fine), agreement(r, g, coarse));
    EXPECT_GE(agreement(r, g, fine), 0.9);
}

// The inner window (innerFineRadius) decides only the pixels the fine window leaves undecided: the bits are
// the block level, overridden where the inner window decides, overridden where the fine window decides,
// on the one-sweep path (block sizes 4 and 8) as on the reference path (16). At 1.35 px a module it changes
// bits, and more module centres come out right.
TEST(BinarizeLocal, InnerFineWindowDecidesOnlyWhatTheFineWindowLeaves) {
    const qr::ModuleGrid g = sample_grid();
    ASSERT_EQ(g.size, 29);
    const auto r = small_modules(g, 1.35f, 0.6f, 17, 2);
    for (int bs : {4, 8, 16})
        for (int inner : {1, 2}) {
            const image::LocalBinarizeParams plain{bs, 2, 24, 8, 3, 14};
            image::LocalBinarizeParams params = plain;
            params.innerFineRadius = inner;
            image::LocalBinarizeScratch s;
            image::ThresholdMap map;
            image::BitMatrix got, expected, without;
            image::binarize_local(r.view(), params, s, map, got);
            image::apply_threshold_map(r.view(), map, s.rowLevel, expected);
            image::refine_fine(r.view(), inner, s.fineMargin, s, expected);
            image::refine_fine(r.view(), 3, s.fineMargin, s, expected);
            EXPECT_EQ(got.bits, expected.bits) << "block " << bs << " inner " << inner;
            image::binarize_local(r.view(), plain, s, map, without);
            EXPECT_NE(got.bits, without.bits) << "block " << bs << " inner " << inner;
            EXPECT_GT(agreement(r, g, got), agreement(r, g, without)) << "block " << bs << " inner " << inner;
        }
}

TEST(BinarizeLocal, FlatNoiseStaysUniform) {
    std::vector<uint8_t> px(200 * 200);
    uint32_t s = 7;
    for (uint8_t& v : px) {
        s = s * 1664525u + 1013904223u;
        v = static_cast<uint8_t>(120 + static_cast<int>(s >> 29));  // 120..127: sensor noise only
    }
    image::LocalBinarizeScratch scratch;
    image::ThresholdMap map;
    image::BitMatrix b;
    image::binarize_local({px.data(), 200, 200, 200}, {}, scratch, map, b);
    int dark = 0;
    for (uint8_t v : b.bits) dark += v;
    EXPECT_TRUE(dark == 0 || dark == 200 * 200) << dark;
}

TEST(BinarizeLocal, LargeModulesStaySolid) {
    const qr::ModuleGrid g = testsupport::qrencode_fixture("BIG", 'L', 1);
    ASSERT_EQ(g.size, 21);
    testsupport::RenderParams p;
    p.width = p.height = 1000;
    p.moduleSize = 40;  // 5x5 blocks of 8 px sit inside one module
    const auto r = testsupport::render(g, p);
    image::LocalBinarizeScratch s;
    image::ThresholdMap map;
    image::BitMatrix b;
    image::binarize_local(r.view(), {}, s, map, b);
    EXPECT_EQ(agreement(r, g, b), 1.0);
}

TEST(BinarizeLocal, ThresholdMapInterpolatesBetweenBlockCentres) {
    image::ThresholdMap m;
    m.reset(8, 2, 1);
    m.level = {100, 200};
    EXPECT_FLOAT_EQ(m.at(4, 4), 100);   // first block centre
    EXPECT_FLOAT_EQ(m.at(12, 4), 200);  // second block centre
    EXPECT_FLOAT_EQ(m.at(8, 4), 150);
    EXPECT_FLOAT_EQ(m.at(0, 0), 100);   // clamped at the edges
}

TEST(BinarizeLocal, ReusesScratchAcrossSizes) {
    const qr::ModuleGrid g = sample_grid();
    ASSERT_EQ(g.size, 29);
    image::LocalBinarizeScratch s;
    image::ThresholdMap map;
    image::BitMatrix b;
    for (int side : {300, 157, 401}) {
        testsupport::RenderParams p;
        p.width = p.height = side;
        p.moduleSize = 4;
        const auto r = testsupport::render(g, p);
        image::binarize_local(r.view(), {}, s, map, b);
        EXPECT_EQ(b.width, side);
        EXPECT_GE(agreement(r, g, b), 0.99);
    }
}

}  // namespace
