#pragma once
// The card parser's entry point: the decoded text of a card's QR code -> checked, structured data.
#include <string_view>

#include "cccd/card.hpp"

namespace cccd {

// Never throws for any input; `today` bounds the issue date (pass the local date in Vietnam). With an
// address table loaded (address2025.hpp), fields.address2025 gives the address after the July 2025 reform.
CardResult parse_card(std::string_view text, const Date& today, const Address2025Table* addresses = nullptr);

// Today's date in Vietnam (UTC+7, no daylight saving), from the system clock.
Date today_in_vietnam();

}  // namespace cccd
