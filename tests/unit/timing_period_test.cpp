// Tests for src/qr/detect/timing_period.cpp and its use in timing_score: at 1.35 px a module, finder
// centres a pixel off put the judge's samples on module edges, while the timing pattern's period still
// shows at the right dimension and not at its neighbours.
#include "qr/detect/timing_period.hpp"

#include <gtest/gtest.h>

#include <cstdint>

#include "qr/detect/locate.hpp"
#include "support/reference_encoders.hpp"
#include "support/render.hpp"

namespace {

using namespace cccd;

const char* const kPayload = "012345678901|123456789|Nguyễn Văn An|01011990|Nam|Số 1, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh|15042021";

struct Small {
    int dimension = 0;  // 49 (version 8); 0 when the fixture is missing
    testsupport::Rendered image;
};

Small small_symbol(float modulePx) {
    const qr::ModuleGrid g = testsupport::qrencode_fixture(kPayload, 'M', 8);
    testsupport::RenderParams p;
    p.width = 200, p.height = 200;
    p.moduleSize = modulePx;
    p.angleDeg = 12;
    p.blurSigma = 0.6f;
    p.noise = 3;
    return {g.size, testsupport::render(g, p)};
}

// The frame locate builds at dimension d from finder centres measured `off` modules out of place: the
// top-left one inwards along the diagonal, the other two outwards along their sides (blur widens finders).
qr::Perspective frame_at(const testsupport::Rendered& r, int truth, int d, float off) {
    const float t = static_cast<float>(truth), fd = static_cast<float>(d);
    const auto at = [&](float x, float y) { return r.moduleToImage.map({x, y}); };
    return *qr::Perspective::quad_to_quad({qr::Point{3.5f, 3.5f}, {fd - 3.5f, 3.5f}, {fd - 3.5f, fd - 3.5f}, {3.5f, fd - 3.5f}},
                                          {at(3.5f + off * 0.5f, 3.5f + off * 0.5f), at(t - 3.5f + off, 3.5f),
                                           at(t - 3.5f + off, t - 3.5f + off), at(3.5f, t - 3.5f + off)});
}

TEST(TimingPeriod, ShowsAtTheTrueDimensionOnly) {
    for (const float modulePx : {1.35f, 1.6f}) {
        const Small s = small_symbol(modulePx);
        ASSERT_EQ(s.dimension, 49) << "reference grid fixture missing?";
        for (const float off : {0.0f, 0.5f, 1.0f}) {
            EXPECT_GT(qr::timing_period_score(s.image.view(), frame_at(s.image, 49, 49, off), 49), 0.3f)
                << modulePx << " px, centres " << off << " modules off";
            for (const int d : {41, 45, 53, 57})
                EXPECT_LT(qr::timing_period_score(s.image.view(), frame_at(s.image, 49, d, off), d), 0.2f)
                    << modulePx << " px, centres " << off << " modules off, dimension " << d;
        }
    }
}

// timing_score takes the period's power as well at small modules: with centres off by three quarters of a
// module, the true dimension passes the pipeline's gate before refinement (0.6) and its neighbours do not.
TEST(TimingPeriod, TimingScoreOfSmallModulesPassesTheTrueDimension) {
    const Small s = small_symbol(1.35f);
    ASSERT_EQ(s.dimension, 49) << "reference grid fixture missing?";
    EXPECT_GE(qr::timing_score(s.image.view(), frame_at(s.image, 49, 49, 0.75f), 49, false), 0.6f);
    for (const int d : {41, 45, 53, 57})
        EXPECT_LT(qr::timing_score(s.image.view(), frame_at(s.image, 49, d, 0.75f), d, false), 0.6f) << "dimension " << d;
}

// At 3 px a module the judge alone decides (centres are good to a fraction of a module there): a frame a
// whole module off scores low although the period still shows.
TEST(TimingPeriod, LargerModulesAreJudgedModuleByModule) {
    const Small s = small_symbol(3.0f);
    ASSERT_EQ(s.dimension, 49) << "reference grid fixture missing?";
    EXPECT_GT(qr::timing_period_score(s.image.view(), frame_at(s.image, 49, 49, 1.0f), 49), 0.5f);
    EXPECT_LT(qr::timing_score(s.image.view(), frame_at(s.image, 49, 49, 1.0f), 49, false), 0.3f);
    EXPECT_GT(qr::timing_score(s.image.view(), frame_at(s.image, 49, 49, 0.0f), 49, false), 0.9f);
}

// A profile with no period: texture of 2 px cells under a frame of 1.35 px modules.
TEST(TimingPeriod, TextureScoresLow) {
    testsupport::Rendered r;
    r.width = 200, r.height = 200;
    r.pixels.resize(200 * 200);
    for (int y = 0; y < 200; ++y)
        for (int x = 0; x < 200; ++x) {
            const uint32_t cell = static_cast<uint32_t>(x / 2) * 73856093u ^ static_cast<uint32_t>(y / 2) * 19349663u;
            r.pixels[static_cast<size_t>(y * 200 + x)] = static_cast<uint8_t>(60 + (cell * 2654435761u >> 24) % 140);
        }
    const float fd = 49;
    const auto h = qr::Perspective::quad_to_quad({qr::Point{0, 0}, {fd, 0}, {fd, fd}, {0, fd}},
                                                 {qr::Point{30, 30}, {96, 30}, {96, 96}, {30, 96}});
    ASSERT_TRUE(h.has_value());
    EXPECT_LT(qr::timing_period_score(r.view(), *h, 49), 0.3f);
    EXPECT_LT(qr::timing_score(r.view(), *h, 49, false), 0.6f);
}

}  // namespace
