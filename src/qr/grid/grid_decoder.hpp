#pragma once
// ISO/IEC 18004:2015 decoding of a module grid: format and version information (7.9, 7.10), unmasking
// (7.8), codeword placement and de-interleaving (7.7), Reed-Solomon correction (7.5.2), and the data
// bit stream (7.4). A mirrored grid (a symbol seen from behind, or written transposed) is also read.
#include <cstdint>
#include <vector>

#include "qr/grid/module_grid.hpp"
#include "qr/symbol_data.hpp"

namespace cccd::qr {

GridDecodeResult decode_grid(const ModuleGrid& grid);

// The error correction blocks (7.5.2) that frames of one video, read as one symbol, have corrected so far.
// Each block passed Reed-Solomon on its own, so a frame that corrects some blocks and a later frame that
// corrects the others make the symbol's data together; no block is ever guessed. A block corrected to
// different data than remembered means another symbol: the memory starts again from this frame.
struct BlockMemory {
    int version = 0;
    char ecLevel = '?';
    int mask = -1;
    bool mirrored = false;
    int frame = 0;  // the caller's number for the frame being decoded
    struct Block {
        std::vector<uint8_t> data;  // corrected data codewords; empty: not corrected yet
        int frame = -1;             // the frame that corrected it
    };
    std::vector<Block> blocks;
    void clear() { *this = BlockMemory{0, '?', -1, false, frame, {}}; }
};

// decode_grid for a frame of a video: blocks the grid corrects are remembered; when the rest are remembered
// from earlier frames and at least one block of this grid agrees with the memory (the same symbol, seen
// again), the data is assembled from both (rememberedBlocks, sourceFrames).
GridDecodeResult decode_grid_remembering(const ModuleGrid& grid, BlockMemory& memory);

}  // namespace cccd::qr
