#pragma once
// "Label: value" lines, as apps export a card and people type it from the card's face
// ("Họ và tên: Nguyễn Văn A"), mapped to the card's seven fields.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cccd/card.hpp"

namespace cccd {

struct LabelledFields {
    // id, oldId, name, dateOfBirth, sex, address, issueDate: each as written, empty when no line has it.
    std::vector<std::string> fields;
    std::vector<Problem> warnings;  // lines not used: unknown labels, lines without a label
    std::vector<Problem> errors;    // one field given two different values
};

// Which of the seven fields a label names (0 = id … 6 = issueDate), or -1. Case, Vietnamese diacritics,
// punctuation and extra spaces do not matter; English labels are known too; a bilingual label
// ("Họ và tên / Full name") is matched by its first known part.
int card_field_of_label(std::string_view label);

// The lines (already trimmed) as "label: value" (also '：', or a tab when there is no colon), in any
// order; the value is everything after the first separator. nullopt unless at least two lines carry a
// known label: then the text is not labelled lines.
std::optional<LabelledFields> read_labelled_lines(const std::vector<std::string>& lines);

}  // namespace cccd
