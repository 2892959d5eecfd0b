#pragma once
// The address table (cccd/address2025.hpp) for the CLI: `--address-table FILE`, else $CCCD_ADDRESS_TABLE,
// else the repository's data/address2025.tsv (where this build was made from).
#include <ostream>
#include <string>
#include <vector>

#include "cccd/address2025.hpp"

namespace cccd::cli {

// Takes `--address-table FILE` and `--no-address-table` out of args and loads the table. An explicit
// file that cannot be read is an error (false, message on err); a missing default only a note on err,
// and the results' address2025 stays null.
bool load_address_table(std::vector<std::string>& args, Address2025Table& table, std::ostream& err);

}  // namespace cccd::cli
