#pragma once
// Calendar dates as printed on the card (ddmmyyyy), proleptic Gregorian.
#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "cccd/params.hpp"

namespace cccd {

struct Date {
    int year = 0, month = 0, day = 0;
    auto operator<=>(const Date&) const = default;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);
// Parses exactly eight digits ddmmyyyy into a real calendar date; nullopt otherwise.
std::optional<Date> parse_ddmmyyyy(std::string_view text);
// Why text is not a valid ddmmyyyy date: code "missing", "not-8-digits", "implausible-year" (year),
// "no-such-month" (month) or "no-such-day" (day, month, year); all empty when it is valid.
struct DateProblem {
    std::string code;
    std::string message;  // English
    Params params;
};
DateProblem date_problem_of(std::string_view text);
// date_problem_of(text).message
std::string date_problem(std::string_view text);
std::string to_iso(const Date& date);  // YYYY-MM-DD
// Whole years from `from` to `to` (an age), negative when to < from.
int whole_years_between(const Date& from, const Date& to);

}  // namespace cccd
