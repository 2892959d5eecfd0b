#pragma once
// Constant tables of ISO/IEC 18004:2015 that decoding a grid needs: symbol capacity (Table 1), error
// correction block structure (Table 9), alignment pattern centres (Annex E, Table E.1), character count
// indicator lengths (Table 3) and the alphanumeric character set (Table 5).
#include <array>
#include <cstdint>
#include <span>

namespace cccd::qr {

// Table 12 order is M, L, H, Q (bits 00, 01, 10, 11); we index tables in the reading order L, M, Q, H.
enum class EcLevel : uint8_t { L = 0, M = 1, Q = 2, H = 3 };

constexpr char ec_level_letter(EcLevel level) { return "LMQH"[static_cast<int>(level)]; }

constexpr int kMinVersion = 1;
constexpr int kMaxVersion = 40;

constexpr int symbol_size(int version) { return 17 + 4 * version; }  // 6.3.1
// 0 when `size` is not 21..177 modules per side in steps of 4.
constexpr int version_for_size(int size) {
    return (size < 21 || size > 177 || (size - 17) % 4 != 0) ? 0 : (size - 17) / 4;
}

// Table 1: all codewords (data + error correction) in a symbol of this version.
int total_codewords(int version);
// Table 1: bits left over after the last codeword, filled with 0 (7.7.3).
int remainder_bits(int version);

// Table 9. The blocks of a symbol are `shortBlocks` blocks of `shortDataCodewords` data codewords followed
// by `longBlocks` blocks of one more; every block has `ecCodewordsPerBlock` error correction codewords.
struct EcBlocks {
    int ecCodewordsPerBlock = 0;
    int shortBlocks = 0;
    int shortDataCodewords = 0;
    int longBlocks = 0;
    // Table 9 note: in the smallest symbols, p codewords are kept for misdecode protection and do not
    // add correction capacity; a block then corrects at most (ecCodewordsPerBlock - p) / 2 errors.
    int misdecodeProtection = 0;

    int blocks() const { return shortBlocks + longBlocks; }
    int dataCodewords() const { return shortBlocks * shortDataCodewords + longBlocks * (shortDataCodewords + 1); }
    int maxCorrectable() const { return (ecCodewordsPerBlock - misdecodeProtection) / 2; }
};
EcBlocks ec_blocks(int version, EcLevel level);

// Annex E, Table E.1: row/column coordinates of alignment pattern centres (none for version 1).
std::span<const uint8_t> alignment_centers(int version);

// Table 3: bits of the character count indicator (hanzi: GB/T 18284's Chinese character mode).
enum class DataMode : uint8_t { numeric, alphanumeric, byte, kanji, hanzi };
int char_count_bits(DataMode mode, int version);

// Table 5: the 45 characters of alphanumeric mode, by value.
constexpr std::array<char, 45> kAlphanumericChars{
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M',
    'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z', ' ', '$', '%', '*', '+', '-', '.', '/', ':'};

}  // namespace cccd::qr
