#include "cccd/repair.hpp"

#include <array>
#include <vector>

#include "cccd/nfc.hpp"
#include "cccd/utf8.hpp"

namespace cccd {
namespace {

// Windows-1252 bytes 0x80-0x9F (WHATWG encoding index); 0 marks the five undefined bytes.
constexpr std::array<char32_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
constexpr std::array<unsigned char, 5> kUndefinedBytes = {0x81, 0x8D, 0x8F, 0x90, 0x9D};

// The byte a character stood for when UTF-8 was read as Windows-1252 or Latin-1; -1 if none.
int byte_for(char32_t cp) {
    if (cp < 0x100) return static_cast<int>(cp);  // ASCII, C1 controls (Latin-1), 0xA0-0xFF
    for (size_t i = 0; i < kCp1252High.size(); ++i)
        if (kCp1252High[i] == cp) return static_cast<int>(0x80 + i);
    return -1;
}

bool is_vietnamese_letter(char32_t cp) {
    if (cp == 0x0110 || cp == 0x0111) return true;
    const std::u32string d = to_nfd(std::u32string(1, cp));
    // Only vowels carry marks in Vietnamese (ĝ, ñ, č do not occur).
    if (d.size() < 2 || std::u32string_view(U"aeiouyAEIOUY").find(d[0]) == std::u32string_view::npos) return false;
    for (size_t i = 1; i < d.size(); ++i) {
        switch (d[i]) {
            case 0x0300: case 0x0301: case 0x0303: case 0x0309: case 0x0323:  // tones
            case 0x0302: case 0x0306: case 0x031B: break;                     // â ă ơ/ư
            default: return false;
        }
    }
    return true;
}

int sequence_length(unsigned char lead) {
    if (lead < 0x80) return 1;
    if ((lead & 0xE0) == 0xC0) return 2;
    if ((lead & 0xF0) == 0xE0) return 3;
    if ((lead & 0xF8) == 0xF0) return 4;
    return 0;
}

struct RunStats {
    int exact = 0;        // sequences that were valid UTF-8 as they came
    int restored = 0;     // sequences completed with the one lost byte that fits
    int unrecovered = 0;  // sequences where several letters fit: written as U+FFFD
};

// Decodes a run of bytes that should be UTF-8, restoring single lost bytes. False when the run is
// not UTF-8 at all.
bool decode_run(const std::string& bytes, std::string& out, RunStats& stats) {
    for (size_t i = 0; i < bytes.size();) {
        const auto lead = static_cast<unsigned char>(bytes[i]);
        const int len = sequence_length(lead);
        if (len < 2) return false;  // a continuation byte without lead, or invalid lead
        size_t have = 1;
        while (have < static_cast<size_t>(len) && i + have < bytes.size() &&
               (static_cast<unsigned char>(bytes[i + have]) & 0xC0) == 0x80)
            ++have;
        if (have == static_cast<size_t>(len)) {
            std::string_view seq(bytes.data() + i, have);
            if (!is_valid_utf8(seq)) return false;
            out += seq;
            ++stats.exact;
            i += have;
            continue;
        }
        if (have + 1 != static_cast<size_t>(len)) return false;  // only one lost byte is recoverable
        std::vector<std::string> fits;
        for (unsigned char lost : kUndefinedBytes) {
            for (size_t at = 1; at <= have; ++at) {
                std::string candidate = bytes.substr(i, have);
                candidate.insert(candidate.begin() + static_cast<std::ptrdiff_t>(at), static_cast<char>(lost));
                auto cps = decode_utf8(candidate);
                if (cps && cps->size() == 1 && is_vietnamese_letter((*cps)[0])) fits.push_back(candidate);
            }
        }
        if (fits.empty()) return false;
        if (fits.size() == 1) {
            out += fits[0];
            ++stats.restored;
        } else {
            out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
            ++stats.unrecovered;
        }
        i += have;
    }
    return true;
}

// One layer of repair. nullopt when the text is not mojibake.
std::optional<std::string> repair_once(std::string_view utf8, RunStats& stats) {
    auto cps = decode_utf8(utf8);
    if (!cps) return std::nullopt;
    std::string out;
    RunStats local;
    for (size_t i = 0; i < cps->size();) {
        if ((*cps)[i] < 0x80) {
            out.push_back(static_cast<char>((*cps)[i++]));
            continue;
        }
        // A maximal run of non-ASCII characters that each stand for one byte.
        std::string run;
        while (i < cps->size() && (*cps)[i] >= 0x80) {
            const int b = byte_for((*cps)[i]);
            if (b < 0) return std::nullopt;  // a real non-Latin-1 letter: not mojibake
            run.push_back(static_cast<char>(b));
            ++i;
        }
        if (!decode_run(run, out, local)) return std::nullopt;
    }
    // Guard against reading real Latin-1 text ("Ã" alone) as mojibake: most sequences must have
    // arrived whole.
    if (local.exact == 0 || local.exact <= local.unrecovered + local.restored / 2) return std::nullopt;
    stats.exact += local.exact;
    stats.restored += local.restored;
    stats.unrecovered += local.unrecovered;
    return out;
}

bool is_vowel(char32_t cp) {
    const char32_t base = base_letter(cp);
    switch (base | 0x20) {
        case 'a': case 'e': case 'i': case 'o': case 'u': case 'y': return base < 0x80;
        default: return false;
    }
}

}  // namespace

RepairResult repair_mojibake(std::string_view utf8) {
    RepairResult result{RepairOutcome::clean, std::string(utf8), 0, 0};
    RunStats stats;
    // Double-encoded text (read wrongly twice) needs two rounds; more is not seen in practice.
    for (int round = 0; round < 3; ++round) {
        auto fixed = repair_once(result.text, stats);
        if (!fixed) break;
        result.text = std::move(*fixed);
        result.rounds = round + 1;
    }
    if (result.rounds > 0) result.outcome = stats.unrecovered ? RepairOutcome::partial : RepairOutcome::repaired;
    result.unrecovered = stats.unrecovered;
    return result;
}

bool looks_like_mojibake(std::string_view utf8) {
    auto cps = decode_utf8(utf8);
    if (!cps) return false;
    for (size_t i = 0; i + 1 < cps->size(); ++i) {
        const int lead = byte_for((*cps)[i]), next = byte_for((*cps)[i + 1]);
        if (lead >= 0xC2 && lead <= 0xF4 && next >= 0x80 && next <= 0xBF) return true;
    }
    return false;
}

bool has_word_without_vowel(std::string_view utf8) {
    auto cps = decode_utf8(utf8);
    if (!cps) return false;
    bool in_word = false, vowel = false;
    for (size_t i = 0; i <= cps->size(); ++i) {
        const bool letter = i < cps->size() && (*cps)[i] != ' ';
        if (letter) {
            in_word = true;
            vowel = vowel || is_vowel((*cps)[i]);
        } else {
            if (in_word && !vowel) return true;
            in_word = vowel = false;
        }
    }
    return false;
}

}  // namespace cccd
