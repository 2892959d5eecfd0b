// Tests for src/image/downscale.cpp: block means with rounding, sizes rounded down, stride honoured, and
// too-small inputs giving an empty view.
#include "image/downscale.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace {

using cccd::image::ImageView;

TEST(Downscale, AveragesBlocks) {
    // 7 x 4 with a stride of 8 (the padding byte must not count): factor 3 gives 2 x 1.
    std::vector<uint8_t> px(8 * 4, 0);
    for (int y = 0; y < 4; ++y)
        for (int x = 0; x < 8; ++x) px[static_cast<size_t>(y * 8 + x)] = static_cast<uint8_t>(x < 3 ? 10 : x < 6 ? 200 : 255);
    px[0] = 11;  // block sum 91: the mean 10.11 rounds to 10
    px[3] = 205; // block sum 1805: the mean 200.56 rounds to 201
    std::vector<uint8_t> out;
    const ImageView v = cccd::image::downscale({px.data(), 7, 4, 8}, 3, out);
    ASSERT_EQ(v.width, 2);
    ASSERT_EQ(v.height, 1);
    EXPECT_EQ(v.at(0, 0), 10);
    EXPECT_EQ(v.at(1, 0), 201);
}

TEST(Downscale, HalvesWithRoundingAtAnyWidth) {
    // Factor 2 has its own row loop (vector lanes in WASM): every 2x2 block mean, rounded half up, at an odd
    // width and height with a stride, wide enough for whole vectors and a remainder.
    const int w = 75, h = 9, stride = 80;
    std::vector<uint8_t> px(static_cast<size_t>(stride * h));
    uint32_t x = 12345;
    for (uint8_t& p : px) p = static_cast<uint8_t>((x = x * 1664525u + 1013904223u) >> 24);
    std::vector<uint8_t> out;
    const ImageView v = cccd::image::downscale({px.data(), w, h, stride}, 2, out);
    ASSERT_EQ(v.width, 37);
    ASSERT_EQ(v.height, 4);
    for (int j = 0; j < v.height; ++j)
        for (int i = 0; i < v.width; ++i) {
            const auto at = [&](int xx, int yy) { return static_cast<int>(px[static_cast<size_t>(yy * stride + xx)]); };
            const int sum = at(2 * i, 2 * j) + at(2 * i + 1, 2 * j) + at(2 * i, 2 * j + 1) + at(2 * i + 1, 2 * j + 1);
            EXPECT_EQ(v.at(i, j), (sum + 2) / 4) << i << "," << j;
        }
}

TEST(Downscale, TooSmallOrBadFactorIsEmpty) {
    std::vector<uint8_t> px(4, 100), out;
    EXPECT_FALSE(cccd::image::downscale({px.data(), 2, 2, 2}, 3, out).valid());
    EXPECT_FALSE(cccd::image::downscale({px.data(), 2, 2, 2}, 0, out).valid());
    EXPECT_TRUE(cccd::image::downscale({px.data(), 2, 2, 2}, 2, out).valid());
}

}  // namespace
