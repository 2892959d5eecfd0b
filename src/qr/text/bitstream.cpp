// Data bit stream parsing, ISO/IEC 18004:2015 7.4 and 8 (see bitstream.hpp).
#include "qr/text/bitstream.hpp"

#include <string>
#include <vector>

#include "qr/text/charset_guess.hpp"
#include "qr/text/eci_text.hpp"
#include "qr/text/gb2312.hpp"
#include "qr/text/shift_jis.hpp"
#include "qr/tables.hpp"
#include "qr/text/utf8_text.hpp"

namespace cccd::qr {
namespace {

// Table 2: mode indicators.
enum Mode : uint32_t {
    kTerminator = 0x0,
    kNumeric = 0x1,
    kAlphanumeric = 0x2,
    kStructuredAppend = 0x3,
    kByte = 0x4,
    kFnc1First = 0x5,
    kEci = 0x7,
    kKanji = 0x8,
    kFnc1Second = 0x9,
    kHanzi = 0xD,  // GB/T 18284 (the Chinese edition), not ISO/IEC 18004
};

constexpr uint32_t kHanziGb2312 = 1;  // GB/T 18284 subset indicator of GB 2312

constexpr char kGroupSeparator = 0x1D;  // 7.4.8: FNC1 is transmitted as GS

struct BitReader {
    std::span<const uint8_t> data;
    size_t pos = 0;  // bits consumed

    size_t left() const { return data.size() * 8 - pos; }
    // Most significant bit first (7.4.10); the caller has checked left() >= n, n <= 24.
    uint32_t read(int n) {
        uint32_t v = 0;
        for (int i = 0; i < n; ++i, ++pos) v = (v << 1) | ((data[pos / 8] >> (7 - pos % 8)) & 1u);
        return v;
    }
};

// Byte data without an ECI, converted when the whole symbol has been read (charset_guess.hpp).
struct DeferredRun {
    size_t textAt;  // where in out.text it belongs
    std::vector<uint8_t> bytes;
};

struct Parser {
    BitReader in;
    int version;
    GridDecodeResult& out;
    std::vector<uint8_t> pending;  // byte-mode data not yet converted, all under currentEci
    int currentEci = -1;
    std::vector<DeferredRun> deferred;
    CharsetEvidence evidence;

    bool fail(const std::string& why) {
        out.error = GridError::bad_bitstream;
        out.message = why + " (at bit " + std::to_string(in.pos) + " of " + std::to_string(in.data.size() * 8) + ")";
        return false;
    }
    bool need(size_t bits, const char* what) {
        if (in.left() >= bits) return true;
        return fail(std::string(what) + " needs " + std::to_string(bits) + " bits but only " +
                    std::to_string(in.left()) + " are left");
    }

    // Byte data is converted in runs so that a multi-byte character split across segments survives.
    void flush() {
        if (pending.empty()) return;
        if (currentEci < 0) {
            add_run(evidence, pending);
            deferred.push_back({out.text.size(), std::move(pending)});
        } else {
            out.textLossy = !append_eci_text(out.text, currentEci, pending) || out.textLossy;
        }
        pending.clear();
    }
    // Converts the runs without an ECI in the character set all of them suggest, last first so that
    // each insertion leaves the earlier positions alone.
    void convert_deferred() {
        out.defaultCharset = decide(evidence);
        for (size_t i = deferred.size(); i-- > 0;) {
            std::span<const uint8_t> bytes = deferred[i].bytes;
            if (i == 0 && evidence.utf8Signature && out.defaultCharset == DefaultCharset::utf8) {
                bytes = bytes.subspan(3);  // the signature is no character of the text
            }
            std::string text;
            out.textLossy = !append_default_text(text, out.defaultCharset, bytes) || out.textLossy;
            out.text.insert(deferred[i].textAt, text);
        }
    }
    void put_ascii(char c) {
        out.bytes.push_back(static_cast<uint8_t>(c));
        out.text.push_back(c);
    }

    bool numeric(size_t count) {
        // 7.4.3: groups of three digits in 10 bits, a last group of two in 7 bits or one in 4 bits.
        const size_t bits = count / 3 * 10 + (count % 3 == 2 ? 7 : count % 3 == 1 ? 4 : 0);
        if (!need(bits, "numeric segment")) return false;
        flush();
        for (size_t done = 0; done < count;) {
            const int digits = count - done >= 3 ? 3 : static_cast<int>(count - done);
            const uint32_t value = in.read(digits == 3 ? 10 : digits == 2 ? 7 : 4);
            const uint32_t limit = digits == 3 ? 1000 : digits == 2 ? 100 : 10;
            if (value >= limit) return fail("numeric group value " + std::to_string(value) + " has too many digits");
            for (uint32_t div = limit / 10; div > 0; div /= 10) put_ascii(static_cast<char>('0' + value / div % 10));
            done += static_cast<size_t>(digits);
        }
        return true;
    }

    bool alphanumeric(size_t count) {
        // 7.4.4: pairs as 45 * first + second in 11 bits, a last single character in 6 bits.
        if (!need(count / 2 * 11 + count % 2 * 6, "alphanumeric segment")) return false;
        flush();
        std::string chars;
        for (size_t done = 0; done < count;) {
            if (count - done >= 2) {
                const uint32_t v = in.read(11);
                if (v >= 45 * 45) return fail("alphanumeric pair value " + std::to_string(v) + " is over 2024");
                chars.push_back(kAlphanumericChars[v / 45]);
                chars.push_back(kAlphanumericChars[v % 45]);
                done += 2;
            } else {
                const uint32_t v = in.read(6);
                if (v >= 45) return fail("alphanumeric character value " + std::to_string(v) + " is over 44");
                chars.push_back(kAlphanumericChars[v]);
                done += 1;
            }
        }
        for (size_t i = 0; i < chars.size(); ++i) {
            // 7.4.8.1: under FNC1, "%" stands for FNC1 (sent as GS) and "%%" for a literal "%".
            if (out.fnc1 && chars[i] == '%') {
                const bool literal = i + 1 < chars.size() && chars[i + 1] == '%';
                put_ascii(literal ? '%' : kGroupSeparator);
                if (literal) ++i;
            } else {
                put_ascii(chars[i]);
            }
        }
        return true;
    }

    bool byte_data(size_t count) {
        // 7.4.5: eight bits per byte, interpreted per the ECI in force (converted when the run ends).
        if (!need(count * 8, "byte segment")) return false;
        for (size_t i = 0; i < count; ++i) {
            const auto b = static_cast<uint8_t>(in.read(8));
            out.bytes.push_back(b);
            pending.push_back(b);
        }
        return true;
    }

    // A kanji or Hanzi character: its two bytes as data, and `c` (0: not in the table) as text.
    void put_double_byte(uint16_t code, char32_t c) {
        out.bytes.push_back(static_cast<uint8_t>(code >> 8));
        out.bytes.push_back(static_cast<uint8_t>(code & 0xFF));
        out.textLossy = out.textLossy || c == 0;
        put_utf8(out.text, c != 0 ? c : kReplacementChar);
    }

    bool kanji(size_t count) {
        // 7.4.6: 13 bits per character, value = (high byte * 0xC0 + low byte) of the Shift JIS code
        // minus 0x8140 (codes 0x8140-0x9FFC) or 0xC140 (codes 0xE040-0xEBBF).
        if (!need(count * 13, "kanji segment")) return false;
        flush();
        for (size_t i = 0; i < count; ++i) {
            const uint32_t v = in.read(13);
            const uint32_t packed = (v / 0xC0) << 8 | (v % 0xC0);
            const auto code = static_cast<uint16_t>(packed + (packed < 0x1F00 ? 0x8140 : 0xC140));
            put_double_byte(code, shift_jis_char(code));
        }
        evidence.kanjiMode = evidence.kanjiMode || count > 0;
        return true;
    }

    bool hanzi() {
        // GB/T 18284 Chinese character mode: a 4-bit subset indicator (1: GB 2312), the count (as long as
        // kanji mode's, Table 3), then 13 bits per character: value = (first byte - 0xA1) * 0x60 + second
        // byte - 0xA1 for codes 0xA1A1-0xAAFE, or with the first byte less 0xA6 for codes 0xB0A1-0xFAFE.
        if (!need(4, "Hanzi subset indicator")) return false;
        const uint32_t subset = in.read(4);
        if (subset != kHanziGb2312) return fail("Hanzi subset " + std::to_string(subset) + " is not GB 2312 (1)");
        const int bits = char_count_bits(DataMode::hanzi, version);
        if (!need(static_cast<size_t>(bits), "character count indicator")) return false;
        const size_t count = in.read(bits);
        if (!need(count * 13, "Hanzi segment")) return false;
        flush();
        for (size_t i = 0; i < count; ++i) {
            const uint32_t v = in.read(13);
            const uint32_t packed = (v / 0x60) << 8 | (v % 0x60);
            const auto code = static_cast<uint16_t>(packed + (packed < 0x0A00 ? 0xA1A1 : 0xA6A1));
            put_double_byte(code, gb2312_char(code));
        }
        return true;
    }

    bool eci() {
        // 7.4.2.2, Table 4: designator in 1, 2 or 3 bytes, told apart by the leading bits 0, 10, 110.
        if (!need(8, "ECI designator")) return false;
        const uint32_t first = in.read(8);
        uint32_t value = 0;
        if ((first & 0x80) == 0) {
            value = first;
        } else if ((first & 0xC0) == 0x80) {
            if (!need(8, "two-byte ECI designator")) return false;
            value = (first & 0x3F) << 8 | in.read(8);
        } else if ((first & 0xE0) == 0xC0) {
            if (!need(16, "three-byte ECI designator")) return false;
            value = (first & 0x1F) << 16 | in.read(16);
            if (value > 999999) return fail("ECI designator " + std::to_string(value) + " is over 999999");
        } else {
            return fail("ECI designator starts with bits 111");
        }
        flush();
        currentEci = static_cast<int>(value);
        if (out.firstEci < 0) out.firstEci = currentEci;
        return true;
    }

    bool fnc1_second() {
        // 7.4.8.3: an application indicator, two digits (00-99) or a letter (its ASCII code + 100),
        // transmitted before the data.
        if (!need(8, "FNC1 application indicator")) return false;
        const uint32_t ai = in.read(8);
        const bool letter = (ai >= 'A' + 100 && ai <= 'Z' + 100) || (ai >= 'a' + 100 && ai <= 'z' + 100);
        if (ai > 99 && !letter) {
            return fail("FNC1 application indicator " + std::to_string(ai) + " is not 00-99 or a letter");
        }
        flush();
        out.fnc1 = true;
        out.applicationIndicator = static_cast<int>(ai);
        if (letter) {
            put_ascii(static_cast<char>(ai - 100));
        } else {
            put_ascii(static_cast<char>('0' + ai / 10));
            put_ascii(static_cast<char>('0' + ai % 10));
        }
        return true;
    }

    bool structured_append() {
        // 8 (Structured Append): symbol position and total (4 bits each, both minus one) and the parity
        // byte of the whole message.
        if (!need(16, "Structured Append header")) return false;
        out.structuredAppend.present = true;
        out.structuredAppend.index = static_cast<int>(in.read(4));
        out.structuredAppend.count = static_cast<int>(in.read(4)) + 1;
        out.structuredAppend.parity = static_cast<int>(in.read(8));
        return true;
    }

    bool counted(uint32_t mode) {
        const DataMode dm = mode == kNumeric ? DataMode::numeric
                          : mode == kAlphanumeric ? DataMode::alphanumeric
                          : mode == kByte ? DataMode::byte : DataMode::kanji;
        const int bits = char_count_bits(dm, version);
        if (!need(static_cast<size_t>(bits), "character count indicator")) return false;
        const size_t count = in.read(bits);
        switch (mode) {
            case kNumeric: return numeric(count);
            case kAlphanumeric: return alphanumeric(count);
            case kByte: return byte_data(count);
            default: return kanji(count);
        }
    }

    bool run() {
        // 7.4.9: the terminator 0000 ends the data; it is shortened or left out when the data fill the
        // symbol, so fewer than four bits left also end it. What follows (7.4.10 padding) is not read.
        while (in.left() >= 4) {
            const uint32_t mode = in.read(4);
            bool ok = true;
            switch (mode) {
                case kTerminator: flush(); convert_deferred(); return true;
                case kNumeric: case kAlphanumeric: case kByte: case kKanji: ok = counted(mode); break;
                case kHanzi: ok = hanzi(); break;
                case kEci: ok = eci(); break;
                case kFnc1First: out.fnc1 = true; break;
                case kFnc1Second: ok = fnc1_second(); break;
                case kStructuredAppend: ok = structured_append(); break;
                default:
                    in.pos -= 4;
                    return fail("unknown mode indicator " + std::to_string(mode));
            }
            if (!ok) return false;
        }
        flush();
        convert_deferred();
        return true;
    }
};

}  // namespace

bool decode_bitstream(std::span<const uint8_t> data, int version, GridDecodeResult& out) {
    out.bytes.clear();
    out.text.clear();
    out.textLossy = false;
    out.defaultCharset = DefaultCharset::none;
    Parser parser{BitReader{data}, version, out, {}, -1, {}, {}};
    if (!parser.run()) {
        out.text.clear();
        out.bytes.clear();
        return false;
    }
    out.error = GridError::none;
    return true;
}

}  // namespace cccd::qr
