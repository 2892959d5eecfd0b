#pragma once
// Run boundaries in a row of a BitMatrix (bytes that are 0 or 1), eight bytes per step: the finder scan
// skips long uniform runs instead of testing every pixel.
#include <bit>
#include <cstdint>
#include <cstring>

namespace cccd::image {

// First index after `start` whose byte differs from row[start], or `length`.
inline int run_end(const uint8_t* row, int start, int length) {
    static_assert(std::endian::native == std::endian::little, "byte order of the 8-byte compare");
    const uint8_t v = row[start];
    const uint64_t same = v ? 0x0101010101010101ull : 0;
    int i = start + 1;
    for (; i + 8 <= length; i += 8) {
        uint64_t word;
        std::memcpy(&word, row + i, 8);
        word ^= same;
        if (word) return i + (std::countr_zero(word) >> 3);
    }
    while (i < length && row[i] == v) ++i;
    return i;
}

}  // namespace cccd::image
