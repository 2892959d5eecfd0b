// Tests for src/qr/grid/format.cpp: every format and version codeword decodes with up to 3 bit errors (all
// error patterns, exhaustively); 4+ errors never decode silently to a wrong value at a false distance.
#include "qr/grid/format.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <set>
#include <utility>
#include <vector>

namespace {

using cccd::qr::EcLevel;

// Every bit pattern of `width` bits with exactly `weight` ones.
std::vector<uint32_t> patterns(int width, int weight) {
    std::vector<uint32_t> out;
    for (uint32_t p = 0; p < (1u << width); ++p)
        if (std::popcount(p) == weight) out.push_back(p);
    return out;
}

TEST(Format, KnownCodewordsOfAnnexC) {
    EXPECT_EQ(cccd::qr::format_codeword(EcLevel::M, 0), 0x5412u);  // data 00000: only the mask remains
    EXPECT_EQ(cccd::qr::format_codeword(EcLevel::L, 0), 0x77C4u);  // 111011111000100
    EXPECT_EQ(cccd::qr::format_codeword(EcLevel::H, 7), 0x083Bu);  // 000100000111011
}

TEST(Format, AllCodewordsAreDistinctAndAtLeast7Apart) {
    std::vector<uint32_t> all;
    for (int l = 0; l < 4; ++l)
        for (int m = 0; m < 8; ++m) all.push_back(cccd::qr::format_codeword(static_cast<EcLevel>(l), m));
    for (size_t i = 0; i < all.size(); ++i)
        for (size_t j = i + 1; j < all.size(); ++j) EXPECT_GE(std::popcount(all[i] ^ all[j]), 7);
}

TEST(Format, DecodesEveryCodewordWithUpTo3BitErrors) {
    for (int l = 0; l < 4; ++l) {
        for (int m = 0; m < 8; ++m) {
            const auto level = static_cast<EcLevel>(l);
            const uint32_t cw = cccd::qr::format_codeword(level, m);
            for (int errors = 0; errors <= 3; ++errors) {
                for (uint32_t flip : patterns(15, errors)) {
                    const auto f = cccd::qr::decode_format_bits(cw ^ flip);
                    ASSERT_TRUE(f.has_value());
                    EXPECT_EQ(f->level, level);
                    EXPECT_EQ(f->mask, m);
                    EXPECT_EQ(f->bitErrors, errors);
                }
            }
        }
    }
}

TEST(Format, FourOrMoreErrorsFailOrNameTheNearestCodewordHonestly) {
    int refused = 0, nearest = 0;
    for (int l = 0; l < 4; ++l) {
        for (int m = 0; m < 8; ++m) {
            const uint32_t cw = cccd::qr::format_codeword(static_cast<EcLevel>(l), m);
            for (int errors = 4; errors <= 6; ++errors) {
                for (uint32_t flip : patterns(15, errors)) {
                    const auto f = cccd::qr::decode_format_bits(cw ^ flip);
                    if (!f) {
                        ++refused;
                        continue;
                    }
                    ++nearest;
                    // Not the original (it is 4+ away); the one named really is that close.
                    EXPECT_FALSE(f->level == static_cast<EcLevel>(l) && f->mask == m);
                    EXPECT_EQ(std::popcount((cw ^ flip) ^ cccd::qr::format_codeword(f->level, f->mask)), f->bitErrors);
                    EXPECT_LE(f->bitErrors, 3);
                }
            }
        }
    }
    EXPECT_GT(refused, 0);
    EXPECT_GT(nearest, 0);  // a 15-bit code cannot tell 4 errors from 3 on the other side
}

TEST(Format, VersionCodewordsOfAnnexD) {
    EXPECT_EQ(cccd::qr::version_codeword(7), 0x07C94u);
    EXPECT_EQ(cccd::qr::version_codeword(40), 0x28C69u);
}

TEST(Format, DecodesEveryVersionCodewordWithUpTo3BitErrors) {
    for (int v = 7; v <= 40; ++v) {
        const uint32_t cw = cccd::qr::version_codeword(v);
        for (int errors = 0; errors <= 3; ++errors) {
            for (uint32_t flip : patterns(18, errors)) {
                const auto info = cccd::qr::decode_version_bits(cw ^ flip);
                ASSERT_TRUE(info.has_value()) << v;
                EXPECT_EQ(info->version, v);
                EXPECT_EQ(info->bitErrors, errors);
            }
        }
    }
}

TEST(Format, VersionWithFourErrorsIsNeverConfused) {
    // Minimum distance 8: four errors are never within 3 of another codeword.
    for (int v = 7; v <= 40; ++v) {
        const uint32_t cw = cccd::qr::version_codeword(v);
        for (uint32_t flip : patterns(18, 4)) EXPECT_FALSE(cccd::qr::decode_version_bits(cw ^ flip).has_value());
    }
    EXPECT_FALSE(cccd::qr::decode_version_bits(0).has_value());  // versions 1-6 have no codeword
}

TEST(Format, PositionsAreDistinctAndBothCopiesRoundTrip) {
    for (int size : {21, 45, 177}) {
        std::set<std::pair<int, int>> used;
        for (int copy = 0; copy < 2; ++copy)
            for (const auto p : cccd::qr::format_positions(size, copy)) used.insert({p.x, p.y});
        EXPECT_EQ(used.size(), 30u);
        for (int copy = 0; copy < 2; ++copy)
            for (const auto p : cccd::qr::version_positions(size, copy)) used.insert({p.x, p.y});
        EXPECT_EQ(used.size(), 66u);

        auto grid = cccd::qr::ModuleGrid::blank(size);
        const uint32_t f = cccd::qr::format_codeword(EcLevel::Q, 5);
        const auto copy1 = cccd::qr::format_positions(size, 1);
        for (size_t i = 0; i < copy1.size(); ++i) grid.set(copy1[i].x, copy1[i].y, (f >> i) & 1);
        EXPECT_EQ(cccd::qr::read_format_bits(grid, 1), f);
        EXPECT_EQ(cccd::qr::read_format_bits(grid, 0), 0u);
        const uint32_t v = cccd::qr::version_codeword(23);
        const auto vcopy0 = cccd::qr::version_positions(size, 0);
        for (size_t i = 0; i < vcopy0.size(); ++i) grid.set(vcopy0[i].x, vcopy0[i].y, (v >> i) & 1);
        EXPECT_EQ(cccd::qr::read_version_bits(grid, 0), v);
    }
}

TEST(Format, CopiesSitWhereFigure25AndFigure27PutThem) {
    const auto c0 = cccd::qr::format_positions(21, 0);
    EXPECT_EQ(c0[0].x, 8);   // bit 0 at the top of column 8
    EXPECT_EQ(c0[0].y, 0);
    EXPECT_EQ(c0[14].x, 0);  // bit 14 at the left end of row 8
    EXPECT_EQ(c0[14].y, 8);
    const auto c1 = cccd::qr::format_positions(21, 1);
    EXPECT_EQ(c1[0].x, 20);  // bit 0 at the right end of row 8
    EXPECT_EQ(c1[14].y, 20);  // bit 14 at the bottom of column 8
    const auto v0 = cccd::qr::version_positions(45, 0);
    EXPECT_EQ(v0[0].x, 0);
    EXPECT_EQ(v0[0].y, 34);  // size - 11
    EXPECT_EQ(v0[17].x, 5);
    EXPECT_EQ(v0[17].y, 36);
}

}  // namespace
