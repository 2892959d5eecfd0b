// Tests for src/cccd/payload.cpp: cleaning transport noise from the QR text and splitting it into fields.
#include "cccd/payload.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace {

using cccd::split_payload;

struct SplitCase {
    const char* name;
    std::string text;
    std::vector<std::string> fields;
    bool bom;
    bool lineBreaks;
    std::optional<bool> spaces;  // nullopt: not asserted (see the CRLF-lines case)
};

// Test names in ctest/gtest output show the case name, not the bytes of the struct.
void PrintTo(const SplitCase& c, std::ostream* os) { *os << c.name; }

std::vector<SplitCase> split_cases() {
    return {
        {"Plain", "a|b|c", {"a", "b", "c"}, false, false, false},
        {"EmptyMiddleField", "a||c", {"a", "", "c"}, false, false, false},
        {"TrailingPipeKeepsAnEmptyLastField", "a|b|", {"a", "b", ""}, false, false, false},
        {"FourTrailingEmptyFields", "a|b||||", {"a", "b", "", "", "", ""}, false, false, false},
        {"LeadingPipe", "|a", {"", "a"}, false, false, false},
        {"OnlyPipe", "|", {"", ""}, false, false, false},
        {"Empty", "", {""}, false, false, false},
        {"OnlySpaces", "   ", {""}, false, false, false},
        {"NoSeparator", "https://example.com/?a=1", {"https://example.com/?a=1"}, false, false, false},
        {"Bom", "\xEF\xBB\xBF" "a|b", {"a", "b"}, true, false, false},
        {"OnlyBom", "\xEF\xBB\xBF", {""}, true, false, false},
        {"BomNotAtStartIsKept", "a|\xEF\xBB\xBF" "b", {"a", "\xEF\xBB\xBF" "b"}, false, false, false},
        {"TrailingCrLf", "a|b\r\n", {"a", "b"}, false, true, false},
        {"TrailingLf", "a|b\n", {"a", "b"}, false, true, false},
        {"TrailingCr", "a|b\r", {"a", "b"}, false, true, false},
        {"LeadingCrLf", "\r\na|b", {"a", "b"}, false, true, false},
        {"BomThenCrLf", "\xEF\xBB\xBF" "a|b\r\n", {"a", "b"}, true, true, false},
        {"TrailingSpacesAreNotLineBreaks", "a|b  \t", {"a", "b"}, false, false, false},
        {"SpacesAroundFields", " a | b |c ", {"a", "b", "c"}, false, false, true},
        {"TabsAroundFields", "a\t|\tb", {"a", "b"}, false, false, true},
        {"SpacesInsideFieldKept", "Nguyễn Văn An|Số 1, Hà Nội", {"Nguyễn Văn An", "Số 1, Hà Nội"}, false, false, false},
        {"TabInsideFieldKept", "a\tb|c", {"a\tb", "c"}, false, false, false},
        {"FieldsOnePerLine", "a\nb\nc", {"a", "b", "c"}, false, true, false},
        {"FieldsOnePerLineEmptyLine", "a\n\nc", {"a", "", "c"}, false, true, false},
        {"FieldsOnePerLineTrailingNewline", "a\nb\nc\n", {"a", "b", "c"}, false, true, false},
        // '\r' left at the end of each line is trimmed like a space; the spaces flag is not asserted.
        {"FieldsOnePerLineCrLf", "a\r\nb\r\n\r\nc\r\n", {"a", "b", "", "c"}, false, true, std::nullopt},
        {"LineBreakInsidePipeTextStaysInTheField", "a|b\nc|d", {"a", "b\nc", "d"}, false, true, false},
        {"SingleLineNoPipe", "abc", {"abc"}, false, false, false},
    };
}

class SplitPayload : public testing::TestWithParam<SplitCase> {};

TEST_P(SplitPayload, SplitsAndReportsNoise) {
    const SplitCase& c = GetParam();
    const auto s = split_payload(c.text);
    EXPECT_EQ(s.fields, c.fields);
    EXPECT_EQ(s.hadBom, c.bom);
    EXPECT_EQ(s.hadLineBreaks, c.lineBreaks);
    if (c.spaces) {
        EXPECT_EQ(s.hadSpacesAroundFields, *c.spaces);
    }
}

INSTANTIATE_TEST_SUITE_P(Table, SplitPayload, testing::ValuesIn(split_cases()),
                         [](const testing::TestParamInfo<SplitCase>& i) { return std::string(i.param.name); });

TEST(SplitPayload, ChipCardPayloadGivesSevenFields) {
    const auto s = split_payload(
        "001085012345|012345678|Nguyễn Văn An|15081985|Nam|Số 1, Phường Láng Thượng, Hà Nội|04102024");
    const std::vector<std::string> expected = {"001085012345", "012345678", "Nguyễn Văn An", "15081985",
                                               "Nam", "Số 1, Phường Láng Thượng, Hà Nội", "04102024"};
    EXPECT_EQ(s.fields, expected);
}

TEST(SplitPayload, CanCuoc2024PayloadKeepsItsFourEmptyReservedFields) {
    const auto s = split_payload("001085012345||Nguyễn Văn An|15081985|Nam|Hà Nội|04102024||||");
    ASSERT_EQ(s.fields.size(), 11u);
    for (size_t i = 7; i < 11; ++i) EXPECT_EQ(s.fields[i], "") << i;
}

TEST(SplitPayload, MaxPayloadBytesIsTheQrVersion40LByteCapacity) { EXPECT_EQ(cccd::kMaxPayloadBytes, 2953u); }

// --- Other separators: ';' and tabs, only when they give a card's field count ----------------------------

using cccd::Separator;

const std::vector<std::string> kChip = {"001085012345", "012345678", "Nguyễn Văn An", "15081985",
                                        "Nam", "Số 1, Phường Láng Thượng, Hà Nội", "04102024"};

std::string joined(const std::vector<std::string>& f, std::string_view sep) {
    std::string out;
    for (size_t i = 0; i < f.size(); ++i) out += (i ? std::string(sep) : "") + f[i];
    return out;
}

TEST(SplitPayload, PipeTextSaysPipe) {
    EXPECT_EQ(split_payload(joined(kChip, "|")).separator, Separator::pipe);
    EXPECT_EQ(split_payload("abc").separator, Separator::pipe);
    EXPECT_EQ(split_payload("a\nb").separator, Separator::line);
}

TEST(SplitPayload, SemicolonsGiveTheSameFieldsAsPipes) {
    const auto s = split_payload(joined(kChip, ";"));
    EXPECT_EQ(s.fields, kChip);
    EXPECT_EQ(s.separator, Separator::semicolon);
    EXPECT_FALSE(s.hadSpacesAroundFields);
}

TEST(SplitPayload, SemicolonsWithSpacesAndATrailingSemicolon) {
    auto expected = kChip;
    expected.push_back("");
    const auto s = split_payload(joined(kChip, " ; ") + ";\r\n");
    EXPECT_EQ(s.fields, expected);
    EXPECT_EQ(s.separator, Separator::semicolon);
    EXPECT_TRUE(s.hadSpacesAroundFields);
    EXPECT_TRUE(s.hadLineBreaks);
}

TEST(SplitPayload, SemicolonsCanCuoc2024KeepsFourEmptyReservedFields) {
    const auto s = split_payload(joined(kChip, ";") + ";;;;");
    ASSERT_EQ(s.fields.size(), 11u);
    EXPECT_EQ(s.separator, Separator::semicolon);
    for (size_t i = 7; i < 11; ++i) EXPECT_EQ(s.fields[i], "") << i;
}

TEST(SplitPayload, SemicolonsGivingNoCardFieldCountAreNotSeparators) {
    for (const std::string text : {"1;b;c", "1;b;c;d;e;f", "1;b;c;d;e;f;g;h", "1;b;c;d;e;f;g;h;i;j"}) {
        const auto s = split_payload(text);
        EXPECT_EQ(s.fields, std::vector<std::string>{text}) << text;
        EXPECT_EQ(s.separator, Separator::pipe) << text;
    }
}

// Other ';' texts a card reader meets: the first field has no ID number in it.
TEST(SplitPayload, WifiAndMecardQrTextsAreNotSplitAtSemicolons) {
    for (const std::string text : {"WIFI:T:WPA;S:Home;P:secret42;H:false;R:1;K:x;;",
                                   "MECARD:N:Nguyen,An;TEL:0901234567;EMAIL:a@b.vn;URL:x;ADR:y;NOTE:z;;"}) {
        const auto s = split_payload(text);
        EXPECT_EQ(s.fields, std::vector<std::string>{text}) << text;
        EXPECT_EQ(s.separator, Separator::pipe) << text;
    }
}

TEST(SplitPayload, PipesWinOverSemicolons) {
    const auto s = split_payload("1;b;c;d;e;f;g|h");
    EXPECT_EQ(s.fields, (std::vector<std::string>{"1;b;c;d;e;f;g", "h"}));
    EXPECT_EQ(s.separator, Separator::pipe);
}

TEST(SplitPayload, LinesWinOverSemicolons) {
    const auto s = split_payload("1;b;c;d;e;f;g\nh");
    EXPECT_EQ(s.fields, (std::vector<std::string>{"1;b;c;d;e;f;g", "h"}));
    EXPECT_EQ(s.separator, Separator::line);
}

TEST(SplitPayload, TabsGiveTheSameFieldsAsPipes) {
    const auto s = split_payload(joined(kChip, "\t") + "\r\n");
    EXPECT_EQ(s.fields, kChip);
    EXPECT_EQ(s.separator, Separator::tab);
    EXPECT_TRUE(s.hadLineBreaks);
    EXPECT_FALSE(s.hadSpacesAroundFields);
}

// A spreadsheet row's trailing empty cells are the Thẻ căn cước's reserved fields, not white space.
TEST(SplitPayload, TabRowKeepsItsTrailingEmptyCells) {
    const auto s = split_payload(joined(kChip, "\t") + "\t\t\t\t\r\n");
    ASSERT_EQ(s.fields.size(), 11u);
    EXPECT_EQ(s.separator, Separator::tab);
    EXPECT_EQ(s.fields[6], "04102024");
    for (size_t i = 7; i < 11; ++i) EXPECT_EQ(s.fields[i], "") << i;
}

TEST(SplitPayload, TabRowWithAnEmptyOldIdCell) {
    auto f = kChip;
    f[1] = "";
    EXPECT_EQ(split_payload(joined(f, "\t")).fields, f);
}

TEST(SplitPayload, TabsWinOverSemicolonsInsideCells) {
    auto f = kChip;
    f[5] = "Thôn 3; Xã Đông Anh, Hà Nội";
    const auto s = split_payload(joined(f, "\t"));
    EXPECT_EQ(s.fields, f);
    EXPECT_EQ(s.separator, Separator::tab);
}

TEST(SplitPayload, TabsGivingNoCardFieldCountAreNotSeparators) {
    const auto s = split_payload("1\tb\tc");
    EXPECT_EQ(s.fields, std::vector<std::string>{"1\tb\tc"});
    EXPECT_EQ(s.separator, Separator::pipe);
}

}  // namespace
