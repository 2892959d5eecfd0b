#pragma once
// Reed-Solomon error correction of one QR block (ISO/IEC 18004:2015 7.5.2): GF(256) with the primitive
// polynomial x^8 + x^4 + x^3 + x^2 + 1 and a generator polynomial whose roots are a^0 .. a^(n-1).
#include <array>
#include <cstdint>
#include <span>

namespace cccd::qr {

struct RsOutcome {
    bool ok = false;
    int corrected = 0;  // codewords changed (0 when the block was already clean)
};

// `block` is one block as transmitted: data codewords, then `ecCodewords` error correction codewords
// (at most 255 in all). Corrects in place t codeword errors and the codewords at the indices `erasures`
// (known unreliable, value unknown) as long as 2 t + erasures <= 2 maxErrors: an erasure costs half an
// error. On failure (beyond that, or a pattern that no codeword within reach explains) the block is left
// unchanged. `corrected` counts the codewords that changed.
RsOutcome rs_correct(std::span<uint8_t> block, int ecCodewords, int maxErrors, std::span<const int> erasures = {});

// A block's syndromes, computed once for several tries at it with different erasures (generalized minimum
// distance decoding: grid_decoder.cpp): a failed try leaves the block as it was, so they stay valid.
struct RsSyndromes {
    std::array<uint8_t, 255> values{};
    int count = 0;      // ecCodewords, or 0 for a block rs_correct refuses
    bool zero = false;  // the block is a codeword
};
RsSyndromes rs_syndromes(std::span<const uint8_t> block, int ecCodewords);

// rs_correct with the block's syndromes already computed (rs_syndromes of this block as it is now).
RsOutcome rs_correct(std::span<uint8_t> block, int ecCodewords, int maxErrors, std::span<const int> erasures,
                     const RsSyndromes& syndromesOfBlock);

// The `ecCodewords` error correction codewords for `data` (polynomial division by the generator, 7.5.2).
// Used by tests to build valid blocks; `ec` must hold ecCodewords bytes.
void rs_encode(std::span<const uint8_t> data, std::span<uint8_t> ec);

// GF(256) arithmetic of 7.5.2, exposed for tests.
uint8_t gf_mul(uint8_t a, uint8_t b);
uint8_t gf_exp(int power);  // a^power, any power >= 0

}  // namespace cccd::qr
