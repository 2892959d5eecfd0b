#include "cccd/checks.hpp"

#include <string>

#include "cccd/digits.hpp"
#include "cccd/provinces.hpp"

namespace cccd {
namespace {

// A rule's outcome: `code` and `params` are what a page renders in its language; `detail` is English.
RuleVerdict passed(std::string name, std::string detail, std::string field, std::string code = "ok",
                   Params params = {}) {
    Check c{std::move(name), true, std::move(detail), false, std::move(code), std::move(params)};
    return {std::move(c), Severity::error, std::move(field), {}, true};
}

RuleVerdict failed(std::string name, std::string detail, std::string field, std::string code, Params params = {},
                   Severity severity = Severity::error) {
    Check c{std::move(name), false, std::move(detail), false, code, std::move(params)};
    return {std::move(c), severity, std::move(field), std::move(code), true};
}

// `reason` codes: "id-not-12-digits", "no-date-of-birth", "no-sex", "date-missing".
RuleVerdict not_checked(std::string name, std::string why, std::string reason, std::string field) {
    Check c{std::move(name), false, "not checked: " + why, true, std::move(reason), {}};
    return {std::move(c), Severity::error, std::move(field), {}, false};
}

std::string two_digits(int v) {
    std::string s = std::to_string(v % 100);
    return s.size() == 1 ? "0" + s : s;
}

bool id_is_12_digits(const CardFields& f) { return f.id.size() == 12 && all_digits(f.id); }

RuleVerdict id_not_checked(const char* rule) {
    return not_checked(rule, "the number is not 12 digits", "id-not-12-digits", "id");
}

RuleVerdict check_id_digits(const CardFields& f) {
    if (id_is_12_digits(f)) return passed("id.digits", "12 digits", "id");
    if (f.id.empty()) return failed("id.digits", "missing", "id", "missing");
    if (!all_digits(f.id)) return failed("id.digits", "contains characters other than digits", "id", "not-digits");
    const std::string n = std::to_string(f.id.size());
    return failed("id.digits", n + " digits, expected 12", "id", "wrong-length", {{"length", n}});
}

RuleVerdict check_id_province(const CardFields& f) {
    if (!id_is_12_digits(f)) return id_not_checked("id.province");
    const std::string code = f.id.substr(0, 3);
    if (const auto* p = province_by_code(code))
        return passed("id.province", code + " = " + std::string(p->name), "id", "ok",
                      {{"code", code}, {"province", std::string(p->name)}});
    return failed("id.province", code + " is not the code of any of the 63 provinces", "id", "unknown-province",
                  {{"code", code}});
}

RuleVerdict check_id_century_sex(const CardFields& f) {
    if (!id_is_12_digits(f)) return id_not_checked("id.centurySex");
    if (!f.dateOfBirth) return not_checked("id.centurySex", "no valid date of birth", "no-date-of-birth", "id");
    if (f.sex.empty()) return not_checked("id.centurySex", "sex is not Nam/Nữ", "no-sex", "id");
    const int expected = century_sex_digit(f.dateOfBirth->year, f.sex);
    const std::string actual(1, f.id[3]), year = std::to_string(f.dateOfBirth->year);
    const std::string what = f.sex + " born " + year;
    Params params{{"digit", actual}, {"sex", f.sex}, {"year", year}};
    if (expected == actual[0] - '0') return passed("id.centurySex", "digit 4 is " + actual + ": " + what, "id", "ok", params);
    if (expected < 0)
        return failed("id.centurySex", "birth year outside 1900-2399", "id", "century-sex-out-of-range", {{"year", year}});
    params.emplace_back("expected", std::to_string(expected));
    return failed("id.centurySex", "digit 4 is " + actual + " but a " + what + " has " + std::to_string(expected),
                  "id", "century-sex", params);
}

RuleVerdict check_id_birth_year(const CardFields& f) {
    if (!id_is_12_digits(f)) return id_not_checked("id.birthYear");
    if (!f.dateOfBirth) return not_checked("id.birthYear", "no valid date of birth", "no-date-of-birth", "id");
    const std::string yy = two_digits(f.dateOfBirth->year), digits = f.id.substr(4, 2);
    if (digits == yy) return passed("id.birthYear", "digits 5-6 are " + yy, "id", "ok", {{"digits", yy}});
    return failed("id.birthYear", "digits 5-6 are " + digits + " but the birth year ends in " + yy, "id",
                  "birth-year", {{"digits", digits}, {"expected", yy}});
}

RuleVerdict check_old_id(const CardFields& f) {
    if (f.oldId.empty()) return passed("oldId.digits", "no old number on this card", "oldId", "absent");
    if (f.oldId.size() == 9 && all_digits(f.oldId)) return passed("oldId.digits", "9 digits", "oldId");
    if (!all_digits(f.oldId))
        return failed("oldId.digits", "contains characters other than digits", "oldId", "not-digits");
    const std::string n = std::to_string(f.oldId.size());
    return failed("oldId.digits", n + " digits, expected 9", "oldId", "wrong-length", {{"length", n}});
}

RuleVerdict check_name(const CardFields& f) {
    if (f.name.empty()) return failed("name.present", "missing", "name", "missing");
    for (char c : f.name)
        if ((c >= '0' && c <= '9') || c == '|' || static_cast<unsigned char>(c) < 0x20)
            return failed("name.present", "contains digits or control characters", "name", "not-a-name");
    return passed("name.present", "present", "name");
}

RuleVerdict check_date(const char* rule, const std::optional<Date>& d, std::string_view text, const char* field) {
    if (d) return passed(rule, to_iso(*d), field, "ok", {{"date", to_iso(*d)}});
    const DateProblem problem = date_problem_of(text);
    const std::string shown(text.substr(0, 16));
    const std::string detail = "\"" + shown + "\": " + problem.message;
    if (problem.code == "missing") return failed(rule, detail, field, "missing");
    Params params{{"text", shown}, {"problem", problem.code}};
    params.insert(params.end(), problem.params.begin(), problem.params.end());
    return failed(rule, detail, field, "invalid-date", std::move(params));
}

RuleVerdict check_sex(const CardFields& f) {
    if (!f.sex.empty()) return passed("sex.valid", f.sexText + " = " + f.sex, "sex", "ok", {{"text", f.sexText}, {"sex", f.sex}});
    if (f.sexText.empty()) return failed("sex.valid", "missing", "sex", "missing");
    return failed("sex.valid", "\"" + f.sexText + "\" is neither Nam nor Nữ", "sex", "invalid-sex", {{"text", f.sexText}});
}

RuleVerdict check_date_order(const CardFields& f, const Date& today) {
    if (!f.dateOfBirth || !f.issueDate)
        return not_checked("dates.order", "a date is missing or invalid", "date-missing", "issueDate");
    const std::string birth = to_iso(*f.dateOfBirth), issue = to_iso(*f.issueDate), now = to_iso(today);
    if (*f.dateOfBirth > *f.issueDate)
        return failed("dates.order", "issued " + issue + ", before birth on " + birth, "issueDate",
                      "issued-before-birth", {{"issueDate", issue}, {"dateOfBirth", birth}});
    if (*f.issueDate > today)
        return failed("dates.order", "issue date " + issue + " is after today " + now, "issueDate", "issued-in-future",
                      {{"issueDate", issue}, {"today", now}});
    return passed("dates.order", "birth <= issue <= today", "issueDate");
}

RuleVerdict check_age(const CardFields& f, const Date& today) {
    if (!f.dateOfBirth) return not_checked("age.plausible", "no valid date of birth", "no-date-of-birth", "dateOfBirth");
    const int age = whole_years_between(*f.dateOfBirth, today);
    const std::string years = std::to_string(age);
    if (age < 0) return failed("age.plausible", "born in the future", "dateOfBirth", "born-in-future");
    if (age > 120)
        return failed("age.plausible", years + " years old", "dateOfBirth", "implausible-age", {{"age", years}});
    return passed("age.plausible", years + " years old", "dateOfBirth", "ok", {{"age", years}});
}

// Passes as "ok", or "ok-merged" when the province became part of another on 1 July 2025; "exact" is
// "false" when the name was recognised without its diacritics.
RuleVerdict check_address(const CardFields& f) {
    if (f.address.empty()) return failed("address.province", "no address", "address", "missing");
    const auto& p = f.addressParts;
    if (p.provinceCode.empty())
        return failed("address.province", "\"" + p.province + "\" is not one of the 63 provinces", "address",
                      "unknown-province", {{"province", p.province}}, Severity::warning);
    std::string detail = p.provinceName + " (" + p.provinceCode + ")";
    Params params{{"province", p.provinceName}, {"code", p.provinceCode}, {"exact", p.provinceExact ? "true" : "false"}};
    const bool merged = p.provinceSince2025 != p.provinceName;
    if (merged) {
        detail += ", part of " + p.provinceSince2025 + " since 1 July 2025";
        params.emplace_back("since2025", p.provinceSince2025);
    }
    if (!p.provinceExact) detail += ", recognised without diacritics";
    return passed("address.province", detail, "address", merged ? "ok-merged" : "ok", std::move(params));
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
