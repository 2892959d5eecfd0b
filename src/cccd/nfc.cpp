#include "cccd/nfc.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "cccd/utf8.hpp"

namespace cccd {
namespace {

struct DecompositionPair {
    char32_t composed, base, mark;
    bool recomposes;
};
struct CombiningClass {
    char32_t mark;
    int ccc;
};
#include "cccd/nfc_table.inc"

// The same pairs ordered by (base, mark) for composition; sorted at compile time.
constexpr auto kCompositions = [] {
    std::array<DecompositionPair, std::size(kDecompositions)> a{};
    size_t n = 0;
    for (const auto& p : kDecompositions) {
        size_t j = n++;
        while (j > 0 && (a[j - 1].base > p.base || (a[j - 1].base == p.base && a[j - 1].mark > p.mark))) {
            a[j] = a[j - 1];
            --j;
        }
        a[j] = p;
    }
    return a;
}();

// Bounds of the table, so that the common characters (ASCII: digits, separators, unaccented letters) skip
// the binary searches: nothing below kFirstComposed decomposes, and only marks within
// [kFirstMark, kLastMark] compose.
constexpr char32_t kFirstComposed = [] {
    char32_t m = kDecompositions[0].composed;
    for (const auto& p : kDecompositions) m = std::min(m, p.composed);
    return m;
}();
constexpr char32_t kFirstMark = [] {
    char32_t m = kDecompositions[0].mark;
    for (const auto& p : kDecompositions) m = std::min(m, p.mark);
    return m;
}();
constexpr char32_t kLastMark = [] {
    char32_t m = kDecompositions[0].mark;
    for (const auto& p : kDecompositions) m = std::max(m, p.mark);
    return m;
}();

int combining_class(char32_t cp) {
    if (cp < 0x0300 || cp > 0x036F) return 0;
    auto it = std::lower_bound(std::begin(kCombiningClasses), std::end(kCombiningClasses), cp,
                               [](const CombiningClass& c, char32_t v) { return c.mark < v; });
    return (it != std::end(kCombiningClasses) && it->mark == cp) ? it->ccc : 0;
}

const DecompositionPair* find_decomposition(char32_t cp) {
    if (cp < kFirstComposed) return nullptr;
    auto it = std::lower_bound(std::begin(kDecompositions), std::end(kDecompositions), cp,
                               [](const DecompositionPair& p, char32_t v) { return p.composed < v; });
    return (it != std::end(kDecompositions) && it->composed == cp) ? &*it : nullptr;
}

char32_t find_composition(char32_t base, char32_t mark) {
    if (mark < kFirstMark || mark > kLastMark) return 0;
    auto it = std::lower_bound(kCompositions.begin(), kCompositions.end(), std::pair{base, mark},
                               [](const DecompositionPair& p, std::pair<char32_t, char32_t> v) {
                                   return p.base < v.first || (p.base == v.first && p.mark < v.second);
                               });
    if (it != kCompositions.end() && it->base == base && it->mark == mark && it->recomposes) return it->composed;
    return 0;
}

void decompose_into(char32_t cp, std::u32string& out) {
    if (const auto* d = find_decomposition(cp)) {
        decompose_into(d->base, out);
        out.push_back(d->mark);
    } else {
        out.push_back(cp);
    }
}

char32_t lower_case(char32_t cp) {
    if (cp >= 'A' && cp <= 'Z') return cp + 32;
    if (cp == 0x0110) return 0x0111;  // Đ
    if (cp >= 0x00C0 && cp <= 0x00DE && cp != 0x00D7) return cp + 32;
    return cp;
}

// NFC's quick check (UAX #15 section 9) for the characters of the table: a character is left as it is by
// to_nfc when it is no mark and either has no decomposition or recomposes from it (no singleton, no
// exclusion) down its whole chain. Text of such characters alone has no mark to compose, so it is NFC.
bool stays_in_nfc(char32_t cp) {
    if (cp < kFirstComposed && cp < kFirstMark) return true;  // ASCII and most of Latin-1: the common case
    if (combining_class(cp) != 0 || (cp >= kFirstMark && cp <= kLastMark)) return false;
    const auto* d = find_decomposition(cp);
    return d == nullptr || (d->recomposes && stays_in_nfc(d->base));
}

bool already_nfc(std::u32string_view text) {
    return std::all_of(text.begin(), text.end(), stays_in_nfc);
}

}  // namespace

char32_t base_letter(char32_t cp) {
    while (const auto* d = find_decomposition(cp)) cp = d->base;
    return cp;
}

std::u32string to_nfd(std::u32string_view text) {
    std::u32string out;
    out.reserve(text.size() * 2);
    for (char32_t cp : text) decompose_into(cp, out);
    // Canonical ordering (UAX #15 D108): stable-sort each run of non-starters by combining class.
    for (size_t i = 0; i < out.size();) {
        if (combining_class(out[i]) == 0) { ++i; continue; }
        size_t j = i;
        while (j < out.size() && combining_class(out[j]) != 0) ++j;
        // Insertion sort: stable, and runs are a mark or two (std::stable_sort allocates a buffer).
        for (size_t k = i + 1; k < j; ++k)
            for (size_t m = k; m > i && combining_class(out[m - 1]) > combining_class(out[m]); --m)
                std::swap(out[m - 1], out[m]);
        i = j;
    }
    return out;
}

std::u32string to_nfc(std::u32string_view text) {
    if (already_nfc(text)) return std::u32string(text);  // a card's text, almost always
    const std::u32string nfd = to_nfd(text);
    std::u32string out;
    out.reserve(nfd.size());
    size_t starter = std::u32string::npos;
    int last_class = -1;  // class of the last character after the starter; -1: none in between
    for (char32_t cp : nfd) {
        const int cc = combining_class(cp);
        if (starter != std::u32string::npos && (last_class == -1 || (last_class != 0 && last_class < cc))) {
            if (char32_t composed = find_composition(out[starter], cp)) {
                out[starter] = composed;
                continue;
            }
        }
        if (cc == 0) {
            starter = out.size();
            last_class = -1;
        } else {
            last_class = cc;
        }
        out.push_back(cp);
    }
    return out;
}

std::string to_nfc(std::string_view utf8) {
    auto cps = decode_utf8(utf8);
    if (!cps || already_nfc(*cps)) return std::string(utf8);
    return encode_utf8(to_nfc(*cps));
}

namespace {

// match_key's definition, for any text: decompose, drop the marks or not, lower-case, recompose.
std::string match_key_of(const std::u32string& cps, bool strip_marks) {
    std::u32string nfd = to_nfd(cps);
    std::u32string kept;
    kept.reserve(nfd.size());
    for (char32_t cp : nfd) {
        if (strip_marks && combining_class(cp) != 0) continue;
        cp = lower_case(cp);
        if (strip_marks && cp == 0x0111) cp = 'd';
        kept.push_back(cp);
    }
    return encode_utf8(strip_marks ? kept : to_nfc(kept));
}

// The key of each character of the table's ranges that stays in NFC, computed once. In text of such
// characters alone each one decomposes to a starter and its own marks, which recompose with nothing else,
// so the text's key is its characters' keys in a row: a lookup per letter instead of the whole definition
// (place names are keyed several times per card).
struct CharKey {
    char bytes[7];
    uint8_t size;  // 0: not in the table (or a mark, or a key too long): use the definition
};
constexpr char32_t kKeyedRanges[2][2] = {{0x0080, 0x0250}, {0x1E00, 0x1F00}};  // [first, end)

int keyed_index(char32_t cp) {
    int base = 0;
    for (const auto& [first, end] : kKeyedRanges) {
        if (cp >= first && cp < end) return base + static_cast<int>(cp - first);
        base += static_cast<int>(end - first);
    }
    return -1;
}

const std::vector<std::array<CharKey, 2>>& char_keys() {
    static const std::vector<std::array<CharKey, 2>> table = [] {
        std::vector<std::array<CharKey, 2>> t;
        for (const auto& [first, end] : kKeyedRanges)
            for (char32_t cp = first; cp < end; ++cp) {
                std::array<CharKey, 2> k{};
                for (int strip = 0; strip < 2 && stays_in_nfc(cp); ++strip) {
                    const std::string key = match_key_of(std::u32string(1, cp), strip != 0);
                    if (key.empty() || key.size() > sizeof k[0].bytes) continue;
                    std::copy(key.begin(), key.end(), k[static_cast<size_t>(strip)].bytes);
                    k[static_cast<size_t>(strip)].size = static_cast<uint8_t>(key.size());
                }
                t.push_back(k);
            }
        return t;
    }();
    return table;
}

}  // namespace

std::string match_key(std::string_view utf8, bool strip_marks) {
    auto cps = decode_utf8(utf8);
    if (!cps) return std::string(utf8);
    std::string key;
    key.reserve(utf8.size());
    const auto& table = char_keys();
    for (char32_t cp : *cps) {
        if (cp < 0x80) {  // ASCII: its own key, lower case
            key.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
            continue;
        }
        const int i = keyed_index(cp);
        const CharKey* k = i < 0 ? nullptr : &table[static_cast<size_t>(i)][strip_marks ? 1 : 0];
        if (k == nullptr || k->size == 0) return match_key_of(*cps, strip_marks);
        key.append(k->bytes, k->size);
    }
    return key;
}

bool has_diacritics(std::string_view utf8) {
    auto cps = decode_utf8(utf8);
    if (!cps) return false;
    // A mark in the decomposition: the character is a mark or decomposes (every pair is base + mark).
    for (char32_t cp : *cps)
        if (combining_class(cp) != 0 || find_decomposition(cp) != nullptr || cp == 0x0110 || cp == 0x0111) return true;
    return false;
}

}  // namespace cccd
