// Tests for src/qr/detect/template_match.cpp: finder and alignment templates on the grey image locate pattern
// centres to a fraction of a module, including on sharp large modules (a plateau) and tiny blurred ones.
#include "qr/detect/template_match.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "support/reference_encoders.hpp"
#include "support/render.hpp"

namespace {

using namespace cccd;

void frame_at(const qr::Perspective& h, qr::Point m, qr::Point& u, qr::Point& v) {
    const qr::Point o = h.map(m), a = h.map({m.x + 1, m.y}), b = h.map({m.x, m.y + 1});
    u = {a.x - o.x, a.y - o.y};
    v = {b.x - o.x, b.y - o.y};
}

TEST(TemplateMatch, FindsFinderAndAlignmentCentres) {
    const qr::ModuleGrid g = testsupport::qrencode_fixture("template matching", 'M', 5);
    ASSERT_EQ(g.size, 37) << "reference grid fixture missing?";
    for (const float ms : {1.5f, 3.0f, 11.0f}) {
        testsupport::RenderParams p;
        p.moduleSize = ms;
        p.width = p.height = static_cast<int>(ms * 37 + 60);
        p.angleDeg = 25;
        p.blurSigma = ms < 4 ? 0.7f : 0;
        const auto r = testsupport::render(g, p);
        const struct {
            qr::RingTemplate t;
            qr::Point module;
        } patterns[] = {{qr::kFinderTemplate, {3.5f, 3.5f}}, {qr::kAlignmentTemplate, {30.5f, 30.5f}}};
        for (const auto& pat : patterns) {
            qr::TemplateSearch s;
            const qr::Point truth = r.moduleToImage.map(pat.module);
            frame_at(r.moduleToImage, pat.module, s.moduleU, s.moduleV);
            s.predicted = {truth.x + 0.6f * s.moduleU.x, truth.y + 0.6f * s.moduleU.y};  // 0.6 modules off
            s.radiusModules = 1.5f;
            s.coarseStep = 0.25f;
            const qr::TemplateMatch m = qr::best_template_match(r.view(), pat.t, s);
            EXPECT_GT(m.contrast, 40) << ms;
            EXPECT_LT(std::hypot(m.center.x - truth.x, m.center.y - truth.y), 0.2f * ms + 0.15f) << "module " << ms << " pattern at " << pat.module.x;
        }
    }
}

TEST(TemplateMatch, ContrastIsNegativeOffThePatternAndFlipsWhenInverted) {
    const qr::ModuleGrid g = testsupport::qrencode_fixture("x", 'L', 1);
    ASSERT_EQ(g.size, 21);
    testsupport::RenderParams p;
    p.moduleSize = 4;
    const auto r = testsupport::render(g, p);
    qr::Point u, v;
    frame_at(r.moduleToImage, {3.5f, 3.5f}, u, v);
    const qr::Point c = r.moduleToImage.map({3.5f, 3.5f});
    const float on = qr::ring_contrast(r.view(), qr::kFinderTemplate, c, u, v, false);
    EXPECT_GT(on, 100);
    EXPECT_FLOAT_EQ(qr::ring_contrast(r.view(), qr::kFinderTemplate, c, u, v, true), -on);
}

// Searches near and beyond the image's edges (centres from 2 px outside to 6 modules inside, every
// angle, modules of 1-4 px) read only the image's pixels: the sanitizer builds check every read (the
// refinement's fixed-point steps among them), and each search still returns a finite contrast.
TEST(TemplateMatch, SearchesAtTheEdgesReadOnlyTheImage) {
    std::mt19937 rng(11);
    std::uniform_real_distribution<float> unit(0.0f, 1.0f);
    const int w = 60, h = 50;
    std::vector<uint8_t> pixels(static_cast<size_t>(w * h));  // exactly the image: no slack to read into
    for (uint8_t& p : pixels) p = static_cast<uint8_t>(rng() & 0xFF);
    const image::ImageView view{pixels.data(), w, h, w};
    for (int trial = 0; trial < 4000; ++trial) {
        qr::TemplateSearch s;
        const float ms = 1.0f + 3.0f * unit(rng), angle = 6.2832f * unit(rng);
        const float inward = -2.0f + (6.0f * ms + 2.0f) * unit(rng);
        const int edge = trial % 4;  // left, right, top, bottom
        const float along = unit(rng);
        s.predicted = edge == 0   ? qr::Point{inward, along * h}
                      : edge == 1 ? qr::Point{w - inward, along * h}
                      : edge == 2 ? qr::Point{along * w, inward}
                                  : qr::Point{along * w, h - inward};
        s.moduleU = {ms * std::cos(angle), ms * std::sin(angle)};
        s.moduleV = {-s.moduleU.y, s.moduleU.x};
        s.radiusModules = trial % 3 == 0 ? 0.25f : 0.75f;
        s.coarseStep = 0.25f;
        const qr::TemplateMatch m = qr::best_template_match(view, trial % 5 < 3 ? qr::kFinderTemplate : qr::kAlignmentTemplate, s);
        ASSERT_TRUE(std::isfinite(m.contrast)) << trial;
    }
}

}  // namespace
