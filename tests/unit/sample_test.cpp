// Tests for src/qr/grid/sample.cpp: with the true geometry, the sampled grid equals the drawn one, down to
// 1.5 px per module with blur, under uneven light, and for light-on-dark symbols.
#include "qr/grid/sample.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "image/binarize_local.hpp"
#include "support/reference_encoders.hpp"
#include "support/render.hpp"

namespace {

using namespace cccd;

int mismatches(const qr::ModuleGrid& a, const qr::ModuleGrid& b) {
    if (a.size != b.size) return a.size * a.size;
    int n = 0;
    for (size_t i = 0; i < a.modules.size(); ++i) n += a.modules[i] != b.modules[i] ? 1 : 0;
    return n;
}

qr::ModuleGrid sampled(const qr::ModuleGrid& g, const testsupport::RenderParams& p) {
    const auto r = testsupport::render(g, p);
    image::LocalBinarizeScratch s;
    image::ThresholdMap map;
    image::BitMatrix b;
    image::binarize_local(r.view(), {8, 2, 24, 8, 3, 8}, s, map, b);
    qr::SymbolGeometry geo;
    geo.dimension = g.size;
    geo.moduleToImage = r.moduleToImage;
    geo.moduleSize = p.moduleSize;
    qr::SampleOptions so;
    so.inverted = p.invert;
    so.mapWeight = 0.25f;
    so.neighbourRadius = 1;
    qr::SampleScratch ss;
    qr::ModuleGrid out;
    qr::sample_grid(r.view(), map, geo, so, ss, out);
    return out;
}

int sample_errors(const qr::ModuleGrid& g, const testsupport::RenderParams& p) { return mismatches(sampled(g, p), g); }

TEST(Sample, ExactOnCleanImages) {
    const qr::ModuleGrid g = testsupport::qrencode_fixture("sampling 1234567890", 'M', 6);
    ASSERT_EQ(g.size, 41) << "reference grid fixture missing?";
    for (const float ms : {2.0f, 4.0f, 9.0f}) {
        testsupport::RenderParams p;
        p.moduleSize = ms;
        p.width = p.height = static_cast<int>(ms * 41 * 1.5f + 40);
        p.angleDeg = 17;
        EXPECT_EQ(sample_errors(g, p), 0) << ms;
    }
}

TEST(Sample, SmallBlurredModulesUnevenLight) {
    const qr::ModuleGrid g = testsupport::qrencode_fixture("tiny modules", 'M', 7);
    ASSERT_EQ(g.size, 45);
    testsupport::RenderParams p;
    p.moduleSize = 1.5f;
    p.width = p.height = 140;
    p.angleDeg = 31;
    p.blurSigma = 0.6f;
    p.noise = 2;
    p.illumination = 0.4f;
    EXPECT_LE(sample_errors(g, p), 45 * 45 / 100);  // under 1%: well within error correction
}

// The confidence per module (what the grid decoder erases by): clear modules of a clean image are sure,
// and on small blurred modules the misread ones are far less sure than the rest.
TEST(Sample, ConfidenceMarksTheDoubtfulModules) {
    const qr::ModuleGrid g = testsupport::qrencode_fixture("tiny modules", 'M', 7);
    ASSERT_EQ(g.size, 45);
    testsupport::RenderParams clean;
    clean.moduleSize = 4;
    clean.width = clean.height = 300;
    const qr::ModuleGrid c = sampled(g, clean);
    ASSERT_EQ(c.confidence.size(), c.modules.size());
    std::vector<uint8_t> sorted = c.confidence;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_GT(sorted[sorted.size() / 10], 128);  // nine modules in ten clearly on their side
    testsupport::RenderParams hard;
    hard.moduleSize = 1.3f;
    hard.width = hard.height = 120;
    hard.angleDeg = 31;
    hard.blurSigma = 0.8f;
    hard.noise = 4;
    const qr::ModuleGrid h = sampled(g, hard);
    double wrong = 0, right = 0;
    int nWrong = 0;
    for (size_t i = 0; i < h.modules.size(); ++i) {
        if (h.modules[i] != g.modules[i]) wrong += h.confidence[i], ++nWrong;
        else right += h.confidence[i];
    }
    ASSERT_GT(nWrong, 5);
    const int nRight = static_cast<int>(h.modules.size()) - nWrong;
    EXPECT_LT(wrong / nWrong, 0.5 * right / nRight);
}

TEST(Sample, InvertedSymbol) {
    const qr::ModuleGrid g = testsupport::qrencode_fixture("inverted", 'M', 2);
    ASSERT_EQ(g.size, 25);
    testsupport::RenderParams p;
    p.moduleSize = 3;
    p.invert = true;
    EXPECT_EQ(sample_errors(g, p), 0);
}

TEST(Sample, LogoSizedUniformAreasKeepTheirColour) {
    // A 9x9 dark block in the middle (a logo): the neighbour mean there is all dark, the binarizer's
    // level keeps it dark.
    qr::ModuleGrid g = testsupport::qrencode_fixture("logo", 'H', 5);
    ASSERT_EQ(g.size, 37);
    for (int y = 14; y < 23; ++y)
        for (int x = 14; x < 23; ++x) g.set(x, y, true);
    testsupport::RenderParams p;
    p.moduleSize = 10;
    p.width = p.height = 480;
    EXPECT_EQ(sample_errors(g, p), 0);
}

}  // namespace
