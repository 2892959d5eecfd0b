// Tests for src/image/bit_runs.hpp: run_end finds the same boundary as a byte-by-byte walk, whether the
// change falls inside an 8-byte word, on its edge or in the tail.
#include "image/bit_runs.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace {

TEST(BitRuns, RunEndMatchesAPlainWalk) {
    std::vector<uint8_t> row(61);
    uint32_t seed = 5;
    for (int trial = 0; trial < 200; ++trial) {
        int i = 0;
        uint8_t v = trial & 1;
        while (i < static_cast<int>(row.size())) {  // runs of 1..20
            seed = seed * 1664525u + 1013904223u;
            const int len = 1 + static_cast<int>((seed >> 24) % 20);
            for (int k = 0; k < len && i < static_cast<int>(row.size()); ++k) row[static_cast<size_t>(i++)] = v;
            v ^= 1;
        }
        for (int start = 0; start < static_cast<int>(row.size()); ++start) {
            int expected = start + 1;
            while (expected < static_cast<int>(row.size()) && row[static_cast<size_t>(expected)] == row[static_cast<size_t>(start)]) ++expected;
            ASSERT_EQ(cccd::image::run_end(row.data(), start, static_cast<int>(row.size())), expected);
        }
    }
}

}  // namespace
