// Tests for src/cccd/nfc.cpp: canonical decomposition/composition (UAX #15) for Vietnamese Latin text,
// and the matching keys built on it.
#include "cccd/nfc.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cccd/utf8.hpp"

namespace {

using cccd::to_nfc;
using cccd::to_nfd;

// Every Vietnamese vowel letter with every tone, both cases (NFC, as typed in this source file).
const std::u32string kVietnameseVowels =
    U"aàáãảạăằắẵẳặâầấẫẩậeèéẽẻẹêềếễểệiìíĩỉịoòóõỏọôồốỗổộơờớỡởợuùúũủụưừứữửựyỳýỹỷỵ"
    U"AÀÁÃẢẠĂẰẮẴẲẶÂẦẤẪẨẬEÈÉẼẺẸÊỀẾỄỂỆIÌÍĨỈỊOÒÓÕỎỌÔỒỐỖỔỘƠỜỚỠỞỢUÙÚŨỦỤƯỪỨỮỬỰYỲÝỸỶỴ";

bool is_combining_mark(char32_t cp) { return cp >= 0x0300 && cp <= 0x036F; }

TEST(Nfc, VowelTableHasAllVietnameseLetters) {
    EXPECT_EQ(kVietnameseVowels.size(), 144u);  // 12 base vowels x 6 tones x 2 cases
}

TEST(Nfc, EveryVietnameseLetterDecomposesToBasePlusMarksAndComposesBack) {
    for (char32_t cp : kVietnameseVowels) {
        SCOPED_TRACE(cccd::encode_utf8(std::u32string(1, cp)));
        const std::u32string one(1, cp);
        const std::u32string d = to_nfd(one);
        ASSERT_FALSE(d.empty());
        EXPECT_LT(d[0], 0x80u) << "base letter must be ASCII";
        const bool plain = std::u32string_view(U"aeiouyAEIOUY").find(cp) != std::u32string_view::npos;
        EXPECT_EQ(d.size() == 1, plain);
        for (size_t i = 1; i < d.size(); ++i) EXPECT_TRUE(is_combining_mark(d[i]));
        EXPECT_EQ(to_nfc(d), one);
        EXPECT_EQ(to_nfc(one), one) << "NFC is idempotent";
    }
}

struct NfdCase {
    const char* name;
    std::u32string input;
    std::u32string nfd;
};

TEST(Nfc, DecomposesToCanonicalOrder) {
    // Expected values from Python's unicodedata.normalize("NFD", …).
    const std::vector<NfdCase> cases = {
        {"EWithCircumflexAndTilde", U"ễ", U"e\u0302\u0303"},
        {"EWithCircumflexAndDotBelowPutsDotFirst", U"ệ", U"e\u0323\u0302"},  // ccc 220 before 230
        {"UWithHornAndDotBelow", U"ự", U"u\u031B\u0323"},                     // ccc 216 before 220
        {"CapitalAWithBreveAndDotBelow", U"Ặ", U"A\u0323\u0306"},
        {"OWithHornAndTilde", U"ỡ", U"o\u031B\u0303"},
        {"DStrokeHasNoDecomposition", U"Đđ", U"Đđ"},
        {"AsciiUnchanged", U"Nguyen Van An 12", U"Nguyen Van An 12"},
        {"MarksOutOfOrderAreReordered", U"e\u0302\u0323", U"e\u0323\u0302"},
        {"MarksSameClassKeepTheirOrder", U"a\u0301\u0300", U"a\u0301\u0300"},
        {"OutsideCoveragePassesThrough", U"日本 😀 й", U"日本 😀 й"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        EXPECT_EQ(to_nfd(c.input), c.nfd);
    }
}

struct NfcCase {
    const char* name;
    std::u32string input;
    std::u32string nfc;
};

TEST(Nfc, ComposesLikeUnicode) {
    // Expected values from Python's unicodedata.normalize("NFC", …).
    const std::vector<NfcCase> cases = {
        {"DecomposedName", U"Nguye\u0302\u0303n Thi\u0323 A\u0301nh", U"Nguyễn Thị Ánh"},
        {"WrongMarkOrderStillComposes", U"e\u0302\u0323", U"ệ"},
        {"HornThenDotBelow", U"u\u031B\u0323", U"ự"},
        {"DotBelowThenHorn", U"u\u0323\u031B", U"ự"},
        {"AlreadyComposed", U"Hà Nội", U"Hà Nội"},
        {"HalfComposed", U"ê\u0303", U"ễ"},
        {"ComposedPlusMarkWithNoPrecomposedForm", U"ạ\u0301", U"ạ\u0301"},
        {"BlockedSecondAcute", U"a\u0301\u0301", U"á\u0301"},
        {"MarkWithoutBaseStays", U"\u0301a", U"\u0301a"},
        {"DStroke", U"Đ", U"Đ"},
        {"OldAndNewTonePlacementStayDistinct", U"Hoà Hòa", U"Hoà Hòa"},
        {"Empty", U"", U""},
        {"OutsideCoveragePassesThrough", U"日本 😀", U"日本 😀"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        EXPECT_EQ(to_nfc(c.input), c.nfc);
    }
}

// to_nfc returns text of characters that pass its quick check as it is; NFC(x) = NFC(NFD(x)) (UAX #15)
// checks that shortcut against the full decompose-and-compose path, which every decomposed input takes.
TEST(Nfc, QuickCheckAgreesWithTheFullAlgorithmForEveryCharacterInReach) {
    int checked = 0;
    for (char32_t cp = 1; cp < 0x2500; ++cp) {
        for (const std::u32string& text : {std::u32string{cp}, std::u32string{U'a', cp}, std::u32string{cp, U'\u0301'}}) {
            ASSERT_EQ(to_nfc(text), to_nfc(to_nfd(text))) << std::hex << static_cast<uint32_t>(cp);
            ++checked;
        }
    }
    EXPECT_EQ(checked, 3 * 0x24FF);
    EXPECT_EQ(to_nfc(kVietnameseVowels), kVietnameseVowels);
}

TEST(Nfc, Utf8OverloadGivesByteEqualPrecomposedText) {
    const std::string decomposed = "Nguye\xCC\x82\xCC\x83n Thi\xCC\xA3 Lan, Phu\xCC\x9Bo\xCC\x9B\xCC\x80ng";
    const std::string precomposed = "Nguyễn Thị Lan, Phường";
    ASSERT_NE(decomposed, precomposed);
    EXPECT_EQ(to_nfc(std::string_view(decomposed)), precomposed);
    EXPECT_EQ(to_nfc(std::string_view(precomposed)), precomposed);
}

TEST(Nfc, Utf8OverloadReturnsInvalidUtf8Unchanged) {
    const std::string bad = "Nguy\xE1\xBB";
    EXPECT_EQ(to_nfc(std::string_view(bad)), bad);
    const std::string latin1 = "Caf\xE9";
    EXPECT_EQ(to_nfc(std::string_view(latin1)), latin1);
}

struct KeyCase {
    const char* name;
    std::string input;
    bool strip;
    std::string key;
};

TEST(MatchKey, LowerCasesAndOptionallyStripsMarks) {
    const std::vector<KeyCase> cases = {
        {"UpperCaseKeepsMarks", "HÀ NỘI", false, "hà nội"},
        {"UpperCaseStripped", "HÀ NỘI", true, "ha noi"},
        {"DecomposedKeepsMarksComposed", "Ha\xCC\x80 N\xE1\xBB\x99i", false, "hà nội"},
        {"DecomposedStripped", "Ha\xCC\x80 No\xCC\xA3\xCC\x82i", true, "ha noi"},
        {"CapitalDStrokeLowered", "ĐÀ NẴNG", false, "đà nẵng"},
        {"DStrokeBecomesDWhenStripped", "Đà Nẵng", true, "da nang"},
        {"HornLettersUpperCase", "ƯỚC ƠN", false, "ước ơn"},
        {"HornLettersStripped", "Phường", true, "phuong"},
        {"AsciiOnlyLowered", "TP. HCM", true, "tp. hcm"},
        {"AlreadyAKey", "quan 1", true, "quan 1"},
        {"Empty", "", true, ""},
        {"InvalidUtf8Unchanged", "HA\xFF", true, "HA\xFF"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        EXPECT_EQ(cccd::match_key(c.input, c.strip), c.key);
    }
}

TEST(MatchKey, MakesDecomposedUpperAndPlainSpellingsComparable) {
    const std::string forms[] = {"Hà Nội", "HÀ NỘI", "Ha\xCC\x80 No\xCC\xA3\xCC\x82i", "ha noi", "HA NOI"};
    for (const auto& f : forms) EXPECT_EQ(cccd::match_key(f, true), "ha noi") << f;
    EXPECT_NE(cccd::match_key("ha noi", false), cccd::match_key("Hà Nội", false));
}

TEST(MatchKey, PrecomposedTextKeysLikeItsDecomposedForm) {
    // NFC text is keyed a letter at a time from a table; decomposed text (it holds marks) by the whole
    // definition. Every character of the table's ranges, alone and between others, both ways, must agree.
    std::u32string all;
    for (char32_t cp = 0x20; cp < 0x250; ++cp) all.push_back(cp);
    for (char32_t cp = 0x1E00; cp < 0x1F00; ++cp) all.push_back(cp);
    uint32_t seed = 2024;
    const auto pick = [&] { return all[((seed = seed * 1664525u + 1013904223u) >> 8) % all.size()]; };
    std::vector<std::u32string> texts;
    for (char32_t cp : all) texts.push_back(std::u32string(1, cp));
    for (int n = 0; n < 2000; ++n) {
        std::u32string t;
        for (int k = 0; k < 1 + n % 9; ++k) t.push_back(pick());
        texts.push_back(t);
    }
    for (const std::u32string& t : texts) {
        const std::string nfc = cccd::encode_utf8(to_nfc(t)), nfd = cccd::encode_utf8(to_nfd(t));
        for (bool strip : {false, true}) ASSERT_EQ(cccd::match_key(nfc, strip), cccd::match_key(nfd, strip)) << nfc << " strip " << strip;
    }
}

TEST(HasDiacritics, DetectsVietnameseMarksAndDStroke) {
    EXPECT_TRUE(cccd::has_diacritics("Nguyễn"));
    EXPECT_TRUE(cccd::has_diacritics("Nguye\xCC\x82\xCC\x83n"));  // decomposed
    EXPECT_TRUE(cccd::has_diacritics("Dang Duc Đ"));
    EXPECT_TRUE(cccd::has_diacritics("đ"));
    EXPECT_TRUE(cccd::has_diacritics("Lê"));
    EXPECT_FALSE(cccd::has_diacritics("Nguyen Van An"));
    EXPECT_FALSE(cccd::has_diacritics("So 1, Phuong Ba Dinh, Ha Noi"));
    EXPECT_FALSE(cccd::has_diacritics(""));
    EXPECT_FALSE(cccd::has_diacritics("Nguy\xE1\xBB"));  // invalid UTF-8
}

}  // namespace
