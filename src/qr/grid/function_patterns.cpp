// Function pattern layout, ISO/IEC 18004:2015 6.3 and Figure 2 (see function_patterns.hpp).
#include "qr/grid/function_patterns.hpp"

#include <algorithm>
#include <cstdlib>
#include <utility>

#include "qr/grid/format.hpp"
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

std::vector<int8_t> function_pattern_colours(int version) {
    if (version < kMinVersion || version > kMaxVersion) return {};
    const int size = symbol_size(version);
    std::vector<int8_t> colour(static_cast<size_t>(size) * static_cast<size_t>(size), 0);
    const auto set = [&](int x, int y, bool dark) {
        if (x >= 0 && y >= 0 && x < size && y < size)
            colour[static_cast<size_t>(y) * static_cast<size_t>(size) + static_cast<size_t>(x)] = dark ? 1 : -1;
    };
    const auto rings = [&](int cx, int cy, int radius, bool (*dark)(int ring)) {
        for (int y = cy - radius; y <= cy + radius; ++y)
            for (int x = cx - radius; x <= cx + radius; ++x)
                set(x, y, dark(std::max(std::abs(x - cx), std::abs(y - cy))));
    };
    // 6.3.3, Figure 10: a finder is a dark 3x3 core, a light ring, a dark ring; the separator around it is
    // light (ring 4, clipped by the symbol's edge).
    for (const auto& [cx, cy] : {std::pair{3, 3}, {size - 4, 3}, {3, size - 4}})
        rings(cx, cy, 4, [](int ring) { return ring <= 1 || ring == 3; });
    // 6.3.5: timing patterns, dark on even coordinates.
    for (int i = 8; i < size - 8; ++i) set(i, 6, i % 2 == 0), set(6, i, i % 2 == 0);
    // 6.3.6, Figure 11: alignment patterns, dark centre, light ring, dark ring.
    const auto centers = alignment_centers(version);
    const size_t last = centers.size();
    for (size_t i = 0; i < last; ++i)
        for (size_t j = 0; j < last; ++j) {
            const bool nearFinder = (i == 0 && j == 0) || (i == 0 && j == last - 1) || (i == last - 1 && j == 0);
            if (!nearFinder) rings(centers[i], centers[j], 2, [](int ring) { return ring != 1; });
        }
    set(8, size - 8, true);  // 7.9.1
    return colour;
}

}  // namespace cccd::qr
