#include "cccd/input_format.hpp"

#include "cccd/date_text.hpp"
#include "cccd/labelled_fields.hpp"
#include "cccd/payload.hpp"

namespace cccd {
namespace {

constexpr size_t kDateOfBirth = 3, kIssueDate = 6;

// Apps and spreadsheets write dates their own way (01/02/1999); the card's QR never does, so its text
// is left exactly as it came.
void normalise_dates(std::vector<std::string>& f) {
    if (f.size() > kDateOfBirth) f[kDateOfBirth] = to_ddmmyyyy(f[kDateOfBirth]);
    if (f.size() > kIssueDate) f[kIssueDate] = to_ddmmyyyy(f[kIssueDate]);
}

// A clerk should know the text did not come straight from the card's QR code: someone or something
// rewrote it, and could have changed it.
Problem not_from_qr(std::string code, std::string_view form) {
    return {"payload", std::move(code),
            std::string(form) + ", not the '|' separated text of the card's QR code: an app or a person rewrote it"};
}

}  // namespace

InputFields read_input_fields(std::string_view text) {
    SplitPayload split = split_payload(text);
    InputFields in;
    if (split.separator == Separator::line) {
        if (auto labelled = read_labelled_lines(split.fields)) {
            in.fields = std::move(labelled->fields);
            normalise_dates(in.fields);
            in.warnings.push_back(not_from_qr("labelled-lines", "\"label: value\" lines"));
            in.warnings.insert(in.warnings.end(), labelled->warnings.begin(), labelled->warnings.end());
            in.errors = std::move(labelled->errors);
            return in;
        }
    }
    in.fields = std::move(split.fields);
    if (split.separator == Separator::semicolon) {
        normalise_dates(in.fields);
        in.warnings.push_back(not_from_qr("separator-semicolon", "fields separated by ';'"));
    } else if (split.separator == Separator::tab) {
        normalise_dates(in.fields);
        in.warnings.push_back(not_from_qr("separator-tab", "fields separated by tabs (a spreadsheet row)"));
    }
    return in;
}

}  // namespace cccd
