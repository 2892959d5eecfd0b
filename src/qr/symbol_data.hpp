#pragma once
// What a symbol's data decodes to (GridDecodeResult): filled by the grid decoder (format, Reed-Solomon)
// and the bit stream's reader (bytes, text, modes), read by everything after them.
#include <cstdint>
#include <string>
#include <vector>

#include "qr/text/charset_guess.hpp"

namespace cccd::qr {

enum class GridError {
    none,
    bad_size,          // not 21..177 modules, or not 17 + 4k
    format_info,       // neither copy of the format information is within 3 bit errors of a codeword
    version_info,      // version information unreadable or inconsistent with the size
    too_many_errors,   // a block has more errors than Reed-Solomon can correct
    bad_bitstream,     // corrected data does not parse (unknown mode, overrun, bad ECI)
};

struct StructuredAppend {
    bool present = false;
    int index = 0;   // 0-based position of this symbol
    int count = 0;   // symbols in the sequence
    int parity = 0;
};

struct GridDecodeResult {
    GridError error = GridError::none;
    std::string message;            // why it failed, in words
    std::vector<uint8_t> bytes;     // the data as stored (byte/kanji/… segments concatenated, before charsets)
    std::string text;               // the data as UTF-8 text (ECI and Shift-JIS converted)
    int version = 0;                // 1..40
    char ecLevel = '?';             // 'L', 'M', 'Q', 'H'
    int mask = -1;                  // 0..7
    int correctedErrors = 0;        // codewords corrected in all blocks
    int erasureBlocks = 0;          // blocks corrected only with their least sure codewords erased
    int rememberedBlocks = 0;       // blocks this grid could not correct, taken from a BlockMemory
    int sourceFrames = 1;           // frames whose corrected blocks make up the data (BlockMemory::frame)
    bool mirrored = false;
    bool fnc1 = false;              // GS1 / AIM FNC1 mode present
    int firstEci = -1;              // the first ECI designator, -1 if none
    StructuredAppend structuredAppend;
    int applicationIndicator = -1;  // FNC1 in second position (7.4.8.3): 0..99, or a letter's code + 100
    bool textLossy = false;         // some data had no character in its charset and became U+FFFD in text
    // How byte data without an ECI was read (charset_guess.hpp); none when there was none beyond ASCII.
    DefaultCharset defaultCharset = DefaultCharset::none;

    bool ok() const { return error == GridError::none; }
};

}  // namespace cccd::qr
