// Tests for src/image/block_stats.cpp: min, max, rounded mean and deviation of every block, clipped edge
// blocks included, against a plain per-block loop.
#include "image/block_stats.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace {

using namespace cccd;

TEST(BlockStats, MatchesAPlainLoop) {
    const int w = 37, h = 29, stride = 40;
    std::vector<uint8_t> px(static_cast<size_t>(stride) * h);
    uint32_t seed = 3;
    for (uint8_t& v : px) {
        seed = seed * 1664525u + 1013904223u;
        v = static_cast<uint8_t>(seed >> 24);
    }
    const image::ImageView view{px.data(), w, h, stride};
    image::BlockStats s;
    for (int bs : {2, 5, 8, 16}) {
        const int bx = (w + bs - 1) / bs, by = (h + bs - 1) / bs;
        image::block_statistics(view, bs, bx, by, s);
        for (int j = 0; j < by; ++j)
            for (int i = 0; i < bx; ++i) {
                int lo = 255, hi = 0, count = 0;
                double sum = 0, sq = 0;
                for (int y = j * bs; y < std::min(h, (j + 1) * bs); ++y)
                    for (int x = i * bs; x < std::min(w, (i + 1) * bs); ++x) {
                        const int v = view.at(x, y);
                        lo = std::min(lo, v), hi = std::max(hi, v), sum += v, sq += v * v, ++count;
                    }
                const size_t k = static_cast<size_t>(j * bx + i);
                EXPECT_EQ(s.min[k], lo);
                EXPECT_EQ(s.max[k], hi);
                EXPECT_EQ(s.mean[k], static_cast<int>((sum + count / 2) / count));
                const double mean = sum / count;
                EXPECT_EQ(s.dev[k], static_cast<int>(std::round(std::sqrt(std::max(0.0, sq / count - mean * mean)))));
            }
    }
}

}  // namespace
