#pragma once
// Builds QR data bit streams for tests (ISO/IEC 18004:2015 7.4): fields most significant bit first, then
// the terminator, zero bits to a codeword boundary and the pad codewords 11101100 00010001 (7.4.10).
#include <cstdint>
#include <vector>

namespace cccd::testsupport {

struct BitWriter {
    std::vector<uint8_t> bits;  // one entry per bit

    BitWriter& put(uint32_t value, int count) {
        for (int i = count - 1; i >= 0; --i) bits.push_back(static_cast<uint8_t>((value >> i) & 1u));
        return *this;
    }

    // The stream as `codewords` data codewords: terminator (shortened if the data nearly fill them),
    // zero fill and alternating pad codewords. Longer data are cut at the capacity.
    std::vector<uint8_t> codewords(size_t codewords) const {
        std::vector<uint8_t> all = bits;
        const size_t capacity = codewords * 8;
        for (int i = 0; i < 4 && all.size() < capacity; ++i) all.push_back(0);
        while (all.size() % 8 != 0 && all.size() < capacity) all.push_back(0);
        std::vector<uint8_t> out;
        for (size_t i = 0; i + 8 <= all.size() && out.size() < codewords; i += 8) {
            uint8_t b = 0;
            for (size_t k = 0; k < 8; ++k) b = static_cast<uint8_t>(b << 1 | all[i + k]);
            out.push_back(b);
        }
        for (bool first = true; out.size() < codewords; first = !first) out.push_back(first ? 0xEC : 0x11);
        return out;
    }

    // Exactly the bits written, padded with zero bits to whole bytes (no terminator, no pad codewords).
    std::vector<uint8_t> bytes() const {
        std::vector<uint8_t> out((bits.size() + 7) / 8, 0);
        for (size_t i = 0; i < bits.size(); ++i) {
            if (bits[i]) out[i / 8] = static_cast<uint8_t>(out[i / 8] | (0x80u >> (i % 8)));
        }
        return out;
    }
};

}  // namespace cccd::testsupport
