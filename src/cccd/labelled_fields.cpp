#include "cccd/labelled_fields.hpp"

#include <algorithm>
#include <array>

#include "cccd/nfc.hpp"

namespace cccd {
namespace {

constexpr size_t kFields = 7;
constexpr std::array<const char*, kFields> kFieldNames = {"id",  "oldId",   "name",     "dateOfBirth",
                                                          "sex", "address", "issueDate"};
enum Field { kId, kOldId, kName, kDob, kSex, kAddress, kIssue };

struct Label {
    const char* key;  // lower case, no diacritics, words separated by one space
    int field;
};

// The card face's own labels (chip CCCD and Thẻ căn cước), their common short forms, and the English
// ones apps use. "Quê quán", "Quốc tịch", "Có giá trị đến" are on the card but not in its QR code.
constexpr Label kLabels[] = {
    {"so", kId}, {"no", kId}, {"so cccd", kId}, {"cccd", kId}, {"so can cuoc", kId}, {"can cuoc", kId},
    {"so can cuoc cong dan", kId}, {"can cuoc cong dan", kId}, {"so dinh danh", kId}, {"so dinh danh ca nhan", kId},
    {"ma dinh danh", kId}, {"id", kId}, {"id no", kId}, {"id number", kId}, {"personal number", kId},
    {"personal id", kId}, {"personal identification number", kId}, {"citizen id", kId}, {"citizen id number", kId},
    {"identity number", kId},
    {"so cmnd", kOldId}, {"cmnd", kOldId}, {"so cmnd cu", kOldId}, {"cmnd cu", kOldId},
    {"so chung minh nhan dan", kOldId}, {"chung minh nhan dan", kOldId}, {"old id", kOldId}, {"old id no", kOldId},
    {"old id number", kOldId}, {"previous id", kOldId},
    {"ho va ten", kName}, {"ho ten", kName}, {"ten", kName}, {"ho chu dem va ten", kName},
    {"ho chu dem va ten khai sinh", kName}, {"ho va ten khai sinh", kName}, {"name", kName}, {"full name", kName},
    {"ngay sinh", kDob}, {"sinh ngay", kDob}, {"ngay thang nam sinh", kDob}, {"date of birth", kDob}, {"dob", kDob},
    {"birth date", kDob}, {"birthday", kDob},
    {"gioi tinh", kSex}, {"sex", kSex}, {"gender", kSex},
    {"noi thuong tru", kAddress}, {"thuong tru", kAddress}, {"dia chi", kAddress}, {"dia chi thuong tru", kAddress},
    {"noi cu tru", kAddress}, {"address", kAddress}, {"permanent address", kAddress},
    {"place of residence", kAddress}, {"residence", kAddress},
    {"ngay cap", kIssue}, {"ngay thang nam cap", kIssue}, {"ngay cap cccd", kIssue}, {"ngay cap the", kIssue},
    {"date of issue", kIssue}, {"issue date", kIssue}, {"date issued", kIssue}, {"issued on", kIssue},
};

// Lower case without diacritics; dots are dropped ("D.O.B."), anything else but letters and digits
// separates words.
std::string label_key(std::string_view label) {
    std::string key;
    for (char c : match_key(label, true)) {
        if (c == '.') continue;
        const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
        if (word) key += c;
        else if (!key.empty() && key.back() != ' ') key += ' ';
    }
    if (!key.empty() && key.back() == ' ') key.pop_back();
    return key;
}

int field_of_key(std::string_view key) {
    for (const auto& l : kLabels)
        if (key == l.key) return l.field;
    return -1;
}

std::string_view trimmed(std::string_view s) {
    const size_t b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

struct Line {
    std::string_view label, value;
    bool labelled = false;
};

// Splits at the first ':' or fullwidth '：' (U+FF1A); at the first tab when there is neither (two
// spreadsheet columns).
Line split_line(std::string_view line) {
    size_t at = line.find(':');
    size_t width = 1;
    if (const size_t wide = line.find("\xEF\xBC\x9A"); wide < at) {
        at = wide;
        width = 3;
    }
    if (at == std::string_view::npos) at = line.find('\t');
    if (at == std::string_view::npos) return {};
    const std::string_view label = trimmed(line.substr(0, at));
    if (label.empty()) return {};
    return {label, trimmed(line.substr(at + width)), true};
}

std::string quoted(std::string_view s) {
    std::string q = "\"";
    q.append(s).push_back('"');
    return q;
}

}  // namespace

int card_field_of_label(std::string_view label) {
    if (const int f = field_of_key(label_key(label)); f >= 0) return f;
    for (size_t start = 0; start <= label.size();) {
        const size_t slash = std::min(label.find('/', start), label.size());
        if (const int f = field_of_key(label_key(label.substr(start, slash - start))); f >= 0) return f;
        start = slash + 1;
    }
    return -1;
}

std::optional<LabelledFields> read_labelled_lines(const std::vector<std::string>& lines) {
    int known = 0;
    for (const auto& line : lines) {
        const Line l = split_line(line);
        if (l.labelled && card_field_of_label(l.label) >= 0) ++known;
    }
    // One line that happens to start "Tên:" does not make a text of labelled lines.
    if (known < 2) return std::nullopt;

    LabelledFields out;
    out.fields.assign(kFields, "");
    std::array<std::string_view, kFields> label_of{};  // the label each field was taken from
    for (const auto& line : lines) {
        if (line.empty()) continue;
        const Line l = split_line(line);
        const int f = l.labelled ? card_field_of_label(l.label) : -1;
        if (!l.labelled) {
            out.warnings.push_back({"payload", "unlabelled-line",
                                    "the line " + quoted(line) + " has no \"label:\" and was not used",
                                    {{"line", std::string(line)}}});
            continue;
        }
        if (f < 0) {
            out.warnings.push_back({"payload", "unknown-label",
                                    "the label " + quoted(l.label) + " is not one of the QR code's fields; its value " +
                                        quoted(l.value) + " was not used",
                                    {{"label", std::string(l.label)}, {"value", std::string(l.value)}}});
            continue;
        }
        std::string& field = out.fields[static_cast<size_t>(f)];
        if (l.value.empty() || l.value == field) continue;
        if (field.empty()) {
            field = l.value;
            label_of[static_cast<size_t>(f)] = l.label;
            continue;
        }
        // Two values for one field: neither can be trusted over the other without the card.
        out.errors.push_back({kFieldNames[static_cast<size_t>(f)], "label-conflict",
                              quoted(label_of[static_cast<size_t>(f)]) + " gives " + quoted(field) + " but " +
                                  quoted(l.label) + " gives " + quoted(l.value) + "; the first is used",
                              {{"label", std::string(label_of[static_cast<size_t>(f)])}, {"value", field},
                               {"otherLabel", std::string(l.label)}, {"otherValue", std::string(l.value)}}});
    }
    return out;
}

}  // namespace cccd
