// Tests for src/cccd/repair.cpp: undoing UTF-8 that a keyboard-wedge scanner delivered as Windows-1252
// (or Latin-1) characters, and spotting names that lost letters.
#include "cccd/repair.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cccd/utf8.hpp"

namespace {

using cccd::repair_mojibake;
using cccd::RepairOutcome;

// How the receiving computer turned each byte into a character.
enum class Reading {
    windows1252Keep,  // Windows-1252; the undefined bytes 0x81 0x8D 0x8F 0x90 0x9D become U+0081…
    windows1252Drop,  // Windows-1252; the undefined bytes are dropped
    latin1,           // ISO 8859-1: every byte is the code point of the same value
};

// Windows-1252 0x80-0x9F (WHATWG index-windows-1252); 0 marks an undefined byte.
constexpr char32_t kWindows1252[32] = {
    U'€', 0,     U'‚', U'ƒ', U'„', U'…', U'†', U'‡', U'ˆ', U'‰', U'Š', U'‹', U'Œ', 0,     U'Ž', 0,
    0,     U'‘', U'’', U'“', U'”', U'•', U'–', U'—', U'˜', U'™', U'š', U'›', U'œ', 0,     U'ž', U'Ÿ'};

// Builds mojibake: the UTF-8 bytes of `text`, each read as one character, written back out as UTF-8.
std::string mojibake(std::string_view text, Reading how) {
    std::u32string chars;
    for (char ch : text) {
        const auto b = static_cast<unsigned char>(ch);
        if (b >= 0x80 && b <= 0x9F && how != Reading::latin1) {
            const char32_t mapped = kWindows1252[b - 0x80];
            if (mapped) chars.push_back(mapped);
            else if (how == Reading::windows1252Keep) chars.push_back(b);
            // windows1252Drop: the byte is lost
        } else {
            chars.push_back(b);
        }
    }
    return cccd::encode_utf8(chars);
}

TEST(MojibakeHelper, MatchesKnownScannerOutput) {
    // What a Windows PC in US-keyboard mode shows for these names (checked against Python's cp1252 codec).
    EXPECT_EQ(mojibake("Nguyễn", Reading::windows1252Keep), "Nguyá»…n");
    EXPECT_EQ(mojibake("Việt", Reading::windows1252Keep), "Viá»‡t");
    EXPECT_EQ(mojibake("Đức", Reading::windows1252Keep), "Ä\u0090á»©c");
    EXPECT_EQ(mojibake("Đức", Reading::windows1252Drop), "Äá»©c");
    EXPECT_EQ(mojibake("Đức", Reading::latin1), "Ä\u0090á»\u00A9c");
    EXPECT_EQ(mojibake("ASCII only", Reading::windows1252Drop), "ASCII only");
}

struct RepairCase {
    const char* name;
    std::string original;  // correct text
    Reading how;
    int rounds;            // layers of mis-reading applied (and expected to be undone)
};

// Test names in ctest/gtest output show the case name, not the bytes of the struct.
void PrintTo(const RepairCase& c, std::ostream* os) { *os << c.name; }

// Exact repairs: no byte lost, or the lost byte is the only one that makes a Vietnamese letter.
std::vector<RepairCase> exact_cases() {
    return {
        {"Name1252", "Nguyễn Văn An", Reading::windows1252Keep, 1},
        {"NameLatin1", "Nguyễn Văn An", Reading::latin1, 1},
        {"NoUndefinedBytesSoDropChangesNothing", "Trần Thị Tuyết", Reading::windows1252Drop, 1},
        {"UndefinedBytesKeptAsC1", "Phạm Thị Ngọc Ánh", Reading::windows1252Keep, 1},  // ọ=..8D, Á=..81
        {"AllAmbiguousLettersKeptAsC1", "ề ỏ ọ ờ Á Í Ố Ý Đ Ngọc", Reading::windows1252Keep, 1},
        {"UndefinedBytesLatin1", "Phạm Thị Ngọc Ánh", Reading::latin1, 1},
        {"DStrokeLostByteRestored", "Đặng Văn Đức", Reading::windows1252Drop, 1},
        {"DStrokeInAddressLostByteRestored", "Thôn Đông, Xã Tân Lập, Huyện Đan Phượng", Reading::windows1252Drop, 1},
        {"UpperCaseName", "NGUYỄN THỊ HỒNG", Reading::windows1252Keep, 1},
        {"FullPayload", "001085012345|012345678|Nguyễn Văn An|15081985|Nam|Số 1, Phường Láng Thượng, Hà Nội|04102024",
         Reading::windows1252Keep, 1},
        {"DoubleEncoded", "Nguyễn Văn An", Reading::windows1252Keep, 2},
        {"DoubleEncodedWithC1Bytes", "Phạm Thị Ngọc Ánh", Reading::windows1252Keep, 2},
        {"DoubleEncodedLatin1", "Lê Hoàng Đức", Reading::latin1, 2},
        {"MojibakeOfBomBecomesBom", "\xEF\xBB\xBFNguyễn Văn An", Reading::windows1252Keep, 1},
    };
}

class RepairExact : public testing::TestWithParam<RepairCase> {};

TEST_P(RepairExact, RestoresTheOriginalText) {
    const RepairCase& c = GetParam();
    std::string garbled = c.original;
    for (int i = 0; i < c.rounds; ++i) garbled = mojibake(garbled, c.how);
    ASSERT_NE(garbled, c.original);
    const auto r = repair_mojibake(garbled);
    EXPECT_EQ(r.outcome, RepairOutcome::repaired);
    EXPECT_EQ(r.text, c.original);
    EXPECT_EQ(r.rounds, c.rounds);
    EXPECT_EQ(r.unrecovered, 0);
}

INSTANTIATE_TEST_SUITE_P(Table, RepairExact, testing::ValuesIn(exact_cases()),
                         [](const testing::TestParamInfo<RepairCase>& i) { return std::string(i.param.name); });

TEST(RepairMojibake, AmbiguousLostByteBecomesReplacementCharacter) {
    // ọ is E1 BB 8D; without 0x8D, "á»" could be ề ọ ỏ ố ờ: not guessed.
    const auto r = repair_mojibake(mojibake("Trần Thị Ngọc Diễm", Reading::windows1252Drop));
    EXPECT_EQ(r.outcome, RepairOutcome::partial);
    EXPECT_EQ(r.text, "Trần Thị Ng\uFFFDc Diễm");
    EXPECT_EQ(r.rounds, 1);
    EXPECT_EQ(r.unrecovered, 1);
}

TEST(RepairMojibake, AmbiguousAndUnambiguousLostBytesInOneText) {
    // Đ (C4 90) is restored; ờ (E1 BB 9D) and Ý (C3 9D) cannot be told from their neighbours.
    const auto r = repair_mojibake(mojibake("Đỗ Thị Ý, Phường Đồng Xuân, Quận Hoàn Kiếm", Reading::windows1252Drop));
    EXPECT_EQ(r.outcome, RepairOutcome::partial);
    EXPECT_EQ(r.text, "Đỗ Thị \uFFFD, Phư\uFFFDng Đồng Xuân, Quận Hoàn Kiếm");
    EXPECT_EQ(r.unrecovered, 2);
}

TEST(RepairMojibake, MostlyUnrecoverableTextIsNotTouched) {
    // Two exact letters against two ambiguous ones: not confidently mojibake, so nothing is changed.
    const std::string garbled = mojibake("Phạm Thị Ngọc Ánh", Reading::windows1252Drop);
    const auto r = repair_mojibake(garbled);
    EXPECT_EQ(r.outcome, RepairOutcome::clean);
    EXPECT_EQ(r.text, garbled);
    EXPECT_EQ(r.rounds, 0);
}

struct CleanCase {
    const char* name;
    std::string text;
};

void PrintTo(const CleanCase& c, std::ostream* os) { *os << c.name; }

// Text that is already right, or not mojibake at all, must come back byte for byte.
std::vector<CleanCase> clean_cases() {
    return {
        {"Empty", ""},
        {"Ascii", "001085012345||Nguyen Van An|15081985|Nam|Ha Noi|04102024"},
        {"Vietnamese", "Nguyễn Văn An"},
        {"VietnameseAddress", "Số 1, Phường Láng Thượng, Quận Đống Đa, Hà Nội"},
        {"VietnameseOnlyLatin1Letters", "Lê Hà Vân"},
        {"VietnameseDecomposed", "Nguye\xCC\x82\xCC\x83n Va\xCC\x86n An"},
        {"FrenchLatin1", "Mùa Thu Café, façade Zoë, Crème brûlée"},
        {"GermanLatin1", "Müller Straße Größe"},
        {"PortugueseATilde", "São Tomé e João"},
        {"LoneAWithTilde", "Ã"},
        {"ATildeThenSpace", "Ã b"},
        {"EthThenAGrave", "Ðà"},
        {"TypographicQuotesAndDashes", "“Quote” – ‘An’ …"},
        {"CurrencyAndSymbols", "100 € • 5 ™"},
        {"MixedRealVietnameseAndMojibakeIsNotGuessedAt", "Nguyá»…n Văn"},
        {"Emoji", "An 😀"},
    };
}

class RepairClean : public testing::TestWithParam<CleanCase> {};

TEST_P(RepairClean, LeavesTextUnchanged) {
    const auto r = repair_mojibake(GetParam().text);
    EXPECT_EQ(r.outcome, RepairOutcome::clean);
    EXPECT_EQ(r.text, GetParam().text);
    EXPECT_EQ(r.rounds, 0);
    EXPECT_EQ(r.unrecovered, 0);
}

INSTANTIATE_TEST_SUITE_P(Table, RepairClean, testing::ValuesIn(clean_cases()),
                         [](const testing::TestParamInfo<CleanCase>& i) { return std::string(i.param.name); });

TEST(RepairMojibake, InvalidUtf8IsReturnedUnchanged) {
    const std::string bad = "Nguy\xE1\xBB";
    const auto r = repair_mojibake(bad);
    EXPECT_EQ(r.outcome, RepairOutcome::clean);
    EXPECT_EQ(r.text, bad);
}

TEST(RepairMojibake, EveryVietnameseLetterSurvivesTheRoundTrip) {
    const std::string letters =
        "aàáãảạăằắẵẳặâầấẫẩậeèéẽẻẹêềếễểệiìíĩỉịoòóõỏọôồốỗổộơờớỡởợuùúũủụưừứữửựyỳýỹỷỵđ"
        "AÀÁÃẢẠĂẰẮẴẲẶÂẦẤẪẨẬEÈÉẼẺẸÊỀẾỄỂỆIÌÍĨỈỊOÒÓÕỎỌÔỒỐỖỔỘƠỜỚỠỞỢUÙÚŨỦỤƯỪỨỮỬỰYỲÝỸỶỴĐ";
    for (Reading how : {Reading::windows1252Keep, Reading::latin1}) {
        const auto r = repair_mojibake(mojibake(letters, how));
        EXPECT_EQ(r.outcome, RepairOutcome::repaired);
        EXPECT_EQ(r.text, letters);
    }
}

struct VowelCase {
    const char* name;
    std::string text;
    bool missing;
};

TEST(HasWordWithoutVowel, FlagsWordsThatLostTheirVowels) {
    const std::vector<VowelCase> cases = {
        {"CompleteName", "Nguyễn Văn An", false},
        {"NameWithoutDiacritics", "Nguyen Van An", false},
        {"LostLettersEverywhere", "Nguyn Vn An", true},
        {"LostLettersInEveryWordButTheSurname", "Nguyn Th Lan", true},
        {"LostLetterInLastWord", "Trần Thị Hng", true},
        {"LostLetterInFirstWord", "Trn Minh Tuấn", true},
        // A word that lost letters but kept a vowel is not seen here (the parser's no-diacritics warning is).
        {"LostLettersButEveryWordKeptAVowel", "Nguyn Minh Tun", false},
        {"YCountsAsVowel", "Ly Thy", false},
        {"VowelWithMarksCounts", "Ngô Ưu Ý", false},
        {"DecomposedVowelCounts", "Nguye\xCC\x82\xCC\x83n", false},
        {"DStrokeAloneHasNoVowel", "Đ Văn An", true},
        {"ReplacementCharacterIsNotAVowel", "Ng\uFFFDc", true},
        {"DoubleSpacesAreNotWords", "Nguyễn  Văn   An", false},
        {"LeadingAndTrailingSpaces", " Nguyễn An ", false},
        {"Empty", "", false},
        {"InvalidUtf8IsNotJudged", "Ngyn\xFF", false},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        EXPECT_EQ(cccd::has_word_without_vowel(c.text), c.missing);
    }
}


}  // namespace
