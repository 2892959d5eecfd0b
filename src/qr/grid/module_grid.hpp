#pragma once
// The pivot between locating a symbol and decoding it: the symbol's modules, read from an image or made
// by a test. Decoding (grid_decoder) needs nothing else, so it can be tested and fuzzed without images.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace cccd::qr {

struct ModuleGrid {
    int size = 0;                  // modules per side: 21 + 4 * (version - 1)
    std::vector<uint8_t> modules;  // row-major, 1 = dark
    // How sure the reading of each module is, row-major: 0 a coin toss .. 255 clear (sample.hpp). Empty when
    // unknown (a grid made by a test): then the decoder corrects errors only, without erasures.
    std::vector<uint8_t> confidence;

    static ModuleGrid blank(int n) { return {n, std::vector<uint8_t>(static_cast<size_t>(n) * static_cast<size_t>(n), 0), {}}; }
    bool dark(int x, int y) const { return modules[static_cast<size_t>(y) * static_cast<size_t>(size) + static_cast<size_t>(x)] != 0; }
    void set(int x, int y, bool isDark) {
        modules[static_cast<size_t>(y) * static_cast<size_t>(size) + static_cast<size_t>(x)] = isDark ? 1 : 0;
    }
};

}  // namespace cccd::qr
