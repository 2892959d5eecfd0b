// Tests for src/qr/grid/function_patterns.cpp: what is left for data is exactly the codewords of Table 1 plus
// its remainder bits, for every version; the patterns sit where 6.3 puts them.
#include "qr/grid/function_patterns.hpp"

#include <gtest/gtest.h>

#include "qr/tables.hpp"

namespace {

int count_free(const std::vector<uint8_t>& map) {
    int n = 0;
    for (uint8_t f : map) n += f == 0;
    return n;
}

TEST(FunctionPatterns, DataModulesMatchTable1ForEveryVersion) {
    for (int v = 1; v <= 40; ++v) {
        const auto map = cccd::qr::function_module_map(v);
        const int size = cccd::qr::symbol_size(v);
        ASSERT_EQ(map.size(), static_cast<size_t>(size * size));
        EXPECT_EQ(count_free(map), cccd::qr::total_codewords(v) * 8 + cccd::qr::remainder_bits(v)) << v;
    }
}

TEST(FunctionPatterns, Version1Layout) {
    const auto map = cccd::qr::function_module_map(1);
    const auto at = [&](int x, int y) { return map[static_cast<size_t>(y * 21 + x)] != 0; };
    EXPECT_TRUE(at(0, 0));     // finder
    EXPECT_TRUE(at(7, 7));     // separator corner
    EXPECT_TRUE(at(8, 8));     // format
    EXPECT_TRUE(at(10, 6));    // timing row
    EXPECT_TRUE(at(6, 12));    // timing column
    EXPECT_TRUE(at(8, 13));    // dark module (8, size - 8)
    EXPECT_TRUE(at(13, 8));    // format copy 2
    EXPECT_FALSE(at(9, 9));
    EXPECT_FALSE(at(20, 20));  // first data module
    EXPECT_FALSE(at(12, 0));   // between the top finders
    EXPECT_FALSE(at(9, 0));    // column 9 above the format row holds data
    EXPECT_EQ(count_free(map), 208);
}

TEST(FunctionPatterns, AlignmentAndVersionAreasAppearWhereExpected) {
    const auto v2 = cccd::qr::function_module_map(2);  // 25 modules, one alignment pattern at (18, 18)
    const auto at2 = [&](int x, int y) { return v2[static_cast<size_t>(y * 25 + x)] != 0; };
    EXPECT_TRUE(at2(16, 16));
    EXPECT_TRUE(at2(20, 20));
    EXPECT_FALSE(at2(21, 21));
    EXPECT_FALSE(at2(15, 16));

    const auto v6 = cccd::qr::function_module_map(6);
    const auto v7 = cccd::qr::function_module_map(7);  // 45 modules: version areas at x 34..36, y 0..5
    EXPECT_FALSE(v6[static_cast<size_t>(0 * 41 + 30)]);
    EXPECT_TRUE(v7[static_cast<size_t>(0 * 45 + 34)]);
    EXPECT_TRUE(v7[static_cast<size_t>(36 * 45 + 5)]);
    EXPECT_FALSE(v7[static_cast<size_t>(33 * 45 + 5)]);
    EXPECT_TRUE(v7[static_cast<size_t>(22 * 45 + 22)]);  // middle alignment pattern
    EXPECT_TRUE(v7[static_cast<size_t>(22 * 45 + 6)]);   // alignment pattern on the timing column
}

TEST(FunctionPatterns, BadVersionGivesEmptyMap) {
    EXPECT_TRUE(cccd::qr::function_module_map(0).empty());
    EXPECT_TRUE(cccd::qr::function_module_map(41).empty());
}

}  // namespace
