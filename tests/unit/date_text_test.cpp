// Tests for src/cccd/date_text.cpp: dates as apps and people write them, turned into ddmmyyyy.
#include "cccd/date_text.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

using cccd::to_ddmmyyyy;

TEST(ToDdmmyyyy, DayFirstWithAnySeparator) {
    EXPECT_EQ(to_ddmmyyyy("01/02/1999"), "01021999");
    EXPECT_EQ(to_ddmmyyyy("01-02-1999"), "01021999");
    EXPECT_EQ(to_ddmmyyyy("01.02.1999"), "01021999");
    EXPECT_EQ(to_ddmmyyyy("1.2.1999"), "01021999");
    EXPECT_EQ(to_ddmmyyyy("1/12/1999"), "01121999");
    EXPECT_EQ(to_ddmmyyyy(" 15/08/1985 "), "15081985");
}

TEST(ToDdmmyyyy, YearFirstIsIso) {
    EXPECT_EQ(to_ddmmyyyy("1999-02-01"), "01021999");
    EXPECT_EQ(to_ddmmyyyy("1999/2/1"), "01021999");
}

TEST(ToDdmmyyyy, EightDigitsUnchanged) { EXPECT_EQ(to_ddmmyyyy("01021999"), "01021999"); }

// Not a date this can read: left for the date check to report as written.
TEST(ToDdmmyyyy, AnythingElseUnchanged) {
    for (const std::string text : {"", "abc", "01/02", "01/02/99", "01/02-1999", "01/02/1999/3", "a1/02/1999",
                                   "001/02/1999", "1999-123-01", "01//1999", "Feb 1, 1999"})
        EXPECT_EQ(to_ddmmyyyy(text), text) << text;
}

// Calendar sense is parse_ddmmyyyy's job: the digits are only reordered.
TEST(ToDdmmyyyy, DoesNotJudgeTheCalendar) { EXPECT_EQ(to_ddmmyyyy("31/02/1999"), "31021999"); }

}  // namespace
