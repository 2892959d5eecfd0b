// qr::fitted_equalized_grid (fitted_equalizer.hpp): the blur of each symbol measured on its fixed patterns
// and undone by decision feedback.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "cardgen/cardgen.hpp"
#include "qr/grid/fitted_equalizer.hpp"
#include "qr/grid/grid_decoder.hpp"
#include "qr/grid/sample.hpp"
#include "support/true_corners.hpp"

namespace {

using namespace cccd;

const std::string kCard = "079201012345|123456789|Nguyễn Văn An|01011990|Nam|Thôn 1, Xã Tân Lập, Huyện Đan Phượng, Hà Nội|01012021";

// Margins of `g` through a known mixing (own, left, right, up, down, the two diagonal pairs, bias) plus noise.
std::vector<float> mixed(const cardgen::QrGrid& g, const qr::EqualizerWeights& w, float noise, uint32_t seed) {
    const int d = g.size;
    const auto t = [&](int x, int y) -> float {
        return x < 0 || y < 0 || x >= d || y >= d ? 0.0f : (g.modules[static_cast<size_t>(y * d + x)] ? 1.0f : -1.0f);
    };
    std::mt19937 rng(seed);
    std::normal_distribution<float> n(0.0f, noise);
    std::vector<float> m(g.modules.size());
    for (int y = 0; y < d; ++y)
        for (int x = 0; x < d; ++x)
            m[static_cast<size_t>(y * d + x)] = w[0] * t(x, y) + w[1] * t(x - 1, y) + w[2] * t(x + 1, y) + w[3] * t(x, y - 1) +
                                                w[4] * t(x, y + 1) +
                                                w[5] * (t(x - 1, y - 1) + t(x + 1, y + 1)) + w[6] * (t(x + 1, y - 1) + t(x - 1, y + 1)) +
                                                w[7] + n(rng);
    return m;
}

// Margins of version `version` made through `truth`'s mixing (plus noise): the fixed equalizer does not
// read them, the fitted one finds the weights (each within 0.03) and reads.
void expect_fitted_reads_what_fixed_does_not(int version, char level, const qr::EqualizerWeights& truth, float noise,
                                             uint32_t seed) {
    const cardgen::QrGrid g = cardgen::encode_qr(kCard, version, level);
    ASSERT_TRUE(g.error.empty()) << g.error;
    const std::vector<float> margins = mixed(g, truth, noise, seed);
    qr::ModuleGrid fixed, fitted;
    qr::equalized_grid(margins, g.size, qr::kEqualizerStrength, fixed);
    EXPECT_FALSE(qr::decode_grid(fixed).ok());
    qr::FittedEqualizerScratch scratch;
    qr::EqualizerWeights w{};
    ASSERT_TRUE(qr::fitted_equalized_grid(margins, g.size, scratch, fitted, &w));
    for (size_t k = 0; k < w.size(); ++k) EXPECT_NEAR(w[k], truth[k], 0.03) << "weight " << k;
    const qr::GridDecodeResult r = qr::decode_grid(fitted);
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_EQ(r.text, kCard);
    EXPECT_EQ(fitted.confidence.size(), g.modules.size());
}

// A grid sampled a third of a module right of the centres, under blur: the left neighbour weighs little,
// the right one nearly as much as the module itself. The fixed equalizer assumes a symmetric blur.
TEST(FittedEqualizer, MeasuresAnUnevenBlurAndReadsThrough) {
    expect_fitted_reads_what_fixed_does_not(9, 'M', {0.30f, 0.02f, 0.22f, 0.06f, 0.06f, 0.02f, 0.02f, 0.04f}, 0.06f, 7);
}

// Motion blur along one diagonal of the grid: the upper-left and lower-right neighbours weigh half as much
// as the module, the other diagonal nothing. One weight for all four diagonals (the model before) put half
// that share on the wrong pair and did not read this grid; two weights tell the pairs apart and read.
TEST(FittedEqualizer, TellsTheTwoDiagonalsApart) {
    expect_fitted_reads_what_fixed_does_not(8, 'Q', {0.30f, 0.03f, 0.03f, 0.03f, 0.03f, 0.14f, 0.0f, 0.02f}, 0.04f, 11);
}

TEST(FittedEqualizer, RefusesWhatIsNotASymbolsGrid) {
    qr::FittedEqualizerScratch scratch;
    qr::ModuleGrid out;
    EXPECT_FALSE(qr::fitted_equalized_grid(std::vector<float>(22 * 22, 0.3f), 22, scratch, out));  // no version
    EXPECT_FALSE(qr::fitted_equalized_grid(std::vector<float>(10, 0.3f), 21, scratch, out));       // wrong size
    // One level everywhere: the fixed patterns' dark and light modules look alike, no own share to undo.
    EXPECT_FALSE(qr::fitted_equalized_grid(std::vector<float>(45 * 45, 0.2f), 45, scratch, out));
    // Inverted samples (light modules darker than their level) give the own share a negative weight.
    const cardgen::QrGrid g = cardgen::encode_qr(kCard, 7, 'M');
    ASSERT_TRUE(g.error.empty()) << g.error;
    std::vector<float> inverted(g.modules.size());
    for (size_t i = 0; i < inverted.size(); ++i) inverted[i] = g.modules[i] ? -0.3f : 0.3f;
    EXPECT_FALSE(qr::fitted_equalized_grid(inverted, g.size, scratch, out));
}

// Card photos with 1.8 px modules and a hand's motion blur (tools/cardgen: 2.5 px streaks in any direction,
// JPEG), sampled at the generator's exact corners: the blur is not the same each way, the fitted equalizer
// reads more than the fixed one, and no grid gives a wrong text.
TEST(FittedEqualizer, ReadsMoreMotionBlurredPhotosThanTheFixedEqualizer) {
    int fixedReads = 0, fittedReads = 0, eitherReads = 0, wrong = 0;
    const int count = 24;
    for (uint32_t seed = 1; seed <= count; ++seed) {
        const auto side = seed % 2 ? cardgen::Side::front : cardgen::Side::back;
        cardgen::CardSpec spec = cardgen::random_spec(side, 300 + seed, cardgen::Difficulty::ladder(1.8));
        spec.motionPx = 2.5;
        spec.motionAngleDeg = 37.0 * seed;
        const cardgen::CardPhoto photo = cardgen::make_card_photo(spec);
        ASSERT_TRUE(photo.ok()) << photo.error;
        const testsupport::PhotoAtTrueCorners at = testsupport::at_true_corners(photo);
        const int d = at.geometry.dimension;
        qr::SampleScratch samples;
        qr::ModuleGrid grid, eq, fit;
        testsupport::sample_at_true_corners(at, samples, grid);
        qr::equalized_grid(samples.margins, d, qr::kEqualizerStrength, eq);
        qr::FittedEqualizerScratch fs;
        const qr::GridDecodeResult fixed = qr::decode_grid(eq);
        const qr::GridDecodeResult fitted = qr::fitted_equalized_grid(samples.margins, d, fs, fit) ? qr::decode_grid(fit) : qr::GridDecodeResult{};
        for (const qr::GridDecodeResult* r : {&fixed, &fitted}) wrong += r->ok() && r->text != photo.payload ? 1 : 0;
        const bool a = fixed.ok() && fixed.text == photo.payload, b = fitted.ok() && fitted.text == photo.payload;
        fixedReads += a ? 1 : 0;
        fittedReads += b ? 1 : 0;
        eitherReads += a || b ? 1 : 0;
    }
    std::printf("[fitted equalizer] %d motion-blurred photos, true corners: fixed %d, fitted %d, either %d read\n", count, fixedReads,
                fittedReads, eitherReads);
    EXPECT_EQ(wrong, 0);
    // Measured: fixed 6, fitted 23.
    EXPECT_GE(fittedReads, fixedReads + 12);
}

}  // namespace
