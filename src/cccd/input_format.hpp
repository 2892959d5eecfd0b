#pragma once
// The card's fields from any text form the parser accepts: the QR code's own '|' text (also one field
// per line), ';' or tab separated, or "label: value" lines (docs/card-format.md, "Other input formats").
#include <string>
#include <string_view>
#include <vector>

#include "cccd/card.hpp"

namespace cccd {

struct InputFields {
    // In the card's order (id|oldId|name|…) whatever the form; dates of the other forms as ddmmyyyy.
    std::vector<std::string> fields;
    // A form other than the QR code's own says so (separator-semicolon, separator-tab, labelled-lines),
    // then what labelled lines left unused.
    std::vector<Problem> warnings;
    std::vector<Problem> errors;  // labelled lines giving one field two values
};

// Splits already-validated UTF-8 text (split_payload) and reads labelled lines.
InputFields read_input_fields(std::string_view text);

}  // namespace cccd
