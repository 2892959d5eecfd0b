// The character set of byte data without an ECI (see charset_guess.hpp for the rule).
#include "qr/text/charset_guess.hpp"

#include <algorithm>

#include "qr/text/shift_jis.hpp"
#include "qr/text/utf8_text.hpp"

namespace cccd::qr {

void add_run(CharsetEvidence& e, std::span<const uint8_t> run) {
    if (e.runs++ == 0) e.utf8Signature = run.size() >= 3 && run[0] == 0xEF && run[1] == 0xBB && run[2] == 0xBF;
    int high = 0;
    for (uint8_t b : run) {
        high = b >= 0x80 ? high + 1 : 0;
        e.longestHighRun = std::max(e.longestHighRun, high);
        e.nonAscii = e.nonAscii || b >= 0x80;
        e.c1Byte = e.c1Byte || (b >= 0x80 && b <= 0x9F);
    }
    e.utf8 = e.utf8 && valid_utf8(run);
    e.shiftJis = e.shiftJis && well_formed_shift_jis(run);
}

DefaultCharset decide(const CharsetEvidence& e) {
    if (!e.nonAscii) return DefaultCharset::none;
    if (e.utf8Signature || e.utf8) return DefaultCharset::utf8;
    const bool looksJapanese = e.c1Byte || e.longestHighRun >= 3 || e.kanjiMode;
    if (e.shiftJis && looksJapanese) return DefaultCharset::shift_jis;
    return DefaultCharset::latin1;
}

DefaultCharset guess_charset(std::span<const uint8_t> bytes, bool kanjiMode) {
    CharsetEvidence e;
    e.kanjiMode = kanjiMode;
    add_run(e, bytes);
    return decide(e);
}

const char* charset_name(DefaultCharset charset) {
    switch (charset) {
        case DefaultCharset::utf8: return "UTF-8";
        case DefaultCharset::shift_jis: return "Shift_JIS";
        case DefaultCharset::latin1: return "ISO-8859-1";
        default: return "none";
    }
}

}  // namespace cccd::qr
