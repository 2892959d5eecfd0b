// Tests for src/image/luma.cpp: RGBA -> luminance with the documented integer weights; the dispatching
// entry (SIMD under WASM) equals the scalar reference byte for byte; the halved plane's definition.
// (The WASM SIMD halving is checked against this definition in tests/node/rgba_luma.test.mjs.)
#include "image/luma.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <utility>
#include <vector>

#include "image/downscale.hpp"

namespace {

using cccd::image::rgba_to_luma;
using cccd::image::rgba_to_luma_scalar;

TEST(Luma, PrimariesAndGreys) {
    const std::vector<uint8_t> rgba = {255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 0, 0, 0, 0, 255, 128, 128, 128, 9};
    std::vector<uint8_t> y(6);
    ASSERT_TRUE(rgba_to_luma(rgba, 6, 1, 24, y));
    EXPECT_EQ(y, (std::vector<uint8_t>{77, 149, 29, 255, 0, 128}));  // (w * 255 + 128) >> 8; alpha ignored
}

// A VideoFrame of a canvas stream (Firefox, WebKit) is BGRA: red is the third byte.
TEST(Luma, BgraWeighsTheThirdByteAsRed) {
    const std::vector<uint8_t> bgra = {255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 128, 128, 128, 9};
    std::vector<uint8_t> y(4);
    ASSERT_TRUE(rgba_to_luma(bgra, 4, 1, 16, y, cccd::image::PixelOrder::Bgra));
    EXPECT_EQ(y, (std::vector<uint8_t>{29, 149, 77, 128}));
}

// Swapping each pixel's first and third bytes and reading it as BGRA gives the RGBA's planes exactly.
TEST(Luma, BgraOfTheSwappedPixelsGivesTheSamePlanes) {
    uint32_t s = 99;
    for (const auto& [width, height] : {std::pair{37, 9}, std::pair{1280, 4}}) {
        const int stride = 4 * width;
        std::vector<uint8_t> rgba(static_cast<size_t>(stride * height));
        for (uint8_t& v : rgba) v = static_cast<uint8_t>((s = s * 1664525u + 1013904223u) >> 24);
        std::vector<uint8_t> bgra = rgba;
        for (size_t i = 0; i < bgra.size(); i += 4) std::swap(bgra[i], bgra[i + 2]);
        std::vector<uint8_t> a(static_cast<size_t>(width * height)), b(a.size()), c(a.size());
        ASSERT_TRUE(rgba_to_luma(rgba, width, height, stride, a));
        ASSERT_TRUE(rgba_to_luma(bgra, width, height, stride, b, cccd::image::PixelOrder::Bgra));
        rgba_to_luma_scalar(bgra.data(), width, height, stride, c.data(), cccd::image::PixelOrder::Bgra);
        EXPECT_EQ(a, b);
        EXPECT_EQ(a, c);
        std::vector<uint8_t> ha(static_cast<size_t>((width / 2) * (height / 2))), hb(ha.size());
        ASSERT_TRUE(cccd::image::rgba_to_luma_halved(rgba, width, height, stride, ha));
        ASSERT_TRUE(cccd::image::rgba_to_luma_halved(bgra, width, height, stride, hb, cccd::image::PixelOrder::Bgra));
        EXPECT_EQ(ha, hb);
    }
}

TEST(Luma, MatchesTheScalarReferenceForEveryWidthAndStride) {
    uint32_t s = 12345;
    for (int width : {1, 7, 15, 16, 17, 31, 33, 64, 100}) {
        const int height = 5, stride = 4 * width + (width % 3) * 4;
        std::vector<uint8_t> rgba(static_cast<size_t>(stride * height));
        for (uint8_t& v : rgba) {
            s = s * 1664525u + 1013904223u;
            v = static_cast<uint8_t>(s >> 24);
        }
        std::vector<uint8_t> a(static_cast<size_t>(width * height)), b(a.size());
        ASSERT_TRUE(rgba_to_luma(rgba, width, height, stride, a));
        rgba_to_luma_scalar(rgba.data(), width, height, stride, b.data());
        EXPECT_EQ(a, b) << "width " << width;
        for (int i = 0; i < width; ++i) {  // and the formula itself, first row
            const uint8_t* p = rgba.data() + 4 * i;
            EXPECT_EQ(a[static_cast<size_t>(i)], (77 * p[0] + 150 * p[1] + 29 * p[2] + 128) >> 8);
        }
    }
}

TEST(Luma, RefusesSpansThatDoNotFit) {
    std::vector<uint8_t> rgba(4 * 10 * 2), y(20);
    EXPECT_FALSE(rgba_to_luma(rgba, 10, 2, 39, y));                        // stride < 4 * width
    EXPECT_FALSE(rgba_to_luma(std::span(rgba).first(79), 10, 2, 40, y));   // rgba too short
    EXPECT_FALSE(rgba_to_luma(rgba, 10, 2, 40, std::span(y).first(19)));   // output too short
    EXPECT_FALSE(rgba_to_luma(rgba, 0, 2, 40, y));
    EXPECT_TRUE(rgba_to_luma(rgba, 10, 2, 40, y));
}

// Random pixels, widths across the 16-block vector steps and odd sizes (the last column and row dropped),
// with a stride.
std::vector<uint8_t> random_rgba(int stride, int height, uint32_t& s) {
    std::vector<uint8_t> rgba(static_cast<size_t>(stride * height));
    for (uint8_t& v : rgba) v = static_cast<uint8_t>((s = s * 1664525u + 1013904223u) >> 24);
    return rgba;
}
constexpr std::pair<int, int> kHalvedSizes[] = {{2, 2}, {3, 5}, {37, 9}, {63, 4}, {64, 3}, {513, 6}, {1280, 4}};

TEST(Luma, HalvedIsTheLumaOfEachBlocksMeanColour) {
    uint32_t s = 777;
    for (const auto& [width, height] : kHalvedSizes) {
        const int stride = 4 * width + 8;
        const std::vector<uint8_t> rgba = random_rgba(stride, height, s);
        std::vector<uint8_t> halved(static_cast<size_t>((width / 2) * (height / 2)));
        ASSERT_TRUE(cccd::image::rgba_to_luma_halved(rgba, width, height, stride, halved));
        const auto up = [](int a, int b) { return (a + b + 1) / 2; };  // a mean rounded up
        for (int y = 0; y < height / 2; ++y)
            for (int x = 0; x < width / 2; ++x) {
                const uint8_t* t = rgba.data() + 2 * y * stride + 8 * x;
                const uint8_t* b = t + stride;
                int m[3];
                for (int c = 0; c < 3; ++c) m[c] = up(up(t[c], b[c]), up(t[4 + c], b[4 + c]));
                ASSERT_EQ(halved[static_cast<size_t>(y * (width / 2) + x)], (77 * m[0] + 150 * m[1] + 29 * m[2] + 128) >> 8)
                    << width << "x" << height << " block " << x << "," << y;
            }
    }
}

TEST(Luma, HalvedIsWithinTwoLevelsOfTheDownscaleOfTheFullPlane) {
    // The mean colour rounds up by at most one level; the mean of four lumas rounds each luma and the mean.
    uint32_t s = 4242;
    int worst = 0;
    for (const auto& [width, height] : kHalvedSizes) {
        const int stride = 4 * width + 8;
        const std::vector<uint8_t> rgba = random_rgba(stride, height, s);
        std::vector<uint8_t> full(static_cast<size_t>(width * height)), reduced;
        ASSERT_TRUE(rgba_to_luma(rgba, width, height, stride, full));
        const cccd::image::ImageView expected = cccd::image::downscale({full.data(), width, height, width}, 2, reduced);
        std::vector<uint8_t> halved(static_cast<size_t>((width / 2) * (height / 2)));
        ASSERT_TRUE(cccd::image::rgba_to_luma_halved(rgba, width, height, stride, halved));
        for (size_t i = 0; i < halved.size(); ++i) worst = std::max(worst, std::abs(halved[i] - expected.data[i]));
    }
    EXPECT_LE(worst, 2);
    EXPECT_GE(worst, 1);  // random pixels do show the rounding: this is not the downscale itself
}

TEST(Luma, HalvedEqualsTheDownscaleWhereBlocksAreOneColour) {
    uint32_t s = 99;
    const int width = 70, height = 6, stride = 4 * width;
    std::vector<uint8_t> rgba = random_rgba(stride, height, s);
    for (int y = 0; y < height; ++y)  // each pixel copies its block's top-left one
        for (int x = 0; x < width; ++x)
            for (int c = 0; c < 4; ++c)
                rgba[static_cast<size_t>(y * stride + 4 * x + c)] = rgba[static_cast<size_t>((y & ~1) * stride + 4 * (x & ~1) + c)];
    std::vector<uint8_t> full(static_cast<size_t>(width * height)), reduced;
    ASSERT_TRUE(rgba_to_luma(rgba, width, height, stride, full));
    const cccd::image::ImageView expected = cccd::image::downscale({full.data(), width, height, width}, 2, reduced);
    std::vector<uint8_t> halved(static_cast<size_t>((width / 2) * (height / 2)));
    ASSERT_TRUE(cccd::image::rgba_to_luma_halved(rgba, width, height, stride, halved));
    EXPECT_EQ(halved, std::vector<uint8_t>(expected.data, expected.data + halved.size()));
}

TEST(Luma, HalvedRefusesWhatDoesNotFit) {
    std::vector<uint8_t> rgba(4 * 10 * 4), y(10);
    EXPECT_FALSE(cccd::image::rgba_to_luma_halved(rgba, 1, 4, 40, y));                      // under 2x2
    EXPECT_FALSE(cccd::image::rgba_to_luma_halved(rgba, 10, 4, 36, y));                     // stride < 4 * width
    EXPECT_FALSE(cccd::image::rgba_to_luma_halved(std::span(rgba).first(159), 10, 4, 40, y));
    EXPECT_FALSE(cccd::image::rgba_to_luma_halved(rgba, 10, 4, 40, std::span(y).first(9)));
    EXPECT_TRUE(cccd::image::rgba_to_luma_halved(rgba, 10, 4, 40, y));
}

}  // namespace
