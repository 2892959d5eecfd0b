// ISO/IEC 18004:2015 Tables 1, 3, 9 and E.1 (see tables.hpp).
#include "qr/tables.hpp"

namespace cccd::qr {
namespace {

constexpr bool valid_version(int version) { return version >= kMinVersion && version <= kMaxVersion; }

// Table 1, column "Number of data codewords + error correction codewords" (total codewords), v1..v40.
constexpr std::array<uint16_t, 40> kTotalCodewords{
    26,   44,   70,   100,  134,  172,  196,  242,  292,  346,  404,  466,  532,  581,
    655,  733,  815,  901,  991,  1085, 1156, 1258, 1364, 1474, 1588, 1706, 1828, 1921,
    2051, 2185, 2323, 2465, 2611, 2761, 2876, 3034, 3196, 3362, 3532, 3706};

// Table 9, error correction codewords per block, [level L M Q H][version 1..40].
constexpr std::array<std::array<uint8_t, 40>, 4> kEcPerBlock{{
    {7,  10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
     28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
    {10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
     26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28},
    {13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
     28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
    {17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
     30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
}};

// Table 9, number of error correction blocks (both groups), [level L M Q H][version 1..40]. The data
// codewords are split as evenly as possible: group 2 blocks hold one more data codeword than group 1.
constexpr std::array<std::array<uint8_t, 40>, 4> kBlockCount{{
    {1,  1,  1,  1,  1,  2,  2,  2,  2,  4,  4,  4,  4,  4,  6,  6,  6,  6,  7,  8,
     8,  9,  9,  10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25},
    {1,  1,  1,  2,  2,  4,  4,  4,  5,  5,  5,  8,  9,  9,  10, 10, 11, 13, 14, 16,
     17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49},
    {1,  1,  2,  2,  4,  4,  6,  6,  8,  8,  8,  10, 12, 16, 12, 17, 16, 18, 21, 20,
     23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68},
    {1,  1,  2,  4,  4,  4,  5,  6,  8,  8,  11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
     25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81},
}};

// Table 9 footnotes: misdecode protection codewords p for v1 (L 3, M 2, Q 1, H 1), v2-L (2), v3-L (1).
constexpr int misdecode_protection(int version, EcLevel level) {
    if (version == 1) return level == EcLevel::L ? 3 : level == EcLevel::M ? 2 : 1;
    if (version == 2 && level == EcLevel::L) return 2;
    if (version == 3 && level == EcLevel::L) return 1;
    return 0;
}

// Annex E, Table E.1: alignment pattern centre coordinates, v2..v40 (unused entries 0).
constexpr std::array<std::array<uint8_t, 7>, 39> kAlignmentCenters{{
    {6, 18},  // 2
    {6, 22},
    {6, 26},
    {6, 30},
    {6, 34},
    {6, 22, 38},  // 7
    {6, 24, 42},
    {6, 26, 46},
    {6, 28, 50},
    {6, 30, 54},
    {6, 32, 58},
    {6, 34, 62},
    {6, 26, 46, 66},  // 14
    {6, 26, 48, 70},
    {6, 26, 50, 74},
    {6, 30, 54, 78},
    {6, 30, 56, 82},
    {6, 30, 58, 86},
    {6, 34, 62, 90},
    {6, 28, 50, 72, 94},  // 21
    {6, 26, 50, 74, 98},
    {6, 30, 54, 78, 102},
    {6, 28, 54, 80, 106},
    {6, 32, 58, 84, 110},
    {6, 30, 58, 86, 114},
    {6, 34, 62, 90, 118},
    {6, 26, 50, 74, 98, 122},  // 28
    {6, 30, 54, 78, 102, 126},
    {6, 26, 52, 78, 104, 130},
    {6, 30, 56, 82, 108, 134},
    {6, 34, 60, 86, 112, 138},
    {6, 30, 58, 86, 114, 142},
    {6, 34, 62, 90, 118, 146},
    {6, 30, 54, 78, 102, 126, 150},  // 35
    {6, 24, 50, 76, 102, 128, 154},
    {6, 28, 54, 80, 106, 132, 158},
    {6, 32, 58, 84, 110, 136, 162},
    {6, 26, 54, 82, 110, 138, 166},
    {6, 30, 58, 86, 114, 142, 170},
}};

}  // namespace

int total_codewords(int version) { return valid_version(version) ? kTotalCodewords[version - 1] : 0; }

int remainder_bits(int version) {
    // Table 1, column "Remainder bits".
    if (version >= 2 && version <= 6) return 7;
    if ((version >= 14 && version <= 20) || (version >= 28 && version <= 34)) return 3;
    if (version >= 21 && version <= 27) return 4;
    return 0;
}

EcBlocks ec_blocks(int version, EcLevel level) {
    if (!valid_version(version)) return {};
    const auto l = static_cast<size_t>(level);
    const auto v = static_cast<size_t>(version - 1);
    const int ec = kEcPerBlock[l][v];
    const int blocks = kBlockCount[l][v];
    const int data = kTotalCodewords[v] - ec * blocks;
    EcBlocks out;
    out.ecCodewordsPerBlock = ec;
    out.shortDataCodewords = data / blocks;
    out.longBlocks = data % blocks;
    out.shortBlocks = blocks - out.longBlocks;
    out.misdecodeProtection = misdecode_protection(version, level);
    return out;
}

std::span<const uint8_t> alignment_centers(int version) {
    if (version < 2 || version > kMaxVersion) return {};
    const auto& row = kAlignmentCenters[static_cast<size_t>(version - 2)];
    const size_t count = static_cast<size_t>(version / 7 + 2);  // Annex E: 2..7 centres per axis
    return std::span<const uint8_t>(row.data(), count);
}

int char_count_bits(DataMode mode, int version) {
    const int band = version <= 9 ? 0 : version <= 26 ? 1 : 2;  // Table 3 columns: 1-9, 10-26, 27-40
    // GB/T 18284 gives Hanzi mode the count lengths of kanji mode.
    constexpr int kBits[5][3] = {{10, 12, 14}, {9, 11, 13}, {8, 16, 16}, {8, 10, 12}, {8, 10, 12}};
    return kBits[static_cast<int>(mode)][band];
}

}  // namespace cccd::qr
