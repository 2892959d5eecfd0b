#pragma once
// A minimal QR symbol writer for tests: data codewords in, a complete module grid out (function patterns,
// Reed-Solomon blocks, interleaving, placement, mask, format and version information; ISO/IEC
// 18004:2015 6.3, 7.5-7.10). It reuses the decoder's own tables and placement, so it only proves anything
// together with the round trips against independent encoders (grid_roundtrip_test).
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <vector>

#include "qr/grid/codewords.hpp"
#include "qr/grid/format.hpp"
#include "qr/grid/function_patterns.hpp"
#include "qr/grid/module_grid.hpp"
#include "qr/grid/reed_solomon.hpp"
#include "qr/tables.hpp"

namespace cccd::testsupport {

inline void draw_finder(qr::ModuleGrid& g, int x0, int y0) {
    for (int dy = -1; dy <= 7; ++dy) {
        for (int dx = -1; dx <= 7; ++dx) {
            const int x = x0 + dx;
            const int y = y0 + dy;
            if (x < 0 || y < 0 || x >= g.size || y >= g.size) continue;
            const int ring = std::max(std::abs(dx - 3), std::abs(dy - 3));  // 0..4 from the centre
            g.set(x, y, ring != 2 && ring != 4);
        }
    }
}

// `data` must hold exactly ec_blocks(version, level).dataCodewords() codewords.
inline qr::ModuleGrid write_grid(int version, qr::EcLevel level, int mask, std::span<const uint8_t> data) {
    const int size = qr::symbol_size(version);
    qr::ModuleGrid g = qr::ModuleGrid::blank(size);
    const auto layout = qr::ec_blocks(version, level);

    // 7.5.2 and 7.6: blocks with their error correction codewords, then interleaved.
    std::vector<std::vector<uint8_t>> blocks;
    size_t next = 0;
    for (int b = 0; b < layout.blocks(); ++b) {
        const int n = layout.shortDataCodewords + (b >= layout.shortBlocks ? 1 : 0);
        std::vector<uint8_t> block(data.begin() + static_cast<long>(next), data.begin() + static_cast<long>(next) + n);
        next += static_cast<size_t>(n);
        std::vector<uint8_t> ec(static_cast<size_t>(layout.ecCodewordsPerBlock));
        qr::rs_encode(block, ec);
        block.insert(block.end(), ec.begin(), ec.end());
        blocks.push_back(block);
    }
    const auto ecCount = static_cast<size_t>(layout.ecCodewordsPerBlock);
    std::vector<uint8_t> stream;
    for (size_t i = 0; i <= static_cast<size_t>(layout.shortDataCodewords); ++i) {
        for (const auto& block : blocks) {
            if (i < block.size() - ecCount) stream.push_back(block[i]);
        }
    }
    for (size_t i = 0; i < ecCount; ++i) {
        for (const auto& block : blocks) stream.push_back(block[block.size() - ecCount + i]);
    }

    // 6.3: finders, timing, alignment patterns.
    draw_finder(g, 0, 0);
    draw_finder(g, size - 7, 0);
    draw_finder(g, 0, size - 7);
    for (int i = 8; i < size - 8; ++i) {
        g.set(i, 6, i % 2 == 0);
        g.set(6, i, i % 2 == 0);
    }
    const auto centers = qr::alignment_centers(version);
    for (size_t i = 0; i < centers.size(); ++i) {
        for (size_t j = 0; j < centers.size(); ++j) {
            const size_t last = centers.size() - 1;
            if ((i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0)) continue;
            for (int dy = -2; dy <= 2; ++dy)
                for (int dx = -2; dx <= 2; ++dx)
                    g.set(centers[i] + dx, centers[j] + dy, std::max(std::abs(dx), std::abs(dy)) != 1);
        }
    }

    // 7.7.3 and 7.8: place the bits, masked; remainder bits are 0 before masking.
    const auto functionMap = qr::function_module_map(version);
    size_t bit = 0;
    qr::for_each_data_module(size, functionMap, [&](int x, int y) {
        const bool value = bit < stream.size() * 8 && ((stream[bit / 8] >> (7 - bit % 8)) & 1);
        g.set(x, y, value != qr::mask_condition(mask, y, x));
        ++bit;
    });

    // 7.9 and 7.10.
    const uint32_t format = qr::format_codeword(level, mask);
    for (int copy = 0; copy < 2; ++copy) {
        const auto pos = qr::format_positions(size, copy);
        for (size_t i = 0; i < pos.size(); ++i) g.set(pos[i].x, pos[i].y, (format >> i) & 1);
    }
    g.set(8, size - 8, true);
    if (version >= 7) {
        const uint32_t info = qr::version_codeword(version);
        for (int copy = 0; copy < 2; ++copy) {
            const auto pos = qr::version_positions(size, copy);
            for (size_t i = 0; i < pos.size(); ++i) g.set(pos[i].x, pos[i].y, (info >> i) & 1);
        }
    }
    return g;
}

}  // namespace cccd::testsupport
