// Function pattern layout, ISO/IEC 18004:2015 6.3 and Figure 2 (see function_patterns.hpp).
#include "qr/function_patterns.hpp"

#include "qr/format.hpp"
#include "qr/tables.hpp"

namespace cccd::qr {
namespace {

struct Map {
    int size;
    std::vector<uint8_t>& cells;
    void mark(int x, int y) const {
        if (x >= 0 && y >= 0 && x < size && y < size) {
            cells[static_cast<size_t>(y) * static_cast<size_t>(size) + static_cast<size_t>(x)] = 1;
        }
    }
    void mark_rect(int x0, int y0, int w, int h) const {
        for (int y = y0; y < y0 + h; ++y)
            for (int x = x0; x < x0 + w; ++x) mark(x, y);
    }
};

}  // namespace

std::vector<uint8_t> function_module_map(int version) {
    if (version < kMinVersion || version > kMaxVersion) return {};
    const int size = symbol_size(version);
    std::vector<uint8_t> cells(static_cast<size_t>(size) * static_cast<size_t>(size), 0);
    const Map map{size, cells};

    // 6.3: each 7x7 finder plus its one-module separator is an 8x8 square in a corner.
    map.mark_rect(0, 0, 8, 8);
    map.mark_rect(size - 8, 0, 8, 8);
    map.mark_rect(0, size - 8, 8, 8);

    // 6.3: timing patterns on row 6 and column 6 between the separators.
    map.mark_rect(8, 6, size - 16, 1);
    map.mark_rect(6, 8, 1, size - 16);

    // 6.3, Annex E: 5x5 alignment patterns at every pair of centres, except the three that would
    // overlap a finder pattern.
    const auto centers = alignment_centers(version);
    const size_t last = centers.size();
    for (size_t i = 0; i < last; ++i) {
        for (size_t j = 0; j < last; ++j) {
            const bool nearFinder = (i == 0 && j == 0) || (i == 0 && j == last - 1) || (i == last - 1 && j == 0);
            if (nearFinder) continue;
            map.mark_rect(centers[i] - 2, centers[j] - 2, 5, 5);
        }
    }

    // 7.9.1: both format information copies and the dark module at (8, size - 8).
    for (int copy = 0; copy < 2; ++copy)
        for (const ModulePos p : format_positions(size, copy)) map.mark(p.x, p.y);
    map.mark(8, size - 8);

    // 7.10: version information for versions 7 and up.
    if (version >= 7) {
        for (int copy = 0; copy < 2; ++copy)
            for (const ModulePos p : version_positions(size, copy)) map.mark(p.x, p.y);
    }
    return cells;
}

}  // namespace cccd::qr
