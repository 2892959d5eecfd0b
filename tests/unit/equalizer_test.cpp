// qr::equalized_grid (sample.hpp): samples that carry part of their four neighbours (small modules, blur)
// are taken apart again.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <string>
#include <vector>

#include "cardgen/cardgen.hpp"
#include "qr/grid/grid_decoder.hpp"
#include "qr/grid/sample.hpp"
#include "support/true_corners.hpp"

namespace {

using namespace cccd;

const std::string kCard = "079201012345|123456789|Nguyễn Văn An|01011990|Nam|Thôn 1, Xã Tân Lập, Huyện Đan Phượng, Hà Nội|01012021";

TEST(Equalizer, StrengthZeroIsThePlainDecision) {
    const cardgen::QrGrid g = cardgen::encode_qr(kCard, 9, 'M');
    ASSERT_TRUE(g.error.empty()) << g.error;
    qr::ModuleGrid out;
    std::vector<float> margins(g.modules.size());
    for (size_t i = 0; i < margins.size(); ++i) margins[i] = g.modules[i] ? 0.3f : -0.3f;
    qr::equalized_grid(margins, g.size, 0.0f, out);
    EXPECT_EQ(out.modules, g.modules);
    EXPECT_EQ(out.confidence.size(), g.modules.size());
    const qr::GridDecodeResult r = qr::decode_grid(out);
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_EQ(r.text, kCard);
}

// Printed card fronts at 1.2 px per module (tools/cardgen's ladder: mild blur, JPEG), sampled at the
// generator's exact corners: equalized grids read more of them than plain ones, and never a wrong text.
TEST(Equalizer, ReadsMoreSmallModulePhotosThanPlainSampling) {
    int plainReads = 0, equalizedReads = 0, wrong = 0;
    for (uint32_t seed = 1; seed <= 24; ++seed) {
        const cardgen::CardPhoto photo = cardgen::make_card_photo(cardgen::random_spec(cardgen::Side::front, seed, cardgen::Difficulty::ladder(1.2)));
        ASSERT_TRUE(photo.ok()) << photo.error;
        const testsupport::PhotoAtTrueCorners at = testsupport::at_true_corners(photo);
        const int d = at.geometry.dimension;
        qr::SampleScratch samples;
        qr::ModuleGrid grid, eq;
        testsupport::sample_at_true_corners(at, samples, grid);
        const qr::GridDecodeResult plain = qr::decode_grid(grid);
        qr::equalized_grid(samples.margins, d, qr::kEqualizerStrength, eq);
        const qr::GridDecodeResult equalized = qr::decode_grid(eq);
        for (const qr::GridDecodeResult* r : {&plain, &equalized}) wrong += r->ok() && r->text != photo.payload ? 1 : 0;
        plainReads += plain.ok() && plain.text == photo.payload ? 1 : 0;
        equalizedReads += equalized.ok() && equalized.text == photo.payload ? 1 : 0;
    }
    std::printf("[equalizer] 24 fronts at 1.2 px, true corners: plain %d, equalized %d read\n", plainReads, equalizedReads);
    EXPECT_EQ(wrong, 0);
    // Measured: plain 3, equalized 19.
    EXPECT_GE(equalizedReads, plainReads + 10);
}

TEST(Equalizer, WrongSizedMarginsGiveNoConfidenceAndNoRead) {
    qr::ModuleGrid out;
    qr::equalized_grid(std::vector<float>(10, 0.3f), 21, qr::kEqualizerStrength, out);
    EXPECT_EQ(out.size, 21);
    EXPECT_TRUE(out.confidence.empty());
    EXPECT_FALSE(qr::decode_grid(out).ok());
}

}  // namespace
