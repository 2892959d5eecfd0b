#pragma once
// Run boundaries in rows of a BitMatrix (bytes that are 0 or 1): the finder scan walks from boundary to
// boundary instead of testing every pixel.
#include <bit>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#elif defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

namespace cccd::image {

// First index after `start` whose byte differs from row[start], or `length`; eight bytes per step.
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

// Packs a row of 0/1 bytes into bits: bit i of words[i / 64] is row[i]. Bits past `length` in the last
// word are 0. words must hold (length + 63) / 64 entries.
inline void pack_row(const uint8_t* row, int length, uint64_t* words) {
    int i = 0;
    for (; i + 64 <= length; i += 64) {
        uint64_t w = 0;
#if defined(__SSE2__)
        for (int k = 0; k < 4; ++k) {  // bit 0 of each byte moved to its sign bit, 16 sign bits at once
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(row + i + 16 * k));
            w |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(_mm_slli_epi16(v, 7))) & 0xFFFFu) << (16 * k);
        }
#elif defined(__wasm_simd128__)
        for (int k = 0; k < 4; ++k) {
            const v128_t v = wasm_v128_load(row + i + 16 * k);
            w |= static_cast<uint64_t>(wasm_i8x16_bitmask(wasm_i8x16_shl(v, 7))) << (16 * k);
        }
#else
        for (int k = 0; k < 8; ++k) {  // bit 0 of byte j lands on bit 56 + j: no two partial products overlap
            uint64_t bytes;
            std::memcpy(&bytes, row + i + 8 * k, 8);
            w |= ((bytes * 0x0102040810204080ull) >> 56) << (8 * k);
        }
#endif
        words[i / 64] = w;
    }
    if (i < length) {
        uint64_t w = 0;
        for (int k = 0; i + k < length; ++k) w |= static_cast<uint64_t>(row[i + k] & 1u) << k;
        words[i / 64] = w;
    }
}

// Calls onRun(start, end, dark) for every run of equal bytes of a row, in order; `words` is scratch for
// (length + 63) / 64 entries.
template <typename OnRun>
inline void for_each_run(const uint8_t* row, int length, uint64_t* words, OnRun onRun) {
    if (length <= 0) return;
    pack_row(row, length, words);
    const int nWords = (length + 63) / 64;
    uint64_t carry = row[0] & 1u;  // pixel -1 reads as pixel 0: no boundary before the first pixel
    bool dark = row[0] != 0;
    int start = 0;
    for (int k = 0; k < nWords; ++k) {
        const uint64_t b = words[k];
        uint64_t change = b ^ ((b << 1) | carry);  // bit i: pixel 64k + i differs from the one before
        carry = b >> 63;
        if (k == nWords - 1 && (length & 63) != 0) change &= (1ull << (length & 63)) - 1;
        while (change) {
            const int end = 64 * k + std::countr_zero(change);
            change &= change - 1;
            onRun(start, end, dark);
            start = end;
            dark = !dark;
        }
    }
    onRun(start, length, dark);
}

}  // namespace cccd::image
