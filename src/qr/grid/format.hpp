#pragma once
// Format information (ISO/IEC 18004:2015 7.9: error correction level and mask, BCH(15,5), two copies) and
// version information (7.10: version 7..40, BCH(18,6), two copies): where they are and how to read them.
#include <array>
#include <cstdint>
#include <optional>

#include "qr/grid/module_grid.hpp"
#include "qr/tables.hpp"

namespace cccd::qr {

struct ModulePos {
    int x = 0;  // column
    int y = 0;  // row
};

struct FormatInfo {
    EcLevel level = EcLevel::L;
    int mask = 0;       // 0..7, Table 10
    int bitErrors = 0;  // Hamming distance between what was read and the codeword
};

struct VersionInfo {
    int version = 0;  // 7..40
    int bitErrors = 0;
};

// 7.9.1, Figure 25: module of bit i (0 = least significant) of format copy 0 (around the top-left finder)
// or copy 1 (split between the top-right and bottom-left finders), in a symbol of `size` modules.
std::array<ModulePos, 15> format_positions(int size, int copy);
// 7.10, Figure 27: module of bit i of version copy 0 (above the bottom-left finder) or copy 1 (left of
// the top-right finder).
std::array<ModulePos, 18> version_positions(int size, int copy);

// The 15 bits as placed in the symbol, including the XOR with 101010000010010 (7.9.1).
uint32_t format_codeword(EcLevel level, int mask);
// The 18 bits as placed (7.10; not masked). Only for versions 7..40.
uint32_t version_codeword(int version);

// The nearest of the 32 format codewords if it is within 3 bit errors (the code's minimum distance is 7,
// so 3 errors are always corrected and never confused), else nothing.
std::optional<FormatInfo> decode_format_bits(uint32_t bits);
// The nearest of the 34 version codewords if it is within 3 bit errors (minimum distance 8), else nothing.
std::optional<VersionInfo> decode_version_bits(uint32_t bits);

uint32_t read_format_bits(const ModuleGrid& grid, int copy);
uint32_t read_version_bits(const ModuleGrid& grid, int copy);

// Whether the grid's information areas look like a symbol's: both format copies decode to the same level
// and mask, and from version 7 a version copy decodes to the grid's own version. Three finder look-alikes
// in print or texture pass each alone now and then (a 15-bit word is within 3 errors of a format codeword
// half the time), both together rarely.
bool information_consistent(const ModuleGrid& grid);

}  // namespace cccd::qr
