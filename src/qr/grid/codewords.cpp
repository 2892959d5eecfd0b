// Unmasking, codeword reading and de-interleaving, ISO/IEC 18004:2015 7.6-7.8 (see codewords.hpp).
#include "qr/grid/codewords.hpp"

#include <algorithm>

namespace cccd::qr {

bool mask_condition(int mask, int row, int column) {
    const int i = row;
    const int j = column;
    switch (mask) {  // Table 10, data mask pattern reference 000 .. 111
        case 0: return (i + j) % 2 == 0;
        case 1: return i % 2 == 0;
        case 2: return j % 3 == 0;
        case 3: return (i + j) % 3 == 0;
        case 4: return (i / 2 + j / 3) % 2 == 0;
        case 5: return (i * j) % 2 + (i * j) % 3 == 0;
        case 6: return ((i * j) % 2 + (i * j) % 3) % 2 == 0;
        case 7: return ((i + j) % 2 + (i * j) % 3) % 2 == 0;
        default: return false;
    }
}

std::vector<uint8_t> read_codewords(const ModuleGrid& grid, std::span<const uint8_t> functionMap, int mask, int count) {
    std::vector<uint8_t> out(static_cast<size_t>(count), 0);
    const size_t totalBits = static_cast<size_t>(count) * 8;
    size_t bit = 0;
    for_each_data_module(grid.size, functionMap, [&](int x, int y) {
        if (bit >= totalBits) return;  // the remainder bits after the last codeword (Table 1)
        if (grid.dark(x, y) != mask_condition(mask, y, x)) out[bit / 8] |= static_cast<uint8_t>(0x80u >> (bit % 8));
        ++bit;
    });
    return out;
}

std::vector<uint8_t> codeword_confidence(const ModuleGrid& grid, std::span<const uint8_t> functionMap, int count) {
    std::vector<uint8_t> out(static_cast<size_t>(count), 255);
    if (grid.confidence.size() != grid.modules.size()) return out;
    const size_t totalBits = static_cast<size_t>(count) * 8;
    size_t bit = 0;
    for_each_data_module(grid.size, functionMap, [&](int x, int y) {
        if (bit >= totalBits) return;
        uint8_t& c = out[bit / 8];
        c = std::min(c, grid.confidence[static_cast<size_t>(y) * static_cast<size_t>(grid.size) + static_cast<size_t>(x)]);
        ++bit;
    });
    return out;
}

std::vector<CodewordBlock> deinterleave(std::span<const uint8_t> codewords, const EcBlocks& layout) {
    const int blocks = layout.blocks();
    std::vector<CodewordBlock> out(static_cast<size_t>(blocks));
    const int longest = layout.shortDataCodewords + (layout.longBlocks > 0 ? 1 : 0);
    for (int b = 0; b < blocks; ++b) {
        auto& block = out[static_cast<size_t>(b)];
        block.dataCodewords = layout.shortDataCodewords + (b >= layout.shortBlocks ? 1 : 0);
        block.codewords.reserve(static_cast<size_t>(block.dataCodewords + layout.ecCodewordsPerBlock));
    }
    size_t next = 0;
    const auto take = [&](CodewordBlock& block) {
        if (next < codewords.size()) block.codewords.push_back(codewords[next++]);
    };
    for (int round = 0; round < longest; ++round) {
        for (auto& block : out) {
            if (round < block.dataCodewords) take(block);
        }
    }
    for (int round = 0; round < layout.ecCodewordsPerBlock; ++round) {
        for (auto& block : out) take(block);
    }
    return out;
}

std::vector<uint8_t> data_codewords(std::span<const CodewordBlock> blocks) {
    std::vector<uint8_t> out;
    for (const auto& block : blocks) {
        out.insert(out.end(), block.codewords.begin(), block.codewords.begin() + block.dataCodewords);
    }
    return out;
}

}  // namespace cccd::qr
