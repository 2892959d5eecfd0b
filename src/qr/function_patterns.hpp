#pragma once
// Which modules of a symbol carry no data (ISO/IEC 18004:2015 6.3, Figure 2): finder patterns with their
// separators, timing patterns, alignment patterns (Annex E), the format and version information areas
// (7.9, 7.10) and the dark module (7.9.1).
#include <cstdint>
#include <vector>

namespace cccd::qr {

// Row-major, size * size entries, 1 where the module is a function module. Empty for a bad version.
std::vector<uint8_t> function_module_map(int version);

}  // namespace cccd::qr
