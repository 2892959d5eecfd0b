// Tests for src/cccd/utf8.cpp: strict UTF-8 decoding (RFC 3629) and encoding.
#include "cccd/utf8.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using cccd::decode_utf8;
using cccd::encode_utf8;

struct DecodeCase {
    const char* name;
    std::string bytes;
    std::u32string expected;  // ignored when !valid
    bool valid;
};

// Test names in ctest/gtest output show the case name, not the bytes of the struct.
void PrintTo(const DecodeCase& c, std::ostream* os) { *os << c.name; }

std::vector<DecodeCase> decode_cases() {
    return {
        {"Empty", "", U"", true},
        {"Ascii", "Nguyen|123", U"Nguyen|123", true},
        {"NulIsAValidCodePoint", std::string("a\0b", 3), std::u32string(U"a\0b", 3), true},
        {"TwoByteLatin1", "\xC3\xA0", U"\u00E0", true},                     // à
        {"TwoByteDStroke", "\xC4\x90", U"\u0110", true},                    // Đ
        {"ThreeByteVietnamese", "\xE1\xBB\x85", U"\u1EC5", true},           // ễ
        {"VietnameseWord", "Nguy\xE1\xBB\x85n", U"Nguy\u1EC5n", true},
        {"FourByteEmoji", "\xF0\x9F\x98\x80", U"\U0001F600", true},
        {"LargestTwoByte", "\xDF\xBF", U"\u07FF", true},
        {"SmallestThreeByte", "\xE0\xA0\x80", U"\u0800", true},
        {"LastBeforeSurrogates", "\xED\x9F\xBF", U"\uD7FF", true},
        {"FirstAfterSurrogates", "\xEE\x80\x80", U"\uE000", true},
        {"Bom", "\xEF\xBB\xBF", U"\uFEFF", true},
        {"MaxCodePoint", "\xF4\x8F\xBF\xBF", U"\U0010FFFF", true},
        {"LoneContinuationByte", "\x80", U"", false},
        {"ContinuationAfterAscii", "a\xBF", U"", false},
        {"OverlongSlash2Bytes", "\xC0\xAF", U"", false},
        {"OverlongNul2Bytes", "\xC0\x80", U"", false},
        {"OverlongC1Lead", "\xC1\xBF", U"", false},
        {"Overlong3Bytes", "\xE0\x80\xAF", U"", false},
        {"Overlong3BytesJustBelow0800", "\xE0\x9F\xBF", U"", false},
        {"Overlong4Bytes", "\xF0\x8F\xBF\xBF", U"", false},
        {"HighSurrogate", "\xED\xA0\x80", U"", false},
        {"LowSurrogate", "\xED\xBF\xBF", U"", false},
        {"AboveMaxCodePoint", "\xF4\x90\x80\x80", U"", false},
        {"F5Lead", "\xF5\x80\x80\x80", U"", false},
        {"F8Lead", "\xF8\x88\x80\x80\x80", U"", false},
        {"FFByte", "\xFF", U"", false},
        {"FEByte", "a\xFE", U"", false},
        {"TruncatedTwoByteAtEnd", "abc\xC3", U"", false},
        {"TruncatedThreeByteAtEnd", "Nguy\xE1\xBB", U"", false},
        {"TruncatedFourByteAtEnd", "\xF0\x9F\x98", U"", false},
        {"LeadFollowedByAscii", "\xC3" "A", U"", false},
        {"ThreeByteInterruptedByAscii", "\xE1\xBB" "x", U"", false},
        {"Latin1EncodedText", "Caf\xE9", U"", false},  // "Café" in Latin-1, not UTF-8
    };
}

class DecodeUtf8 : public testing::TestWithParam<DecodeCase> {};

TEST_P(DecodeUtf8, DecodesOrRejects) {
    const DecodeCase& c = GetParam();
    const auto got = decode_utf8(c.bytes);
    EXPECT_EQ(got.has_value(), c.valid);
    EXPECT_EQ(cccd::is_valid_utf8(c.bytes), c.valid);
    if (c.valid && got) {
        EXPECT_EQ(*got, c.expected);
    }
}

INSTANTIATE_TEST_SUITE_P(Table, DecodeUtf8, testing::ValuesIn(decode_cases()),
                         [](const testing::TestParamInfo<DecodeCase>& i) { return std::string(i.param.name); });

struct EncodeCase {
    const char* name;
    char32_t cp;
    std::string expected;
};

TEST(EncodeUtf8, EncodesEachLengthClassAtItsBoundaries) {
    const std::vector<EncodeCase> cases = {
        {"Nul", U'\0', std::string(1, '\0')},
        {"LastAscii", 0x7F, "\x7F"},
        {"FirstTwoByte", 0x80, "\xC2\x80"},
        {"DStroke", 0x0110, "\xC4\x90"},
        {"LastTwoByte", 0x7FF, "\xDF\xBF"},
        {"FirstThreeByte", 0x800, "\xE0\xA0\x80"},
        {"VietnameseEWithCircumflexAndTilde", 0x1EC5, "\xE1\xBB\x85"},
        {"ReplacementCharacter", 0xFFFD, "\xEF\xBF\xBD"},
        {"LastThreeByte", 0xFFFF, "\xEF\xBF\xBF"},
        {"FirstFourByte", 0x10000, "\xF0\x90\x80\x80"},
        {"MaxCodePoint", 0x10FFFF, "\xF4\x8F\xBF\xBF"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        std::string out = "x";
        cccd::append_utf8(out, c.cp);
        EXPECT_EQ(out, "x" + c.expected) << "append_utf8 must append, not replace";
        EXPECT_EQ(encode_utf8(std::u32string(1, c.cp)), c.expected);
    }
}

TEST(EncodeUtf8, RoundTripsEveryScalarValueInSampledRanges) {
    std::u32string all;
    for (char32_t cp = 0; cp < 0x3000; ++cp) all.push_back(cp);
    for (char32_t cp = 0xE000; cp < 0x10000; cp += 7) all.push_back(cp);
    for (char32_t cp = 0x10000; cp <= 0x10FFFF; cp += 4099) all.push_back(cp);
    all.push_back(0x10FFFF);
    const std::string bytes = encode_utf8(all);
    const auto back = decode_utf8(bytes);
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(*back, all);
}

TEST(EncodeUtf8, VietnameseNameRoundTripsByteForByte) {
    const std::string name = "Nguyễn Thị Ánh Đào";
    const auto cps = decode_utf8(name);
    ASSERT_TRUE(cps.has_value());
    EXPECT_EQ(cps->size(), 18u);  // code points, not bytes
    EXPECT_EQ(encode_utf8(*cps), name);
}

TEST(IsAscii, TrueOnlyWhenEveryByteIsBelow0x80) {
    EXPECT_TRUE(cccd::is_ascii(""));
    EXPECT_TRUE(cccd::is_ascii("001085012345|Nguyen Van An"));
    EXPECT_TRUE(cccd::is_ascii(std::string("\0\x7F", 2)));
    EXPECT_FALSE(cccd::is_ascii("Nguy\xE1\xBB\x85n"));
    EXPECT_FALSE(cccd::is_ascii("abc\x80"));
    EXPECT_FALSE(cccd::is_ascii("\xFF"));
}

}  // namespace
