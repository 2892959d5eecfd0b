// image::upscale2: bilinear enlargement by 2, with point (x, y) of the output at (x / 2, y / 2) of the
// input (pixel centres at +0.5), so that geometries found in it scale back exactly.
#include "image/upscale.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

namespace {

using namespace cccd;

TEST(Upscale, TwiceTheSizeAndFlatStaysFlat) {
    std::vector<uint8_t> in(7 * 5, 93), out;
    const image::ImageView v = image::upscale2({in.data(), 7, 5, 7}, out);
    ASSERT_EQ(v.width, 14);
    ASSERT_EQ(v.height, 10);
    for (int y = 0; y < v.height; ++y)
        for (int x = 0; x < v.width; ++x) EXPECT_EQ(v.at(x, y), 93);
}

// Output pixel 2i and 2i + 1 lie a quarter pixel either side of input pixel i's centre: 3/4 of it and 1/4
// of the neighbour on that side (edges repeat the last pixel).
TEST(Upscale, QuarterPixelWeights) {
    const std::vector<uint8_t> in{0, 160, 0, 0};  // one row, a stride wider than the row
    std::vector<uint8_t> out;
    const image::ImageView v = image::upscale2({in.data(), 3, 1, 4}, out);
    ASSERT_EQ(v.width, 6);
    const std::vector<uint8_t> want{0, 40, 120, 120, 40, 0};
    for (int y = 0; y < 2; ++y)
        for (int x = 0; x < 6; ++x) EXPECT_EQ(v.at(x, y), want[static_cast<size_t>(x)]) << x << "," << y;
}

// A dark block from x = 4 to 8 (pixel edges) in the input is dark from 8 to 16 in the output: the edge
// sits where point mapping puts it (grey 50 % at the boundary between output pixels 7 and 8).
TEST(Upscale, EdgesLandAtTwiceTheirPlace) {
    std::vector<uint8_t> in(12 * 3, 200), out;
    for (int y = 0; y < 3; ++y)
        for (int x = 4; x < 8; ++x) in[static_cast<size_t>(y * 12 + x)] = 0;
    const image::ImageView v = image::upscale2({in.data(), 12, 3, 12}, out);
    EXPECT_EQ(v.at(7, 2) + v.at(8, 2), 200);   // symmetric about the edge at x = 8
    EXPECT_EQ(v.at(15, 2) + v.at(16, 2), 200);  // and at x = 16
    EXPECT_EQ(v.at(10, 2), 0);
    EXPECT_EQ(v.at(4, 2), 200);
}

// Every width (the vector lanes and the scalar tail), random content: each output pixel is 9/16 of its
// nearest input pixel, 3/16 of each neighbour towards it along x and y and 1/16 of the diagonal one,
// rounded to nearest (edges repeat the last pixel).
TEST(Upscale, EveryPixelIsItsQuarterPixelBlend) {
    std::mt19937 rng(7);
    for (int width = 1; width <= 40; ++width) {
        const int height = 3, stride = width + 5;
        std::vector<uint8_t> in(static_cast<size_t>(stride * height)), out;
        for (uint8_t& p : in) p = static_cast<uint8_t>(rng() & 0xFF);
        const image::ImageView v = image::upscale2({in.data(), width, height, stride}, out);
        ASSERT_EQ(v.width, 2 * width);
        const auto px = [&](int x, int y) {
            return static_cast<int>(in[static_cast<size_t>(std::clamp(y, 0, height - 1) * stride + std::clamp(x, 0, width - 1))]);
        };
        for (int y = 0; y < v.height; ++y)
            for (int x = 0; x < v.width; ++x) {
                const int i = x / 2, j = y / 2, di = x % 2 ? 1 : -1, dj = y % 2 ? 1 : -1;
                const int want = (9 * px(i, j) + 3 * px(i + di, j) + 3 * px(i, j + dj) + px(i + di, j + dj) + 8) / 16;
                ASSERT_EQ(v.at(x, y), want) << "width " << width << " at " << x << "," << y;
            }
    }
}

TEST(Upscale, EmptyInputGivesAnEmptyView) {
    std::vector<uint8_t> out;
    EXPECT_FALSE(image::upscale2({}, out).valid());
}

}  // namespace
