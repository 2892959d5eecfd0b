// Tests for src/qr/grid/codewords.cpp: mask patterns (Table 10), placement order (7.7.3, Figure 21) and the
// de-interleaving of blocks (7.6, Table 9).
#include "qr/grid/codewords.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "qr/grid/function_patterns.hpp"

namespace {

TEST(Codewords, MaskConditionsOfTable10) {
    // The 6x6 corner of each pattern, rows top to bottom, '1' where the module is inverted.
    const char* corners[8] = {
        "101010010101101010010101101010010101", "111111000000111111000000111111000000",
        "100100100100100100100100100100100100", "100100001001010010100100001001010010",
        "111000111000000111000111111000111000", "111111100000100100101010100100100000",
        "111111111000110110101010101101100011", "101010000111100011010101111000011100",
    };
    for (int m = 0; m < 8; ++m) {
        for (int i = 0; i < 6; ++i)
            for (int j = 0; j < 6; ++j)
                EXPECT_EQ(cccd::qr::mask_condition(m, i, j), corners[m][i * 6 + j] == '1') << m << " " << i << "," << j;
    }
    EXPECT_FALSE(cccd::qr::mask_condition(8, 0, 0));
}

TEST(Codewords, PlacementStartsBottomRightAndZigZags) {
    const auto map = cccd::qr::function_module_map(1);
    std::vector<std::pair<int, int>> order;
    cccd::qr::for_each_data_module(21, map, [&](int x, int y) { order.push_back({x, y}); });
    ASSERT_EQ(order.size(), 208u);
    const std::vector<std::pair<int, int>> first{{20, 20}, {19, 20}, {20, 19}, {19, 19}, {20, 18}, {19, 18}};
    const std::vector<std::pair<int, int>> head(order.begin(), order.begin() + 6);
    EXPECT_EQ(head, first);
    // Up columns 20/19 to row 9 (above is format information), then down columns 18/17.
    EXPECT_EQ(order[23], (std::pair<int, int>{19, 9}));
    EXPECT_EQ(order[24], (std::pair<int, int>{18, 9}));
    // The last modules are in columns 1/0 at the bottom of the left strip, skipping column 6.
    for (const auto& p : order) EXPECT_NE(p.first, 6);
    EXPECT_EQ(order.back(), (std::pair<int, int>{0, 12}));
}

TEST(Codewords, ReadCodewordsUnmasksAndPacksMsbFirst) {
    const auto map = cccd::qr::function_module_map(1);
    auto grid = cccd::qr::ModuleGrid::blank(21);
    // Light everywhere and mask 1 (even rows inverted): the first codeword reads rows 20..17 of columns
    // 20/19; rows 20 and 18 are even, so bits 1 1 0 0 1 1 0 0.
    const auto cw = cccd::qr::read_codewords(grid, map, 1, 26);
    ASSERT_EQ(cw.size(), 26u);
    EXPECT_EQ(cw[0], 0xCC);
    grid.set(20, 20, true);  // un-inverts the first bit
    EXPECT_EQ(cccd::qr::read_codewords(grid, map, 1, 26)[0], 0x4C);
}

TEST(Codewords, DeinterleavesShortThenLongBlocks) {
    // Version 5-Q: 2 blocks of 15 data codewords, then 2 of 16; 18 EC codewords each (Table 9).
    const auto layout = cccd::qr::ec_blocks(5, cccd::qr::EcLevel::Q);
    // Label codeword k of block b as b * 50 + k and interleave by hand as 7.6 describes.
    std::vector<uint8_t> stream;
    const int dataLen[4] = {15, 15, 16, 16};
    for (int k = 0; k < 16; ++k)
        for (int b = 0; b < 4; ++b)
            if (k < dataLen[b]) stream.push_back(static_cast<uint8_t>(b * 50 + k));
    for (int k = 0; k < 18; ++k)
        for (int b = 0; b < 4; ++b) stream.push_back(static_cast<uint8_t>(b * 50 + dataLen[b] + k));
    ASSERT_EQ(stream.size(), 134u);
    const auto blocks = cccd::qr::deinterleave(stream, layout);
    ASSERT_EQ(blocks.size(), 4u);
    for (int b = 0; b < 4; ++b) {
        const auto& block = blocks[static_cast<size_t>(b)];
        EXPECT_EQ(block.dataCodewords, dataLen[b]);
        ASSERT_EQ(block.codewords.size(), static_cast<size_t>(dataLen[b] + 18));
        for (size_t k = 0; k < block.codewords.size(); ++k) EXPECT_EQ(block.codewords[k], b * 50 + static_cast<int>(k));
    }
    const auto data = cccd::qr::data_codewords(blocks);
    ASSERT_EQ(data.size(), 62u);
    EXPECT_EQ(data[14], 14);
    EXPECT_EQ(data[15], 50);
    EXPECT_EQ(data[61], 165);
}

}  // namespace
