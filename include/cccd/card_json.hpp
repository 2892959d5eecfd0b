#pragma once
// The stable JSON shape of a parsed card (docs/card-format.md, "Result JSON"): later pieces — the CLI, the WASM
// module, the page — all speak it.
#include <string>

#include "cccd/card.hpp"

namespace cccd {

std::string to_json(const CardResult& card);

// fields.address2025 alone (docs/address-2025.md).
std::string to_json(const Address2025& address);

}  // namespace cccd
