// Tests for src/qr/grid/grid_decoder.cpp on grids made by the test writer (tests/support/grid_writer.hpp):
// every failure path with its error and message, format/version damage within and beyond tolerance,
// codeword errors up to and beyond capacity, and mirrored grids. Round trips against independent
// encoders are in grid_roundtrip_test.cpp.
#include "qr/grid/grid_decoder.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "qr/grid/format.hpp"
#include "qr/text/utf8_text.hpp"
#include "support/bit_writer.hpp"
#include "support/grid_writer.hpp"

namespace {

using cccd::qr::EcLevel;
using cccd::qr::GridError;
using cccd::qr::ModuleGrid;
using cccd::testsupport::BitWriter;

BitWriter byte_stream(const std::string& text, int version) {
    BitWriter w;
    w.put(0b0100, 4).put(static_cast<uint32_t>(text.size()), version <= 9 ? 8 : 16);
    for (char c : text) w.put(static_cast<uint8_t>(c), 8);
    return w;
}

ModuleGrid make(int version, EcLevel level, int mask, const BitWriter& stream) {
    const auto n = static_cast<size_t>(cccd::qr::ec_blocks(version, level).dataCodewords());
    return cccd::testsupport::write_grid(version, level, mask, stream.codewords(n));
}
ModuleGrid make_text(int version, EcLevel level, int mask, const std::string& text) {
    return make(version, level, mask, byte_stream(text, version));
}

ModuleGrid transpose(const ModuleGrid& g) {
    ModuleGrid t = ModuleGrid::blank(g.size);
    for (int y = 0; y < g.size; ++y)
        for (int x = 0; x < g.size; ++x) t.set(y, x, g.dark(x, y));
    return t;
}

void flip(ModuleGrid& g, int x, int y) { g.set(x, y, !g.dark(x, y)); }

// The module holding bit 0 (most significant) of each codeword, in placement (interleaved) order.
std::vector<std::pair<int, int>> codeword_modules(int version) {
    std::vector<std::pair<int, int>> out;
    int bit = 0;
    const auto map = cccd::qr::function_module_map(version);
    cccd::qr::for_each_data_module(cccd::qr::symbol_size(version), map, [&](int x, int y) {
        if (bit % 8 == 0 && bit / 8 < cccd::qr::total_codewords(version)) out.push_back({x, y});
        ++bit;
    });
    return out;
}

TEST(GridDecoder, WriterRoundTripEveryVersionAndLevel) {
    for (int v = 1; v <= 40; ++v) {
        for (int l = 0; l < 4; ++l) {
            const auto level = static_cast<EcLevel>(l);
            // About half of the capacity: byte mode needs 12 bits (20 from version 10) before the data.
            const int capacity = (cccd::qr::ec_blocks(v, level).dataCodewords() * 8 - (v <= 9 ? 12 : 20)) / 8;
            std::string text = "v" + std::to_string(v) + " Nguyễn Văn A | 001099012345";
            while (static_cast<int>(text.size()) < capacity / 2) text += " " + text;
            text.resize(static_cast<size_t>(std::max(capacity / 2, 3)));
            while (!cccd::qr::valid_utf8(std::vector<uint8_t>(text.begin(), text.end()))) text.pop_back();
            const auto r = cccd::qr::decode_grid(make_text(v, level, (v + l) % 8, text));
            ASSERT_TRUE(r.ok()) << v << cccd::qr::ec_level_letter(level) << ": " << r.message;
            EXPECT_EQ(r.text, text);
            EXPECT_EQ(r.version, v);
            EXPECT_EQ(r.ecLevel, cccd::qr::ec_level_letter(level));
            EXPECT_EQ(r.mask, (v + l) % 8);
            EXPECT_EQ(r.correctedErrors, 0);
            EXPECT_FALSE(r.mirrored);
        }
    }
}

TEST(GridDecoder, BadSizes) {
    for (int size : {0, 20, 22, 23, 181}) {
        const auto r = cccd::qr::decode_grid(ModuleGrid::blank(size));
        EXPECT_EQ(r.error, GridError::bad_size) << size;
        EXPECT_FALSE(r.message.empty());
    }
    ModuleGrid wrongLength{21, std::vector<uint8_t>(20, 0)};
    EXPECT_EQ(cccd::qr::decode_grid(wrongLength).error, GridError::bad_size);
    EXPECT_EQ(cccd::qr::decode_grid(ModuleGrid{-3, {}}).error, GridError::bad_size);
}

TEST(GridDecoder, BlankGridHasNoFormatInformation) {
    const auto r = cccd::qr::decode_grid(ModuleGrid::blank(21));
    EXPECT_EQ(r.error, GridError::format_info);
    EXPECT_NE(r.message.find("format information"), std::string::npos);
}

TEST(GridDecoder, FormatInformationDamage) {
    const auto clean = make_text(3, EcLevel::Q, 6, "format");
    // Three bit errors in each copy: still read.
    auto three = clean;
    for (int copy = 0; copy < 2; ++copy) {
        const auto pos = cccd::qr::format_positions(clean.size, copy);
        for (int i : {0, 7, 14}) flip(three, pos[static_cast<size_t>(i)].x, pos[static_cast<size_t>(i)].y);
    }
    auto r = cccd::qr::decode_grid(three);
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_EQ(r.mask, 6);
    EXPECT_EQ(r.text, "format");

    // One copy destroyed: the other is enough.
    auto oneCopy = clean;
    for (const auto p : cccd::qr::format_positions(clean.size, 0)) oneCopy.set(p.x, p.y, false);
    EXPECT_TRUE(cccd::qr::decode_grid(oneCopy).ok());

    // Both destroyed: all light is at least 5 bits from every format codeword (thanks to the XOR mask).
    auto none = oneCopy;
    for (const auto p : cccd::qr::format_positions(clean.size, 1)) none.set(p.x, p.y, false);
    r = cccd::qr::decode_grid(none);
    EXPECT_EQ(r.error, GridError::format_info) << r.message;
}

TEST(GridDecoder, ClosestFormatCopyThatFailsFallsBackToTheOther) {
    auto g = make_text(2, EcLevel::M, 4, "fallback");
    // Copy 0 says mask 1 cleanly (wrong); copy 1 keeps mask 4 with one bit error.
    const uint32_t wrong = cccd::qr::format_codeword(EcLevel::M, 1);
    const auto pos0 = cccd::qr::format_positions(g.size, 0);
    for (size_t i = 0; i < pos0.size(); ++i) g.set(pos0[i].x, pos0[i].y, (wrong >> i) & 1);
    const auto pos1 = cccd::qr::format_positions(g.size, 1);
    flip(g, pos1[3].x, pos1[3].y);
    const auto r = cccd::qr::decode_grid(g);
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_EQ(r.mask, 4);
    EXPECT_EQ(r.text, "fallback");
}

TEST(GridDecoder, VersionInformation) {
    const auto clean = make_text(7, EcLevel::L, 2, "version seven");
    ASSERT_TRUE(cccd::qr::decode_grid(clean).ok());

    auto threeErrors = clean;  // three errors in each copy
    for (int copy = 0; copy < 2; ++copy) {
        const auto pos = cccd::qr::version_positions(clean.size, copy);
        for (int i : {1, 9, 17}) flip(threeErrors, pos[static_cast<size_t>(i)].x, pos[static_cast<size_t>(i)].y);
    }
    EXPECT_TRUE(cccd::qr::decode_grid(threeErrors).ok());

    auto oneCopy = clean;  // one copy unreadable
    for (const auto p : cccd::qr::version_positions(clean.size, 1)) oneCopy.set(p.x, p.y, true);
    EXPECT_TRUE(cccd::qr::decode_grid(oneCopy).ok());

    auto unreadable = oneCopy;
    for (const auto p : cccd::qr::version_positions(clean.size, 0)) unreadable.set(p.x, p.y, true);
    auto r = cccd::qr::decode_grid(unreadable);
    EXPECT_EQ(r.error, GridError::version_info);
    EXPECT_NE(r.message.find("version information"), std::string::npos);

    auto otherVersion = clean;  // both copies say version 9 on a 45-module grid
    const uint32_t nine = cccd::qr::version_codeword(9);
    for (int copy = 0; copy < 2; ++copy) {
        const auto pos = cccd::qr::version_positions(clean.size, copy);
        for (size_t i = 0; i < pos.size(); ++i) otherVersion.set(pos[i].x, pos[i].y, (nine >> i) & 1);
    }
    r = cccd::qr::decode_grid(otherVersion);
    EXPECT_EQ(r.error, GridError::version_info);
    EXPECT_NE(r.message.find("version 9"), std::string::npos) << r.message;
}

TEST(GridDecoder, CorrectsUpToCapacityAndRefusesBeyond) {
    // Version 1-H: one block of 9 data + 17 EC codewords; corrects 8 (Table 9, p = 1).
    const auto clean = make_text(1, EcLevel::H, 3, "capac");
    const auto cw = codeword_modules(1);
    ASSERT_EQ(cw.size(), 26u);
    for (int errors = 1; errors <= 8; ++errors) {
        auto g = clean;
        for (size_t i = 0; i < static_cast<size_t>(errors); ++i) flip(g, cw[i * 3].first, cw[i * 3].second);
        const auto r = cccd::qr::decode_grid(g);
        ASSERT_TRUE(r.ok()) << errors << ": " << r.message;
        EXPECT_EQ(r.correctedErrors, errors);
        EXPECT_EQ(r.text, "capac");
    }
    auto g = clean;
    for (size_t i = 0; i < 9; ++i) flip(g, cw[i * 2].first, cw[i * 2].second);
    const auto r = cccd::qr::decode_grid(g);
    EXPECT_EQ(r.error, GridError::too_many_errors);
    EXPECT_NE(r.message.find("block 1 of 1"), std::string::npos) << r.message;
    EXPECT_NE(r.message.find("mirrored"), std::string::npos) << r.message;
}

// Erasures: with a confidence per module (as sample_grid gives), a block with more wrong codewords than
// errors alone can correct reads when the wrong ones are the least sure; the check words kept unspent
// (kErasureSlack) bound how many.
TEST(GridDecoder, LeastSureCodewordsAreErased) {
    // Version 2-M: one block of 28 data + 16 EC codewords; 8 errors alone (Table 9, p = 0).
    const auto clean = make_text(2, EcLevel::M, 5, "erasures help blur");
    const auto cw = codeword_modules(2);
    ASSERT_EQ(cw.size(), 44u);
    const auto damaged = [&](int wrong, bool markTheWrongOnes) {
        auto g = clean;
        g.confidence.assign(g.modules.size(), 255);
        for (size_t i = 0; i < static_cast<size_t>(wrong); ++i) {
            flip(g, cw[i * 3].first, cw[i * 3].second);
            const auto [x, y] = markTheWrongOnes ? cw[i * 3] : cw[i * 3 + 1];
            g.confidence[static_cast<size_t>(y * g.size + x)] = 20;
        }
        return g;
    };
    for (int wrong = 9; wrong <= 12; ++wrong) {  // 2 (8 - 2) = 12 erasures with no error elsewhere
        const auto r = cccd::qr::decode_grid(damaged(wrong, true));
        ASSERT_TRUE(r.ok()) << wrong << ": " << r.message;
        EXPECT_EQ(r.text, "erasures help blur");
        EXPECT_EQ(r.erasureBlocks, 1);
        EXPECT_EQ(r.correctedErrors, wrong);
        auto unknown = damaged(wrong, true);
        unknown.confidence.clear();  // errors alone
        EXPECT_EQ(cccd::qr::decode_grid(unknown).error, GridError::too_many_errors) << wrong;
    }
    EXPECT_EQ(cccd::qr::decode_grid(damaged(13, true)).error, GridError::too_many_errors);  // past the slack
    EXPECT_EQ(cccd::qr::decode_grid(damaged(10, false)).error, GridError::too_many_errors);  // doubt misplaced
    // Within errors-only capacity nothing is erased.
    const auto few = cccd::qr::decode_grid(damaged(5, true));
    ASSERT_TRUE(few.ok());
    EXPECT_EQ(few.erasureBlocks, 0);
}

// Doubt in grades (generalized minimum distance decoding): erasing all 12 doubtful codewords spends the
// budget on two right ones and leaves the sure error over it; erasing half leaves five errors; ten
// erasures, the wrong ones, leave room for the one sure error.
TEST(GridDecoder, ErasesTheLeastSureTwoFewerAtATime) {
    const auto clean = make_text(2, EcLevel::M, 5, "erasures help blur");  // 16 EC: 2 t + e <= 2 (8 - 2)
    const auto cw = codeword_modules(2);
    ASSERT_EQ(cw.size(), 44u);
    auto g = clean;
    g.confidence.assign(g.modules.size(), 255);
    const auto doubt = [&](size_t k, uint8_t confidence) {
        g.confidence[static_cast<size_t>(cw[k].second * g.size + cw[k].first)] = confidence;
    };
    for (size_t i = 0; i < 10; ++i) {  // wrong and least sure
        flip(g, cw[i * 3].first, cw[i * 3].second);
        doubt(i * 3, 20);
    }
    doubt(31, 100);  // doubtful but right
    doubt(34, 100);
    flip(g, cw[40].first, cw[40].second);  // wrong but sure
    const auto r = cccd::qr::decode_grid(g);
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_EQ(r.text, "erasures help blur");
    EXPECT_EQ(r.correctedErrors, 11);
    EXPECT_EQ(r.erasureBlocks, 1);
}

TEST(GridDecoder, ErrorsSpreadOverManyBlocks) {
    // Version 20-Q: 15 + 5 blocks of 30 EC codewords: 15 errors in every block still decode.
    const int version = 20;
    const auto layout = cccd::qr::ec_blocks(version, EcLevel::Q);
    const std::string text(300, 'x');
    auto g = make_text(version, EcLevel::Q, 5, text);
    const auto cw = codeword_modules(version);
    // Interleaved EC codewords: the first 15 rounds of EC codewords hit each block 15 times.
    const size_t ecStart = static_cast<size_t>(layout.dataCodewords());
    const size_t blocks = static_cast<size_t>(layout.blocks());
    for (size_t i = 0; i < 15 * blocks; ++i) flip(g, cw[ecStart + i].first, cw[ecStart + i].second);
    auto r = cccd::qr::decode_grid(g);
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_EQ(r.correctedErrors, static_cast<int>(15 * blocks));
    EXPECT_EQ(r.text, text);
    // One more error in the first block is too many.
    flip(g, cw[ecStart + 15 * blocks].first, cw[ecStart + 15 * blocks].second);
    r = cccd::qr::decode_grid(g);
    EXPECT_EQ(r.error, GridError::too_many_errors);
}

TEST(GridDecoder, MirroredGridIsReadAndSaysSo) {
    for (int v : {1, 6, 7, 25}) {
        const auto g = make_text(v, EcLevel::M, v % 8, "mirror " + std::to_string(v));
        const auto r = cccd::qr::decode_grid(transpose(g));
        ASSERT_TRUE(r.ok()) << v << ": " << r.message;
        EXPECT_TRUE(r.mirrored);
        EXPECT_EQ(r.text, "mirror " + std::to_string(v));
    }
}

TEST(GridDecoder, BadBitstream) {
    BitWriter w;
    w.put(0b1110, 4).put(0, 20);  // no mode of ISO/IEC 18004 (or GB/T 18284) has indicator 1110
    const auto r = cccd::qr::decode_grid(make(2, EcLevel::L, 0, w));
    EXPECT_EQ(r.error, GridError::bad_bitstream);
    EXPECT_NE(r.message.find("mode indicator"), std::string::npos) << r.message;
    EXPECT_TRUE(r.text.empty());
}

TEST(GridDecoder, HanziModeThroughAGrid) {
    BitWriter w;  // GB/T 18284 Hanzi mode, subset GB 2312, "阿中" (0xB0A2, 0xD6D0)
    w.put(0b1101, 4).put(1, 4).put(2, 8).put(961, 13).put(0x30 * 0x60 + 0x2F, 13);
    const auto r = cccd::qr::decode_grid(make(2, EcLevel::L, 0, w));
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_EQ(r.text, "阿中");
    EXPECT_EQ(r.bytes, (std::vector<uint8_t>{0xB0, 0xA2, 0xD6, 0xD0}));
}

TEST(GridDecoder, EciFnc1AndStructuredAppendThroughAGrid) {
    BitWriter w;
    w.put(0b0011, 4).put(1, 4).put(2, 4).put(0x42, 8);  // symbol 2 of 3
    w.put(0b0111, 4).put(22, 8);                        // ECI 22: Windows-1251
    w.put(0b0101, 4);                                    // FNC1 first position
    w.put(0b0100, 4).put(3, 8).put(0xCF, 8).put(0xF0, 8).put(0xE8, 8);
    const auto r = cccd::qr::decode_grid(make(4, EcLevel::H, 7, w));
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_EQ(r.text, "При");
    EXPECT_EQ(r.bytes, (std::vector<uint8_t>{0xCF, 0xF0, 0xE8}));
    EXPECT_EQ(r.firstEci, 22);
    EXPECT_TRUE(r.fnc1);
    EXPECT_TRUE(r.structuredAppend.present);
    EXPECT_EQ(r.structuredAppend.index, 1);
    EXPECT_EQ(r.structuredAppend.count, 3);
    EXPECT_EQ(r.structuredAppend.parity, 0x42);
}

}  // namespace
