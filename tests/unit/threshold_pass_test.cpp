// Tests for src/image/threshold_pass.cpp: the one-sweep pixel pass gives exactly the bits of the reference
// pair apply_threshold_map + refine_fine, for every supported block size and radius, odd frame sizes and
// frames narrower than the window.
#include "image/threshold_pass.hpp"

#include <gtest/gtest.h>

#include "image/binarize_local.hpp"

namespace {

using namespace cccd;

std::vector<uint8_t> noise_image(int w, int h, int stride, uint32_t seed) {
    std::vector<uint8_t> px(static_cast<size_t>(stride) * static_cast<size_t>(h));
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < stride; ++x) {
            seed = seed * 1664525u + 1013904223u;
            // Smooth gradient plus noise plus hard bars, so both the block level and the fine window decide.
            const int bar = ((x / 3) + (y / 5)) % 2 ? 70 : 0;
            px[static_cast<size_t>(y) * static_cast<size_t>(stride) + static_cast<size_t>(x)] =
                static_cast<uint8_t>(std::min(255, 40 + (x * 90) / std::max(1, w) + bar + static_cast<int>(seed >> 27)));
        }
    return px;
}

image::ThresholdMap random_map(int w, int h, int bs, uint32_t seed) {
    image::ThresholdMap m;
    const int bx = (w + bs - 1) / bs, by = (h + bs - 1) / bs;
    m.reset(bs, bx, by);
    for (uint8_t& v : m.level) {
        seed = seed * 1664525u + 1013904223u;
        v = static_cast<uint8_t>(seed >> 24);
    }
    return m;
}

TEST(ThresholdPass, SameBitsAsTheReference) {
    const int sizes[][3] = {{64, 48, 64}, {67, 53, 70}, {5, 9, 5}, {1, 1, 1}, {3, 40, 8}, {160, 7, 161}, {33, 33, 33}};
    image::ThresholdPassScratch scratch;
    image::LocalBinarizeScratch ref;
    for (const auto& sz : sizes)
        for (int bs : {2, 4, 8})
            for (int r = 0; r <= 4; ++r)
                for (int margin : {-3, 0, 6, 14, 600}) {
                    const auto px = noise_image(sz[0], sz[1], sz[2], static_cast<uint32_t>(bs * 100 + r));
                    const image::ImageView v{px.data(), sz[0], sz[1], sz[2]};
                    const image::ThresholdMap map = random_map(sz[0], sz[1], bs, static_cast<uint32_t>(r + margin));
                    ASSERT_TRUE(image::threshold_pass_supported(bs, r));
                    image::BitMatrix expected, got;
                    image::apply_threshold_map(v, map, ref.rowLevel, expected);
                    if (r > 0) image::refine_fine(v, r, margin, ref, expected);
                    image::threshold_pass(v, map, r, margin, scratch, got);
                    ASSERT_EQ(got.bits, expected.bits) << sz[0] << "x" << sz[1] << " bs " << bs << " r " << r << " m " << margin;
                }
}

TEST(ThresholdPass, FineOverrideCompletesABlockOnlyPass) {
    image::ThresholdPassScratch scratch;
    for (auto [w, h] : {std::pair{67, 53}, {5, 9}, {160, 7}}) {
        const auto px = noise_image(w, h, w + 3, static_cast<uint32_t>(w));
        const image::ImageView v{px.data(), w, h, w + 3};
        for (int bs : {4, 8})
            for (int r = 1; r <= 4; ++r) {
                const image::ThresholdMap map = random_map(w, h, bs, static_cast<uint32_t>(r));
                image::BitMatrix whole, staged;
                image::threshold_pass(v, map, r, 9, scratch, whole);
                image::threshold_pass(v, map, 0, 9, scratch, staged);
                image::fine_override_pass(v, r, 9, scratch, staged);
                ASSERT_EQ(staged.bits, whole.bits) << w << "x" << h << " bs " << bs << " r " << r;
            }
    }
}

TEST(ThresholdPass, CoversOnlyExactSizes) {
    EXPECT_TRUE(image::threshold_pass_supported(8, 3));
    EXPECT_FALSE(image::threshold_pass_supported(16, 3));  // the interpolation would overflow 16 bits
    EXPECT_FALSE(image::threshold_pass_supported(6, 0));   // 2 bs does not divide 256
    EXPECT_FALSE(image::threshold_pass_supported(8, 5));   // window sums beyond 16 bits
}

}  // namespace
