#include "cccd/date.hpp"

#include <algorithm>

#include "cccd/digits.hpp"

namespace cccd {
namespace {

int number(std::string_view digits) {
    int v = 0;
    for (char c : digits) v = v * 10 + (c - '0');
    return v;
}

}  // namespace

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

DateProblem date_problem_of(std::string_view text) {
    if (text.empty()) return {"missing", "missing", {}};
    if (text.size() != 8 || !all_digits(text)) return {"not-8-digits", "not 8 digits ddmmyyyy", {}};
    const int day = number(text.substr(0, 2)), month = number(text.substr(2, 2)), year = number(text.substr(4, 4));
    const std::string d = std::to_string(day), m = std::to_string(month), y = std::to_string(year);
    if (year < 1800) return {"implausible-year", "year " + y + " is not plausible", {{"year", y}}};
    if (month < 1 || month > 12) return {"no-such-month", "month " + m + " does not exist", {{"month", m}}};
    if (day < 1 || day > days_in_month(year, month))
        return {"no-such-day", "day " + d + " does not exist in " + m + "/" + y, {{"day", d}, {"month", m}, {"year", y}}};
    return {};
}

std::string date_problem(std::string_view text) { return date_problem_of(text).message; }

std::optional<Date> parse_ddmmyyyy(std::string_view text) {
    if (!date_problem_of(text).code.empty()) return std::nullopt;
    return Date{number(text.substr(4, 4)), number(text.substr(2, 2)), number(text.substr(0, 2))};
}

std::string to_iso(const Date& d) {
    // By hand when the fields fit yyyy-mm-dd (every date a card holds): snprintf is the costliest step of
    // writing a card's JSON.
    if (d.year >= 0 && d.year <= 9999 && d.month >= 0 && d.month <= 99 && d.day >= 0 && d.day <= 99) {
        const auto digit = [](int v) { return static_cast<char>('0' + v % 10); };
        return {digit(d.year / 1000), digit(d.year / 100), digit(d.year / 10), digit(d.year), '-',
                digit(d.month / 10), digit(d.month), '-', digit(d.day / 10), digit(d.day)};
    }
    // What "%04d-%02d-%02d" writes, without printf in the .wasm (json_writer.cpp).
    std::string out;
    const auto padded = [&](int v, int width) {
        const std::string digits = std::to_string(v < 0 ? -static_cast<long long>(v) : static_cast<long long>(v));
        if (v < 0) out += '-', --width;
        out.append(static_cast<size_t>(std::max(0, width - static_cast<int>(digits.size()))), '0');
        out += digits;
    };
    padded(d.year, 4);
    out += '-';
    padded(d.month, 2);
    out += '-';
    padded(d.day, 2);
    return out;
}

int whole_years_between(const Date& from, const Date& to) {
    int years = to.year - from.year;
    if (std::pair{to.month, to.day} < std::pair{from.month, from.day}) --years;
    return years;
}

}  // namespace cccd
