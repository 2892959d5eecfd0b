#pragma once
// Which modules of a symbol carry no data (ISO/IEC 18004:2015 6.3, Figure 2): finder patterns with their
// separators, timing patterns, alignment patterns (Annex E), the format and version information areas
// (7.9, 7.10) and the dark module (7.9.1).
#include <cstdint>
#include <vector>

namespace cccd::qr {

// Row-major, size * size entries, 1 where the module is a function module. Empty for a bad version.
std::vector<uint8_t> function_module_map(int version);

// The colours the standard fixes, row-major: +1 dark, -1 light, 0 where the symbol's content decides (data,
// format and version information). Finders, separators, timing and alignment patterns, the dark module.
// Empty for a bad version. Frames of a video are weighed by how well their samples show these.
std::vector<int8_t> function_pattern_colours(int version);

}  // namespace cccd::qr
