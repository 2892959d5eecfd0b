// Tests for src/cccd/parse_card.cpp: the whole pipeline from the QR text of a card to checked fields.
#include "cccd/parse_card.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "cccd/card_json.hpp"
#include "cccd/nfc.hpp"
#include "cccd/payload.hpp"
#include "cccd/utf8.hpp"

namespace {

using cccd::CardResult;
using cccd::Date;
using cccd::parse_card;

const Date kToday{2026, 11, 24};

// id|oldId|name|ddmmyyyy|sex|address|ddmmyyyy of a man born 15 Aug 1985 in Hà Nội: every check passes.
using Fields = std::array<std::string, 7>;
const Fields kBase = {"001085012345",
                      "012345678",
                      "Nguyễn Văn An",
                      "15081985",
                      "Nam",
                      "Số 1, Đường Láng, Phường Láng Thượng, Quận Đống Đa, Thành phố Hà Nội",
                      "04102024"};
enum Index { kId, kOldId, kName, kDob, kSex, kAddress, kIssue };

std::string join(const Fields& f, std::string_view sep = "|") {
    std::string out;
    for (size_t i = 0; i < f.size(); ++i) {
        if (i) out += sep;
        out += f[i];
    }
    return out;
}

struct Edit {
    int index;
    std::string value;
};

std::string edited(const std::vector<Edit>& edits, Fields f = kBase) {
    for (const auto& e : edits) f[e.index] = e.value;
    return join(f);
}

const std::string kValid = join(kBase);

CardResult parse(std::string_view text) { return parse_card(text, kToday); }

// "field:code" of each problem, in order.
std::vector<std::string> codes(const std::vector<cccd::Problem>& problems) {
    std::vector<std::string> out;
    for (const auto& p : problems) out.push_back(p.field + ":" + p.code);
    return out;
}

bool not_checked(const cccd::Check& c) { return c.detail.rfind("not checked: ", 0) == 0; }

std::vector<std::string> failed_checks(const CardResult& r) {
    std::vector<std::string> out;
    for (const auto& c : r.checks)
        if (!c.ok && !not_checked(c)) out.push_back(c.name);
    return out;
}

std::vector<std::string> unchecked(const CardResult& r) {
    std::vector<std::string> out;
    for (const auto& c : r.checks)
        if (!c.ok && not_checked(c)) out.push_back(c.name);
    return out;
}

void expect_base_fields(const cccd::CardFields& f) {
    EXPECT_EQ(f.id, "001085012345");
    EXPECT_EQ(f.oldId, "012345678");
    EXPECT_EQ(f.name, "Nguyễn Văn An");
    EXPECT_EQ(f.dateOfBirth, (Date{1985, 8, 15}));
    EXPECT_EQ(f.sex, "male");
    EXPECT_EQ(f.sexText, "Nam");
    EXPECT_EQ(f.address, kBase[kAddress]);
    EXPECT_EQ(f.issueDate, (Date{2024, 10, 4}));
}

// Windows-1252 0x80-0x9F; 0 marks an undefined byte (0x81 0x8D 0x8F 0x90 0x9D).
constexpr char32_t kWindows1252[32] = {
    U'€', 0,     U'‚', U'ƒ', U'„', U'…', U'†', U'‡', U'ˆ', U'‰', U'Š', U'‹', U'Œ', 0,     U'Ž', 0,
    0,     U'‘', U'’', U'“', U'”', U'•', U'–', U'—', U'˜', U'™', U'š', U'›', U'œ', 0,     U'ž', U'Ÿ'};
enum class Undefined { keepAsC1, drop };

// UTF-8 text as a keyboard-wedge scanner types it on a Windows-1252 PC.
std::string mojibake(std::string_view text, Undefined undefined = Undefined::keepAsC1) {
    std::u32string chars;
    for (char ch : text) {
        const auto b = static_cast<unsigned char>(ch);
        const char32_t mapped = (b >= 0x80 && b <= 0x9F) ? kWindows1252[b - 0x80] : b;
        if (mapped) chars.push_back(mapped);
        else if (undefined == Undefined::keepAsC1) chars.push_back(b);
    }
    return cccd::encode_utf8(chars);
}

// ---------------------------------------------------------------------------------------------------------

TEST(ParseCard, ValidChipCard) {
    const auto r = parse(kValid);
    EXPECT_TRUE(r.ok);
    EXPECT_EQ(r.format, "cccd-2021");
    expect_base_fields(r.fields);
    EXPECT_EQ(r.fields.addressParts.street, "Số 1, Đường Láng");
    EXPECT_EQ(r.fields.addressParts.ward, "Phường Láng Thượng");
    EXPECT_EQ(r.fields.addressParts.district, "Quận Đống Đa");
    EXPECT_EQ(r.fields.addressParts.provinceCode, "001");
    EXPECT_TRUE(r.fields.extra.empty());
    ASSERT_EQ(r.checks.size(), 12u);
    for (const auto& c : r.checks) EXPECT_TRUE(c.ok) << c.name << ": " << c.detail;
    EXPECT_TRUE(r.warnings.empty());
    EXPECT_TRUE(r.errors.empty());
    EXPECT_FALSE(r.repaired);
    EXPECT_EQ(r.rawFields, std::vector<std::string>(kBase.begin(), kBase.end()));
}

TEST(ParseCard, EmptyOldIdIsValid) {
    const auto r = parse(edited({{kOldId, ""}}));
    EXPECT_TRUE(r.ok);
    EXPECT_EQ(r.fields.oldId, "");
    EXPECT_TRUE(r.warnings.empty());
}

// --- Format variants -------------------------------------------------------------------------------------

struct FormatCase {
    const char* name;
    std::string text;
    std::string format;
    std::vector<std::string> extra;
    std::vector<std::string> warnings;
    size_t rawFieldCount;
};

// Test names in ctest/gtest output show the case name, not the bytes of the struct.
void PrintTo(const FormatCase& c, std::ostream* os) { *os << c.name; }

std::vector<FormatCase> format_cases() {
    return {
        {"Chip2021SevenFields", kValid, "cccd-2021", {}, {}, 7},
        {"Chip2021TrailingPipe", kValid + "|", "cccd-2021", {}, {}, 8},
        {"CanCuoc2024FourEmptyReservedFields", kValid + "||||", "can-cuoc-2024", {"", "", "", ""}, {}, 11},
        {"CanCuoc2024TrailingPipe", kValid + "|||||", "can-cuoc-2024", {"", "", "", ""}, {}, 12},
        {"CanCuoc2024ReservedFieldsUsed", kValid + "|Nguyễn Văn Bình|||", "can-cuoc-2024",
         {"Nguyễn Văn Bình", "", "", ""}, {"payload:reserved-fields-used"}, 11},
        {"CanCuoc2024LastReservedFieldUsed", kValid + "||||X", "can-cuoc-2024", {"", "", "", "X"},
         {"payload:reserved-fields-used"}, 11},
        {"ExtendedOneUnknownField", kValid + "|X", "cccd-extended", {"X"}, {"payload:unknown-fields"}, 8},
        {"ExtendedTwoUnknownFields", kValid + "|X|Y", "cccd-extended", {"X", "Y"}, {"payload:unknown-fields"}, 9},
        {"ExtendedTwoTrailingPipes", kValid + "||", "cccd-extended", {"", ""}, {"payload:unknown-fields"}, 9},
        {"ExtendedTenFields", kValid + "|X||", "cccd-extended", {"X", "", ""}, {"payload:unknown-fields"}, 10},
        {"ExtendedTwelveFields", kValid + "|||||X", "cccd-extended", {"", "", "", "", "X"},
         {"payload:unknown-fields"}, 12},
        {"ExtendedThirteenFieldsWithTrailingPipe", kValid + "|a|b|c|d|e|", "cccd-extended",
         {"a", "b", "c", "d", "e", ""}, {"payload:unknown-fields"}, 13},
    };
}

class FormatVariant : public testing::TestWithParam<FormatCase> {};

TEST_P(FormatVariant, DetectsFormatAndKeepsExtraFields) {
    const FormatCase& c = GetParam();
    const auto r = parse(c.text);
    EXPECT_TRUE(r.ok);
    EXPECT_EQ(r.format, c.format);
    expect_base_fields(r.fields);
    EXPECT_EQ(r.fields.extra, c.extra);
    EXPECT_EQ(codes(r.warnings), c.warnings);
    EXPECT_TRUE(r.errors.empty()) << testing::PrintToString(codes(r.errors));
    EXPECT_EQ(r.rawFields.size(), c.rawFieldCount);
    EXPECT_EQ(r.checks.size(), 12u);
}

INSTANTIATE_TEST_SUITE_P(Table, FormatVariant, testing::ValuesIn(format_cases()),
                         [](const testing::TestParamInfo<FormatCase>& i) { return std::string(i.param.name); });

TEST(ParseCard, UnknownFieldsWarningCountsTheFields) {
    const auto r = parse(kValid + "|X|Y");
    ASSERT_EQ(r.warnings.size(), 1u);
    EXPECT_EQ(r.warnings[0].message, "2 fields after the seventh in an unknown layout; kept in fields.extra");
}

TEST(ParseCard, CanCuoc2024IssuedBeforeJuly2024IsFlagged) {
    const auto before = parse(edited({{kIssue, "30062024"}}) + "||||");
    EXPECT_TRUE(before.ok);
    EXPECT_EQ(codes(before.warnings), std::vector<std::string>{"issueDate:format-date-mismatch"});
    const auto onDay = parse(edited({{kIssue, "01072024"}}) + "||||");
    EXPECT_TRUE(onDay.ok);
    EXPECT_TRUE(onDay.warnings.empty());
    const auto chipBefore = parse(edited({{kIssue, "30062024"}}));
    EXPECT_TRUE(chipBefore.warnings.empty()) << "the chip CCCD layout has no start date";
}

// --- Transport noise: each variant must give exactly the result of the clean text -----------------------

struct NoiseCase {
    const char* name;
    std::string text;
};

void PrintTo(const NoiseCase& c, std::ostream* os) { *os << c.name; }

std::string nfd(std::string_view s) { return cccd::encode_utf8(cccd::to_nfd(*cccd::decode_utf8(s))); }

std::string spaced(const Fields& f, const std::string& pad) {
    std::string out;
    for (size_t i = 0; i < f.size(); ++i) out += (i ? "|" : "") + pad + f[i] + pad;
    return out;
}

std::vector<NoiseCase> noise_cases() {
    return {
        {"TrailingCrLf", kValid + "\r\n"},
        {"TrailingLf", kValid + "\n"},
        {"TrailingCr", kValid + "\r"},
        {"LeadingCrLf", "\r\n" + kValid},
        {"Bom", "\xEF\xBB\xBF" + kValid},
        {"BomAndCrLf", "\xEF\xBB\xBF" + kValid + "\r\n"},
        {"SpacesAroundFields", spaced(kBase, " ")},
        {"TabsAroundFields", spaced(kBase, "\t")},
        {"SpacesAroundWholeText", "   " + kValid + "   "},
        {"FieldsOnePerLine", join(kBase, "\n")},
        {"FieldsOnePerLineCrLf", join(kBase, "\r\n") + "\r\n"},
        {"FieldsOnePerLineTrailingNewline", join(kBase, "\n") + "\n"},
        {"FieldsOnePerLineWithBom", "\xEF\xBB\xBF" + join(kBase, "\n")},
        {"WholeTextDecomposed", nfd(kValid)},
        {"NameDecomposed", edited({{kName, nfd(kBase[kName])}})},
        {"AddressDecomposed", edited({{kAddress, nfd(kBase[kAddress])}})},
    };
}

class TransportNoise : public testing::TestWithParam<NoiseCase> {};

TEST_P(TransportNoise, GivesByteIdenticalResult) {
    const std::string& text = GetParam().text;
    ASSERT_NE(text, kValid);
    const auto clean = parse(kValid);
    const auto noisy = parse(text);
    EXPECT_TRUE(noisy.ok);
    expect_base_fields(noisy.fields);
    EXPECT_EQ(noisy.rawFields, clean.rawFields);
    EXPECT_EQ(cccd::to_json(noisy), cccd::to_json(clean));
}

INSTANTIATE_TEST_SUITE_P(Table, TransportNoise, testing::ValuesIn(noise_cases()),
                         [](const testing::TestParamInfo<NoiseCase>& i) { return std::string(i.param.name); });

TEST(ParseCard, FieldsOnePerLineWithEmptyOldId) {
    Fields f = kBase;
    f[kOldId] = "";
    const auto r = parse(join(f, "\n") + "\n");
    EXPECT_TRUE(r.ok);
    EXPECT_EQ(r.format, "cccd-2021");
    EXPECT_EQ(r.fields.oldId, "");
    EXPECT_EQ(r.fields.name, "Nguyễn Văn An");
    EXPECT_EQ(r.fields.issueDate, (Date{2024, 10, 4}));
}

TEST(ParseCard, DecomposedNameGivesByteEqualPrecomposedFields) {
    const std::string decomposed = "Nguye\xCC\x82\xCC\x83n Va\xCC\x86n An";
    ASSERT_NE(decomposed, kBase[kName]);
    const auto r = parse(edited({{kName, decomposed}}));
    EXPECT_EQ(r.fields.name, kBase[kName]);
    EXPECT_EQ(r.rawFields[kName], kBase[kName]);
    EXPECT_EQ(cccd::to_json(r), cccd::to_json(parse(kValid)));
}

// A Thẻ căn cước sent one field per line loses its four empty reserved fields when trailing line breaks
// are trimmed, and is then reported as a chip CCCD. Enable once payload.cpp/parse_card.cpp keep them.
TEST(ParseCard, CanCuoc2024SentOnePerLineKeepsItsFormat) {
    const auto r = parse(join(kBase, "\n") + "\n\n\n\n\n");
    EXPECT_EQ(r.format, "can-cuoc-2024");
}

// --- Each check failing on its own --------------------------------------------------------------------

struct BreakCase {
    const char* name;
    std::vector<Edit> edits;
    std::vector<std::string> failed;     // checks that fail
    std::vector<std::string> unchecked;  // checks that cannot run ("not checked: …")
    std::vector<std::string> errors;     // field:code
    std::vector<std::string> warnings;   // field:code
    bool ok;
};

void PrintTo(const BreakCase& c, std::ostream* os) { *os << c.name; }

std::vector<BreakCase> break_cases() {
    const std::vector<std::string> idDeps = {"id.province", "id.centurySex", "id.birthYear"};
    const std::vector<std::string> dobDeps = {"id.centurySex", "id.birthYear", "dates.order", "age.plausible"};
    return {
        {"IdNotDigits", {{kId, "00108501234X"}}, {"id.digits"}, idDeps, {"id:not-digits"}, {}, false},
        {"IdWrongLength", {{kId, "00108501234"}}, {"id.digits"}, idDeps, {"id:wrong-length"}, {}, false},
        {"IdMissing", {{kId, ""}}, {"id.digits"}, idDeps, {"id:missing"}, {}, false},
        {"IdProvince", {{kId, "003085012345"}}, {"id.province"}, {}, {"id:unknown-province"}, {}, false},
        {"IdCenturySex", {{kId, "001185012345"}}, {"id.centurySex"}, {}, {"id:century-sex"}, {}, false},
        {"IdBirthYear", {{kId, "001086012345"}}, {"id.birthYear"}, {}, {"id:birth-year"}, {}, false},
        {"OldIdWrongLength", {{kOldId, "01234567"}}, {"oldId.digits"}, {}, {"oldId:wrong-length"}, {}, false},
        {"OldIdNotDigits", {{kOldId, "01234567X"}}, {"oldId.digits"}, {}, {"oldId:not-digits"}, {}, false},
        {"NameMissing", {{kName, ""}}, {"name.present"}, {}, {"name:missing"}, {}, false},
        {"NameWithDigit", {{kName, "Nguyễn Văn An2"}}, {"name.present"}, {}, {"name:not-a-name"}, {}, false},
        {"DateOfBirthInvalid", {{kDob, "32081985"}}, {"dateOfBirth.valid"}, dobDeps, {"dateOfBirth:invalid-date"}, {},
         false},
        {"DateOfBirthMissing", {{kDob, ""}}, {"dateOfBirth.valid"}, dobDeps, {"dateOfBirth:missing"}, {}, false},
        {"DateOfBirthSlashes", {{kDob, "15/08/1985"}}, {"dateOfBirth.valid"}, dobDeps, {"dateOfBirth:invalid-date"},
         {}, false},
        {"SexInvalid", {{kSex, "X"}}, {"sex.valid"}, {"id.centurySex"}, {"sex:invalid-sex"}, {}, false},
        {"SexMissing", {{kSex, ""}}, {"sex.valid"}, {"id.centurySex"}, {"sex:missing"}, {}, false},
        {"IssueDateInvalid", {{kIssue, "31022021"}}, {"issueDate.valid"}, {"dates.order"},
         {"issueDate:invalid-date"}, {}, false},
        {"IssueDateMissing", {{kIssue, ""}}, {"issueDate.valid"}, {"dates.order"}, {"issueDate:missing"}, {}, false},
        // Issued before birth: the error says it all; no redundant "issued before age 14" warning.
        {"IssuedBeforeBirth", {{kIssue, "14081985"}}, {"dates.order"}, {}, {"issueDate:issued-before-birth"},
         {}, false},
        {"IssuedAfterToday", {{kIssue, "25112026"}}, {"dates.order"}, {}, {"issueDate:issued-in-future"}, {}, false},
        {"OlderThan120", {{kId, "001000012345"}, {kDob, "01011900"}}, {"age.plausible"}, {},
         {"dateOfBirth:implausible-age"}, {}, false},
        // Born after today: no issue date can be both after birth and not after today.
        {"BornInFuture", {{kId, "001226012345"}, {kDob, "25112026"}}, {"dates.order", "age.plausible"}, {},
         {"issueDate:issued-before-birth", "dateOfBirth:born-in-future"}, {}, false},
        {"AddressUnknownProvinceIsOnlyAWarning", {{kAddress, "Số 1, Phường Láng Thượng, Atlantis"}},
         {"address.province"}, {}, {}, {"address:unknown-province"}, true},
        {"AddressWithoutProvinceIsOnlyAWarning", {{kAddress, "Số 1, Phường Láng Thượng, Quận Đống Đa"}},
         {"address.province"}, {}, {}, {"address:unknown-province"}, true},
        {"AddressMissing", {{kAddress, ""}}, {"address.province"}, {}, {"address:missing"}, {}, false},
    };
}

class BreakOneThing : public testing::TestWithParam<BreakCase> {};

TEST_P(BreakOneThing, ExactlyThatCheckFails) {
    const BreakCase& c = GetParam();
    const auto r = parse(edited(c.edits));
    EXPECT_EQ(r.format, "cccd-2021");
    EXPECT_EQ(r.checks.size(), 12u);
    EXPECT_EQ(failed_checks(r), c.failed);
    EXPECT_EQ(unchecked(r), c.unchecked);
    EXPECT_EQ(codes(r.errors), c.errors);
    EXPECT_EQ(codes(r.warnings), c.warnings);
    EXPECT_EQ(r.ok, c.ok);
    // Each problem from a check says which check in its message.
    for (const auto* list : {&r.errors, &r.warnings})
        for (const auto& p : *list) {
            if (p.code == "issued-under-14") continue;
            const bool named = std::any_of(c.failed.begin(), c.failed.end(),
                                           [&](const std::string& n) { return p.message.rfind(n + ": ", 0) == 0; });
            EXPECT_TRUE(named) << p.message;
        }
}

INSTANTIATE_TEST_SUITE_P(Table, BreakOneThing, testing::ValuesIn(break_cases()),
                         [](const testing::TestParamInfo<BreakCase>& i) { return std::string(i.param.name); });

TEST(ParseCard, AllFieldsEmptyReportsEachMissingField) {
    const auto r = parse("||||||");
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.format, "cccd-2021");
    const std::vector<std::string> expected = {"id:missing",  "name:missing",    "dateOfBirth:missing",
                                               "sex:missing", "issueDate:missing", "address:missing"};
    EXPECT_EQ(codes(r.errors), expected);
    EXPECT_TRUE(r.warnings.empty());
}

// --- Boundaries ----------------------------------------------------------------------------------------

struct BoundaryCase {
    const char* name;
    std::string text;
    bool ok;
    std::vector<std::string> errors;
    std::vector<std::string> warnings;
};

void PrintTo(const BoundaryCase& c, std::ostream* os) { *os << c.name; }

std::vector<BoundaryCase> boundary_cases() {
    const auto card2024 = [](std::vector<Edit> e) { return edited(e) + "||||"; };
    return {
        {"IssuedToday", edited({{kIssue, "24112026"}}), true, {}, {}},
        {"IssuedTomorrow", edited({{kIssue, "25112026"}}), false, {"issueDate:issued-in-future"}, {}},
        {"IssuedOnBirthDayCanCuoc", card2024({{kId, "001224012345"}, {kDob, "04102024"}, {kIssue, "04102024"}}), true,
         {}, {}},
        {"IssuedOnBirthDayChipCard", edited({{kId, "001224012345"}, {kDob, "04102024"}, {kIssue, "04102024"}}), true,
         {}, {"issueDate:issued-under-14"}},
        {"BornToday", card2024({{kId, "001226012345"}, {kDob, "24112026"}, {kIssue, "24112026"}}), true, {}, {}},
        {"BornTomorrow", card2024({{kId, "001226012345"}, {kDob, "25112026"}, {kIssue, "24112026"}}), false,
         {"issueDate:issued-before-birth", "dateOfBirth:born-in-future"}, {}},
        {"Age120", edited({{kId, "001005012345"}, {kDob, "25111905"}}), true, {}, {}},
        {"Age121", edited({{kId, "001005012345"}, {kDob, "24111905"}}), false, {"dateOfBirth:implausible-age"}, {}},
        {"ChipCardIssuedOnFourteenthBirthday", edited({{kId, "001207012345"}, {kDob, "15082007"}, {kIssue, "15082021"}}),
         true, {}, {}},
        {"ChipCardIssuedDayBeforeFourteenthBirthday",
         edited({{kId, "001207012345"}, {kDob, "15082007"}, {kIssue, "14082021"}}), true, {},
         {"issueDate:issued-under-14"}},
        {"CanCuocIssuedToChildHasNoAgeWarning",
         card2024({{kId, "001220012345"}, {kDob, "15082020"}, {kIssue, "04102024"}}), true, {}, {}},
        {"LeapDayBirth2000", edited({{kId, "001200012345"}, {kDob, "29022000"}}), true, {}, {}},
        {"LeapDayBirth1900", edited({{kId, "001000012345"}, {kDob, "29021900"}}), false,
         {"dateOfBirth:invalid-date"}, {}},
        {"LeapDayIssue2024", edited({{kIssue, "29022024"}}), true, {}, {}},
        {"LeapDayIssue2023", edited({{kIssue, "29022023"}}), false, {"issueDate:invalid-date"}, {}},
        {"LastDayOfMonth", edited({{kDob, "31081985"}, {kIssue, "30042024"}}), true, {}, {}},
        {"DayAfterLastDayOfMonth", edited({{kIssue, "31042024"}}), false, {"issueDate:invalid-date"}, {}},
        {"Month13", edited({{kDob, "15131985"}}), false, {"dateOfBirth:invalid-date"}, {}},
        {"Month00", edited({{kDob, "15001985"}}), false, {"dateOfBirth:invalid-date"}, {}},
    };
}

class Boundary : public testing::TestWithParam<BoundaryCase> {};

TEST_P(Boundary, OkFlipsExactlyAtTheBoundary) {
    const BoundaryCase& c = GetParam();
    const auto r = parse(c.text);
    EXPECT_EQ(r.ok, c.ok);
    EXPECT_EQ(codes(r.errors), c.errors);
    EXPECT_EQ(codes(r.warnings), c.warnings);
}

INSTANTIATE_TEST_SUITE_P(Table, Boundary, testing::ValuesIn(boundary_cases()),
                         [](const testing::TestParamInfo<BoundaryCase>& i) { return std::string(i.param.name); });

// --- Century and sex digit ------------------------------------------------------------------------------

struct CenturyCase {
    const char* name;
    std::string id, dob, sexText;
    bool ok;
};

TEST(ParseCard, CenturySexDigit) {
    const std::vector<CenturyCase> cases = {
        {"Man1900sDigit0", "001085012345", "15081985", "Nam", true},
        {"Woman1900sDigit1", "001185012345", "15081985", "Nữ", true},
        {"Man2000sDigit2", "001205012345", "15082005", "Nam", true},
        {"Woman2000sDigit3", "001305012345", "15082005", "Nữ", true},
        {"Woman2000sWithDigit1", "001105012345", "15082005", "Nữ", false},
        {"Woman2000sWithDigit2", "001205012345", "15082005", "Nữ", false},
        {"Man1900sWithDigit2", "001285012345", "15081985", "Nam", false},
        {"Woman1900sWithDigit0", "001085012345", "15081985", "Nữ", false},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const auto r = parse(edited({{kId, c.id}, {kDob, c.dob}, {kSex, c.sexText}}));
        const auto failed = failed_checks(r);
        const bool centuryFailed = std::find(failed.begin(), failed.end(), "id.centurySex") != failed.end();
        EXPECT_EQ(r.ok, c.ok) << testing::PrintToString(codes(r.errors));
        EXPECT_EQ(centuryFailed, !c.ok);
        if (!c.ok) {
            EXPECT_EQ(codes(r.errors), std::vector<std::string>{"id:century-sex"});
        }
    }
}

TEST(ParseCard, CenturySexErrorExplainsTheExpectedDigit) {
    const auto r = parse(edited({{kId, "001105012345"}, {kDob, "15082005"}, {kSex, "Nữ"}}));
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].message, "id.centurySex: digit 4 is 1 but a female born 2005 has 3");
}

// --- Sex spellings --------------------------------------------------------------------------------------

struct SexCase {
    const char* name;
    std::string text;
    std::string sex;  // empty: not recognised
    bool spellingWarning;
};

TEST(ParseCard, SexSpellings) {
    const std::vector<SexCase> cases = {
        {"Nam", "Nam", "male", false},
        {"Nu", "Nữ", "female", false},
        {"NuDecomposed", "Nu\xCC\x9B\xCC\x83", "female", false},  // NFC makes it the printed spelling
        {"UpperNam", "NAM", "male", true},
        {"UpperNu", "NỮ", "female", true},
        {"NuWithoutMarks", "Nu", "female", true},
        {"EnglishMale", "Male", "male", true},
        {"EnglishFemale", "female", "female", true},
        {"LetterM", "M", "male", true},
        {"LetterF", "F", "female", true},
        {"Unknown", "Khác", "", false},
        {"NamWithSuffix", "Nam giới", "", false},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const bool female = c.sex == "female";
        const auto r = parse(edited({{kId, female ? "001185012345" : "001085012345"}, {kSex, c.text}}));
        EXPECT_EQ(r.fields.sex, c.sex);
        EXPECT_EQ(r.fields.sexText, cccd::to_nfc(std::string_view(c.text)));
        const auto w = codes(r.warnings);
        EXPECT_EQ(std::find(w.begin(), w.end(), "sex:sex-spelling") != w.end(), c.spellingWarning);
        if (c.sex.empty()) {
            EXPECT_FALSE(r.ok);
            EXPECT_EQ(codes(r.errors), std::vector<std::string>{"sex:invalid-sex"});
        } else {
            EXPECT_TRUE(r.ok);
        }
    }
}

// --- Lost diacritics and letters ------------------------------------------------------------------------

TEST(ParseCard, LostDiacriticsGiveAWarningOnly) {
    const auto r = parse("001085012345|012345678|Nguyen Van An|15081985|Nam|So 1, Duong Lang, Phuong Lang Thuong, "
                         "Quan Dong Da, Thanh pho Ha Noi|04102024");
    EXPECT_TRUE(r.ok);
    EXPECT_EQ(codes(r.warnings), std::vector<std::string>{"name:no-diacritics"});
    EXPECT_EQ(r.fields.addressParts.provinceCode, "001");
    EXPECT_FALSE(r.fields.addressParts.provinceExact);
}

TEST(ParseCard, NameWithoutDiacriticsButAddressWithThemIsNotFlagged) {
    const auto r = parse(edited({{kName, "Nguyen Van An"}}));
    EXPECT_TRUE(r.ok);
    EXPECT_TRUE(r.warnings.empty());
}

TEST(ParseCard, LostLettersGiveAWarningOnly) {
    // A scanner that drops non-ASCII letters: "Nguyễn Thị Lan" -> "Nguyn Th Lan". Only words left without any
    // vowel are noticed; "Nguyn" alone is not (the no-diacritics warning covers a card that lost every mark).
    for (const char* name : {"Nguyn Vn An", "Nguyn Th Lan", "Nguyễn Văn Hng", "Trn Minh Tun"}) {
        SCOPED_TRACE(name);
        const auto r = parse(edited({{kName, name}}));
        EXPECT_TRUE(r.ok);
        EXPECT_EQ(r.fields.name, name);
        EXPECT_EQ(codes(r.warnings), std::vector<std::string>{"name:letters-missing"});
    }
}

TEST(ParseCard, LostLettersWinOverLostDiacritics) {
    const auto r = parse("001085012345||Nguyn Vn An|15081985|Nam|So 1, Ha Noi|04102024");
    EXPECT_EQ(codes(r.warnings), std::vector<std::string>{"name:letters-missing"});
}

// --- Keyboard-wedge mojibake ----------------------------------------------------------------------------

// An address whose letters never lose a byte to Windows-1252 except Đ (C4 90), which can be restored.
const std::string kSafeAddress = "Thôn Đông, Xã Tân Lập, Huyện Đan Phượng, Thành phố Hà Nội";

TEST(ParseCard, MojibakeIsRepairedToTheExactFields) {
    const auto clean = parse(kValid);
    const auto r = parse(mojibake(kValid));
    EXPECT_TRUE(r.ok);
    EXPECT_TRUE(r.repaired);
    EXPECT_EQ(codes(r.warnings), std::vector<std::string>{"payload:mojibake-repaired"});
    expect_base_fields(r.fields);
    EXPECT_EQ(r.rawFields, clean.rawFields);
}

TEST(ParseCard, MojibakeWithC1CharactersForUndefinedBytesIsRepairedExactly) {
    // ọ (E1 BB 8D), Á (C3 81), Ý (C3 9D), ờ (E1 BB 9D), Đ (C4 90) all contain an undefined byte.
    const std::string text = edited({{kId, "001185012345"}, {kName, "Đỗ Ngọc Ánh Ý"}, {kSex, "Nữ"}});
    const auto r = parse(mojibake(text, Undefined::keepAsC1));
    EXPECT_TRUE(r.ok);
    EXPECT_TRUE(r.repaired);
    EXPECT_EQ(r.fields.name, "Đỗ Ngọc Ánh Ý");
    EXPECT_EQ(r.fields.address, kBase[kAddress]);  // "Phường" has ờ
    EXPECT_EQ(r.rawFields, parse(text).rawFields);
    EXPECT_EQ(codes(r.warnings), std::vector<std::string>{"payload:mojibake-repaired"});
}

TEST(ParseCard, MojibakeWithDroppedDStrokeByteIsRepairedExactly) {
    const std::string text = edited({{kName, "Đặng Văn Đức"}, {kAddress, kSafeAddress}});
    const auto r = parse(mojibake(text, Undefined::drop));
    EXPECT_TRUE(r.ok);
    EXPECT_TRUE(r.repaired);
    EXPECT_EQ(codes(r.warnings), std::vector<std::string>{"payload:mojibake-repaired"});
    EXPECT_EQ(r.fields.name, "Đặng Văn Đức");
    EXPECT_EQ(r.fields.address, kSafeAddress);
    EXPECT_EQ(r.fields.addressParts.provinceCode, "001");
}

TEST(ParseCard, MojibakeWithAmbiguousDroppedByteIsAnError) {
    const std::string text =
        edited({{kId, "001185012345"}, {kName, "Trần Thị Ngọc Diễm"}, {kSex, "Nữ"}, {kAddress, kSafeAddress}});
    const auto r = parse(mojibake(text, Undefined::drop));
    EXPECT_FALSE(r.ok);
    EXPECT_TRUE(r.repaired);
    EXPECT_EQ(r.fields.name, "Trần Thị Ng\uFFFDc Diễm");
    EXPECT_EQ(r.fields.address, kSafeAddress);
    EXPECT_EQ(codes(r.errors), std::vector<std::string>{"payload:mojibake-partial"});
    ASSERT_FALSE(r.errors.empty());
    EXPECT_NE(r.errors[0].message.find("1 letter(s)"), std::string::npos) << r.errors[0].message;
    // "Ng\uFFFDc" has no vowel left.
    EXPECT_EQ(codes(r.warnings), std::vector<std::string>{"name:letters-missing"});
    for (const auto& c : r.checks) EXPECT_TRUE(c.ok) << c.name;  // only the repair itself is in doubt
}

TEST(ParseCard, DoubleEncodedMojibakeIsRepaired) {
    const auto r = parse(mojibake(mojibake(kValid)));
    EXPECT_TRUE(r.ok);
    EXPECT_TRUE(r.repaired);
    expect_base_fields(r.fields);
}

TEST(ParseCard, MojibakeWithCrLfIsRepaired) {
    const auto r = parse(mojibake(kValid) + "\r\n");
    EXPECT_TRUE(r.ok);
    expect_base_fields(r.fields);
}

TEST(ParseCard, MojibakeOfABomIsRepairedAndDropped) {
    const auto r = parse(mojibake("\xEF\xBB\xBF" + kValid));  // "ï»¿Nguyá»…n…"
    EXPECT_TRUE(r.ok);
    EXPECT_TRUE(r.repaired);
    expect_base_fields(r.fields);
}

TEST(ParseCard, BomBeforeMojibakeDoesNotStopTheRepair) {
    const auto r = parse("\xEF\xBB\xBF" + mojibake(kValid));
    EXPECT_TRUE(r.repaired);
    EXPECT_TRUE(r.ok);
    expect_base_fields(r.fields);
}

TEST(ParseCard, RealLatin1TextIsNotRepaired) {
    // Every letter here is in Latin-1, so the whole text could be read as Windows-1252 bytes; it is not UTF-8
    // once read that way and must be left alone.
    const std::string text = "079185012345||Zoë Müller|15081985|Nữ|Café Crème, Sài Gòn|04102024";
    const auto r = parse(text);
    EXPECT_FALSE(r.repaired);
    EXPECT_TRUE(r.ok);
    EXPECT_EQ(r.fields.name, "Zoë Müller");
    EXPECT_EQ(r.fields.address, "Café Crème, Sài Gòn");
    EXPECT_EQ(r.fields.addressParts.provinceCode, "079");
}

// --- Garbage --------------------------------------------------------------------------------------------

struct GarbageCase {
    const char* name;
    std::string text;
    std::string code;
};

void PrintTo(const GarbageCase& c, std::ostream* os) { *os << c.name; }

std::string bytes_of_length(size_t n) {
    // A valid payload padded in the street part to exactly n bytes.
    const std::string head = "001085012345|012345678|Nguyễn Văn An|15081985|Nam|Số ";
    const std::string tail = ", Phường Láng Thượng, Thành phố Hà Nội|04102024";
    return head + std::string(n - head.size() - tail.size(), '1') + tail;
}

std::vector<GarbageCase> garbage_cases() {
    return {
        {"Empty", "", "empty"},
        {"OnlySpaces", "     ", "empty"},
        {"OnlyLineBreaks", "\r\n\r\n", "empty"},
        {"OnlyBom", "\xEF\xBB\xBF", "empty"},
        {"BinaryWithNul", std::string("\x00\x01\x02\x03PK", 6), "control-characters"},
        {"NulInsideValidPayload", kValid.substr(0, 20) + std::string(1, '\0') + kValid.substr(20),
         "control-characters"},
        {"Escape", "\x1B[31m" + kValid, "control-characters"},
        {"Del", kValid + "\x7F", "control-characters"},
        {"InvalidUtf8", "\xFF\xFE\xFD\xFC", "not-utf8"},
        {"BinaryImageHeader", std::string("\x89PNG\r\n\x1A\n\0\0\0\x0DIHDR", 16), "not-utf8"},
        {"TruncatedUtf8InName", edited({{kName, "Nguy\xE1\xBB"}}), "not-utf8"},
        {"Latin1EncodedPayload", edited({{kName, "Nguy\xEAn"}}), "not-utf8"},
        {"Surrogate", edited({{kName, "\xED\xA0\x80"}}), "not-utf8"},
        {"OneMegabyte", std::string(1 << 20, 'A'), "too-long"},
        {"OneMegabyteOfPayloads", [] {
             std::string s;
             while (s.size() < (1u << 20)) s += kValid;
             return s;
         }(),
         "too-long"},
        {"OneByteOverQrCapacity", bytes_of_length(cccd::kMaxPayloadBytes + 1), "too-long"},
        {"Url", "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html", "not-a-card"},
        {"Number", "001085012345", "not-a-card"},
        {"WifiQr", "WIFI:S:Home;T:WPA;P:secret;;", "not-a-card"},
        {"FieldsOnLinesButTooFew", "001085012345\nNguyễn Văn An", "field-count"},
        {"HealthInsuranceCard", "GD4797933123456|4e677579e1bb856e2056c4836e20416e|15/08/1985|1|"
                                "4bc3a12063206e68c3a26e|79 - 024|01/01/2024|-|06/01/2024|79024GD4797933123456|-|4|"
                                "01/01/2019|abc123-def|$",
         "health-insurance-card"},
        {"HealthInsuranceCardShort", "DN4010123456789|x", "health-insurance-card"},
        {"TooFewFields", "a|b|c", "field-count"},
        {"SixFields", kValid.substr(0, kValid.rfind('|')), "field-count"},
        {"OnlyPipe", "|", "field-count"},
    };
}

class Garbage : public testing::TestWithParam<GarbageCase> {};

TEST_P(Garbage, IsRejectedWithASensibleCode) {
    const GarbageCase& c = GetParam();
    const auto r = parse(c.text);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.format, "unknown");
    ASSERT_EQ(r.errors.size(), 1u) << testing::PrintToString(codes(r.errors));
    EXPECT_EQ(r.errors[0].field, "payload");
    EXPECT_EQ(r.errors[0].code, c.code);
    EXPECT_FALSE(r.errors[0].message.empty());
    EXPECT_TRUE(r.checks.empty());
    EXPECT_TRUE(r.warnings.empty());
    EXPECT_TRUE(r.fields.id.empty());
    EXPECT_TRUE(r.fields.name.empty());
}

INSTANTIATE_TEST_SUITE_P(Table, Garbage, testing::ValuesIn(garbage_cases()),
                         [](const testing::TestParamInfo<GarbageCase>& i) { return std::string(i.param.name); });

TEST(ParseCard, PayloadOfExactlyQrCapacityIsAccepted) {
    const std::string text = bytes_of_length(cccd::kMaxPayloadBytes);
    ASSERT_EQ(text.size(), 2953u);
    const auto r = parse(text);
    EXPECT_TRUE(r.ok) << testing::PrintToString(codes(r.errors));
    EXPECT_EQ(r.fields.addressParts.provinceCode, "001");
    const auto over = parse(text + "1");
    EXPECT_FALSE(over.ok);
    ASSERT_EQ(over.errors.size(), 1u);
    EXPECT_EQ(over.errors[0].code, "too-long");
    // A scanner's BOM and line ending around a full symbol are not part of it.
    EXPECT_TRUE(parse("\xEF\xBB\xBF" + text + "\r\n").ok);
}

TEST(ParseCard, MojibakeThatCannotBeRepairedIsAnError) {
    // Two bytes of "ễ" lost: no single restored byte makes a letter, so nothing is repaired, but the
    // text plainly is mis-decoded UTF-8 and must not pass as a name.
    const std::string broken = edited({{kName, "Nguy\xC3\xA1n V\xC3\x84\xC6\x92n An"}});  // "Nguyán VÄƒn An"
    const auto r = parse(broken);
    EXPECT_FALSE(r.repaired);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(codes(r.errors), std::vector<std::string>{"payload:mojibake-unrepaired"});
}

TEST(ParseCard, ChecksThatCannotRunAreMarkedSkipped) {
    const auto r = parse(edited({{kDob, "31021985"}}));
    for (const auto& c : r.checks) {
        SCOPED_TRACE(c.name);
        const bool needs_dob = c.name == "id.centurySex" || c.name == "id.birthYear" || c.name == "dates.order" ||
                               c.name == "age.plausible";
        EXPECT_EQ(c.skipped, needs_dob);
        if (c.skipped) EXPECT_FALSE(c.ok);
    }
}

TEST(ParseCard, RejectedTextKeepsItsRawFieldsWhenItCouldBeSplit) {
    EXPECT_EQ(parse("a|b|c").rawFields, (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_EQ(parse("https://example.com").rawFields, std::vector<std::string>{"https://example.com"});
    EXPECT_TRUE(parse("").rawFields.empty());
    EXPECT_TRUE(parse("\xFF").rawFields.empty());
}

// Random bytes and random damage to a valid payload: never a crash, and the result is always coherent.
TEST(ParseCard, RandomInputNeverCrashesAndStaysCoherent) {
    std::mt19937 rng(20261124);
    const std::vector<std::string> formats = {"cccd-2021", "can-cuoc-2024", "cccd-extended", "unknown"};
    auto check = [&](const std::string& text) {
        const auto r = parse(text);
        EXPECT_EQ(r.ok, r.errors.empty());
        EXPECT_TRUE(r.checks.empty() || r.checks.size() == 12u);
        EXPECT_NE(std::find(formats.begin(), formats.end(), r.format), formats.end()) << r.format;
        if (!cccd::is_valid_utf8(text)) {
            EXPECT_FALSE(r.ok);
            ASSERT_FALSE(r.errors.empty());
            EXPECT_EQ(r.errors[0].code, "not-utf8");
        }
        for (const auto& f : r.rawFields) EXPECT_TRUE(cccd::is_valid_utf8(f));
        EXPECT_TRUE(cccd::is_valid_utf8(r.fields.name));
        EXPECT_TRUE(cccd::is_valid_utf8(r.fields.address));
    };
    for (int i = 0; i < 2000; ++i) {
        std::string s(rng() % 300, '\0');
        for (auto& ch : s) ch = static_cast<char>(rng() % 256);
        check(s);
    }
    const std::string pieces[] = {"|", "\n", "\r\n", " ", "\xEF\xBB\xBF", "Ã", "\xC3", "0", "Ữ", "\x90", "||||"};
    for (int i = 0; i < 3000; ++i) {
        std::string s = (i % 2) ? kValid : mojibake(kValid);
        const int edits = 1 + static_cast<int>(rng() % 4);
        for (int e = 0; e < edits && !s.empty(); ++e) {
            const size_t at = rng() % s.size();
            switch (rng() % 3) {
                case 0: s.erase(at, 1 + rng() % 3); break;
                case 1: s.insert(at, pieces[rng() % std::size(pieces)]); break;
                default: s[at] = static_cast<char>(rng() % 256); break;
            }
        }
        check(s);
    }
}

TEST(TodayInVietnam, IsARealDateWithinADayOfUtc) {
    const Date d = cccd::today_in_vietnam();
    EXPECT_GE(d.year, 2024);
    ASSERT_GE(d.month, 1);
    ASSERT_LE(d.month, 12);
    EXPECT_GE(d.day, 1);
    EXPECT_LE(d.day, 31);
    using namespace std::chrono;
    const year_month_day utc{floor<days>(system_clock::now())};
    const sys_days vn = year{d.year} / month{static_cast<unsigned>(d.month)} / day{static_cast<unsigned>(d.day)};
    const auto diff = (vn - sys_days{utc}).count();
    EXPECT_TRUE(diff == 0 || diff == 1) << diff;  // UTC+7 is the same day or the next one
}

}  // namespace
