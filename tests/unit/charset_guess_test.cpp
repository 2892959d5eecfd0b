// Tests for src/qr/text/charset_guess.cpp: byte data without an ECI is read as UTF-8, Shift_JIS or Latin-1,
// both ways: Japanese is recognised, and real European Latin-1 text (much of which is well-formed
// Shift_JIS by accident) stays Latin-1.
#include "qr/text/charset_guess.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using cccd::qr::DefaultCharset;

std::vector<uint8_t> bytes_of(const std::string& s) { return {s.begin(), s.end()}; }

// The ISO-8859-1 bytes of UTF-8 text whose characters are all below U+0100.
std::vector<uint8_t> latin1_of(const std::string& utf8) {
    std::vector<uint8_t> out;
    for (size_t i = 0; i < utf8.size(); ++i) {
        const auto b = static_cast<uint8_t>(utf8[i]);
        if (b < 0x80) {
            out.push_back(b);
        } else {  // C2 or C3 lead byte: U+0080..U+00FF
            out.push_back(static_cast<uint8_t>((b & 0x03) << 6 | (static_cast<uint8_t>(utf8[++i]) & 0x3F)));
        }
    }
    return out;
}

struct Sample {
    const char* text;
    std::vector<uint8_t> sjis;  // from Python's cp932 codec
};

const std::vector<Sample> kJapanese = {
    {"日本語のテキスト", {0x93, 0xFA, 0x96, 0x7B, 0x8C, 0xEA, 0x82, 0xCC, 0x83, 0x65, 0x83, 0x4C, 0x83, 0x58, 0x83, 0x67}},
    {"こんにちは", {0x82, 0xB1, 0x82, 0xF1, 0x82, 0xC9, 0x82, 0xBF, 0x82, 0xCD}},
    {"Google モバイル", {0x47, 0x6F, 0x6F, 0x67, 0x6C, 0x65, 0x20, 0x83, 0x82, 0x83, 0x6F, 0x83, 0x43, 0x83, 0x8B}},
    {"ﾃﾞｻﾞｲﾝQR", {0xC3, 0xDE, 0xBB, 0xDE, 0xB2, 0xDD, 0x51, 0x52}},
    {"東京都千代田区丸の内1-1", {0x93, 0x8C, 0x8B, 0x9E, 0x93, 0x73, 0x90, 0xE7, 0x91, 0xE3, 0x93, 0x63, 0x8B, 0xE6, 0x8A,
                                 0xDB, 0x82, 0xCC, 0x93, 0xE0, 0x31, 0x2D, 0x31}},
    {"ｲﾗｽﾄ入りｶﾗｰ", {0xB2, 0xD7, 0xBD, 0xC4, 0x93, 0xFC, 0x82, 0xE8, 0xB6, 0xD7, 0xB0}},
    {"ｱｲｳ", {0xB1, 0xB2, 0xB3}},
    {"茗荷", {0xE4, 0xAA, 0x89, 0xD7}},
    {"〒100-0001", {0x81, 0xA7, 0x31, 0x30, 0x30, 0x2D, 0x30, 0x30, 0x30, 0x31}},
    {"ＱＲコード", {0x82, 0x70, 0x82, 0x71, 0x83, 0x52, 0x81, 0x5B, 0x83, 0x68}},
};

TEST(CharsetGuess, AsciiLeavesNothingToDecide) {
    EXPECT_EQ(cccd::qr::guess_charset(bytes_of("http://example.com/?q=1")), DefaultCharset::none);
    EXPECT_EQ(cccd::qr::guess_charset({}), DefaultCharset::none);
}

TEST(CharsetGuess, WellFormedUtf8IsUtf8) {
    for (const char* s : {"Nguyễn Văn A", "Hà Nội", "日本語", "München", "😀"}) {
        EXPECT_EQ(cccd::qr::guess_charset(bytes_of(s)), DefaultCharset::utf8) << s;
        EXPECT_EQ(cccd::qr::guess_charset(bytes_of(s), true), DefaultCharset::utf8) << s;
    }
}

TEST(CharsetGuess, Utf8SignatureDecidesEvenBeforeIllFormedData) {
    cccd::qr::CharsetEvidence e;
    cccd::qr::add_run(e, std::vector<uint8_t>{0xEF, 0xBB, 0xBF, 'c', 'a', 'f', 0xE9});
    EXPECT_TRUE(e.utf8Signature);
    EXPECT_FALSE(e.utf8);
    EXPECT_EQ(cccd::qr::decide(e), DefaultCharset::utf8);
    // Only at the start of the data: a later run starting with it is no signature.
    cccd::qr::CharsetEvidence later;
    cccd::qr::add_run(later, std::vector<uint8_t>{'x', 0xE9});
    cccd::qr::add_run(later, std::vector<uint8_t>{0xEF, 0xBB, 0xBF, 0xE9});
    EXPECT_FALSE(later.utf8Signature);
    EXPECT_EQ(cccd::qr::decide(later), DefaultCharset::latin1);
}

TEST(CharsetGuess, JapaneseShiftJisIsShiftJis) {
    for (const Sample& s : kJapanese) {
        EXPECT_EQ(cccd::qr::guess_charset(s.sjis), DefaultCharset::shift_jis) << s.text;
    }
}

TEST(CharsetGuess, ShortAmbiguousJapaneseNeedsKanjiModeInTheSymbol) {
    // Two half-width katakana read as Latin-1 "¶Þ"; a lone level-2 kanji as "ê¤": no C1 byte and no run
    // of three, so Latin-1 (the standard's default) unless the symbol also holds kanji-mode segments.
    for (const std::vector<uint8_t>& bytes : {std::vector<uint8_t>{0xB6, 0xDE}, std::vector<uint8_t>{0xEA, 0xA4}}) {
        EXPECT_EQ(cccd::qr::guess_charset(bytes), DefaultCharset::latin1);
        EXPECT_EQ(cccd::qr::guess_charset(bytes, true), DefaultCharset::shift_jis);
    }
}

TEST(CharsetGuess, EuropeanLatin1StaysLatin1) {
    // Many of these are well-formed Shift_JIS by accident ("Français": E7 61 is a kanji; "préférer" and
    // "élégant" two), but none has a C1 byte or three non-ASCII bytes in a row.
    const char* const texts[] = {
        "Ça va très bien, merci.", "Le garçon a mangé une crème brûlée à Paris.", "préférer", "créée", "élégant",
        "Français", "Hélène", "Noël", "déjà vu", "Résumé", "«Élan»", "ÉCOLE", "Château d'Yquem", "façade",
        "Müller", "München", "Größe", "Straße", "Ärger über Öl", "Zürich", "Gödel", "señor niño año mañana",
        "¿Qué pasa?", "¡Olé!", "Málaga, Córdoba, Cádiz", "São Paulo, Brasília, João", "coração", "Açaí",
        "Þórður Guðmundsson", "Ísland", "Smørrebrød på Nørrebro", "Øresund", "Ångström", "50°C", "£100",
        "©2024 Société Générale"};
    for (const char* t : texts) {
        const auto bytes = latin1_of(t);
        EXPECT_EQ(cccd::qr::guess_charset(bytes), DefaultCharset::latin1) << t;
    }
    // Even in a symbol with kanji-mode segments, bytes that are not well-formed Shift_JIS are Latin-1.
    EXPECT_EQ(cccd::qr::guess_charset(latin1_of("déjà vu"), true), DefaultCharset::latin1);  // E0 20: no code
}

TEST(CharsetGuess, IllFormedShiftJisIsLatin1) {
    // A C1 byte, but 0x85 starts no Shift_JIS character; 0x93 cut short; 0xA0 and 0xFD are no characters.
    for (const std::vector<uint8_t>& bytes :
         {std::vector<uint8_t>{0x85, 0x41, 0x42}, std::vector<uint8_t>{'a', 0x93}, std::vector<uint8_t>{0xA0, 0xB1, 0xB2},
          std::vector<uint8_t>{0xB1, 0xB2, 0xB3, 0xFD}}) {
        EXPECT_EQ(cccd::qr::guess_charset(bytes), DefaultCharset::latin1);
    }
}

TEST(CharsetGuess, EvidenceAddsUpOverRuns) {
    // Half-width katakana split by a numeric segment: two runs of two bytes, no run of three; the second
    // run's C1 byte (a kana's lead byte) decides for both.
    cccd::qr::CharsetEvidence e;
    cccd::qr::add_run(e, std::vector<uint8_t>{0xB6, 0xDE});
    EXPECT_EQ(cccd::qr::decide(e), DefaultCharset::latin1);
    cccd::qr::add_run(e, std::vector<uint8_t>{0x82, 0xA0});
    EXPECT_EQ(e.runs, 2);
    EXPECT_EQ(cccd::qr::decide(e), DefaultCharset::shift_jis);
    // One ill-formed run rules Shift_JIS out for all.
    cccd::qr::add_run(e, std::vector<uint8_t>{0xE9});
    EXPECT_EQ(cccd::qr::decide(e), DefaultCharset::latin1);
}

TEST(CharsetGuess, Names) {
    EXPECT_STREQ(cccd::qr::charset_name(DefaultCharset::shift_jis), "Shift_JIS");
    EXPECT_STREQ(cccd::qr::charset_name(DefaultCharset::latin1), "ISO-8859-1");
    EXPECT_STREQ(cccd::qr::charset_name(DefaultCharset::utf8), "UTF-8");
    EXPECT_STREQ(cccd::qr::charset_name(DefaultCharset::none), "none");
}

}  // namespace
