// Tests for src/cccd/checks.cpp: the validation rules run on a card's fields, one at a time.
#include "cccd/checks.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "cccd/address.hpp"
#include "cccd/date.hpp"

namespace {

using cccd::CardFields;
using cccd::Date;
using cccd::RuleVerdict;
using cccd::Severity;

const Date kToday{2026, 11, 24};

const std::vector<std::string> kRuleOrder = {
    "id.digits",         "id.province", "id.centurySex",   "id.birthYear", "oldId.digits",  "name.present",
    "dateOfBirth.valid", "sex.valid",   "issueDate.valid", "dates.order",  "age.plausible", "address.province"};

// The fields of a card as parse_card fills them, plus the date texts run_checks also receives.
struct Input {
    CardFields fields;
    std::string dobText = "15081985";
    std::string issueText = "04102024";
    Date today = kToday;
};

void set_dates(Input& in) {
    in.fields.dateOfBirth = cccd::parse_ddmmyyyy(in.dobText);
    in.fields.issueDate = cccd::parse_ddmmyyyy(in.issueText);
}

void set_address(Input& in, std::string address) {
    in.fields.address = std::move(address);
    in.fields.addressParts = cccd::split_address(in.fields.address);
}

// A man born 15 Aug 1985 in Hà Nội: every rule passes.
Input valid_input() {
    Input in;
    in.fields.id = "001085012345";
    in.fields.oldId = "012345678";
    in.fields.name = "Nguyễn Văn An";
    in.fields.sex = "male";
    in.fields.sexText = "Nam";
    set_address(in, "Số 1, Đường Láng, Phường Láng Thượng, Quận Đống Đa, Thành phố Hà Nội");
    set_dates(in);
    return in;
}

std::vector<RuleVerdict> run(const Input& in) { return cccd::run_checks(in.fields, in.dobText, in.issueText, in.today); }

const RuleVerdict& verdict(const std::vector<RuleVerdict>& all, const std::string& name) {
    for (const auto& v : all)
        if (v.check.name == name) return v;
    static const RuleVerdict none{};
    ADD_FAILURE() << "no rule " << name;
    return none;
}

TEST(RunChecks, ValidCardPassesEveryRuleInAFixedOrder) {
    const auto all = run(valid_input());
    ASSERT_EQ(all.size(), kRuleOrder.size());
    for (size_t i = 0; i < all.size(); ++i) {
        SCOPED_TRACE(kRuleOrder[i]);
        EXPECT_EQ(all[i].check.name, kRuleOrder[i]);
        EXPECT_TRUE(all[i].check.ok) << all[i].check.detail;
        EXPECT_TRUE(all[i].evaluated);
        EXPECT_TRUE(all[i].code.empty());
        EXPECT_FALSE(all[i].check.detail.empty());
    }
}

TEST(RunChecks, PassingDetailsSayWhatWasFound) {
    const auto all = run(valid_input());
    EXPECT_EQ(verdict(all, "id.digits").check.detail, "12 digits");
    EXPECT_EQ(verdict(all, "id.province").check.detail, "001 = Hà Nội");
    EXPECT_EQ(verdict(all, "id.centurySex").check.detail, "digit 4 is 0: male born 1985");
    EXPECT_EQ(verdict(all, "id.birthYear").check.detail, "digits 5-6 are 85");
    EXPECT_EQ(verdict(all, "oldId.digits").check.detail, "9 digits");
    EXPECT_EQ(verdict(all, "dateOfBirth.valid").check.detail, "1985-08-15");
    EXPECT_EQ(verdict(all, "sex.valid").check.detail, "Nam = male");
    EXPECT_EQ(verdict(all, "issueDate.valid").check.detail, "2024-10-04");
    EXPECT_EQ(verdict(all, "dates.order").check.detail, "birth <= issue <= today");
    EXPECT_EQ(verdict(all, "age.plausible").check.detail, "41 years old");
    EXPECT_EQ(verdict(all, "address.province").check.detail, "Hà Nội (001)");
}

struct RuleCase {
    const char* name;
    std::function<void(Input&)> breakIt;
    std::string rule;  // the one rule that must fail
    std::string field;
    std::string code;
    Severity severity;
    std::vector<std::string> notEvaluated;  // rules that cannot run without the broken field
    std::string detail;                     // expected failure detail; empty: not asserted
};

// Test names in ctest/gtest output show the case name, not the bytes of the struct.
void PrintTo(const RuleCase& c, std::ostream* os) { *os << c.name; }

std::vector<RuleCase> rule_cases() {
    const auto id = [](std::string v) { return [v](Input& in) { in.fields.id = v; }; };
    const std::vector<std::string> idDependents = {"id.province", "id.centurySex", "id.birthYear"};
    return {
        {"IdNotDigits", id("00108501234X"), "id.digits", "id", "not-digits", Severity::error, idDependents,
         "contains characters other than digits"},
        {"IdTooShort", id("00108501234"), "id.digits", "id", "wrong-length", Severity::error, idDependents,
         "11 digits, expected 12"},
        {"IdTooLong", id("0010850123456"), "id.digits", "id", "wrong-length", Severity::error, idDependents,
         "13 digits, expected 12"},
        {"IdMissing", id(""), "id.digits", "id", "missing", Severity::error, idDependents, "missing"},
        {"IdUnknownProvince", id("003085012345"), "id.province", "id", "unknown-province", Severity::error, {},
         "003 is not the code of any of the 63 provinces"},
        {"IdProvinceZero", id("000085012345"), "id.province", "id", "unknown-province", Severity::error, {}, ""},
        {"IdCenturySexFemaleDigitForMan", id("001185012345"), "id.centurySex", "id", "century-sex", Severity::error,
         {}, "digit 4 is 1 but a male born 1985 has 0"},
        {"IdCenturySex2000sDigitFor1985", id("001285012345"), "id.centurySex", "id", "century-sex", Severity::error,
         {}, "digit 4 is 2 but a male born 1985 has 0"},
        {"IdBirthYear", id("001086012345"), "id.birthYear", "id", "birth-year", Severity::error, {},
         "digits 5-6 are 86 but the birth year ends in 85"},
        {"OldIdTooShort", [](Input& in) { in.fields.oldId = "01234567"; }, "oldId.digits", "oldId", "wrong-length",
         Severity::error, {}, "8 digits, expected 9"},
        {"OldIdTwelveDigits", [](Input& in) { in.fields.oldId = "001085012345"; }, "oldId.digits", "oldId",
         "wrong-length", Severity::error, {}, "12 digits, expected 9"},
        {"OldIdNotDigits", [](Input& in) { in.fields.oldId = "01234567X"; }, "oldId.digits", "oldId", "not-digits",
         Severity::error, {}, ""},
        {"NameMissing", [](Input& in) { in.fields.name = ""; }, "name.present", "name", "missing", Severity::error,
         {}, "missing"},
        {"NameWithDigit", [](Input& in) { in.fields.name = "Nguyễn Văn An2"; }, "name.present", "name", "not-a-name",
         Severity::error, {}, "contains digits or control characters"},
        {"NameWithControlCharacter", [](Input& in) { in.fields.name = "Nguyễn\tVăn An"; }, "name.present", "name",
         "not-a-name", Severity::error, {}, ""},
        {"NameWithLineBreak", [](Input& in) { in.fields.name = "Nguyễn\nVăn An"; }, "name.present", "name",
         "not-a-name", Severity::error, {}, ""},
        {"DateOfBirthImpossible",
         [](Input& in) { in.dobText = "32081985"; set_dates(in); }, "dateOfBirth.valid", "dateOfBirth",
         "invalid-date", Severity::error, {"id.centurySex", "id.birthYear", "dates.order", "age.plausible"},
         "\"32081985\": day 32 does not exist in 8/1985"},
        {"DateOfBirthMissing", [](Input& in) { in.dobText = ""; set_dates(in); }, "dateOfBirth.valid",
         "dateOfBirth", "missing", Severity::error,
         {"id.centurySex", "id.birthYear", "dates.order", "age.plausible"}, "\"\": missing"},
        {"DateOfBirthLongTextIsCutInDetail",
         [](Input& in) { in.dobText = "15 August 1985 in the morning"; set_dates(in); }, "dateOfBirth.valid",
         "dateOfBirth", "invalid-date", Severity::error,
         {"id.centurySex", "id.birthYear", "dates.order", "age.plausible"},
         "\"15 August 1985 i\": not 8 digits ddmmyyyy"},
        {"SexInvalid", [](Input& in) { in.fields.sexText = "X"; in.fields.sex = ""; }, "sex.valid", "sex",
         "invalid-sex", Severity::error, {"id.centurySex"}, "\"X\" is neither Nam nor Nữ"},
        {"SexMissing", [](Input& in) { in.fields.sexText = ""; in.fields.sex = ""; }, "sex.valid", "sex", "missing",
         Severity::error, {"id.centurySex"}, "missing"},
        {"IssueDateImpossible", [](Input& in) { in.issueText = "31022021"; set_dates(in); }, "issueDate.valid",
         "issueDate", "invalid-date", Severity::error, {"dates.order"},
         "\"31022021\": day 31 does not exist in 2/2021"},
        {"IssueDateMissing", [](Input& in) { in.issueText = ""; set_dates(in); }, "issueDate.valid", "issueDate",
         "missing", Severity::error, {"dates.order"}, ""},
        {"IssuedBeforeBirth", [](Input& in) { in.issueText = "14081985"; set_dates(in); }, "dates.order",
         "issueDate", "issued-before-birth", Severity::error, {}, "issued 1985-08-14, before birth on 1985-08-15"},
        {"IssuedAfterToday", [](Input& in) { in.issueText = "25112026"; set_dates(in); }, "dates.order",
         "issueDate", "issued-in-future", Severity::error, {}, "issue date 2026-11-25 is after today 2026-11-24"},
        {"OlderThan120",
         [](Input& in) { in.fields.id = "001005012345"; in.dobText = "24111905"; set_dates(in); }, "age.plausible",
         "dateOfBirth", "implausible-age", Severity::error, {}, "121 years old"},
        {"AddressUnknownProvinceIsAWarning",
         [](Input& in) { set_address(in, "Số 1, Phường Láng Thượng, Atlantis"); }, "address.province", "address",
         "unknown-province", Severity::warning, {}, "\"Atlantis\" is not one of the 63 provinces"},
        {"AddressMissingIsAnError", [](Input& in) { set_address(in, ""); }, "address.province", "address", "missing",
         Severity::error, {}, "no address"},
    };
}

class SingleRuleFails : public testing::TestWithParam<RuleCase> {};

TEST_P(SingleRuleFails, OnlyThatRuleFailsWithItsFieldAndCode) {
    const RuleCase& c = GetParam();
    Input in = valid_input();
    c.breakIt(in);
    const auto all = run(in);
    ASSERT_EQ(all.size(), kRuleOrder.size());
    for (const auto& v : all) {
        SCOPED_TRACE(v.check.name + ": " + v.check.detail);
        const bool skipped =
            std::find(c.notEvaluated.begin(), c.notEvaluated.end(), v.check.name) != c.notEvaluated.end();
        if (v.check.name == c.rule) {
            EXPECT_FALSE(v.check.ok);
            EXPECT_TRUE(v.evaluated);
            EXPECT_EQ(v.field, c.field);
            EXPECT_EQ(v.code, c.code);
            EXPECT_EQ(v.check.code, c.code);  // the check's outcome code is the problem's code
            EXPECT_EQ(v.severity, c.severity);
            if (!c.detail.empty()) {
                EXPECT_EQ(v.check.detail, c.detail);
            }
        } else if (skipped) {
            EXPECT_FALSE(v.check.ok);
            EXPECT_FALSE(v.evaluated);
            EXPECT_TRUE(v.code.empty());
            EXPECT_TRUE(v.check.skipped);
            EXPECT_FALSE(v.check.code.empty());
            EXPECT_EQ(v.check.detail.rfind("not checked: ", 0), 0u);
        } else {
            EXPECT_TRUE(v.check.ok);
            EXPECT_TRUE(v.evaluated);
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Table, SingleRuleFails, testing::ValuesIn(rule_cases()),
                         [](const testing::TestParamInfo<RuleCase>& i) { return std::string(i.param.name); });

TEST(RunChecks, BornInTheFutureAlsoBreaksTheDateOrder) {
    // No issue date can lie between a birth after today and today, so both rules fail.
    Input in = valid_input();
    in.fields.id = "001226012345";
    in.dobText = "25112026";
    in.issueText = "25112026";
    set_dates(in);
    const auto all = run(in);
    const auto& age = verdict(all, "age.plausible");
    EXPECT_FALSE(age.check.ok);
    EXPECT_EQ(age.code, "born-in-future");
    EXPECT_EQ(age.field, "dateOfBirth");
    EXPECT_EQ(age.check.detail, "born in the future");
    EXPECT_EQ(verdict(all, "dates.order").code, "issued-in-future");
    for (const auto& v : all)
        if (v.check.name != "age.plausible" && v.check.name != "dates.order") {
            EXPECT_TRUE(v.check.ok) << v.check.name;
        }
}

struct BoundaryCase {
    const char* name;
    std::string id, dob, issue;
    std::string rule;
    bool ok;
};

TEST(RunChecks, DateBoundaries) {
    const std::vector<BoundaryCase> cases = {
        {"IssuedToday", "001085012345", "15081985", "24112026", "dates.order", true},
        {"IssuedTomorrow", "001085012345", "15081985", "25112026", "dates.order", false},
        {"IssuedOnBirthDay", "001224012345", "04102024", "04102024", "dates.order", true},
        {"IssuedDayBeforeBirth", "001224012345", "04102024", "03102024", "dates.order", false},
        {"BornToday", "001226012345", "24112026", "24112026", "age.plausible", true},
        {"Exactly120", "001005012345", "25111905", "04102024", "age.plausible", true},
        {"Turned121Today", "001005012345", "24111905", "04102024", "age.plausible", false},
        {"LeapDayBirth2000", "001200012345", "29022000", "04102024", "dateOfBirth.valid", true},
        {"LeapDayBirth1900", "001000012345", "29021900", "04102024", "dateOfBirth.valid", false},
        {"LeapDayIssue2024", "001085012345", "15081985", "29022024", "issueDate.valid", true},
        {"LeapDayIssue2023", "001085012345", "15081985", "29022023", "issueDate.valid", false},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        Input in = valid_input();
        in.fields.id = c.id;
        in.dobText = c.dob;
        in.issueText = c.issue;
        set_dates(in);
        const auto all = run(in);
        EXPECT_EQ(verdict(all, c.rule).check.ok, c.ok) << verdict(all, c.rule).check.detail;
        for (const auto& v : all)
            if (v.check.name != c.rule) {
                EXPECT_TRUE(v.check.ok || !v.evaluated) << v.check.name << ": " << v.check.detail;
            }
    }
}

struct CenturyCase {
    int year;
    const char* sex;
    int digit;
};

TEST(CenturySexDigit, FollowsTheCirculars) {
    const std::vector<CenturyCase> cases = {
        {1900, "male", 0}, {1900, "female", 1}, {1985, "male", 0}, {1999, "female", 1},
        {2000, "male", 2}, {2005, "female", 3}, {2005, "male", 2}, {2099, "female", 3},
        {2100, "male", 4}, {2100, "female", 5}, {2199, "male", 4}, {2200, "male", 6},
        {2250, "female", 7}, {2300, "male", 8}, {2399, "female", 9},
        {1899, "male", -1}, {2400, "female", -1}, {1985, "Nam", -1}, {1985, "", -1},
    };
    for (const auto& c : cases)
        EXPECT_EQ(cccd::century_sex_digit(c.year, c.sex), c.digit) << c.year << " " << c.sex;
}

struct CenturyCardCase {
    const char* name;
    std::string id, dob, sexText, sex;
    Date today;
    bool ok;
};

TEST(RunChecks, CenturySexRuleAcrossCenturies) {
    const std::vector<CenturyCardCase> cases = {
        {"Man1900s", "001085012345", "15081985", "Nam", "male", kToday, true},
        {"Woman1900s", "001185012345", "15081985", "Nữ", "female", kToday, true},
        {"Man2000s", "001205012345", "15082005", "Nam", "male", kToday, true},
        {"Woman2000sHasDigit3", "001305012345", "15082005", "Nữ", "female", kToday, true},
        {"Woman2000sWith1900sDigit", "001105012345", "15082005", "Nữ", "female", kToday, false},
        {"Woman2000sWithMaleDigit", "001205012345", "15082005", "Nữ", "female", kToday, false},
        {"Man2100s", "001405012345", "15082105", "Nam", "male", {2150, 1, 1}, true},
        {"Woman2100s", "001505012345", "15082105", "Nữ", "female", {2150, 1, 1}, true},
        {"Woman2100sWith2000sDigit", "001305012345", "15082105", "Nữ", "female", {2150, 1, 1}, false},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        Input in = valid_input();
        in.fields.id = c.id;
        in.fields.sexText = c.sexText;
        in.fields.sex = c.sex;
        in.dobText = c.dob;
        in.today = c.today;
        set_dates(in);
        const auto all = run(in);
        const auto& v = verdict(all, "id.centurySex");
        EXPECT_EQ(v.check.ok, c.ok) << v.check.detail;
        if (!c.ok) {
            EXPECT_EQ(v.code, "century-sex");
        }
        EXPECT_TRUE(verdict(all, "id.birthYear").check.ok);
    }
}

TEST(RunChecks, EveryProvinceCodePassesTheIdProvinceRule) {
    int passed = 0;
    for (int code = 0; code < 1000; ++code) {
        char digits[4];
        std::snprintf(digits, sizeof digits, "%03d", code);
        Input in = valid_input();
        in.fields.id = std::string(digits) + "085012345";
        const RuleVerdict v = verdict(run(in), "id.province");
        if (v.check.ok) ++passed;
    }
    EXPECT_EQ(passed, 63);
}

TEST(RunChecks, AddressDetailMentionsMergerAndLooseMatch) {
    Input in = valid_input();
    set_address(in, "Số 2, Phường Vĩnh Ninh, Thành phố Huế, Tỉnh Thừa Thiên Huế");
    EXPECT_EQ(verdict(run(in), "address.province").check.detail,
              "Thừa Thiên Huế (046), part of Huế since 1 July 2025");
    set_address(in, "SO 2, PHUONG LANG THUONG, HA NOI");
    const RuleVerdict v = verdict(run(in), "address.province");
    EXPECT_TRUE(v.check.ok);
    EXPECT_EQ(v.check.detail, "Hà Nội (001), recognised without diacritics");
}

TEST(RunChecks, EmptyOldIdPasses) {
    Input in = valid_input();
    in.fields.oldId = "";
    const RuleVerdict v = verdict(run(in), "oldId.digits");
    EXPECT_TRUE(v.check.ok);
    EXPECT_EQ(v.check.detail, "no old number on this card");
}

}  // namespace

namespace {

cccd::Params params_of(const std::vector<RuleVerdict>& all, const std::string& name) { return verdict(all, name).check.params; }

}  // namespace

// Pages render a check from its code and params alone (web/src/messages.js): they must name every value
// the English detail does.
TEST(RunChecks, OutcomesCarryCodesAndTheValuesTheirDetailsName) {
    const auto ok = run(valid_input());
    EXPECT_EQ(verdict(ok, "id.digits").check.code, "ok");
    EXPECT_EQ(params_of(ok, "id.province"), (cccd::Params{{"code", "001"}, {"province", "Hà Nội"}}));
    EXPECT_EQ(params_of(ok, "id.centurySex"), (cccd::Params{{"digit", "0"}, {"sex", "male"}, {"year", "1985"}}));
    EXPECT_EQ(params_of(ok, "id.birthYear"), (cccd::Params{{"digits", "85"}}));
    EXPECT_EQ(params_of(ok, "dateOfBirth.valid"), (cccd::Params{{"date", "1985-08-15"}}));
    EXPECT_EQ(params_of(ok, "sex.valid"), (cccd::Params{{"text", "Nam"}, {"sex", "male"}}));
    EXPECT_EQ(params_of(ok, "age.plausible"), (cccd::Params{{"age", "41"}}));
    EXPECT_EQ(verdict(ok, "address.province").check.code, "ok");
    EXPECT_EQ(params_of(ok, "address.province"),
              (cccd::Params{{"province", "Hà Nội"}, {"code", "001"}, {"exact", "true"}}));

    Input in = valid_input();
    in.fields.id = "00118501234";  // 11 digits
    in.fields.oldId.clear();
    set_address(in, "Xã Vũ Hội, Huyện Vũ Thư, Thai Binh");
    auto all = run(in);
    EXPECT_EQ(verdict(all, "id.digits").check.code, "wrong-length");
    EXPECT_EQ(params_of(all, "id.digits"), (cccd::Params{{"length", "11"}}));
    EXPECT_EQ(verdict(all, "id.province").check.code, "id-not-12-digits");
    EXPECT_EQ(verdict(all, "oldId.digits").check.code, "absent");
    EXPECT_EQ(verdict(all, "address.province").check.code, "ok-merged");
    EXPECT_EQ(params_of(all, "address.province"),
              (cccd::Params{{"province", "Thái Bình"}, {"code", "034"}, {"exact", "false"}, {"since2025", "Hưng Yên"}}));

    in = valid_input();
    in.fields.id[3] = '1';
    in.dobText = "31022001";
    in.issueText = "01012030";
    set_dates(in);
    all = run(in);
    EXPECT_EQ(verdict(all, "dateOfBirth.valid").check.code, "invalid-date");
    EXPECT_EQ(params_of(all, "dateOfBirth.valid"),
              (cccd::Params{{"text", "31022001"}, {"problem", "no-such-day"}, {"day", "31"}, {"month", "2"}, {"year", "2001"}}));
    EXPECT_EQ(verdict(all, "id.centurySex").check.code, "no-date-of-birth");
    EXPECT_EQ(verdict(all, "dates.order").check.code, "date-missing");

    in = valid_input();
    in.fields.id[3] = '1';
    all = run(in);
    EXPECT_EQ(params_of(all, "id.centurySex"),
              (cccd::Params{{"digit", "1"}, {"sex", "male"}, {"year", "1985"}, {"expected", "0"}}));
}
