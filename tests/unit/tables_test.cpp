// Tests for src/qr/tables.cpp: Table 1, 3, 5, 9 and E.1 of ISO/IEC 18004:2015, checked against rows of the
// standard and against their own consistency.
#include "qr/tables.hpp"

#include <gtest/gtest.h>

namespace {

using cccd::qr::EcLevel;

struct Row {
    int version;
    EcLevel level;
    int ec, shortBlocks, shortData, longBlocks;
};

TEST(Tables, EcBlocksMatchRowsOfTable9) {
    // (version, level): ec codewords per block, (count, data codewords) of group 1, count of group 2.
    const Row rows[] = {
        {1, EcLevel::L, 7, 1, 19, 0},    {1, EcLevel::H, 17, 1, 9, 0},    {5, EcLevel::Q, 18, 2, 15, 2},
        {5, EcLevel::H, 22, 2, 11, 2},   {7, EcLevel::M, 18, 4, 31, 0},   {10, EcLevel::L, 18, 2, 68, 2},
        {13, EcLevel::H, 22, 12, 11, 4}, {21, EcLevel::M, 26, 17, 42, 0}, {40, EcLevel::L, 30, 19, 118, 6},
        {40, EcLevel::H, 30, 20, 15, 61},
    };
    for (const Row& r : rows) {
        const auto b = cccd::qr::ec_blocks(r.version, r.level);
        SCOPED_TRACE(testing::Message() << r.version << cccd::qr::ec_level_letter(r.level));
        EXPECT_EQ(b.ecCodewordsPerBlock, r.ec);
        EXPECT_EQ(b.shortBlocks, r.shortBlocks);
        EXPECT_EQ(b.shortDataCodewords, r.shortData);
        EXPECT_EQ(b.longBlocks, r.longBlocks);
    }
}

TEST(Tables, DataCapacityOfLevelLMatchesTable7) {
    const int dataL[40] = {19,   34,   55,   80,   108,  136,  156,  194,  232,  274,  324,  370,  428,  461,
                           523,  589,  647,  721,  795,  861,  932,  1006, 1094, 1174, 1276, 1370, 1468, 1531,
                           1631, 1735, 1843, 1955, 2071, 2191, 2306, 2434, 2566, 2702, 2812, 2956};
    for (int v = 1; v <= 40; ++v) EXPECT_EQ(cccd::qr::ec_blocks(v, EcLevel::L).dataCodewords(), dataL[v - 1]) << v;
    EXPECT_EQ(cccd::qr::ec_blocks(40, EcLevel::H).dataCodewords(), 1276);
    EXPECT_EQ(cccd::qr::ec_blocks(40, EcLevel::M).dataCodewords(), 2334);
    EXPECT_EQ(cccd::qr::ec_blocks(40, EcLevel::Q).dataCodewords(), 1666);
}

TEST(Tables, EveryLayoutAddsUpToTheSymbolsCodewords) {
    for (int v = 1; v <= 40; ++v) {
        for (int l = 0; l < 4; ++l) {
            const auto b = cccd::qr::ec_blocks(v, static_cast<EcLevel>(l));
            EXPECT_EQ(b.dataCodewords() + b.blocks() * b.ecCodewordsPerBlock, cccd::qr::total_codewords(v));
            EXPECT_GT(b.shortBlocks, 0);
            EXPECT_LE(b.ecCodewordsPerBlock, 30);
            // Levels correct about 7, 15, 25, 30 % of codewords (6.5.1): more EC codewords at each level.
            if (l > 0) {
                EXPECT_LT(b.dataCodewords(), cccd::qr::ec_blocks(v, static_cast<EcLevel>(l - 1)).dataCodewords());
            }
        }
    }
}

TEST(Tables, MisdecodeProtectionOnlyInTheSmallestSymbols) {
    EXPECT_EQ(cccd::qr::ec_blocks(1, EcLevel::L).maxCorrectable(), 2);  // (7 - 3) / 2
    EXPECT_EQ(cccd::qr::ec_blocks(1, EcLevel::M).maxCorrectable(), 4);  // (10 - 2) / 2
    EXPECT_EQ(cccd::qr::ec_blocks(1, EcLevel::Q).maxCorrectable(), 6);
    EXPECT_EQ(cccd::qr::ec_blocks(1, EcLevel::H).maxCorrectable(), 8);
    EXPECT_EQ(cccd::qr::ec_blocks(2, EcLevel::L).maxCorrectable(), 4);
    EXPECT_EQ(cccd::qr::ec_blocks(3, EcLevel::L).maxCorrectable(), 7);
    EXPECT_EQ(cccd::qr::ec_blocks(2, EcLevel::M).maxCorrectable(), 8);
    EXPECT_EQ(cccd::qr::ec_blocks(40, EcLevel::H).maxCorrectable(), 15);
}

TEST(Tables, BadVersionsGiveEmptyAnswers) {
    EXPECT_EQ(cccd::qr::total_codewords(0), 0);
    EXPECT_EQ(cccd::qr::total_codewords(41), 0);
    EXPECT_EQ(cccd::qr::ec_blocks(0, EcLevel::L).blocks(), 0);
    EXPECT_TRUE(cccd::qr::alignment_centers(1).empty());
    EXPECT_TRUE(cccd::qr::alignment_centers(41).empty());
}

TEST(Tables, SizesAndVersions) {
    EXPECT_EQ(cccd::qr::symbol_size(1), 21);
    EXPECT_EQ(cccd::qr::symbol_size(40), 177);
    EXPECT_EQ(cccd::qr::version_for_size(21), 1);
    EXPECT_EQ(cccd::qr::version_for_size(177), 40);
    EXPECT_EQ(cccd::qr::version_for_size(22), 0);
    EXPECT_EQ(cccd::qr::version_for_size(17), 0);
    EXPECT_EQ(cccd::qr::version_for_size(181), 0);
    EXPECT_EQ(cccd::qr::remainder_bits(1), 0);
    EXPECT_EQ(cccd::qr::remainder_bits(2), 7);
    EXPECT_EQ(cccd::qr::remainder_bits(14), 3);
    EXPECT_EQ(cccd::qr::remainder_bits(21), 4);
    EXPECT_EQ(cccd::qr::remainder_bits(35), 0);
}

TEST(Tables, AlignmentCentresFollowAnnexE) {
    const auto v7 = cccd::qr::alignment_centers(7);
    ASSERT_EQ(v7.size(), 3u);
    EXPECT_EQ(v7[1], 22);
    const auto v32 = cccd::qr::alignment_centers(32);
    ASSERT_EQ(v32.size(), 6u);
    EXPECT_EQ(v32[1], 34);  // the one version whose first gap (28) is wider than the rest (26)
    EXPECT_EQ(v32[5], 138);
    for (int v = 2; v <= 40; ++v) {
        const auto c = cccd::qr::alignment_centers(v);
        ASSERT_EQ(c.size(), static_cast<size_t>(v / 7 + 2)) << v;
        EXPECT_EQ(c.front(), 6);
        EXPECT_EQ(c.back(), cccd::qr::symbol_size(v) - 7) << v;  // in line with the finders' centres
        // Evenly spaced by an even step after the first gap, which differs in some versions.
        for (size_t i = 2; i < c.size(); ++i) {
            EXPECT_EQ(c[i] - c[i - 1], c[2] - c[1]) << v;
            EXPECT_EQ((c[i] - c[i - 1]) % 2, 0) << v;
        }
    }
}

TEST(Tables, CharacterCountBitsFollowTable3) {
    using cccd::qr::DataMode;
    // Numeric, alphanumeric, byte, kanji (Table 3), and GB/T 18284's hanzi, as long as kanji's.
    const int expected[5][3] = {{10, 12, 14}, {9, 11, 13}, {8, 16, 16}, {8, 10, 12}, {8, 10, 12}};
    const int versions[3][2] = {{1, 9}, {10, 26}, {27, 40}};
    for (int m = 0; m < 5; ++m)
        for (int band = 0; band < 3; ++band)
            for (int v : versions[band]) {
                EXPECT_EQ(cccd::qr::char_count_bits(static_cast<DataMode>(m), v), expected[m][band]) << m << " " << v;
            }
}

TEST(Tables, AlphanumericCharactersFollowTable5) {
    EXPECT_EQ(cccd::qr::kAlphanumericChars[0], '0');
    EXPECT_EQ(cccd::qr::kAlphanumericChars[10], 'A');
    EXPECT_EQ(cccd::qr::kAlphanumericChars[35], 'Z');
    EXPECT_EQ(std::string(cccd::qr::kAlphanumericChars.begin() + 36, cccd::qr::kAlphanumericChars.end()), " $%*+-./:");
}

}  // namespace
