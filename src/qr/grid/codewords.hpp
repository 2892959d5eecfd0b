#pragma once
// From data modules to codeword blocks (ISO/IEC 18004:2015): data masking (7.8, Table 10), codeword
// placement (7.7.3) and the interleaving of blocks (7.6).
#include <cstdint>
#include <span>
#include <vector>

#include "qr/grid/module_grid.hpp"
#include "qr/tables.hpp"

namespace cccd::qr {

// Table 10: true where mask pattern `mask` (0..7) inverts the module at `row` i, `column` j.
bool mask_condition(int mask, int row, int column);

// Visits the data modules in placement order (7.7.3): two-module-wide columns from the right edge, up and
// down in turn, right module before left, skipping function modules and the vertical timing column.
// `visit(x, y)` is called for every module that is not a function module.
template <typename Visit>
void for_each_data_module(int size, std::span<const uint8_t> functionMap, Visit&& visit) {
    bool upward = true;
    for (int right = size - 1; right >= 1; right -= 2) {
        if (right == 6) right = 5;  // column 6 is the vertical timing pattern
        for (int step = 0; step < size; ++step) {
            const int y = upward ? size - 1 - step : step;
            for (int x = right; x >= right - 1; --x) {
                const size_t at = static_cast<size_t>(y) * static_cast<size_t>(size) + static_cast<size_t>(x);
                if (!functionMap[at]) visit(x, y);
            }
        }
        upward = !upward;
    }
}

// The `count` codewords of the symbol in placement order, unmasked, most significant bit first.
std::vector<uint8_t> read_codewords(const ModuleGrid& grid, std::span<const uint8_t> functionMap, int mask, int count);

struct CodewordBlock {
    std::vector<uint8_t> codewords;  // data codewords, then error correction codewords
    int dataCodewords = 0;
};

// How sure each of the `count` codewords is, in placement order: the least sure of its eight modules
// (ModuleGrid::confidence; all 255 when the grid has none).
std::vector<uint8_t> codeword_confidence(const ModuleGrid& grid, std::span<const uint8_t> functionMap, int count);

// 7.6: undoes the interleaving. Data codewords were sent one from each block in turn (blocks that are one
// shorter drop out of the last round), then the error correction codewords the same way.
std::vector<CodewordBlock> deinterleave(std::span<const uint8_t> codewords, const EcBlocks& layout);

// The data codewords of all blocks, in block order: the bit stream of 7.4.
std::vector<uint8_t> data_codewords(std::span<const CodewordBlock> blocks);

}  // namespace cccd::qr
