// Tests for src/qr/text/bitstream.cpp: every mode of Table 2, ECI designators and charsets, FNC1 in both
// positions, Structured Append, kanji, the terminator and padding, and truncated or malformed streams.
#include "qr/text/bitstream.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "qr/tables.hpp"
#include "support/bit_writer.hpp"

namespace {

using cccd::qr::DefaultCharset;
using cccd::qr::GridDecodeResult;
using cccd::qr::GridError;
using cccd::testsupport::BitWriter;

GridDecodeResult parse_bytes(const std::vector<uint8_t>& data, int version = 1) {
    GridDecodeResult r;
    cccd::qr::decode_bitstream(data, version, r);
    return r;
}
// The stream as a version-1 symbol would carry it: terminator and padding up to `codewords`.
GridDecodeResult parse(const BitWriter& w, int version = 1, size_t codewords = 19) {
    return parse_bytes(w.codewords(codewords), version);
}
std::vector<uint8_t> bytes_of(const std::string& s) { return {s.begin(), s.end()}; }

BitWriter& byte_segment(BitWriter& w, const std::vector<uint8_t>& bytes, int countBits = 8) {
    w.put(0b0100, 4).put(static_cast<uint32_t>(bytes.size()), countBits);
    for (uint8_t b : bytes) w.put(b, 8);
    return w;
}
BitWriter& eci(BitWriter& w, uint32_t designator) {
    w.put(0b0111, 4);
    if (designator < 128) return w.put(designator, 8);
    if (designator < 16384) return w.put(0b10, 2).put(designator, 14);
    return w.put(0b110, 3).put(designator, 21);
}

TEST(Bitstream, NumericGroupsOfThreeTwoAndOne) {
    BitWriter w;  // "01234567" (ISO/IEC 18004:2015 7.4.3 example)
    w.put(0b0001, 4).put(8, 10).put(12, 10).put(345, 10).put(67, 7);
    auto r = parse(w);
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_EQ(r.text, "01234567");
    EXPECT_EQ(r.bytes, bytes_of("01234567"));

    BitWriter one;  // "9875" ends in a single digit: 4 bits
    one.put(0b0001, 4).put(4, 10).put(987, 10).put(5, 4);
    r = parse(one);
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_EQ(r.text, "9875");
}

TEST(Bitstream, NumericGroupOutOfRangeIsRejected) {
    for (auto [digits, bits, value] : {std::tuple{3, 10, 1000}, {2, 7, 100}, {1, 4, 10}}) {
        BitWriter w;
        w.put(0b0001, 4).put(static_cast<uint32_t>(digits), 10).put(static_cast<uint32_t>(value), bits);
        const auto r = parse(w);
        EXPECT_EQ(r.error, GridError::bad_bitstream) << digits;
        EXPECT_NE(r.message.find("numeric"), std::string::npos);
        EXPECT_TRUE(r.text.empty());
    }
}

TEST(Bitstream, AlphanumericPairsAndSingle) {
    BitWriter w;  // "AC-42" (7.4.4 example): (A,C) = 10*45+12, (-,4) = 41*45+4, (2) = 2
    w.put(0b0010, 4).put(5, 9).put(462, 11).put(1849, 11).put(2, 6);
    const auto r = parse(w);
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_EQ(r.text, "AC-42");
    EXPECT_FALSE(r.fnc1);

    BitWriter bad;
    bad.put(0b0010, 4).put(2, 9).put(45 * 45, 11);
    EXPECT_EQ(parse(bad).error, GridError::bad_bitstream);
    BitWriter badSingle;
    badSingle.put(0b0010, 4).put(1, 9).put(45, 6);
    EXPECT_EQ(parse(badSingle).error, GridError::bad_bitstream);
}

TEST(Bitstream, PercentIsLiteralWithoutFnc1) {
    BitWriter w;  // "%%A"
    w.put(0b0010, 4).put(3, 9).put(38 * 45 + 38, 11).put(10, 6);
    const auto r = parse(w);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.text, "%%A");
}

TEST(Bitstream, ByteModeWithoutEciIsUtf8ShiftJisOrLatin1) {
    BitWriter utf8;
    byte_segment(utf8, bytes_of("Nguyễn"));
    auto r = parse(utf8);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.text, "Nguyễn");
    EXPECT_EQ(r.firstEci, -1);
    EXPECT_EQ(r.defaultCharset, DefaultCharset::utf8);
    EXPECT_FALSE(r.textLossy);

    BitWriter latin1;
    byte_segment(latin1, {0x43, 0x61, 0x66, 0xE9});
    r = parse(latin1);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.text, "Caf\xC3\xA9");
    EXPECT_EQ(r.bytes, (std::vector<uint8_t>{0x43, 0x61, 0x66, 0xE9}));
    EXPECT_EQ(r.defaultCharset, DefaultCharset::latin1);

    const std::vector<uint8_t> french = {'F', 'r', 'a', 'n', 0xE7, 'a', 'i', 's'};  // well-formed Shift_JIS too
    BitWriter fr;
    byte_segment(fr, french);
    r = parse(fr);
    EXPECT_EQ(r.text, "Français");
    EXPECT_EQ(r.defaultCharset, DefaultCharset::latin1);

    const std::vector<uint8_t> mobile = {'G', 'o', 'o', 'g', 'l', 'e', ' ', 0x83, 0x82, 0x83, 0x6F, 0x83, 0x43, 0x83, 0x8B};
    BitWriter sjis;
    byte_segment(sjis, mobile);
    r = parse(sjis);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.text, "Google モバイル");
    EXPECT_EQ(r.bytes, mobile);
    EXPECT_EQ(r.defaultCharset, DefaultCharset::shift_jis);
    EXPECT_FALSE(r.textLossy);

    const std::vector<uint8_t> halfwidth = {0xC3, 0xDE, 0xBB, 0xDE, 0xB2, 0xDD, 'Q', 'R'};
    BitWriter kana;
    byte_segment(kana, halfwidth);
    r = parse(kana);
    EXPECT_EQ(r.text, "ﾃﾞｻﾞｲﾝQR");
    EXPECT_EQ(r.defaultCharset, DefaultCharset::shift_jis);

    BitWriter ascii;
    byte_segment(ascii, bytes_of("http://x"));
    r = parse(ascii);
    EXPECT_EQ(r.text, "http://x");
    EXPECT_EQ(r.defaultCharset, DefaultCharset::none);
}

TEST(Bitstream, Utf8SignatureIsKeptInBytesButNotInText) {
    BitWriter w;
    byte_segment(w, {0xEF, 0xBB, 0xBF, 'x', 0xC3, 0xA9});
    auto r = parse(w);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.text, "xé");
    EXPECT_EQ(r.bytes, (std::vector<uint8_t>{0xEF, 0xBB, 0xBF, 'x', 0xC3, 0xA9}));
    EXPECT_EQ(r.defaultCharset, DefaultCharset::utf8);
    EXPECT_FALSE(r.textLossy);

    BitWriter bad;  // signed as UTF-8 but not: read as UTF-8 anyway, and said to be lossy
    byte_segment(bad, {0xEF, 0xBB, 0xBF, 'x', 0xE9});
    r = parse(bad);
    EXPECT_EQ(r.text, "x\xEF\xBF\xBD");
    EXPECT_TRUE(r.textLossy);
}

TEST(Bitstream, OneCharsetForAllByteRunsWithoutEciInTheirPlaces) {
    BitWriter w;  // "ｶﾞ" (alone, Latin-1 "¶Þ"), numeric "1", then "あ", whose C1 lead byte decides for both
    byte_segment(w, {0xB6, 0xDE});
    w.put(0b0001, 4).put(1, 10).put(1, 4);
    byte_segment(w, {0x82, 0xA0});
    auto r = parse(w);
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_EQ(r.text, "ｶﾞ1あ");
    EXPECT_EQ(r.bytes, (std::vector<uint8_t>{0xB6, 0xDE, '1', 0x82, 0xA0}));
    EXPECT_EQ(r.defaultCharset, DefaultCharset::shift_jis);

    BitWriter alone;
    byte_segment(alone, {0xB6, 0xDE});
    alone.put(0b0001, 4).put(1, 10).put(1, 4);
    r = parse(alone);
    EXPECT_EQ(r.text, "¶Þ1");

    BitWriter withKanji;  // a kanji-mode segment says the encoder was writing Japanese
    withKanji.put(0b1000, 4).put(1, 8).put(0xD9F, 13);
    byte_segment(withKanji, {0xB6, 0xDE});
    r = parse(withKanji);
    EXPECT_EQ(r.text, "点ｶﾞ");
    EXPECT_EQ(r.defaultCharset, DefaultCharset::shift_jis);

    BitWriter eciAfter;  // runs before the first ECI are guessed; the ECI decides for the rest
    byte_segment(eciAfter, {'a', 0xE9});
    eci(eciAfter, 26);
    byte_segment(eciAfter, bytes_of("ễ"));
    r = parse(eciAfter);
    EXPECT_EQ(r.text, "aéễ");
    EXPECT_EQ(r.defaultCharset, DefaultCharset::latin1);
}

TEST(Bitstream, ByteRunSplitAcrossSegmentsIsConvertedAsOne) {
    const auto text = bytes_of("ễ");  // E1 BB 85
    BitWriter w;
    byte_segment(w, {text[0]});
    byte_segment(w, {text[1], text[2]});
    const auto r = parse(w);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.text, "ễ");
}

TEST(Bitstream, CountIndicatorLengthFollowsTheVersion) {
    BitWriter w;  // byte mode in version 10 has a 16-bit count
    byte_segment(w, bytes_of("hi"), 16);
    auto r = parse(w, 10, 30);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.text, "hi");
    BitWriter n27;  // numeric in version 27: 14 bits
    n27.put(0b0001, 4).put(3, 14).put(123, 10);
    r = parse(n27, 27, 30);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.text, "123");
    BitWriter k10;  // kanji in versions 10-26: 10 bits
    k10.put(0b1000, 4).put(1, 10).put(0xD9F, 13);
    r = parse(k10, 26, 30);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.text, "点");
}

TEST(Bitstream, KanjiModeMapsShiftJis) {
    BitWriter w;  // "点茗" (7.4.6 examples): 0x935F -> 0xD9F, 0xE4AA -> 0x1AAA
    w.put(0b1000, 4).put(2, 8).put(0xD9F, 13).put(0x1AAA, 13);
    const auto r = parse(w);
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_EQ(r.text, "点茗");
    EXPECT_EQ(r.bytes, (std::vector<uint8_t>{0x93, 0x5F, 0xE4, 0xAA}));
    EXPECT_FALSE(r.textLossy);

    BitWriter undefined;  // 0x1FFF -> Shift JIS 0xEBBF, which has no character
    undefined.put(0b1000, 4).put(1, 8).put(0x1FFF, 13);
    const auto u = parse(undefined);
    ASSERT_TRUE(u.ok());
    EXPECT_EQ(u.text, "\xEF\xBF\xBD");
    EXPECT_TRUE(u.textLossy);
}

// GB/T 18284 Hanzi mode: 1101, subset 0001 (GB 2312), count, 13 bits per character.
BitWriter& hanzi_segment(BitWriter& w, const std::vector<uint32_t>& values, int countBits = 8, uint32_t subset = 1) {
    w.put(0b1101, 4).put(subset, 4).put(static_cast<uint32_t>(values.size()), countBits);
    for (uint32_t v : values) w.put(v, 13);
    return w;
}

TEST(Bitstream, HanziModeMapsGb2312) {
    // 阿 0xB0A2: (0xB0 - 0xA6) * 0x60 + (0xA2 - 0xA1) = 961; 　 0xA1A1: 0; 中 0xD6D0: 0x30 * 0x60 + 0x2F.
    BitWriter w;
    w.put(0b0010, 4).put(7, 9).put(10 * 45 + 13, 11).put(44 * 45 + 28, 11).put(30 * 45 + 11, 11).put(44, 6);
    hanzi_segment(w, {961, 0, 0x30 * 0x60 + 0x2F});
    byte_segment(w, bytes_of(";;"));
    const auto r = parse(w);
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_EQ(r.text, "AD:SUB:阿\u3000中;;");
    EXPECT_EQ(r.bytes, (std::vector<uint8_t>{'A', 'D', ':', 'S', 'U', 'B', ':', 0xB0, 0xA2, 0xA1, 0xA1, 0xD6, 0xD0,
                                             ';', ';'}));
    EXPECT_FALSE(r.textLossy);

    BitWriter undefined;  // 9 * 0x60 -> 0xAAA1, in an empty row
    hanzi_segment(undefined, {9 * 0x60});
    const auto u = parse(undefined);
    ASSERT_TRUE(u.ok());
    EXPECT_EQ(u.text, "\xEF\xBF\xBD");
    EXPECT_TRUE(u.textLossy);
}

TEST(Bitstream, HanziCountLengthFollowsTheVersionLikeKanji) {
    for (auto [version, bits] : {std::pair{9, 8}, {10, 10}, {26, 10}, {27, 12}, {40, 12}}) {
        BitWriter w;
        hanzi_segment(w, {961, 961}, bits);
        const auto r = parse(w, version, 30);
        ASSERT_TRUE(r.ok()) << version << ": " << r.message;
        EXPECT_EQ(r.text, "阿阿") << version;
    }
}

TEST(Bitstream, HanziOtherSubsetsAndTruncationAreRejected) {
    BitWriter other;
    hanzi_segment(other, {961}, 8, 2);
    auto r = parse(other);
    EXPECT_EQ(r.error, GridError::bad_bitstream);
    EXPECT_NE(r.message.find("subset 2"), std::string::npos) << r.message;
    EXPECT_TRUE(r.bytes.empty());

    BitWriter cut;  // says 5 characters, holds 1
    cut.put(0b1101, 4).put(1, 4).put(5, 8).put(961, 13);
    r = parse_bytes(cut.bytes());
    EXPECT_EQ(r.error, GridError::bad_bitstream);
    EXPECT_NE(r.message.find("Hanzi segment"), std::string::npos) << r.message;

    BitWriter bare;  // the mode indicator and half a subset indicator
    bare.put(0b1101, 4).put(0, 2);
    r = parse_bytes(bare.bytes());
    EXPECT_EQ(r.error, GridError::bad_bitstream);
}

TEST(Bitstream, EciDesignatorsInOneTwoAndThreeBytes) {
    BitWriter one;
    byte_segment(eci(one, 26), bytes_of("ü"));
    auto r = parse(one);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.firstEci, 26);
    EXPECT_EQ(r.text, "ü");

    BitWriter two;
    byte_segment(eci(two, 899), {0xFC});  // 899 = binary, shown as ISO/IEC 8859-1
    r = parse(two);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.firstEci, 899);
    EXPECT_EQ(r.text, "ü");

    BitWriter three;
    byte_segment(eci(three, 123456), bytes_of("ab"));
    r = parse(three);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.firstEci, 123456);
    EXPECT_EQ(r.text, "ab");  // unknown set: ASCII kept

    BitWriter smallInTwo;  // a small value in the two-byte form is still that value
    smallInTwo.put(0b0111, 4).put(0b10, 2).put(3, 14);
    byte_segment(smallInTwo, {0xE9});
    r = parse(smallInTwo);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.firstEci, 3);
    EXPECT_EQ(r.text, "é");
}

TEST(Bitstream, EachSupportedEciConvertsItsBytes) {
    struct Case {
        uint32_t eci;
        std::vector<uint8_t> bytes;
        std::string text;
    };
    const Case cases[] = {
        {0, {0x82}, "é"},        {2, {0x82}, "é"},          {1, {0xE9}, "é"},        {3, {0xE9}, "é"},
        {4, {0xA3}, "Ł"},        {5, {0xA1}, "Ħ"},          {6, {0xA1}, "Ą"},        {7, {0xD0}, "а"},
        {8, {0xC7}, "ا"},        {9, {0xE1}, "α"},          {10, {0xE0}, "א"},       {11, {0xF0}, "ğ"},
        {12, {0xA1}, "Ą"},       {13, {0xA1}, "ก"},         {15, {0xC0}, "Ą"},       {16, {0xA1}, "Ḃ"},
        {17, {0xA4}, "€"},       {18, {0xAA}, "Ș"},         {20, {0x93, 0x5F, 0xB1}, "点ｱ"},
        {21, {0x8A}, "Š"},       {22, {0xC0}, "А"},         {23, {0x80}, "€"},       {24, {0xC7}, "ا"},
        {25, {0x00, 0x41, 0xD8, 0x3D, 0xDE, 0x00}, "A😀"},  {26, {0xE2, 0x82, 0xAC}, "€"},
        {27, {0x41}, "A"},       {33, {0x41, 0x00, 0xAC, 0x20}, "A€"},
        {34, {0x00, 0x01, 0xF6, 0x00}, "😀"},               {35, {0x00, 0xF6, 0x01, 0x00}, "😀"},
        {170, {0x41}, "A"},      {899, {0xFF}, "ÿ"},
    };
    for (const Case& c : cases) {
        BitWriter w;
        byte_segment(eci(w, c.eci), c.bytes);
        const auto r = parse(w);
        ASSERT_TRUE(r.ok()) << c.eci;
        EXPECT_EQ(r.text, c.text) << "ECI " << c.eci;
        EXPECT_EQ(r.bytes, c.bytes);
        EXPECT_FALSE(r.textLossy) << c.eci;
    }
}

TEST(Bitstream, UnsupportedEciKeepsAsciiAndSaysTextIsLossy) {
    BitWriter w;
    byte_segment(eci(w, 28), {0x41, 0xA4, 0x40});  // Big5 "A" + one ideograph
    const auto r = parse(w);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.text, "A\xEF\xBF\xBD@");
    EXPECT_TRUE(r.textLossy);
    EXPECT_EQ(r.bytes, (std::vector<uint8_t>{0x41, 0xA4, 0x40}));
}

TEST(Bitstream, EciChangesApplyToTheSegmentsAfterThem) {
    BitWriter w;
    byte_segment(eci(w, 3), {0xE9});
    byte_segment(eci(w, 7), {0xD0});
    w.put(0b0001, 4).put(2, 10).put(42, 7);  // digits are digits under any ECI
    byte_segment(eci(w, 26), bytes_of("ễ"));
    const auto r = parse(w, 1, 19);
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_EQ(r.firstEci, 3);
    EXPECT_EQ(r.text, "éа42ễ");
}

TEST(Bitstream, BadEciDesignatorsAreRejected) {
    BitWriter lead111;
    lead111.put(0b0111, 4).put(0b111, 3).put(0, 21);
    EXPECT_EQ(parse(lead111).error, GridError::bad_bitstream);
    BitWriter tooBig;
    tooBig.put(0b0111, 4).put(0b110, 3).put(1000000, 21);
    EXPECT_EQ(parse(tooBig).error, GridError::bad_bitstream);
    BitWriter cut;  // two-byte designator with its second byte missing
    cut.put(0b0111, 4).put(0b10, 2).put(0x3F, 6);
    EXPECT_EQ(parse_bytes(cut.bytes()).error, GridError::bad_bitstream);
}

TEST(Bitstream, Fnc1FirstPositionTurnsPercentIntoGroupSeparator) {
    BitWriter w;  // FNC1, then "01%%2%A": % alone is FNC1 (GS), %% is a literal %
    const std::string chars = "01%%2%A";
    w.put(0b0101, 4).put(0b0010, 4).put(static_cast<uint32_t>(chars.size()), 9);
    const auto value = [](char c) {
        for (int i = 0; i < 45; ++i)
            if (cccd::qr::kAlphanumericChars[static_cast<size_t>(i)] == c) return static_cast<uint32_t>(i);
        return 0u;
    };
    for (size_t i = 0; i + 1 < chars.size(); i += 2) w.put(value(chars[i]) * 45 + value(chars[i + 1]), 11);
    w.put(value(chars.back()), 6);
    const auto r = parse(w);
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_TRUE(r.fnc1);
    EXPECT_EQ(r.applicationIndicator, -1);
    EXPECT_EQ(r.text, "01%2\x1D" "A");
}

TEST(Bitstream, Fnc1SecondPositionPrefixesTheApplicationIndicator) {
    BitWriter digits;
    digits.put(0b1001, 4).put(37, 8);
    byte_segment(digits, bytes_of("xyz"));
    auto r = parse(digits);
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(r.fnc1);
    EXPECT_EQ(r.applicationIndicator, 37);
    EXPECT_EQ(r.text, "37xyz");

    BitWriter letter;
    letter.put(0b1001, 4).put('a' + 100, 8);
    r = parse(letter);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.text, "a");

    BitWriter bad;
    bad.put(0b1001, 4).put(150, 8);
    EXPECT_EQ(parse(bad).error, GridError::bad_bitstream);
}

TEST(Bitstream, StructuredAppendHeader) {
    BitWriter w;  // symbol 3 of 4, parity 0xA5
    w.put(0b0011, 4).put(2, 4).put(3, 4).put(0xA5, 8);
    byte_segment(w, bytes_of("part"));
    const auto r = parse(w);
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(r.structuredAppend.present);
    EXPECT_EQ(r.structuredAppend.index, 2);
    EXPECT_EQ(r.structuredAppend.count, 4);
    EXPECT_EQ(r.structuredAppend.parity, 0xA5);
    EXPECT_EQ(r.text, "part");

    BitWriter cut;
    cut.put(0b0011, 4).put(2, 4);
    EXPECT_EQ(parse_bytes(cut.bytes()).error, GridError::bad_bitstream);
}

TEST(Bitstream, TerminatorAndPadding) {
    // Data filling the stream exactly: no terminator at all. "1234" (4+10+10+4) + "AB" (4+8+16) = 56 bits.
    BitWriter full;
    full.put(0b0001, 4).put(4, 10).put(123, 10).put(4, 4);
    byte_segment(full, bytes_of("AB"));
    ASSERT_EQ(full.bits.size(), 56u);
    auto r = parse_bytes(full.bytes());
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_EQ(r.text, "1234AB");

    // A terminator in the last four bits.
    BitWriter terminated;
    byte_segment(terminated, bytes_of("ABCDEFGHIJKLMNOPQ"));
    terminated.put(0, 4);
    r = parse_bytes(terminated.bytes());
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.text, "ABCDEFGHIJKLMNOPQ");

    // Fewer than four bits left after the data: a shortened terminator, even if not zero.
    BitWriter shortTail;
    shortTail.put(0b0001, 4).put(2, 10).put(42, 7).put(0b101, 3);
    ASSERT_EQ(shortTail.bits.size(), 24u);
    r = parse_bytes(shortTail.bytes());
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_EQ(r.text, "42");

    // Pad codewords after the terminator are not read (1110 1100 would be an unknown mode).
    BitWriter padded;
    byte_segment(padded, bytes_of("x"));
    r = parse(padded);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.text, "x");

    // No terminator before pad codewords: they are read as a mode and rejected.
    BitWriter noTerminator;
    byte_segment(noTerminator, bytes_of("x"));
    noTerminator.put(0xEC, 8).put(0x11, 8);
    EXPECT_EQ(parse_bytes(noTerminator.bytes()).error, GridError::bad_bitstream);

    // Only a terminator: an empty message.
    r = parse_bytes(std::vector<uint8_t>(9, 0));
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(r.text.empty());
    EXPECT_TRUE(parse_bytes({}).ok());
}

TEST(Bitstream, TruncatedSegmentsAreBadBitstreams) {
    BitWriter numeric;
    numeric.put(0b0001, 4).put(9, 10).put(123, 10);
    BitWriter alnum;
    alnum.put(0b0010, 4).put(9, 9).put(100, 11);
    BitWriter byte;
    byte.put(0b0100, 4).put(5, 8).put('a', 8).put('b', 8);
    BitWriter kanji;
    kanji.put(0b1000, 4).put(3, 8).put(0xD9F, 13);
    BitWriter count;  // a mode indicator with its count cut short
    count.put(0b0100, 4).put(0, 4);
    for (const BitWriter* w : {&numeric, &alnum, &byte, &kanji, &count}) {
        const auto r = parse_bytes(w->bytes());
        EXPECT_EQ(r.error, GridError::bad_bitstream);
        EXPECT_NE(r.message.find("bits"), std::string::npos) << r.message;
        EXPECT_TRUE(r.bytes.empty());
    }
}

TEST(Bitstream, UnknownModesAreRejected) {
    for (uint32_t mode : {0b0110u, 0b1010u, 0b1011u, 0b1100u, 0b1110u, 0b1111u}) {
        BitWriter w;
        w.put(mode, 4).put(0, 12);
        const auto r = parse(w);
        EXPECT_EQ(r.error, GridError::bad_bitstream) << mode;
        EXPECT_NE(r.message.find("mode"), std::string::npos);
    }
}

TEST(Bitstream, MixedSegments) {
    BitWriter w;  // "001099012345|Lê" as numeric + byte, like an optimising encoder would write it
    w.put(0b0001, 4).put(12, 10).put(1, 10).put(99, 10).put(12, 10).put(345, 10);
    byte_segment(w, bytes_of("|Lê"));
    const auto r = parse(w);
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_EQ(r.text, "001099012345|Lê");
}

}  // namespace
