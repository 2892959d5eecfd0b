// Frames without a code are the common camera frame: the work the decoder spends on them is bounded by
// counts (DecodeResult::work), whatever finder look-alikes noise and texture show.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "qr/decoder.hpp"
#include "qr/pipeline.hpp"
#include "support/reference_encoders.hpp"
#include "support/render.hpp"

namespace {

using namespace cccd;

// The most template searches one candidate can cost: the alignment search, two refinements of the three
// finders and 46 alignment patterns (version 40), and the affine retry doing it all again.
constexpr int kOneCandidateSearches = 2 * (1 + 2 * (3 + 46));

struct Noise {
    std::vector<uint8_t> pixels;
    int width = 0, height = 0;
    image::ImageView view() const { return {pixels.data(), width, height, width}; }
};

// Uniform grey noise, or black/white noise when `binary` (a fixed generator: the same frame every run).
Noise noise(int width, int height, bool binary, uint32_t seed) {
    Noise n{std::vector<uint8_t>(static_cast<size_t>(width) * static_cast<size_t>(height)), width, height};
    uint32_t x = seed;
    for (uint8_t& p : n.pixels) {
        x = x * 1664525u + 1013904223u;
        const uint8_t v = static_cast<uint8_t>(x >> 24);
        p = binary ? (v & 0x80 ? 255 : 0) : v;
    }
    return n;
}

void expect_bounded(const qr::DecodeResult& r) {
    const qr::PipelineConfig c = qr::default_pipeline_config();
    EXPECT_FALSE(r.found());
    // Each budget (finders seen whole; open finders) may be passed by the last candidate it let through.
    const int whole = r.work.geometries - r.work.openGeometries - r.work.pairGeometries;
    EXPECT_LE(whole, c.maxGeometries + 1);  // that one's affine retry
    EXPECT_LE(r.work.openGeometries, c.maxOpenGeometries + 1);
    EXPECT_LE(r.work.pairGeometries, 2 * c.pairCandidates + 1);
    EXPECT_LE(r.work.templateSearches - r.work.openTemplateSearches - r.work.pairTemplateSearches,
              c.maxTemplateSearches + kOneCandidateSearches);
    EXPECT_LE(r.work.openTemplateSearches, c.maxOpenTemplateSearches + c.cardOpenTemplateSearches + kOneCandidateSearches);
    EXPECT_LE(r.work.pairTemplateSearches, c.pairTemplateSearches + kOneCandidateSearches);
    // Up to three sampled geometries per candidate, each decoded plain and equalized (sample.hpp).
    EXPECT_LE(r.work.grids, 2 * 3 * (c.maxGeometries + 1 + c.maxOpenGeometries + 1 + 2 * c.pairCandidates + 1));
}

TEST(WorkBound, NoiseFramesStayUnderTheCaps) {
    qr::Decoder d;
    for (const auto& [w, h, binary] : {std::tuple{120, 120, false}, {48, 36, false}, {640, 480, false},
                                       {1280, 720, true}}) {
        for (uint32_t seed : {1u, 2u, 3u}) {
            const Noise n = noise(w, h, binary, seed);
            SCOPED_TRACE(std::to_string(w) + "x" + std::to_string(h) + " seed " + std::to_string(seed));
            expect_bounded(d.decode(n.view()));
        }
    }
}

TEST(WorkBound, SmallNoiseUsesLittleWork) {
    // Most fuzzer inputs: tiny random frames. Under 128x128 pixels the small bounds apply.
    const qr::PipelineConfig c = qr::default_pipeline_config();
    EXPECT_EQ(qr::work_budget(c, 127, 128).geometries, c.smallMaxGeometries);
    EXPECT_EQ(qr::work_budget(c, 128, 128).geometries, c.maxGeometries);
    EXPECT_EQ(qr::work_budget(c, 127, 128).openGeometries, 0);  // tight crops: the image edge ends the rings
    EXPECT_EQ(qr::work_budget(c, 128, 128).openGeometries, c.maxOpenGeometries);
    qr::Decoder d;
    for (const auto& [w, h, binary] : {std::tuple{48, 36, false}, {25, 68, true}, {120, 120, false}, {127, 127, true}}) {
        for (uint32_t seed : {7u, 8u, 9u}) {
            const Noise n = noise(w, h, binary, seed);
            const qr::DecodeResult r = d.decode(n.view());
            SCOPED_TRACE(std::to_string(w) + "x" + std::to_string(h) + " seed " + std::to_string(seed));
            EXPECT_FALSE(r.found());
            EXPECT_LE(r.work.geometries, c.smallMaxGeometries + 1);  // the last candidate's affine retry
            EXPECT_LE(r.work.templateSearches, c.smallMaxTemplateSearches + kOneCandidateSearches);
        }
    }
}

// Open candidates of a card's size (up to version 10) may spend more than larger ones; tight crops none.
TEST(WorkBound, CardSizedOpenCandidatesGetMore) {
    const qr::PipelineConfig c = qr::default_pipeline_config();
    const qr::WorkBudget b = qr::work_budget(c, 1280, 720);
    qr::SymbolCandidate card, larger, whole;
    card.open = larger.open = 1;
    card.dimension = 57;  // version 10
    larger.dimension = 61;
    whole.dimension = 57;
    EXPECT_EQ(qr::open_template_searches(b, card), c.maxOpenTemplateSearches + c.cardOpenTemplateSearches);
    EXPECT_EQ(qr::open_template_searches(b, larger), c.maxOpenTemplateSearches);
    qr::WorkCounts spent;
    spent.templateSearches = spent.openTemplateSearches = c.maxOpenTemplateSearches;  // all on open candidates
    EXPECT_EQ(qr::searches_left(spent, card, b, 1), c.cardOpenTemplateSearches);
    EXPECT_EQ(qr::searches_left(spent, larger, b, 1), 0);
    EXPECT_EQ(qr::searches_left(spent, whole, b, 1), c.maxTemplateSearches);  // the whole budget is apart
    EXPECT_EQ(qr::open_template_searches(qr::work_budget(c, 120, 120), card), 0);
}

TEST(WorkBound, CountsAreReportedForAFrameWithACode) {
    const qr::ModuleGrid g = testsupport::qrencode_fixture("work counts", 'M', 3);
    testsupport::RenderParams p;
    p.moduleSize = 4;
    p.angleDeg = 9;
    const auto frame = testsupport::render(g, p);
    qr::Decoder d;
    const qr::DecodeResult r = d.decode(frame.view());
    ASSERT_TRUE(r.found());
    EXPECT_GE(r.work.candidates, 1);
    EXPECT_GE(r.work.geometries, 1);
    EXPECT_GE(r.work.grids, 1);
    EXPECT_LE(r.work.geometries, 3);  // a clean symbol reads from its first candidates
}

}  // namespace
