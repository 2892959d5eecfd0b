#pragma once
// The result of parsing a card's QR text: plain data, serialised by card_json.
#include <optional>
#include <string>
#include <vector>

#include "cccd/address.hpp"
#include "cccd/address2025.hpp"
#include "cccd/date.hpp"
#include "cccd/params.hpp"

namespace cccd {

// One validation rule's verdict, reported whether it passed or not.
struct Check {
    std::string name;    // "id.province", "dates.order", …
    bool ok = false;
    std::string detail;    // why it passed or failed, in English words
    bool skipped = false;  // not run: a field it needs is missing or invalid (reported by its own check)
    std::string code;      // stable code of the outcome: "ok", "wrong-length", "no-date-of-birth", …
    Params params;         // the values `detail` names
};

// An error (the card data cannot be trusted) or a warning (worth a human look).
struct Problem {
    std::string field;    // "id", "dateOfBirth", "payload", …
    std::string code;     // stable machine-readable code: "not-digits", "field-count", …
    std::string message;  // English explanation
    Params params = {};   // the values `message` names; a failed check's also name it ("check")
};

struct CardFields {
    std::string id;
    std::string oldId;
    std::string name;
    std::optional<Date> dateOfBirth;
    std::string sex;      // "male", "female", or empty when the printed text is not Nam/Nữ
    std::string sexText;  // as printed
    std::string address;
    AddressParts addressParts;
    std::optional<Date> issueDate;
    // Fields after the seventh, in order and never dropped. On the Thẻ căn cước (from 1 July 2024) these
    // are the four fields its circular reserves for relatives and cancelled numbers; every card seen
    // so far leaves them empty, so they are kept as text rather than guessed at.
    std::vector<std::string> extra;
    // The address as today's commune and province (1 July 2025 reform); empty when no table was loaded.
    std::optional<Address2025> address2025;
};

struct CardResult {
    bool ok = false;
    std::string format;  // "cccd-2021", "can-cuoc-2024", or "unknown"
    CardFields fields;
    std::vector<Check> checks;
    std::vector<Problem> warnings;
    std::vector<Problem> errors;
    bool repaired = false;  // keyboard-wedge mojibake was undone
    std::vector<std::string> rawFields;  // the fields as split, after repair and NFC
};

}  // namespace cccd
