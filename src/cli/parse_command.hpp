#pragma once
#include <iosfwd>

#include "cccd/address2025.hpp"

namespace cccd::cli {

// `cccd-scan parse`: one payload per input line -> one JSON object per output line. Returns the exit
// code: 0 when every line was parsed (valid or not), 2 on an I/O error. With an address table, each card
// has fields.address2025.
int run_parse(std::istream& in, std::ostream& out, const Address2025Table* addresses = nullptr);

}  // namespace cccd::cli
