// Tests for src/image/transpose.cpp: every bit lands at (y, x), for sizes that are and are not tile multiples.
#include "image/transpose.hpp"

#include <gtest/gtest.h>

namespace {

TEST(Transpose, SwapsRowsAndColumns) {
    for (auto [w, h] : {std::pair{1, 1}, {7, 3}, {32, 64}, {70, 33}}) {
        cccd::image::BitMatrix in, out;
        in.reset(w, h);
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) in.set(x, y, (x * 7 + y * 3) % 5 == 0);
        cccd::image::transpose(in, out);
        ASSERT_EQ(out.width, h);
        ASSERT_EQ(out.height, w);
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) ASSERT_EQ(out.get(y, x), in.get(x, y)) << w << "x" << h << " at " << x << "," << y;
    }
}

}  // namespace
