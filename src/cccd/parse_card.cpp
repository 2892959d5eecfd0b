#include "cccd/parse_card.hpp"

#include <chrono>

#include "cccd/checks.hpp"
#include "cccd/digits.hpp"
#include "cccd/input_format.hpp"
#include "cccd/nfc.hpp"
#include "cccd/payload.hpp"
#include "cccd/repair.hpp"
#include "cccd/utf8.hpp"

namespace cccd {
namespace {

// Field layouts seen on real cards (docs/card-format.md, "Payload formats"):
//   chip CCCD (2021):         id|oldId|name|ddmmyyyy|Nam/Nữ|address|ddmmyyyy             7 fields
//   Thẻ căn cước (7/2024 on): the same seven, then four reserved fields, usually empty  11 fields
constexpr size_t kCoreFields = 7;
constexpr size_t kCanCuoc2024Fields = 11;

bool has_control_bytes(std::string_view s) {
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t' && c != '\r' && c != '\n') || u == 0x7F) return true;
    }
    return false;
}

CardResult failure(std::string field, std::string code, std::string message, Params params = {}) {
    CardResult r;
    r.ok = false;
    r.format = "unknown";
    r.errors.push_back({std::move(field), std::move(code), std::move(message), std::move(params)});
    return r;
}

// Vietnam's health-insurance card (BHYT) QR is also '|'-separated and is often scanned by mistake;
// its first field is a 15-character card code: two letters, then digits.
bool looks_like_health_insurance(const std::vector<std::string>& f) {
    const std::string& c = f[0];
    if (c.size() != 15 || !all_digits(std::string_view(c).substr(2))) return false;
    return (c[0] >= 'A' && c[0] <= 'Z') && (c[1] >= 'A' && c[1] <= 'Z');
}

// Chooses the format from the field count; trims one trailing '|' (an empty last field) where that
// makes a known layout. Returns "" when there are too few fields.
std::string detect_format(std::vector<std::string>& f) {
    const bool trailing_empty = f.size() > kCoreFields && f.back().empty();
    if (f.size() == kCoreFields + 1 && trailing_empty) f.pop_back();
    if (f.size() == kCanCuoc2024Fields + 1 && trailing_empty) f.pop_back();
    if (f.size() == kCoreFields) return "cccd-2021";
    if (f.size() == kCanCuoc2024Fields) return "can-cuoc-2024";
    if (f.size() > kCoreFields) return "cccd-extended";
    return {};
}

// Nam/Nữ as printed; also upper case, without diacritics, or in English (some readers translate).
std::string sex_from_text(std::string_view text) {
    const std::string key = match_key(text, true);
    if (key == "nam" || key == "male" || key == "m") return "male";
    if (key == "nu" || key == "female" || key == "f") return "female";
    return {};
}

void add_text_quality_warnings(CardResult& r) {
    const auto& f = r.fields;
    if (has_word_without_vowel(f.name))
        r.warnings.push_back({"name", "letters-missing",
                              "a word of the name has no vowel: the scanner probably dropped Vietnamese letters"});
    // Many real names have no diacritic ("Kim Thu Lan"), but a whole card without one has lost them.
    else if (!f.name.empty() && !has_diacritics(f.name) && !has_diacritics(f.address))
        r.warnings.push_back({"name", "no-diacritics",
                              "name and address have no Vietnamese diacritics: the scanner may have dropped them"});
}

void add_format_warnings(CardResult& r) {
    const auto& f = r.fields;
    if (r.format == "cccd-extended")
        r.warnings.push_back({"payload", "unknown-fields",
                              std::to_string(f.extra.size()) + " fields after the seventh in an unknown layout; kept in fields.extra",
                              {{"count", std::to_string(f.extra.size())}}});
    if (r.format == "can-cuoc-2024") {
        for (const auto& e : f.extra)
            if (!e.empty()) {
                r.warnings.push_back({"payload", "reserved-fields-used",
                                      "the Thẻ căn cước's reserved fields 8-11 hold data; kept in fields.extra"});
                break;
            }
        if (f.issueDate && *f.issueDate < Date{2024, 7, 1})
            r.warnings.push_back({"issueDate", "format-date-mismatch",
                                  "a Thẻ căn cước layout but issued before 1 July 2024, when that card began"});
    }
    if (r.format == "cccd-2021" && f.dateOfBirth && f.issueDate && *f.dateOfBirth <= *f.issueDate &&
        whole_years_between(*f.dateOfBirth, *f.issueDate) < 14)
        r.warnings.push_back({"issueDate", "issued-under-14",
                              "a chip CCCD issued before age 14; the 2014 Law on Citizen Identification issued it from 14"});
}

// The text without a BOM and surrounding white space: what the QR code itself held.
std::string_view core_of(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    const size_t b = text.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    return text.substr(b, text.find_last_not_of(" \t\r\n") - b + 1);
}

}  // namespace

CardResult parse_card(std::string_view text, const Date& today, const Address2025Table* addresses) {
    if (core_of(text).size() > kMaxPayloadBytes)
        return failure("payload", "too-long",
                       "longer than " + std::to_string(kMaxPayloadBytes) + " bytes, more than any QR code holds",
                       {{"max", std::to_string(kMaxPayloadBytes)}});
    if (!is_valid_utf8(text)) return failure("payload", "not-utf8", "not UTF-8 text (binary data?)");
    if (has_control_bytes(text)) return failure("payload", "control-characters", "contains control characters (binary data?)");

    CardResult r;
    std::string work(text);
    // A leading BOM is transport noise (split_payload would drop it); as U+FEFF it is not a Windows-1252
    // character and would stop the mojibake repair of the whole text, so drop it first.
    if (work.starts_with("\xEF\xBB\xBF")) work.erase(0, 3);
    const RepairResult repair = repair_mojibake(work);
    if (repair.outcome == RepairOutcome::clean && looks_like_mojibake(work))
        r.errors.push_back({"payload", "mojibake-unrepaired",
                            "the text looks like UTF-8 read as Windows-1252 but cannot be repaired: rescan the card"});
    if (repair.outcome == RepairOutcome::repaired) {
        r.repaired = true;
        work = repair.text;
        r.warnings.push_back({"payload", "mojibake-repaired",
                              "the text arrived as UTF-8 read as Windows-1252 (a keyboard-wedge scanner) and was repaired"});
    } else if (repair.outcome == RepairOutcome::partial) {
        r.repaired = true;
        work = repair.text;
        // The text is mostly right but a letter is unknown: not fit to fill a form unchecked.
        r.errors.push_back({"payload", "mojibake-partial",
                              "the text arrived as UTF-8 read as Windows-1252 and was repaired, but " +
                                  std::to_string(repair.unrecovered) +
                                  " letter(s) lost a byte and could be several letters: shown as \uFFFD, check the card",
                              {{"count", std::to_string(repair.unrecovered)}}});
    }
    work = to_nfc(std::string_view(work));

    // The QR code's own '|' text, or a form an app or spreadsheet made of it (which then warns).
    InputFields split = read_input_fields(work);
    r.warnings.insert(r.warnings.end(), split.warnings.begin(), split.warnings.end());
    r.errors.insert(r.errors.end(), split.errors.begin(), split.errors.end());
    r.rawFields = split.fields;
    if (split.fields.size() == 1 && split.fields[0].empty()) {
        CardResult e = failure("payload", "empty", "no text");
        e.rawFields = {};
        return e;
    }
    if (split.fields.size() == 1) {
        CardResult e = failure("payload", "not-a-card", "no '|' separators: this is not the QR code of an ID card");
        e.rawFields = std::move(r.rawFields);
        return e;
    }
    if (looks_like_health_insurance(split.fields)) {
        CardResult e = failure("payload", "health-insurance-card",
                               "this is the QR code of a health-insurance (BHYT) card, not an ID card");
        e.rawFields = std::move(r.rawFields);
        return e;
    }

    std::vector<std::string> f = split.fields;
    r.format = detect_format(f);
    if (r.format.empty()) {
        r.format = "unknown";
        r.errors.push_back({"payload", "field-count",
                            std::to_string(f.size()) + " fields separated by '|', expected 7 (id|oldId|name|" +
                                "dateOfBirth|sex|address|issueDate)",
                            {{"count", std::to_string(f.size())}}});
        return r;
    }

    CardFields& c = r.fields;
    c.id = f[0];
    c.oldId = f[1];
    c.name = f[2];
    c.dateOfBirth = parse_ddmmyyyy(f[3]);
    c.sexText = f[4];
    c.sex = sex_from_text(f[4]);
    c.address = f[5];
    c.addressParts = split_address(c.address);
    if (addresses && !addresses->empty()) c.address2025 = map_address_2025(*addresses, c.address);
    c.issueDate = parse_ddmmyyyy(f[6]);
    c.extra.assign(f.begin() + kCoreFields, f.end());

    for (auto& v : run_checks(c, f[3], f[6], today)) {
        if (!v.check.ok && v.evaluated) {
            Problem p{v.field, v.code, v.check.name + ": " + v.check.detail, {{"check", v.check.name}}};
            p.params.insert(p.params.end(), v.check.params.begin(), v.check.params.end());
            (v.severity == Severity::error ? r.errors : r.warnings).push_back(std::move(p));
        }
        r.checks.push_back(std::move(v.check));
    }
    if (!c.sex.empty() && c.sexText != "Nam" && c.sexText != "Nữ")
        r.warnings.push_back({"sex", "sex-spelling", "\"" + c.sexText + "\" read as " + c.sex + "; cards print Nam or Nữ",
                              {{"text", c.sexText}, {"sex", c.sex}}});
    add_text_quality_warnings(r);
    add_format_warnings(r);
    r.ok = r.errors.empty();
    return r;
}

Date today_in_vietnam() {
    using namespace std::chrono;
    const auto now = system_clock::now() + hours(7);
    const year_month_day ymd{floor<days>(now)};
    return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

}  // namespace cccd
