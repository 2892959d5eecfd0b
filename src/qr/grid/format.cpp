// Format and version information, ISO/IEC 18004:2015 7.9 and 7.10 (see format.hpp).
#include "qr/grid/format.hpp"

#include <bit>

namespace cccd::qr {
namespace {

constexpr uint32_t kFormatGenerator = 0x537;    // 7.9.1: x^10 + x^8 + x^5 + x^4 + x^2 + x + 1
constexpr uint32_t kFormatMask = 0x5412;        // 7.9.1: 101010000010010
constexpr uint32_t kVersionGenerator = 0x1F25;  // 7.10: x^12 + x^11 + x^10 + x^9 + x^8 + x^5 + x^2 + 1
constexpr int kMaxBitErrors = 3;

// Remainder of data * x^(degree of generator) divided by the generator: the BCH check bits (Annex C, D).
constexpr uint32_t bch_remainder(uint32_t data, uint32_t generator, int degree) {
    uint32_t r = data << degree;
    for (int bit = 31; bit >= degree; --bit) {
        if (r & (1u << bit)) r ^= generator << (bit - degree);
    }
    return r;
}

// Table 12: error correction level indicator bits, L 01, M 00, Q 11, H 10.
constexpr uint32_t level_bits(EcLevel level) {
    constexpr uint32_t kBits[4] = {1, 0, 3, 2};
    return kBits[static_cast<int>(level)];
}

constexpr int hamming(uint32_t a, uint32_t b) { return std::popcount(a ^ b); }

}  // namespace

std::array<ModulePos, 15> format_positions(int size, int copy) {
    std::array<ModulePos, 15> p{};
    if (copy == 0) {
        // Down column 8 beside the top-left finder (skipping the timing row 6), then left along row 8.
        for (int i = 0; i <= 5; ++i) p[static_cast<size_t>(i)] = {8, i};
        p[6] = {8, 7};
        p[7] = {8, 8};
        p[8] = {7, 8};
        for (int i = 9; i < 15; ++i) p[static_cast<size_t>(i)] = {14 - i, 8};
    } else {
        // Bits 0-7 along row 8 under the top-right finder, bits 8-14 down column 8 beside the bottom-left.
        for (int i = 0; i < 8; ++i) p[static_cast<size_t>(i)] = {size - 1 - i, 8};
        for (int i = 8; i < 15; ++i) p[static_cast<size_t>(i)] = {8, size - 15 + i};
    }
    return p;
}

std::array<ModulePos, 18> version_positions(int size, int copy) {
    std::array<ModulePos, 18> p{};
    for (int i = 0; i < 18; ++i) {
        const int across = i / 3;            // 0..5, away from the symbol edge
        const int along = size - 11 + i % 3;  // the three modules next to the finder's separator
        p[static_cast<size_t>(i)] = copy == 0 ? ModulePos{across, along} : ModulePos{along, across};
    }
    return p;
}

uint32_t format_codeword(EcLevel level, int mask) {
    const uint32_t data = (level_bits(level) << 3) | static_cast<uint32_t>(mask & 7);
    return ((data << 10) | bch_remainder(data, kFormatGenerator, 10)) ^ kFormatMask;
}

uint32_t version_codeword(int version) {
    const auto v = static_cast<uint32_t>(version);
    return (v << 12) | bch_remainder(v, kVersionGenerator, 12);
}

std::optional<FormatInfo> decode_format_bits(uint32_t bits) {
    std::optional<FormatInfo> best;
    for (int l = 0; l < 4; ++l) {
        for (int mask = 0; mask < 8; ++mask) {
            const auto level = static_cast<EcLevel>(l);
            const int d = hamming(bits & 0x7FFF, format_codeword(level, mask));
            if (d <= kMaxBitErrors && (!best || d < best->bitErrors)) best = FormatInfo{level, mask, d};
        }
    }
    return best;
}

std::optional<VersionInfo> decode_version_bits(uint32_t bits) {
    std::optional<VersionInfo> best;
    for (int v = 7; v <= kMaxVersion; ++v) {
        const int d = hamming(bits & 0x3FFFF, version_codeword(v));
        if (d <= kMaxBitErrors && (!best || d < best->bitErrors)) best = VersionInfo{v, d};
    }
    return best;
}

namespace {

// Bit i is the module at positions[i] (1 = dark).
template <size_t N>
uint32_t read_bits(const ModuleGrid& grid, const std::array<ModulePos, N>& positions) {
    uint32_t bits = 0;
    for (size_t i = 0; i < N; ++i) {
        if (grid.dark(positions[i].x, positions[i].y)) bits |= 1u << i;
    }
    return bits;
}

}  // namespace

uint32_t read_format_bits(const ModuleGrid& grid, int copy) { return read_bits(grid, format_positions(grid.size, copy)); }

uint32_t read_version_bits(const ModuleGrid& grid, int copy) { return read_bits(grid, version_positions(grid.size, copy)); }

bool information_consistent(const ModuleGrid& grid) {
    const auto a = decode_format_bits(read_format_bits(grid, 0));
    const auto b = decode_format_bits(read_format_bits(grid, 1));
    if (!a || !b || a->level != b->level || a->mask != b->mask) return false;
    const int version = version_for_size(grid.size);
    if (version < 7) return version > 0;
    for (int copy = 0; copy < 2; ++copy) {
        const auto v = decode_version_bits(read_version_bits(grid, copy));
        if (v && v->version == version) return true;
    }
    return false;
}

}  // namespace cccd::qr
