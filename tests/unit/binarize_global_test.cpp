// Tests for src/image/binarize_global.cpp: Otsu's threshold separates two grey populations.
#include "image/binarize_global.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace {

using namespace cccd::image;

TEST(BinarizeGlobal, OtsuSplitsTwoModes) {
    std::array<uint32_t, 256> h{};
    for (int v = 30; v <= 50; ++v) h[static_cast<size_t>(v)] = 100;
    for (int v = 180; v <= 220; ++v) h[static_cast<size_t>(v)] = 60;
    const int t = otsu_threshold(h);
    EXPECT_GT(t, 50);
    EXPECT_LE(t, 180);
}

TEST(BinarizeGlobal, EmptyAndSingleValueHistograms) {
    std::array<uint32_t, 256> h{};
    EXPECT_EQ(otsu_threshold(h), 0);
    h[77] = 10;
    EXPECT_EQ(otsu_threshold(h), 0);  // one class only: nothing is darker than anything
}

TEST(BinarizeGlobal, DarkBelowThresholdRespectsStride) {
    // 4x2 pixels inside rows of 6 bytes; the padding must not be read as pixels.
    const std::vector<uint8_t> px = {10, 10, 240, 240, 0, 0, 240, 10, 240, 10, 255, 255};
    ThresholdMap map;
    BitMatrix b;
    binarize_global({px.data(), 4, 2, 6}, map, b);
    EXPECT_EQ(b.bits, (std::vector<uint8_t>{1, 1, 0, 0, 0, 1, 0, 1}));
    EXPECT_EQ(map.blocksX, 1);
    EXPECT_GT(map.at(0, 0), 10);
}

}  // namespace
