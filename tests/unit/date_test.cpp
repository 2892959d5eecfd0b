// Tests for src/cccd/date.cpp: ddmmyyyy dates as printed on the card, proleptic Gregorian.
#include "cccd/date.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace {

using cccd::Date;

TEST(IsLeapYear, FollowsTheGregorianRule) {
    struct Case { int year; bool leap; };
    const std::vector<Case> cases = {
        {2000, true},  {1900, false}, {2024, true},  {2023, false}, {2100, false},
        {2400, true},  {1996, true},  {2001, false}, {1600, true},  {1800, false},
    };
    for (const auto& c : cases) EXPECT_EQ(cccd::is_leap_year(c.year), c.leap) << c.year;
}

TEST(DaysInMonth, EveryMonthOfALeapAndACommonYear) {
    const int common[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    for (int m = 1; m <= 12; ++m) {
        EXPECT_EQ(cccd::days_in_month(2023, m), common[m - 1]) << "month " << m;
        EXPECT_EQ(cccd::days_in_month(2024, m), m == 2 ? 29 : common[m - 1]) << "month " << m;
    }
    EXPECT_EQ(cccd::days_in_month(1900, 2), 28);
    EXPECT_EQ(cccd::days_in_month(2000, 2), 29);
}

TEST(DaysInMonth, MonthOutOfRangeHasNoDays) {
    EXPECT_EQ(cccd::days_in_month(2024, 0), 0);
    EXPECT_EQ(cccd::days_in_month(2024, 13), 0);
    EXPECT_EQ(cccd::days_in_month(2024, -1), 0);
}

struct ParseCase {
    const char* name;
    std::string text;
    std::optional<Date> date;
    std::string problem;  // date_problem(text)
};

// Test names in ctest/gtest output show the case name, not the bytes of the struct.
void PrintTo(const ParseCase& c, std::ostream* os) { *os << c.name; }

std::vector<ParseCase> parse_cases() {
    return {
        // Leap days.
        {"LeapDay2000Valid", "29022000", Date{2000, 2, 29}, ""},
        {"LeapDay1900Invalid", "29021900", std::nullopt, "day 29 does not exist in 2/1900"},
        {"LeapDay2024Valid", "29022024", Date{2024, 2, 29}, ""},
        {"LeapDay2023Invalid", "29022023", std::nullopt, "day 29 does not exist in 2/2023"},
        {"LeapDay2100Invalid", "29022100", std::nullopt, "day 29 does not exist in 2/2100"},
        {"Feb30NeverExists", "30022024", std::nullopt, "day 30 does not exist in 2/2024"},
        {"Feb28CommonYear", "28022023", Date{2023, 2, 28}, ""},
        // Month and day boundaries.
        {"FirstDayOfYear", "01012024", Date{2024, 1, 1}, ""},
        {"LastDayOfYear", "31122024", Date{2024, 12, 31}, ""},
        {"Jan31", "31012024", Date{2024, 1, 31}, ""},
        {"Jan32", "32012024", std::nullopt, "day 32 does not exist in 1/2024"},
        {"Apr30", "30042024", Date{2024, 4, 30}, ""},
        {"Apr31", "31042024", std::nullopt, "day 31 does not exist in 4/2024"},
        {"Jun31", "31062024", std::nullopt, "day 31 does not exist in 6/2024"},
        {"Sep31", "31092024", std::nullopt, "day 31 does not exist in 9/2024"},
        {"Nov31", "31112024", std::nullopt, "day 31 does not exist in 11/2024"},
        {"Aug31", "31082024", Date{2024, 8, 31}, ""},
        {"DayZero", "00012024", std::nullopt, "day 0 does not exist in 1/2024"},
        {"MonthZero", "01002024", std::nullopt, "month 0 does not exist"},
        {"Month13", "01132024", std::nullopt, "month 13 does not exist"},
        {"Day99", "99122024", std::nullopt, "day 99 does not exist in 12/2024"},
        // Plausible years.
        {"Year1800Accepted", "01011800", Date{1800, 1, 1}, ""},
        {"Year1799Rejected", "31121799", std::nullopt, "year 1799 is not plausible"},
        {"YearZeroRejected", "01010000", std::nullopt, "year 0 is not plausible"},
        {"FarFutureYearIsStillACalendarDate", "01019999", Date{9999, 1, 1}, ""},
        // Not eight digits.
        {"Empty", "", std::nullopt, "missing"},
        {"SevenDigits", "1508198", std::nullopt, "not 8 digits ddmmyyyy"},
        {"NineDigits", "150819851", std::nullopt, "not 8 digits ddmmyyyy"},
        {"Slashes", "15/08/1985", std::nullopt, "not 8 digits ddmmyyyy"},
        {"TwoDigitYear", "15/08/85", std::nullopt, "not 8 digits ddmmyyyy"},
        {"IsoFormat", "1985-08-", std::nullopt, "not 8 digits ddmmyyyy"},
        {"LeadingSpace", " 5081985", std::nullopt, "not 8 digits ddmmyyyy"},
        {"Letter", "1508198a", std::nullopt, "not 8 digits ddmmyyyy"},
        {"Sign", "+5081985", std::nullopt, "not 8 digits ddmmyyyy"},
        {"FullWidthDigitsAreNotDigits", "１５０８１９８５", std::nullopt, "not 8 digits ddmmyyyy"},
    };
}

class ParseDdmmyyyy : public testing::TestWithParam<ParseCase> {};

TEST_P(ParseDdmmyyyy, ParsesRealDatesOnly) {
    const ParseCase& c = GetParam();
    EXPECT_EQ(cccd::parse_ddmmyyyy(c.text), c.date);
    EXPECT_EQ(cccd::date_problem(c.text), c.problem);
}

INSTANTIATE_TEST_SUITE_P(Table, ParseDdmmyyyy, testing::ValuesIn(parse_cases()),
                         [](const testing::TestParamInfo<ParseCase>& i) { return std::string(i.param.name); });

TEST(ParseDdmmyyyy, EveryDayOf2024RoundTripsThroughIso) {
    int count = 0;
    for (int m = 1; m <= 12; ++m)
        for (int d = 1; d <= cccd::days_in_month(2024, m); ++d) {
            char text[9];
            std::snprintf(text, sizeof text, "%02d%02d2024", d, m);
            const auto parsed = cccd::parse_ddmmyyyy(text);
            ASSERT_TRUE(parsed.has_value()) << text;
            EXPECT_EQ(*parsed, (Date{2024, m, d}));
            char iso[11];
            std::snprintf(iso, sizeof iso, "2024-%02d-%02d", m, d);
            EXPECT_EQ(cccd::to_iso(*parsed), iso);
            ++count;
        }
    EXPECT_EQ(count, 366);
}

TEST(ToIso, PadsEveryComponent) {
    EXPECT_EQ(cccd::to_iso({2024, 2, 29}), "2024-02-29");
    EXPECT_EQ(cccd::to_iso({1985, 12, 1}), "1985-12-01");
    EXPECT_EQ(cccd::to_iso({5, 1, 9}), "0005-01-09");
}

TEST(ToIso, WritesFieldsBeyondFourAndTwoDigitsInFull) {
    EXPECT_EQ(cccd::to_iso({12026, 1, 2}), "12026-01-02");
    EXPECT_EQ(cccd::to_iso({2026, 123, 7}), "2026-123-07");
    EXPECT_EQ(cccd::to_iso({-5, 1, -2}), "-005-01--2");  // as "%04d-%02d-%02d" writes them
}

TEST(DateOrder, ComparesYearThenMonthThenDay) {
    EXPECT_LT((Date{2024, 12, 31}), (Date{2025, 1, 1}));
    EXPECT_LT((Date{2024, 1, 31}), (Date{2024, 2, 1}));
    EXPECT_LT((Date{2024, 2, 1}), (Date{2024, 2, 2}));
    EXPECT_EQ((Date{2024, 2, 29}), (Date{2024, 2, 29}));
    EXPECT_GT((Date{2026, 11, 25}), (Date{2026, 11, 24}));
}

struct AgeCase {
    const char* name;
    Date from, to;
    int years;
};

TEST(WholeYearsBetween, CountsCompletedYears) {
    const std::vector<AgeCase> cases = {
        {"SameDay", {2000, 5, 10}, {2000, 5, 10}, 0},
        {"DayBeforeBirthday", {2000, 5, 10}, {2014, 5, 9}, 13},
        {"OnBirthday", {2000, 5, 10}, {2014, 5, 10}, 14},
        {"DayAfterBirthday", {2000, 5, 10}, {2014, 5, 11}, 14},
        {"EarlierMonth", {2000, 5, 10}, {2014, 4, 30}, 13},
        {"LeapDayBirthNotYetOnFeb28", {2000, 2, 29}, {2001, 2, 28}, 0},
        {"LeapDayBirthOnMar1", {2000, 2, 29}, {2001, 3, 1}, 1},
        {"LeapDayBirthOnNextLeapDay", {2000, 2, 29}, {2004, 2, 29}, 4},
        {"OneDayBefore", {2026, 11, 25}, {2026, 11, 24}, -1},
        {"YearsBefore", {2030, 1, 1}, {2026, 11, 24}, -4},
        {"Centenarian", {1905, 11, 24}, {2026, 11, 24}, 121},
        {"CentenarianDayBefore", {1905, 11, 25}, {2026, 11, 24}, 120},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        EXPECT_EQ(cccd::whole_years_between(c.from, c.to), c.years);
    }
}

}  // namespace
