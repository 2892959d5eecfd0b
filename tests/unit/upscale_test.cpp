// image::upscale2: bilinear enlargement by 2, with point (x, y) of the output at (x / 2, y / 2) of the
// input (pixel centres at +0.5), so that geometries found in it scale back exactly.
#include "image/upscale.hpp"

#include <gtest/gtest.h>

#include <cstdint>
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

TEST(Upscale, EmptyInputGivesAnEmptyView) {
    std::vector<uint8_t> out;
    EXPECT_FALSE(image::upscale2({}, out).valid());
}

}  // namespace
