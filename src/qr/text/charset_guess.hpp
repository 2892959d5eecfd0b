#pragma once
// Which character set byte data without an ECI is in. ISO/IEC 18004:2015 7.4.2 and 7.4.5 make ISO/IEC
// 8859-1 the default, but encoders in the field write UTF-8, and in Japan Shift_JIS, without an ECI, so
// a reader has to look at the bytes. The rule, over every byte run of a symbol that has no ECI:
//   1. Only ASCII bytes: there is nothing to decide (none; every candidate reads them alike).
//   2. The UTF-8 signature EF BB BF first (a declaration, like an ECI; it is left out of the text), or
//      well-formed UTF-8 throughout (RFC 3629): UTF-8. Latin-1 or Shift_JIS text is well-formed UTF-8
//      by chance only when very short.
//   3. Well-formed Shift_JIS throughout (every byte part of an ASCII, half-width katakana or defined
//      double-byte character, shift_jis.hpp) and Japanese rather than Latin-1 by the look of it, which
//      takes one of:
//        a. a byte 0x80-0x9F: in ISO/IEC 8859-1 a C1 control, which text does not hold, but in
//           Shift_JIS the lead byte of punctuation, kana and the common (level 1) kanji;
//        b. three or more non-ASCII bytes in a row: European text puts an accented letter between ASCII
//           letters ("Français", "préféré" are well-formed Shift_JIS too, but never have three), while
//           Japanese writes runs of kana and kanji, or of half-width katakana (ﾃﾞｻﾞｲﾝ, whose bytes
//           0xA1-0xDF read in Latin-1 as symbols and capitals, "ÃÞ»Þ²Ý");
//        c. the symbol also holds kanji-mode segments: its encoder was writing Japanese.
//      Then Shift_JIS.
//   4. Otherwise ISO/IEC 8859-1, the standard's default, which any byte sequence is.
// Either way the bytes themselves are kept exactly (GridDecodeResult::bytes).
#include <cstdint>
#include <span>

namespace cccd::qr {

enum class DefaultCharset : uint8_t { none, utf8, shift_jis, latin1 };

// What the runs seen so far tell about their character set.
struct CharsetEvidence {
    int runs = 0;
    bool nonAscii = false;       // some byte is 0x80 or above
    bool utf8Signature = false;  // the first run starts with EF BB BF
    bool utf8 = true;            // every run is well-formed UTF-8
    bool shiftJis = true;        // every run is well-formed Shift_JIS
    bool c1Byte = false;         // some byte is 0x80..0x9F
    int longestHighRun = 0;      // most bytes >= 0x80 in a row
    bool kanjiMode = false;      // the symbol holds kanji-mode segments (set by the caller)
};

void add_run(CharsetEvidence& evidence, std::span<const uint8_t> run);

DefaultCharset decide(const CharsetEvidence& evidence);

// The rule for a single run.
DefaultCharset guess_charset(std::span<const uint8_t> bytes, bool kanjiMode = false);

const char* charset_name(DefaultCharset charset);  // "none", "UTF-8", "Shift_JIS", "ISO-8859-1"

}  // namespace cccd::qr
