#pragma once
#include <iosfwd>

namespace cccd::cli {

// `cccd-scan parse`: one payload per input line -> one JSON object per output line. Returns the exit
// code: 0 when every line was parsed (valid or not), 2 on an I/O error.
int run_parse(std::istream& in, std::ostream& out);

}  // namespace cccd::cli
