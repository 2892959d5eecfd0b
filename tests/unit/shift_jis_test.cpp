// Tests for src/qr/text/shift_jis.cpp and its generated table: JIS X 0208 characters, the cp932 extensions,
// single-byte katakana, and undefined codes.
#include "qr/text/shift_jis.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

std::string decode(const std::vector<uint8_t>& bytes, bool* clean = nullptr) {
    std::string out;
    const bool ok = cccd::qr::append_shift_jis(out, bytes);
    if (clean) *clean = ok;
    return out;
}

TEST(ShiftJis, DoubleByteCharacters) {
    EXPECT_EQ(cccd::qr::shift_jis_char(0x8140), U'\u3000');  // ideographic space, first code
    EXPECT_EQ(cccd::qr::shift_jis_char(0x935F), U'点');
    EXPECT_EQ(cccd::qr::shift_jis_char(0xE4AA), U'茗');
    EXPECT_EQ(cccd::qr::shift_jis_char(0x889F), U'亜');      // first level-1 kanji
    EXPECT_EQ(cccd::qr::shift_jis_char(0xEAA4), U'熙');      // last JIS X 0208 kanji
    EXPECT_EQ(cccd::qr::shift_jis_char(0x82A0), U'あ');
    EXPECT_EQ(cccd::qr::shift_jis_char(0x8160), U'\u301C');  // JIS X 0208 wave dash, not cp932's U+FF5E
    EXPECT_EQ(cccd::qr::shift_jis_char(0x8740), U'①');      // NEC row 13, from cp932
    EXPECT_EQ(cccd::qr::shift_jis_char(0xED40), U'纊');      // NEC-selected IBM extension, from cp932
}

TEST(ShiftJis, UndefinedCodes) {
    EXPECT_EQ(cccd::qr::shift_jis_char(0x85A0), 0u);  // lead 0x85 is empty
    EXPECT_EQ(cccd::qr::shift_jis_char(0xEBBF), 0u);
    EXPECT_EQ(cccd::qr::shift_jis_char(0xF040), 0u);  // user-defined (private use) area
    EXPECT_EQ(cccd::qr::shift_jis_char(0x817F), 0u);  // trail 0x7F is never used
    EXPECT_EQ(cccd::qr::shift_jis_char(0x81FD), 0u);
    EXPECT_EQ(cccd::qr::shift_jis_char(0x0041), 0u);
}

TEST(ShiftJis, MixedSingleAndDoubleBytes) {
    bool clean = false;
    EXPECT_EQ(decode({'A', 0x93, 0xFA, 0x96, 0x7B, 0xB1, 0xDF, '\\', '~'}, &clean), "A日本ｱﾟ\\~");
    EXPECT_TRUE(clean);
}

TEST(ShiftJis, BadBytesBecomeReplacementAndAsciiSurvives) {
    bool clean = true;
    EXPECT_EQ(decode({0x93}, &clean), "\xEF\xBF\xBD");  // truncated
    EXPECT_FALSE(clean);
    EXPECT_EQ(decode({0x93, '\n'}, &clean), "\xEF\xBF\xBD\n");  // 0x0A is no trail byte
    EXPECT_EQ(decode({0x93, 'A'}, &clean), "鄭");                    // but 0x41 is
    EXPECT_EQ(decode({0x80, 0xA0, 0xFD}, &clean), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    EXPECT_EQ(decode({0xF0, 0x40}, &clean), "\xEF\xBF\xBD" "@");
    EXPECT_EQ(decode({0x85, 0xA0}, &clean), "\xEF\xBF\xBD");
}

TEST(ShiftJis, WellFormedMeansEveryByteIsPartOfADefinedCharacter) {
    using V = std::vector<uint8_t>;
    EXPECT_TRUE(cccd::qr::well_formed_shift_jis(V{'A', 0x93, 0xFA, 0x96, 0x7B, 0xB1, 0xDF, '\\', '~'}));
    EXPECT_TRUE(cccd::qr::well_formed_shift_jis(V{}));
    EXPECT_TRUE(cccd::qr::well_formed_shift_jis(V{'F', 'r', 'a', 'n', 0xE7, 'a', 'i', 's'}));  // E7 61 is a kanji
    for (const V& bad : {V{0x93}, V{0x93, '\n'}, V{0x80}, V{0xA0}, V{0xFD}, V{0xF0, 0x40}, V{0x85, 0xA0},
                         V{'M', 0xFC, 'n'}, V{0xE9}}) {
        EXPECT_FALSE(cccd::qr::well_formed_shift_jis(bad));
    }
}

}  // namespace
