// Tests for src/image/bit_runs.hpp: run_end finds the same boundary as a byte-by-byte walk, whether the
// change falls inside an 8-byte word, on its edge or in the tail.
#include "image/bit_runs.hpp"

#include <gtest/gtest.h>

#include <tuple>
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

namespace {

TEST(BitRuns, ForEachRunMatchesRunEnd) {
    uint32_t seed = 9;
    for (int length : {1, 7, 63, 64, 65, 128, 130, 200}) {
        std::vector<uint8_t> row(static_cast<size_t>(length));
        std::vector<uint64_t> words(static_cast<size_t>((length + 63) / 64));
        for (int trial = 0; trial < 50; ++trial) {
            for (uint8_t& v : row) {  // runs of mixed lengths: flip with probability 1/4 or 1/40
                seed = seed * 1664525u + 1013904223u;
                if ((seed >> 20) % (trial % 2 ? 4 : 40) == 0) v = 1;
                else v = 0;
            }
            std::vector<std::tuple<int, int, bool>> expected, got;
            for (int p = 0; p < length;) {
                const int e = cccd::image::run_end(row.data(), p, length);
                expected.emplace_back(p, e, row[static_cast<size_t>(p)] != 0);
                p = e;
            }
            cccd::image::for_each_run(row.data(), length, words.data(),
                                      [&](int s, int e, bool dark) { got.emplace_back(s, e, dark); });
            ASSERT_EQ(got, expected) << "length " << length << " trial " << trial;
        }
    }
}

}  // namespace
