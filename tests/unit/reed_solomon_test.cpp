// Tests for src/qr/grid/reed_solomon.cpp: every error pattern within capacity is corrected exactly, for block
// shapes from the smallest to the largest QR block; beyond capacity the decoder refuses (or, rarely and
// unavoidably, lands on another codeword, which it then must truly be).
#include "qr/grid/reed_solomon.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <vector>

namespace {

using cccd::qr::rs_correct;
using cccd::qr::rs_encode;

std::vector<uint8_t> random_codeword(std::mt19937& rng, int total, int ec) {
    std::uniform_int_distribution<int> byte(0, 255);
    std::vector<uint8_t> block(static_cast<size_t>(total));
    for (int i = 0; i < total - ec; ++i) block[static_cast<size_t>(i)] = static_cast<uint8_t>(byte(rng));
    rs_encode(std::span<const uint8_t>(block.data(), static_cast<size_t>(total - ec)),
              std::span<uint8_t>(block.data() + total - ec, static_cast<size_t>(ec)));
    return block;
}

// Changes `count` distinct codewords to different values.
void inject(std::mt19937& rng, std::vector<uint8_t>& block, int count) {
    std::set<size_t> where;
    std::uniform_int_distribution<size_t> pos(0, block.size() - 1);
    std::uniform_int_distribution<int> delta(1, 255);
    while (where.size() < static_cast<size_t>(count)) where.insert(pos(rng));
    for (size_t p : where) block[p] = static_cast<uint8_t>(block[p] ^ delta(rng));
}

int distance(const std::vector<uint8_t>& a, const std::vector<uint8_t>& b) {
    int d = 0;
    for (size_t i = 0; i < a.size(); ++i) d += a[i] != b[i];
    return d;
}

struct Shape {
    int total;
    int ec;
};
// v1-L, v1-H, v5-Q (long block), v10-H, v40-M, v40-L, v38-L (the longest QR block: 123 + 30), and a
// full-length code.
const Shape kShapes[] = {{26, 7}, {26, 17}, {34, 18}, {43, 28}, {75, 28}, {149, 30}, {153, 30}, {255, 32}};

TEST(ReedSolomon, FieldIsGf256WithPrimitive0x11D) {
    EXPECT_EQ(cccd::qr::gf_exp(0), 1);
    EXPECT_EQ(cccd::qr::gf_exp(8), 0x1D);  // a^8 = a^4 + a^3 + a^2 + 1
    EXPECT_EQ(cccd::qr::gf_exp(255), 1);
    std::set<int> seen;
    for (int i = 0; i < 255; ++i) seen.insert(cccd::qr::gf_exp(i));
    EXPECT_EQ(seen.size(), 255u);  // a is primitive
    for (int a = 1; a < 256; ++a) EXPECT_EQ(cccd::qr::gf_mul(static_cast<uint8_t>(a), 1), a);
    EXPECT_EQ(cccd::qr::gf_mul(0x80, 2), 0x1D);
}

TEST(ReedSolomon, EncoderMatchesAKnownBlock) {
    // ISO/IEC 18004:2015 Annex I example, version 1-M "01234567": data codewords and their 10 EC codewords.
    const std::vector<uint8_t> data{0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11,
                                    0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11};
    std::vector<uint8_t> ec(10);
    rs_encode(data, ec);
    EXPECT_EQ(ec, (std::vector<uint8_t>{0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55}));
}

TEST(ReedSolomon, CleanBlockNeedsNoCorrection) {
    std::mt19937 rng(1);
    for (const Shape s : kShapes) {
        auto block = random_codeword(rng, s.total, s.ec);
        const auto copy = block;
        const auto r = rs_correct(block, s.ec, s.ec / 2);
        EXPECT_TRUE(r.ok);
        EXPECT_EQ(r.corrected, 0);
        EXPECT_EQ(block, copy);
    }
}

TEST(ReedSolomon, CorrectsEveryErrorCountUpToCapacity) {
    std::mt19937 rng(2);
    for (const Shape s : kShapes) {
        const int t = s.ec / 2;
        for (int errors = 1; errors <= t; ++errors) {
            for (int trial = 0; trial < 40; ++trial) {
                const auto original = random_codeword(rng, s.total, s.ec);
                auto block = original;
                inject(rng, block, errors);
                const auto r = rs_correct(block, s.ec, t);
                ASSERT_TRUE(r.ok) << s.total << "/" << s.ec << " with " << errors << " errors";
                EXPECT_EQ(r.corrected, errors);
                ASSERT_EQ(block, original);
            }
        }
    }
}

TEST(ReedSolomon, ErrorsInTheCheckCodewordsOnlyAreCorrectedToo) {
    std::mt19937 rng(3);
    const auto original = random_codeword(rng, 44, 28);
    auto block = original;
    for (int i = 0; i < 14; ++i) block[static_cast<size_t>(16 + i)] ^= 0x5A;
    const auto r = rs_correct(block, 28, 14);
    EXPECT_TRUE(r.ok);
    EXPECT_EQ(block, original);
}

TEST(ReedSolomon, BeyondCapacityFailsCleanlyAndNeverLies) {
    std::mt19937 rng(4);
    for (const Shape s : kShapes) {
        const int t = s.ec / 2;
        int trials = 0, refused = 0;
        for (int errors : {t + 1, t + 2, t + 5, s.ec, s.total / 2}) {
            if (errors > s.total) continue;
            for (int trial = 0; trial < 200; ++trial) {
                const auto original = random_codeword(rng, s.total, s.ec);
                auto block = original;
                inject(rng, block, errors);
                const auto received = block;
                const auto r = rs_correct(block, s.ec, t);
                ++trials;
                if (!r.ok) {
                    ++refused;
                    ASSERT_EQ(block, received) << "a refused block must be left as it was";
                    continue;
                }
                // Accepted: only possible by landing on another codeword within t of what was received.
                EXPECT_NE(block, original);
                EXPECT_EQ(distance(block, received), r.corrected);
                EXPECT_LE(r.corrected, t);
                auto again = block;
                EXPECT_EQ(rs_correct(again, s.ec, t).corrected, 0) << "an accepted block must be a codeword";
            }
        }
        EXPECT_GE(refused * 100, trials * 99) << s.total << "/" << s.ec << ": refused " << refused << " of " << trials;
    }
}

TEST(ReedSolomon, LimitBelowHalfTheCheckCodewordsIsHonoured) {
    // Misdecode protection (Table 9 note): v1-L corrects at most 2 of its 7 check codewords' worth.
    std::mt19937 rng(5);
    const auto original = random_codeword(rng, 26, 7);
    auto block = original;
    inject(rng, block, 3);
    const auto received = block;
    EXPECT_FALSE(rs_correct(block, 7, 2).ok);
    EXPECT_EQ(block, received);
    EXPECT_TRUE(rs_correct(block, 7, 3).ok);
    EXPECT_EQ(block, original);
}

TEST(ReedSolomon, RejectsImpossibleShapes) {
    std::vector<uint8_t> block(10, 0);
    EXPECT_FALSE(rs_correct(block, 0, 0).ok);
    EXPECT_FALSE(rs_correct(block, 10, 5).ok);
    std::vector<uint8_t> tooLong(256, 0);
    EXPECT_FALSE(rs_correct(tooLong, 10, 5).ok);
}

// Erasures: codewords known to be unreliable cost half an error each (2 t + e <= ec). Some erased codewords
// are left right (a reader erases what it doubts, not only what is wrong).
TEST(ReedSolomon, CorrectsErrorsAndErasuresUpToCapacity) {
    std::mt19937 rng(7);
    for (const auto& [total, ec] : {std::pair{26, 10}, {44, 18}, {100, 26}, {153, 30}}) {
        for (int erased = 1; erased <= ec; ++erased) {
            const int errors = (ec - erased) / 2;
            for (int trial = 0; trial < 20; ++trial) {
                const std::vector<uint8_t> good = random_codeword(rng, total, ec);
                std::vector<uint8_t> block = good;
                std::vector<int> all(static_cast<size_t>(total));
                for (int i = 0; i < total; ++i) all[static_cast<size_t>(i)] = i;
                std::shuffle(all.begin(), all.end(), rng);
                const std::vector<int> erasures(all.begin(), all.begin() + erased);
                std::uniform_int_distribution<int> delta(1, 255);
                for (int k = 0; k < erased; ++k)  // about half the erased codewords really are wrong
                    if (k % 2 == 0) block[static_cast<size_t>(erasures[static_cast<size_t>(k)])] ^= static_cast<uint8_t>(delta(rng));
                for (int k = erased; k < erased + errors; ++k)  // errors elsewhere
                    block[static_cast<size_t>(all[static_cast<size_t>(k)])] ^= static_cast<uint8_t>(delta(rng));
                const auto r = rs_correct(block, ec, ec / 2, erasures);
                ASSERT_TRUE(r.ok) << total << "/" << ec << " erased " << erased << " errors " << errors;
                EXPECT_EQ(block, good);
                EXPECT_EQ(r.corrected, (erased + 1) / 2 + errors);
            }
        }
    }
}

TEST(ReedSolomon, ErasuresBeyondCapacityFailAndLeaveTheBlock) {
    std::mt19937 rng(8);
    const int total = 44, ec = 18;
    for (int trial = 0; trial < 200; ++trial) {
        const std::vector<uint8_t> good = random_codeword(rng, total, ec);
        std::vector<uint8_t> block = good;
        // 10 erasures, all wrong, and 5 errors elsewhere: 2 * 5 + 10 = 20 > 18.
        std::vector<int> erasures;
        for (int i = 0; i < 10; ++i) erasures.push_back(2 * i), block[static_cast<size_t>(2 * i)] ^= 0x5A;
        for (int i = 0; i < 5; ++i) block[static_cast<size_t>(21 + 2 * i)] ^= static_cast<uint8_t>(1 + trial % 200);
        const std::vector<uint8_t> received = block;
        const auto r = rs_correct(block, ec, ec / 2, erasures);
        if (r.ok) {
            EXPECT_NE(block, good);  // landed on another codeword: it must truly be one
            std::vector<uint8_t> check = block;
            EXPECT_TRUE(rs_correct(check, ec, 0).ok);
        } else {
            EXPECT_EQ(block, received);
        }
    }
    // More erasures than the budget allows are refused outright.
    std::vector<uint8_t> block = random_codeword(rng, total, ec);
    block[0] ^= 1;
    const std::vector<int> tooMany{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    EXPECT_FALSE(rs_correct(block, ec, 5, tooMany).ok);  // 12 > 2 * 5
    const std::vector<int> outside{0, 44};
    EXPECT_FALSE(rs_correct(block, ec, ec / 2, outside).ok);
}

// Generalized minimum distance decoding tries one block with fewer and fewer erasures (grid_decoder.cpp) and
// computes its syndromes once: a failed try leaves the block as it was, so each try with the syndromes given
// must agree with a call that computes them, in outcome and in the block it leaves.
TEST(ReedSolomon, TriesWithSyndromesComputedOnceMatchSeparateCalls) {
    std::mt19937 rng(9);
    int corrected = 0, refused = 0;
    for (const auto& [total, ec] : {std::pair{26, 10}, {44, 18}, {100, 26}, {153, 30}}) {
        for (int trial = 0; trial < 60; ++trial) {
            const std::vector<uint8_t> good = random_codeword(rng, total, ec);
            std::vector<uint8_t> block = good;
            inject(rng, block, ec / 2 + 1 + trial % 4);  // beyond errors alone
            std::vector<int> order(static_cast<size_t>(total));
            for (int i = 0; i < total; ++i) order[static_cast<size_t>(i)] = i;
            std::shuffle(order.begin(), order.end(), rng);
            if (trial % 2 == 0)  // the wrong codewords least sure, as a good reader would have them
                std::stable_partition(order.begin(), order.end(), [&](int i) { return block[static_cast<size_t>(i)] != good[static_cast<size_t>(i)]; });
            const cccd::qr::RsSyndromes once = cccd::qr::rs_syndromes(block, ec);
            ASSERT_EQ(once.count, ec);
            EXPECT_FALSE(once.zero);
            for (int e = ec - 2; e >= 0; e -= 2) {
                const std::span<const int> erasures(order.data(), static_cast<size_t>(e));
                std::vector<uint8_t> a = block, b = block;
                const auto ra = rs_correct(a, ec, ec / 2 - 1, erasures);
                const auto rb = rs_correct(b, ec, ec / 2 - 1, erasures, once);
                ASSERT_EQ(ra.ok, rb.ok) << total << "/" << ec << " erased " << e;
                EXPECT_EQ(ra.corrected, rb.corrected);
                EXPECT_EQ(a, b);
                if (rb.ok) {
                    ++corrected;
                    break;
                }
                ++refused;
                EXPECT_EQ(b, block);  // left as it was: the syndromes still hold for the next try
            }
        }
    }
    EXPECT_GT(corrected, 0);  // both outcomes were exercised
    EXPECT_GT(refused, 0);
    // Syndromes of another shape are refused rather than misread.
    std::vector<uint8_t> block = random_codeword(rng, 44, 18);
    block[3] ^= 7;
    EXPECT_FALSE(rs_correct(block, 18, 9, {}, cccd::qr::rs_syndromes(block, 16)).ok);
    EXPECT_TRUE(rs_correct(block, 18, 9, {}, cccd::qr::rs_syndromes(block, 18)).ok);
}

}  // namespace
