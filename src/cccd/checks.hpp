#pragma once
// Validation rules for a card's fields. Each rule yields a named Check, passed or failed with a reason.
// The 12-digit personal number (Nghị định 137/2015/NĐ-CP art. 13, Thông tư 07/2016/TT-BCA and
// 59/2021/TT-BCA art. 4, kept by Luật Căn cước 2023 art. 12): province code of birth registration (3
// digits), century+sex (1), last two digits of the birth year (2), a random number (6).
#include <string_view>
#include <vector>

#include "cccd/card.hpp"

namespace cccd {

enum class Severity { error, warning };

struct RuleVerdict {
    Check check;
    Severity severity = Severity::error;
    std::string field;     // the field a failure is reported against
    std::string code;      // machine-readable failure code
    bool evaluated = true; // false: a field it needs is missing or invalid (already reported)
};

std::vector<RuleVerdict> run_checks(const CardFields& fields, std::string_view dateOfBirthText,
                                    std::string_view issueDateText, const Date& today);

// The fourth digit of the 12-digit number for a birth year and sex: 0/1 for 1900-1999 male/female,
// 2/3 for 2000-2099, 4/5, 6/7, 8/9 for the next centuries. -1 outside 1900-2399 or unknown sex.
int century_sex_digit(int birthYear, std::string_view sex);

}  // namespace cccd
