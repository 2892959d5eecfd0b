// Tests for src/qr/text/utf8_text.cpp: encoding every length class and rejecting ill-formed sequences.
#include "qr/text/utf8_text.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

std::vector<uint8_t> bytes_of(const std::string& s) { return {s.begin(), s.end()}; }

TEST(Utf8Text, EncodesOneToFourBytes) {
    std::string out;
    for (char32_t cp : {U'A', U'é', U'ễ', U'€', U'😀'}) cccd::qr::put_utf8(out, cp);
    EXPECT_EQ(out, "Aéễ€😀");
}

TEST(Utf8Text, SurrogatesAndOutOfRangeBecomeReplacement) {
    std::string out;
    cccd::qr::put_utf8(out, 0xD800);
    cccd::qr::put_utf8(out, 0x110000);
    EXPECT_EQ(out, "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(Utf8Text, ValidatesStrictly) {
    EXPECT_TRUE(cccd::qr::valid_utf8(bytes_of("Nguyễn Văn A 😀")));
    EXPECT_TRUE(cccd::qr::valid_utf8({}));
    for (const std::vector<uint8_t>& bad : std::vector<std::vector<uint8_t>>{
             {0xC0, 0xAF},              // overlong '/'
             {0xE0, 0x80, 0xAF},        // overlong
             {0xED, 0xA0, 0x80},        // surrogate
             {0xF4, 0x90, 0x80, 0x80},  // above U+10FFFF
             {0xE9},                    // Latin-1 é
             {0xE1, 0xBB},              // truncated
             {0x80},                    // lone continuation
             {0xF8, 0x88, 0x80, 0x80, 0x80}}) {
        EXPECT_FALSE(cccd::qr::valid_utf8(bad));
    }
    const auto s = bytes_of("aễ");
    EXPECT_EQ(cccd::qr::utf8_sequence_length(s, 0), 1u);
    EXPECT_EQ(cccd::qr::utf8_sequence_length(s, 1), 3u);
    EXPECT_EQ(cccd::qr::utf8_sequence_length(s, 2), 0u);
}

}  // namespace
