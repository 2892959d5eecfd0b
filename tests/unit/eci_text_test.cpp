// Tests for src/qr/text/eci_text.cpp: which ECIs are converted, byte data without an ECI in each guessed
// character set, GB 2312 under ECI 29, and ill-formed data in the Unicode encodings.
#include "qr/text/eci_text.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

const std::string kFffd = "\xEF\xBF\xBD";

std::string eci_text(int eci, const std::vector<uint8_t>& bytes, bool* clean = nullptr) {
    std::string out;
    const bool ok = cccd::qr::append_eci_text(out, eci, bytes);
    if (clean) *clean = ok;
    return out;
}

TEST(EciText, SupportedSet) {
    for (int eci : {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16, 17, 18, 20, 21, 22, 23, 24, 25, 26, 27,
                    29, 33, 34, 35, 170, 899}) {
        EXPECT_TRUE(cccd::qr::eci_supported(eci)) << eci;
    }
    for (int eci : {14, 19, 28, 30, 31, 32, 36, 100, 999999}) EXPECT_FALSE(cccd::qr::eci_supported(eci)) << eci;
}

TEST(EciText, EveryByteOfLatin1AndItsNeighbours) {
    std::vector<uint8_t> all;
    for (int b = 0; b < 256; ++b) all.push_back(static_cast<uint8_t>(b));
    bool clean = false;
    const std::string latin1 = eci_text(3, all, &clean);
    EXPECT_TRUE(clean);
    EXPECT_EQ(latin1.size(), 128u + 2 * 128u);
    EXPECT_EQ(latin1.substr(latin1.size() - 2), "ÿ");
    // Windows-1252 leaves five bytes undefined; ISO-8859-15 differs from Latin-1 in eight.
    eci_text(23, all, &clean);
    EXPECT_FALSE(clean);
    EXPECT_EQ(eci_text(17, {0xA4, 0xBD}), "€œ");
    EXPECT_EQ(eci_text(23, {0x80, 0x9F}), "€Ÿ");
}

TEST(EciText, UnicodeEncodingsRejectIllFormedData) {
    bool clean = true;
    EXPECT_EQ(eci_text(25, {0x00, 0x41, 0x00}, &clean), "A" + kFffd);  // odd length
    EXPECT_FALSE(clean);
    EXPECT_EQ(eci_text(25, {0xD8, 0x3D, 0x00, 0x41}, &clean), kFffd + "A");  // unpaired high surrogate
    EXPECT_EQ(eci_text(33, {0x00, 0xDC}, &clean), kFffd);                   // lone low surrogate
    EXPECT_EQ(eci_text(34, {0x00, 0x11, 0x00, 0x00}, &clean), kFffd);       // above U+10FFFF
    EXPECT_EQ(eci_text(35, {0x41, 0x00, 0x00}, &clean), kFffd);             // truncated
    EXPECT_EQ(eci_text(26, {'a', 0xE9, 'b'}, &clean), "a" + kFffd + "b");
    EXPECT_FALSE(clean);
    EXPECT_EQ(eci_text(26, {0xF0, 0x9F, 0x98, 0x80}, &clean), "😀");
    EXPECT_TRUE(clean);
}

TEST(EciText, AsciiEcisRejectHighBytes) {
    bool clean = true;
    EXPECT_EQ(eci_text(27, {'O', 'K', 0xC3}, &clean), "OK" + kFffd);
    EXPECT_FALSE(clean);
    EXPECT_EQ(eci_text(170, {'O', 'K'}, &clean), "OK");
    EXPECT_TRUE(clean);
}

TEST(EciText, Gb2312UnderEci29) {
    bool clean = false;
    EXPECT_EQ(eci_text(29, {'A', 0xB0, 0xA2, 0xD6, 0xD0, 0xCE, 0xC4}, &clean), "A阿中文");
    EXPECT_TRUE(clean);
    EXPECT_EQ(eci_text(29, {0xB0, 0xA2, 0xB0}, &clean), "阿" + kFffd);  // truncated
    EXPECT_FALSE(clean);
}

std::string default_text(cccd::qr::DefaultCharset charset, const std::vector<uint8_t>& bytes, bool* clean = nullptr) {
    std::string out;
    const bool ok = cccd::qr::append_default_text(out, charset, bytes);
    if (clean) *clean = ok;
    return out;
}

TEST(EciText, DefaultTextInEachGuessedCharset) {
    using cccd::qr::DefaultCharset;
    const std::string viet = "Nguyễn Văn A";
    bool clean = false;
    EXPECT_EQ(default_text(DefaultCharset::utf8, std::vector<uint8_t>(viet.begin(), viet.end()), &clean), viet);
    EXPECT_TRUE(clean);
    EXPECT_EQ(default_text(DefaultCharset::latin1, {'M', 0xFC, 'n', 'c', 'h', 'e', 'n'}, &clean), "München");
    EXPECT_TRUE(clean);
    EXPECT_EQ(default_text(DefaultCharset::shift_jis, {0x93, 0xFA, 0x96, 0x7B, 0xB1}, &clean), "日本ｱ");
    EXPECT_TRUE(clean);
    EXPECT_EQ(default_text(DefaultCharset::none, {'O', 'K'}, &clean), "OK");
    // UTF-8 chosen for its signature, ill-formed after it: U+FFFD, and said.
    EXPECT_EQ(default_text(DefaultCharset::utf8, {'a', 0xE9}, &clean), "a" + kFffd);
    EXPECT_FALSE(clean);
}

}  // namespace
