#pragma once
// Calendar dates as printed on the card (ddmmyyyy), proleptic Gregorian.
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace cccd {

struct Date {
    int year = 0, month = 0, day = 0;
    auto operator<=>(const Date&) const = default;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);
// Parses exactly eight digits ddmmyyyy into a real calendar date; nullopt otherwise.
std::optional<Date> parse_ddmmyyyy(std::string_view text);
// Why text is not a valid ddmmyyyy date (empty when it is).
std::string date_problem(std::string_view text);
std::string to_iso(const Date& date);  // YYYY-MM-DD
// Whole years from `from` to `to` (an age), negative when to < from.
int whole_years_between(const Date& from, const Date& to);

}  // namespace cccd
