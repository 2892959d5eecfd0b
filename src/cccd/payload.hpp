#pragma once
// The text of a card's QR code as it arrives from a decoder, a file or a keyboard-wedge scanner,
// cleaned of transport noise (BOM, CR/LF, spaces around fields) and split at '|'.
#include <string>
#include <string_view>
#include <vector>

namespace cccd {

// A QR symbol holds at most 2953 bytes (ISO/IEC 18004 Table 7, version 40-L, byte mode); anything
// longer cannot have come from a card.
inline constexpr size_t kMaxPayloadBytes = 2953;

// What the fields were separated by. Only '|' is what the card's QR code holds; the others come from
// scanners, apps and spreadsheets (docs/card-format.md, "Other input formats").
enum class Separator {
    pipe,       // '|', and also a text with no separator at all (one field)
    line,       // one field per line
    semicolon,  // ';'
    tab,        // a spreadsheet row
};

struct SplitPayload {
    std::vector<std::string> fields;
    Separator separator = Separator::pipe;
    bool hadBom = false;
    bool hadLineBreaks = false;         // CR/LF inside or around the text
    bool hadSpacesAroundFields = false;
};

// Splits already-validated UTF-8 text. White space at either end is removed; when the text has no '|'
// but several lines, each line is a field (some scanners send "|" as Enter) and trailing empty lines
// are kept as empty fields. A single line without '|' is split at tabs, else at ';', when that gives a
// card's field count (7, 7 and an empty last one, or 11 or more) and a first field with a digit (the ID
// number); otherwise it stays one field.
SplitPayload split_payload(std::string_view text);

}  // namespace cccd
