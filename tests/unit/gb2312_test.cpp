// Tests for src/qr/text/gb2312.cpp and its generated table: symbols, both hanzi levels, the two codes where
// GBK's characters were chosen over GB2312.TXT's, undefined codes, and EUC-CN byte data.
#include "qr/text/gb2312.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

const std::string kFffd = "\xEF\xBF\xBD";

std::string decode(const std::vector<uint8_t>& bytes, bool* clean = nullptr) {
    std::string out;
    const bool ok = cccd::qr::append_gb2312(out, bytes);
    if (clean) *clean = ok;
    return out;
}

TEST(Gb2312, Characters) {
    EXPECT_EQ(cccd::qr::gb2312_char(0xA1A1), U'\u3000');  // ideographic space, first code
    EXPECT_EQ(cccd::qr::gb2312_char(0xB0A1), U'啊');      // first level-1 hanzi
    EXPECT_EQ(cccd::qr::gb2312_char(0xB0A2), U'阿');
    EXPECT_EQ(cccd::qr::gb2312_char(0xD6D0), U'中');
    EXPECT_EQ(cccd::qr::gb2312_char(0xD7F9), U'座');      // last level-1 hanzi
    EXPECT_EQ(cccd::qr::gb2312_char(0xD8A1), U'亍');      // first level-2 hanzi
    EXPECT_EQ(cccd::qr::gb2312_char(0xF7FE), U'齄');      // last code
    EXPECT_EQ(cccd::qr::gb2312_char(0xA3C1), U'Ａ');      // full-width Latin
    EXPECT_EQ(cccd::qr::gb2312_char(0xA4A2), U'あ');
    EXPECT_EQ(cccd::qr::gb2312_char(0xA1A4), U'\u00B7');  // middle dot, as GBK (GB2312.TXT: U+30FB)
    EXPECT_EQ(cccd::qr::gb2312_char(0xA1AA), U'\u2014');  // em dash, as GBK (GB2312.TXT: U+2015)
}

TEST(Gb2312, UndefinedCodes) {
    EXPECT_EQ(cccd::qr::gb2312_char(0xAAA1), 0u);  // rows 0xAA-0xAF are empty
    EXPECT_EQ(cccd::qr::gb2312_char(0xD7FA), 0u);  // after the last level-1 hanzi
    EXPECT_EQ(cccd::qr::gb2312_char(0xF8A1), 0u);  // beyond GB 2312 (GBK/GB18030 only)
    EXPECT_EQ(cccd::qr::gb2312_char(0xB0A0), 0u);  // trail below 0xA1
    EXPECT_EQ(cccd::qr::gb2312_char(0xB0FF), 0u);
    EXPECT_EQ(cccd::qr::gb2312_char(0x8140), 0u);  // a GBK code
    EXPECT_EQ(cccd::qr::gb2312_char(0x0041), 0u);
}

TEST(Gb2312, EucCnBytes) {
    bool clean = false;
    EXPECT_EQ(decode({'A', 'D', ':', 0xB0, 0xA2, ';'}, &clean), "AD:阿;");
    EXPECT_TRUE(clean);
    EXPECT_EQ(decode({0xB0}, &clean), kFffd);  // truncated
    EXPECT_FALSE(clean);
    EXPECT_EQ(decode({0xB0, 'A'}, &clean), kFffd + "A");  // an ASCII byte is no trail
    EXPECT_EQ(decode({0x81, 0x40}, &clean), kFffd + "@");  // GBK lead byte
    EXPECT_EQ(decode({0xAA, 0xA1, 'x'}, &clean), kFffd + "x");  // undefined pair: one U+FFFD
}

}  // namespace
