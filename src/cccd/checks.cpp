#include "cccd/checks.hpp"

#include <string>

#include "cccd/provinces.hpp"

namespace cccd {
namespace {

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

RuleVerdict passed(std::string name, std::string detail, std::string field) {
    return {{std::move(name), true, std::move(detail)}, Severity::error, std::move(field), {}, true};
}

RuleVerdict failed(std::string name, std::string detail, std::string field, std::string code,
                   Severity severity = Severity::error) {
    return {{std::move(name), false, std::move(detail)}, severity, std::move(field), std::move(code), true};
}

RuleVerdict not_checked(std::string name, std::string why, std::string field) {
    return {{std::move(name), false, "not checked: " + why, true}, Severity::error, std::move(field), {}, false};
}

std::string two_digits(int v) {
    std::string s = std::to_string(v % 100);
    return s.size() == 1 ? "0" + s : s;
}

RuleVerdict check_id_digits(const CardFields& f) {
    if (f.id.size() == 12 && all_digits(f.id)) return passed("id.digits", "12 digits", "id");
    if (f.id.empty()) return failed("id.digits", "missing", "id", "missing");
    if (!all_digits(f.id)) return failed("id.digits", "contains characters other than digits", "id", "not-digits");
    return failed("id.digits", std::to_string(f.id.size()) + " digits, expected 12", "id", "wrong-length");
}

RuleVerdict check_id_province(const CardFields& f) {
    if (f.id.size() != 12 || !all_digits(f.id)) return not_checked("id.province", "the number is not 12 digits", "id");
    const std::string code = f.id.substr(0, 3);
    if (const auto* p = province_by_code(code))
        return passed("id.province", code + " = " + std::string(p->name), "id");
    return failed("id.province", code + " is not the code of any of the 63 provinces", "id", "unknown-province");
}

RuleVerdict check_id_century_sex(const CardFields& f) {
    if (f.id.size() != 12 || !all_digits(f.id)) return not_checked("id.centurySex", "the number is not 12 digits", "id");
    if (!f.dateOfBirth) return not_checked("id.centurySex", "no valid date of birth", "id");
    if (f.sex.empty()) return not_checked("id.centurySex", "sex is not Nam/Nữ", "id");
    const int expected = century_sex_digit(f.dateOfBirth->year, f.sex);
    const int actual = f.id[3] - '0';
    const std::string what = std::string(f.sex == "male" ? "male" : "female") + " born " +
                             std::to_string(f.dateOfBirth->year);
    if (expected == actual) return passed("id.centurySex", "digit 4 is " + std::to_string(actual) + ": " + what, "id");
    if (expected < 0) return failed("id.centurySex", "birth year outside 1900-2399", "id", "century-sex");
    return failed("id.centurySex",
                  "digit 4 is " + std::to_string(actual) + " but a " + what + " has " + std::to_string(expected),
                  "id", "century-sex");
}

RuleVerdict check_id_birth_year(const CardFields& f) {
    if (f.id.size() != 12 || !all_digits(f.id)) return not_checked("id.birthYear", "the number is not 12 digits", "id");
    if (!f.dateOfBirth) return not_checked("id.birthYear", "no valid date of birth", "id");
    const std::string yy = two_digits(f.dateOfBirth->year);
    if (f.id.substr(4, 2) == yy) return passed("id.birthYear", "digits 5-6 are " + yy, "id");
    return failed("id.birthYear", "digits 5-6 are " + f.id.substr(4, 2) + " but the birth year ends in " + yy, "id",
                  "birth-year");
}

RuleVerdict check_old_id(const CardFields& f) {
    if (f.oldId.empty()) return passed("oldId.digits", "no old number on this card", "oldId");
    if (f.oldId.size() == 9 && all_digits(f.oldId)) return passed("oldId.digits", "9 digits", "oldId");
    if (!all_digits(f.oldId))
        return failed("oldId.digits", "contains characters other than digits", "oldId", "not-digits");
    return failed("oldId.digits", std::to_string(f.oldId.size()) + " digits, expected 9", "oldId", "wrong-length");
}

RuleVerdict check_name(const CardFields& f) {
    if (f.name.empty()) return failed("name.present", "missing", "name", "missing");
    for (char c : f.name)
        if ((c >= '0' && c <= '9') || c == '|' || static_cast<unsigned char>(c) < 0x20)
            return failed("name.present", "contains digits or control characters", "name", "not-a-name");
    return passed("name.present", "present", "name");
}

RuleVerdict check_date(const char* rule, const std::optional<Date>& d, std::string_view text, const char* field) {
    if (d) return passed(rule, to_iso(*d), field);
    const std::string problem = date_problem(text);
    return failed(rule, "\"" + std::string(text.substr(0, 16)) + "\": " + problem, field,
                  problem == "missing" ? "missing" : "invalid-date");
}

RuleVerdict check_sex(const CardFields& f) {
    if (!f.sex.empty()) return passed("sex.valid", f.sexText + " = " + f.sex, "sex");
    if (f.sexText.empty()) return failed("sex.valid", "missing", "sex", "missing");
    return failed("sex.valid", "\"" + f.sexText + "\" is neither Nam nor Nữ", "sex", "invalid-sex");
}

RuleVerdict check_date_order(const CardFields& f, const Date& today) {
    if (!f.dateOfBirth || !f.issueDate) return not_checked("dates.order", "a date is missing or invalid", "issueDate");
    if (*f.dateOfBirth > *f.issueDate)
        return failed("dates.order", "issued " + to_iso(*f.issueDate) + ", before birth on " + to_iso(*f.dateOfBirth),
                      "issueDate", "issued-before-birth");
    if (*f.issueDate > today)
        return failed("dates.order", "issue date " + to_iso(*f.issueDate) + " is after today " + to_iso(today),
                      "issueDate", "issued-in-future");
    return passed("dates.order", "birth <= issue <= today", "issueDate");
}

RuleVerdict check_age(const CardFields& f, const Date& today) {
    if (!f.dateOfBirth) return not_checked("age.plausible", "no valid date of birth", "dateOfBirth");
    const int age = whole_years_between(*f.dateOfBirth, today);
    if (age < 0) return failed("age.plausible", "born in the future", "dateOfBirth", "born-in-future");
    if (age > 120) return failed("age.plausible", std::to_string(age) + " years old", "dateOfBirth", "implausible-age");
    return passed("age.plausible", std::to_string(age) + " years old", "dateOfBirth");
}

RuleVerdict check_address(const CardFields& f) {
    if (f.address.empty()) return failed("address.province", "no address", "address", "missing");
    const auto& p = f.addressParts;
    if (p.provinceCode.empty())
        return failed("address.province", "\"" + p.province + "\" is not one of the 63 provinces", "address",
                      "unknown-province", Severity::warning);
    std::string detail = p.provinceName + " (" + p.provinceCode + ")";
    if (p.provinceSince2025 != p.provinceName) detail += ", part of " + p.provinceSince2025 + " since 1 July 2025";
    if (!p.provinceExact) detail += ", recognised without diacritics";
    return passed("address.province", detail, "address");
}

}  // namespace

int century_sex_digit(int birthYear, std::string_view sex) {
    if (birthYear < 1900 || birthYear > 2399) return -1;
    if (sex != "male" && sex != "female") return -1;
    return (birthYear / 100 - 19) * 2 + (sex == "female" ? 1 : 0);
}

std::vector<RuleVerdict> run_checks(const CardFields& f, std::string_view dateOfBirthText,
                                    std::string_view issueDateText, const Date& today) {
    return {
        check_id_digits(f),
        check_id_province(f),
        check_id_century_sex(f),
        check_id_birth_year(f),
        check_old_id(f),
        check_name(f),
        check_date("dateOfBirth.valid", f.dateOfBirth, dateOfBirthText, "dateOfBirth"),
        check_sex(f),
        check_date("issueDate.valid", f.issueDate, issueDateText, "issueDate"),
        check_date_order(f, today),
        check_age(f, today),
        check_address(f),
    };
}

}  // namespace cccd
