#pragma once
// Dates as people and apps write them, turned into the card's ddmmyyyy.
#include <string>
#include <string_view>

namespace cccd {

// "01/02/1999", "1-2-1999", "1.2.1999" (day first, as in Vietnam) and "1999-02-01" (year first) become
// "01021999". Any other text, eight digits included, is returned unchanged (trimmed): whether it is a
// real date is parse_ddmmyyyy's question, and its error then shows what was written.
std::string to_ddmmyyyy(std::string_view text);

}  // namespace cccd
