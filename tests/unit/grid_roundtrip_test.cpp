// Round trips through independent encoders (tests/support/reference_encoders.hpp): symbols made by
// Debian's qrencode (every version, level and mode: byte, numeric, alphanumeric, kanji and mixed data;
// Structured Append) and by the npm qrcode package (every version, level and mask), decoded by
// decode_grid to exactly the data put in. Also mirrored grids and grids with random damage up to the
// correction capacity. The symbols are fixtures (tests/fixtures/grids), a sample of the cross products
// the inputs are drawn for (see sampled() below): all of them would be megabytes.
#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "qr/grid/codewords.hpp"
#include "qr/grid/format.hpp"
#include "qr/grid/function_patterns.hpp"
#include "qr/grid/grid_decoder.hpp"
#include "qr/tables.hpp"
#include "qr/text/utf8_text.hpp"
#include "support/reference_encoders.hpp"

namespace {

using cccd::qr::DataMode;
using cccd::qr::EcLevel;
using cccd::qr::ModuleGrid;
namespace ts = ::testsupport;

constexpr char kLevels[] = {'L', 'M', 'Q', 'H'};

// Kanji and kana with their Shift JIS codes (from Python's shift_jis codec); all 3 bytes in UTF-8.
constexpr const char* kKanjiText =
    "日本語漢字東京大阪京都北海道沖縄点茗亜熙あいうえおかきくけこアイウエオカキクケコ"
    "山川田中森林花鳥風月雪愛夢光";
constexpr uint16_t kKanjiSjis[] = {
    0x93FA, 0x967B, 0x8CEA, 0x8ABF, 0x8E9A, 0x938C, 0x8B9E, 0x91E5, 0x8DE3, 0x8B9E, 0x9373, 0x966B, 0x8A43, 0x93B9,
    0x89AB, 0x93EA, 0x935F, 0xE4AA, 0x889F, 0xEAA4, 0x82A0, 0x82A2, 0x82A4, 0x82A6, 0x82A8, 0x82A9, 0x82AB, 0x82AD,
    0x82AF, 0x82B1, 0x8341, 0x8343, 0x8345, 0x8347, 0x8349, 0x834A, 0x834C, 0x834E, 0x8350, 0x8352, 0x8E52, 0x90EC,
    0x9363, 0x9286, 0x9058, 0x97D1, 0x89D4, 0x92B9, 0x9597, 0x8C8E, 0x90E1, 0x88A4, 0x96B2, 0x8CF5};
constexpr size_t kKanjiCount = sizeof kKanjiSjis / sizeof kKanjiSjis[0];

const char* const kVietnamese[] = {"ễ", "ă", "đ", "Ư", "ộ", "ẫ", "ỹ", "Đ", "ơ", "à", "ú", "ị"};

std::string latin1_to_utf8(const std::vector<uint8_t>& bytes) {
    std::string out;
    for (uint8_t b : bytes) cccd::qr::put_utf8(out, b);
    return out;
}

// The expected decoder text for the test's byte data without ECI (card-like UTF-8, or Latin-1 text
// with isolated non-ASCII bytes): UTF-8 when well-formed, else ISO-8859-1.
std::string default_text(const std::vector<uint8_t>& bytes) {
    return cccd::qr::valid_utf8(bytes) ? std::string(bytes.begin(), bytes.end()) : latin1_to_utf8(bytes);
}

// One segment's payload and what the decoder should give for it.
struct Piece {
    DataMode mode;
    std::vector<uint8_t> bytes;  // as stored (kanji: Shift JIS)
    std::string text;            // UTF-8
    std::string data;            // what the encoder is given (kanji/byte: UTF-8; numeric/alnum: the chars)
};

// Bits a segment of `count` characters takes (mode indicator + count + data, 7.4).
int segment_bits(DataMode mode, int count, int version) {
    const int head = 4 + cccd::qr::char_count_bits(mode, version);
    switch (mode) {
        case DataMode::numeric: return head + count / 3 * 10 + (count % 3 == 2 ? 7 : count % 3 == 1 ? 4 : 0);
        case DataMode::alphanumeric: return head + count / 2 * 11 + count % 2 * 6;
        case DataMode::byte: return head + count * 8;
        default: return head + count * 13;
    }
}
// The most characters of `mode` that fit in `bits`.
int fit(DataMode mode, int bits, int version) {
    int n = 0;
    while (segment_bits(mode, n + 1, version) <= bits) ++n;
    return n;
}

Piece make_piece(std::mt19937& rng, DataMode mode, int count, bool latin1 = false) {
    Piece p{mode, {}, {}, {}};
    std::uniform_int_distribution<int> any(0, 1 << 20);
    switch (mode) {
        case DataMode::numeric:
            for (int i = 0; i < count; ++i) p.data += static_cast<char>('0' + any(rng) % 10);
            p.text = p.data;
            break;
        case DataMode::alphanumeric:
            for (int i = 0; i < count; ++i) p.data += cccd::qr::kAlphanumericChars[static_cast<size_t>(any(rng) % 45)];
            p.text = p.data;
            break;
        case DataMode::kanji:
            for (int i = 0; i < count; ++i) {
                const size_t k = static_cast<size_t>(any(rng)) % kKanjiCount;
                p.data.append(kKanjiText + 3 * k, 3);
                p.bytes.push_back(static_cast<uint8_t>(kKanjiSjis[k] >> 8));
                p.bytes.push_back(static_cast<uint8_t>(kKanjiSjis[k] & 0xFF));
            }
            p.text = p.data;
            return p;
        case DataMode::hanzi:  // GB/T 18284: neither encoder writes it (bitstream_test covers it)
        case DataMode::byte:
            if (latin1) {
                // European-like Latin-1 text: an accented letter or symbol (0xA0-0xFF) never next to
                // another, so that the no-ECI charset guess (charset_guess.hpp) reads it as Latin-1.
                for (int i = 0; i < count; ++i) {
                    const bool afterHigh = !p.bytes.empty() && p.bytes.back() >= 0x80;
                    const int b = !afterHigh && any(rng) % 2 ? 0xA0 + any(rng) % 96 : 'a' + any(rng) % 26;
                    p.bytes.push_back(static_cast<uint8_t>(b));
                }
                p.text = default_text(p.bytes);
                return p;
            }
            // Card-like UTF-8 text: ASCII with Vietnamese letters, at most `count` bytes.
            while (true) {
                const int r = any(rng) % 10;
                const char ascii = static_cast<char>(r < 5 ? '0' + any(rng) % 10 : 'a' + any(rng) % 26);
                std::string next = r < 2   ? std::string(kVietnamese[static_cast<size_t>(any(rng)) % 12])
                                   : r < 3 ? std::string("|")
                                           : std::string(1, ascii);
                if (p.data.size() + next.size() > static_cast<size_t>(count)) break;
                p.data += next;
            }
            if (p.data.empty()) p.data = "x";
            p.text = p.data;
            break;
    }
    p.bytes.assign(p.data.begin(), p.data.end());
    return p;
}

int data_bits(int version, char level) {
    const auto l = static_cast<EcLevel>(std::string("LMQH").find(level));
    return cccd::qr::ec_blocks(version, l).dataCodewords() * 8;
}

void expect_decodes(const ModuleGrid& grid, int version, char level, int mask, const std::vector<uint8_t>& bytes,
                    const std::string& text, const std::string& what) {
    const auto r = cccd::qr::decode_grid(grid);
    ASSERT_TRUE(r.ok()) << what << ": " << r.message;
    EXPECT_EQ(r.version, version) << what;
    EXPECT_EQ(r.ecLevel, level) << what;
    if (mask >= 0) {
        EXPECT_EQ(r.mask, mask) << what;
    }
    EXPECT_EQ(r.bytes, bytes) << what;
    EXPECT_EQ(r.text, text) << what;
    EXPECT_FALSE(r.mirrored) << what;
    EXPECT_EQ(r.correctedErrors, 0) << what;
}

void toggle(ModuleGrid& g, int x, int y) { g.set(x, y, !g.dark(x, y)); }

ModuleGrid transpose(const ModuleGrid& g) {
    ModuleGrid t = ModuleGrid::blank(g.size);
    for (int y = 0; y < g.size; ++y)
        for (int x = 0; x < g.size; ++x) t.set(y, x, g.dark(x, y));
    return t;
}

// ---------------------------------------------------------------------------------------------------
// qrencode

// The symbols kept as fixtures of the version x level x run cross product below (run: 0 byte, 1 numeric,
// 2 alphanumeric, 3 kanji, 4 Latin-1 bytes, 5 mixed): all of versions 1 and 2; above, one a version, the
// run by v % 5 (1-4: byte to kanji; 0: Latin-1 at odd multiples of 5, mixed at even ones) and the level
// turning with it, so that every version, level and run is decoded and each level meets each run.
bool sampled(int v, int levelIndex, int run) {
    if (v <= 2) return true;
    if (v % 5 == 0) return levelIndex == v / 10 % 4 && run == (v % 10 == 5 ? 4 : 5);
    return levelIndex == v % 4 && run == v % 5 - 1;
}

TEST(QrencodeRoundTrip, EveryVersionAndLevelInEveryMode) {
    int decoded = 0;
    for (int v = 1; v <= 40; ++v) {
        for (int li = 0; li < 4; ++li) {
            const char level = kLevels[li];
            std::mt19937 rng(static_cast<unsigned>(v * 16 + level));
            std::uniform_int_distribution<int> percent(55, 95);
            const int bits = data_bits(v, level);
            const std::string base = "-v " + std::to_string(v) + " -l " + level + " --strict-version";
            struct Run {
                DataMode mode;
                std::string options;
                bool latin1;
            };
            const Run runs[] = {{DataMode::byte, "-8", false},     {DataMode::numeric, "", false},
                                {DataMode::alphanumeric, "", false}, {DataMode::kanji, "-k", false},
                                {DataMode::byte, "-8", true}};
            for (const Run& run : runs) {
                if (run.latin1 && v % 5 != 0) continue;  // Latin-1 bytes in a sample of versions
                const int runIndex = static_cast<int>(&run - runs);
                const int count = std::max(1, fit(run.mode, bits, v) * percent(rng) / 100);
                const Piece p = make_piece(rng, run.mode, count, run.latin1);
                const std::string input = run.mode == DataMode::kanji || run.latin1
                                              ? std::string(p.bytes.begin(), p.bytes.end())
                                              : p.data;
                if (!sampled(v, li, runIndex)) continue;  // its input drawn all the same, for the rng
                const auto grid = ts::qrencode_grid(input, base + " " + run.options);
                const std::string what =
                    std::to_string(v) + level + " mode " + std::to_string(static_cast<int>(run.mode));
                ASSERT_TRUE(grid.has_value()) << "qrencode failed for " << what;
                expect_decodes(*grid, v, level, -1, p.bytes, p.text, what);
                ++decoded;
            }
            // Mixed: qrencode splits card-like text into numeric, alphanumeric and byte segments itself.
            std::string card = "001099012345|123456789|Nguyễn Văn A|01011999|Nam|SỐ 1 PHƯỜNG BẾN NGHÉ|"
                               "15042021";
            const int budget = (bits - 20) / 8 * percent(rng) / 100;
            while (static_cast<int>(card.size()) < budget) card += "|" + card;
            card.resize(static_cast<size_t>(std::max(budget, 5)));
            while (!cccd::qr::valid_utf8(std::vector<uint8_t>(card.begin(), card.end()))) card.pop_back();
            if (!sampled(v, li, 5)) continue;
            const auto grid = ts::qrencode_grid(card, base);
            ASSERT_TRUE(grid.has_value()) << "qrencode failed for mixed " << v << level;
            expect_decodes(*grid, v, level, -1, std::vector<uint8_t>(card.begin(), card.end()), card,
                           "mixed " + std::to_string(v) + level);
            ++decoded;
        }
    }
    std::cout << "[   INFO   ] " << decoded << " qrencode symbols decoded\n";
}

TEST(QrencodeRoundTrip, StructuredAppendSequence) {
    const std::string message = "STRUCTURED APPEND: 0123456789 abcdefghijklmnopqrstuvwxyz Nguyễn Văn A, Hà Nội";
    const auto symbols = ts::qrencode_structured(message, "-v 1 -l M");
    uint8_t parity = 0;
    for (char c : message) parity ^= static_cast<uint8_t>(c);  // 8: XOR of every byte of the message
    std::string joined;
    int parts = 0;
    for (size_t i = 0; i < symbols.size(); ++i) {
        const auto r = cccd::qr::decode_grid(symbols[i]);
        ASSERT_TRUE(r.ok()) << r.message;
        EXPECT_TRUE(r.structuredAppend.present);
        EXPECT_EQ(r.structuredAppend.index, static_cast<int>(i));
        EXPECT_EQ(r.structuredAppend.parity, parity);
        parts = r.structuredAppend.count;
        joined.append(r.bytes.begin(), r.bytes.end());
    }
    ASSERT_GT(parts, 1);
    EXPECT_EQ(joined, message);
}

TEST(QrencodeRoundTrip, MirroredGridsDecodeAndSaySo) {
    for (int v : {1, 2, 6, 7, 13, 27, 40}) {
        const std::string text = "mirrored symbol, version " + std::to_string(v);
        const auto grid = ts::qrencode_grid(text, "-8 -l Q -v " + std::to_string(v));
        ASSERT_TRUE(grid.has_value());
        const auto r = cccd::qr::decode_grid(transpose(*grid));
        ASSERT_TRUE(r.ok()) << v << ": " << r.message;
        EXPECT_TRUE(r.mirrored);
        EXPECT_EQ(r.version, std::max(v, cccd::qr::version_for_size(grid->size)));
        EXPECT_EQ(r.text, text);
    }
}

// ---------------------------------------------------------------------------------------------------
// npm qrcode: every version, level and mask

struct Job {
    int version;
    char level;
    int mask;
    std::vector<Piece> pieces;
};

std::string job_json(const Job& job) {
    std::string s = "{\"version\":" + std::to_string(job.version) + ",\"level\":\"" + job.level +
                    "\",\"mask\":" + std::to_string(job.mask) + ",\"segments\":[";
    for (size_t i = 0; i < job.pieces.size(); ++i) {
        const Piece& p = job.pieces[i];
        if (i) s += ",";
        if (p.mode == DataMode::byte) {
            s += "{\"bytes\":[";
            for (size_t k = 0; k < p.bytes.size(); ++k) s += (k ? "," : "") + std::to_string(p.bytes[k]);
            s += "]}";
        } else {
            const char* mode = p.mode == DataMode::numeric        ? "numeric"
                               : p.mode == DataMode::alphanumeric ? "alphanumeric"
                                                                  : "kanji";
            s += "{\"mode\":\"" + std::string(mode) + "\",\"data\":" + ts::json_string(p.data) + "}";
        }
    }
    return s + "]}";
}

// Pieces that fill roughly `percent` of the symbol: one mode, or a mix of all four.
std::vector<Piece> make_pieces(std::mt19937& rng, int index, int version, char level, int percent) {
    const int budget = data_bits(version, level) * percent / 100;
    const int kind = index % 6;
    if (kind < 5) {
        const DataMode modes[] = {DataMode::byte, DataMode::numeric, DataMode::alphanumeric, DataMode::kanji,
                                  DataMode::byte};
        const DataMode mode = modes[kind];
        return {make_piece(rng, mode, std::max(1, fit(mode, budget, version)), kind == 4)};
    }
    std::vector<Piece> mix;
    const DataMode order[] = {DataMode::numeric, DataMode::byte, DataMode::alphanumeric, DataMode::kanji};
    for (DataMode mode : order) {
        const int count = fit(mode, budget / 4, version);
        if (count > 0) mix.push_back(make_piece(rng, mode, count));
    }
    if (mix.empty()) {
        mix.push_back(make_piece(rng, DataMode::numeric, std::max(1, fit(DataMode::numeric, budget, version))));
    }
    return mix;
}

class QrcodePackageRoundTrip : public testing::Test {
protected:
    // The inputs of all 40 x 4 x 8 symbols, drawn once for the tests of this suite.
    static const std::vector<Job>& jobs() {
        static const std::vector<Job> all = [] {
            std::vector<Job> out;
            std::mt19937 rng(20240701);
            std::uniform_int_distribution<int> percent(40, 92);
            for (int v = 1; v <= 40; ++v)
                for (char level : kLevels)
                    for (int mask = 0; mask < 8; ++mask) {
                        const int index = static_cast<int>(out.size());
                        out.push_back({v, level, mask, make_pieces(rng, index, v, level, percent(rng))});
                    }
            return out;
        }();
        return all;
    }
    // The jobs kept as fixtures: every level x mask at version 1; above, one a version, the level turning
    // with the version and the mask every four versions, so that every version, level and mask (and each
    // level with each mask) is decoded. Indexes into jobs().
    static const std::vector<size_t>& sampled() {
        static const std::vector<size_t> indexes = [] {
            std::vector<size_t> out;
            for (size_t i = 0; i < jobs().size(); ++i) {
                const Job& job = jobs()[i];
                const auto li = static_cast<int>(std::string("LMQH").find(job.level));
                const bool kept = job.version == 1 || (li == job.version % 4 && job.mask == job.version / 4 % 8);
                if (kept) out.push_back(i);
            }
            return out;
        }();
        return indexes;
    }
    // The sampled jobs' symbols (fixtures), read once for the tests of the suite: made[k] is the symbol of
    // jobs()[sampled()[k]].
    const std::vector<ts::NodeGrid>& grids() {
        static std::vector<ts::NodeGrid> made;
        if (made.empty()) {
            std::vector<std::string> json;
            for (size_t i : sampled()) json.push_back(job_json(jobs()[i]));
            made = ts::node_grids(json);
        }
        return made;
    }
    static std::vector<uint8_t> bytes_of(const Job& job) {
        std::vector<uint8_t> out;
        for (const Piece& p : job.pieces) out.insert(out.end(), p.bytes.begin(), p.bytes.end());
        return out;
    }
    static std::string text_of(const Job& job) {
        std::string out;
        for (const Piece& p : job.pieces) out += p.text;
        return out;
    }
};

TEST_F(QrcodePackageRoundTrip, EveryVersionLevelAndMask) {
    const auto& made = grids();
    ASSERT_EQ(made.size(), sampled().size());
    int decoded = 0;
    std::set<int> versions, masks;
    std::set<char> levels;
    for (size_t i = 0; i < made.size(); ++i) {
        const Job& job = jobs()[sampled()[i]];
        const std::string what = std::to_string(job.version) + job.level + " mask " + std::to_string(job.mask);
        ASSERT_TRUE(made[i].ok) << what << ": " << made[i].error;
        ASSERT_EQ(made[i].version, job.version);
        ASSERT_EQ(made[i].mask, job.mask);
        expect_decodes(made[i].grid, job.version, job.level, job.mask, bytes_of(job), text_of(job), what);
        versions.insert(job.version);
        levels.insert(job.level);
        masks.insert(job.mask);
        ++decoded;
    }
    EXPECT_EQ(decoded, 32 + 39);
    EXPECT_EQ(versions.size(), 40u);
    EXPECT_EQ(levels.size(), 4u);
    EXPECT_EQ(masks.size(), 8u);
    std::cout << "[   INFO   ] " << decoded << " qrcode (npm) symbols decoded\n";
}

// Codeword index (in placement order) -> block, per 7.6.
std::vector<int> block_of_codeword(const cccd::qr::EcBlocks& layout) {
    std::vector<int> out;
    const int blocks = layout.blocks();
    for (int k = 0; k <= layout.shortDataCodewords; ++k)
        for (int b = 0; b < blocks; ++b)
            if (k < layout.shortDataCodewords + (b >= layout.shortBlocks ? 1 : 0)) out.push_back(b);
    for (int k = 0; k < layout.ecCodewordsPerBlock; ++k)
        for (int b = 0; b < blocks; ++b) out.push_back(b);
    return out;
}

TEST_F(QrcodePackageRoundTrip, RandomDamageUpToCapacityIsCorrected) {
    const auto& made = grids();
    ASSERT_EQ(made.size(), sampled().size());
    std::mt19937 rng(7);
    int damaged = 0;
    for (size_t i = 0; i < made.size(); ++i) {
        const Job& job = jobs()[sampled()[i]];
        ASSERT_TRUE(made[i].ok);
        ModuleGrid g = made[i].grid;
        const int v = job.version;
        const auto level = static_cast<EcLevel>(std::string("LMQH").find(job.level));
        const auto layout = cccd::qr::ec_blocks(v, level);
        const auto owner = block_of_codeword(layout);

        // Modules of each codeword, in placement order.
        std::vector<std::vector<std::pair<int, int>>> modules(owner.size());
        int bit = 0;
        cccd::qr::for_each_data_module(g.size, cccd::qr::function_module_map(v), [&](int x, int y) {
            if (static_cast<size_t>(bit / 8) < modules.size()) modules[static_cast<size_t>(bit / 8)].push_back({x, y});
            ++bit;
        });
        // Up to the capacity of each block, codewords hit by 1..8 flipped modules.
        std::vector<std::vector<size_t>> byBlock(static_cast<size_t>(layout.blocks()));
        for (size_t c = 0; c < owner.size(); ++c) byBlock[static_cast<size_t>(owner[c])].push_back(c);
        int expected = 0;
        for (auto& members : byBlock) {
            std::shuffle(members.begin(), members.end(), rng);
            const int hits = std::uniform_int_distribution<int>(0, layout.maxCorrectable())(rng);
            for (int h = 0; h < hits; ++h) {
                auto& cw = modules[members[static_cast<size_t>(h)]];
                std::shuffle(cw.begin(), cw.end(), rng);
                const int flips = std::uniform_int_distribution<int>(1, 8)(rng);
                for (size_t f = 0; f < static_cast<size_t>(flips); ++f) toggle(g, cw[f].first, cw[f].second);
                ++expected;
            }
        }
        // Up to 3 bit errors in each copy of the format and version information.
        for (int copy = 0; copy < 2; ++copy) {
            auto fpos = cccd::qr::format_positions(g.size, copy);
            std::shuffle(fpos.begin(), fpos.end(), rng);
            for (size_t k = 0; k < 3; ++k) toggle(g, fpos[k].x, fpos[k].y);
            if (v >= 7) {
                auto vpos = cccd::qr::version_positions(g.size, copy);
                std::shuffle(vpos.begin(), vpos.end(), rng);
                for (size_t k = 0; k < 3; ++k) toggle(g, vpos[k].x, vpos[k].y);
            }
        }
        // Finder and timing patterns are not read by the grid decoder at all.
        for (int k = 0; k < 7; ++k) toggle(g, k, k);
        toggle(g, 10, 6);

        const auto r = cccd::qr::decode_grid(g);
        const std::string what = std::to_string(v) + job.level + " mask " + std::to_string(job.mask);
        ASSERT_TRUE(r.ok()) << what << ": " << r.message;
        EXPECT_EQ(r.correctedErrors, expected) << what;
        EXPECT_EQ(r.text, text_of(job)) << what;
        EXPECT_EQ(r.bytes, bytes_of(job)) << what;
        ++damaged;
    }
    std::cout << "[   INFO   ] " << damaged << " damaged qrcode (npm) symbols corrected\n";
}

TEST_F(QrcodePackageRoundTrip, OneErrorBeyondCapacityNeverGivesWrongData) {
    const auto& made = grids();
    ASSERT_EQ(made.size(), sampled().size());
    std::mt19937 rng(8);
    int refused = 0, tried = 0;
    for (size_t i = 0; i < made.size(); ++i) {
        const Job& job = jobs()[sampled()[i]];
        ASSERT_TRUE(made[i].ok) << made[i].error;
        ModuleGrid g = made[i].grid;
        const auto level = static_cast<EcLevel>(std::string("LMQH").find(job.level));
        const auto layout = cccd::qr::ec_blocks(job.version, level);
        const auto owner = block_of_codeword(layout);
        std::vector<std::pair<int, int>> first;  // first module of each codeword of block 0
        int bit = 0;
        size_t cwIndex = 0;
        cccd::qr::for_each_data_module(g.size, cccd::qr::function_module_map(job.version), [&](int x, int y) {
            cwIndex = static_cast<size_t>(bit / 8);
            if (bit % 8 == 0 && cwIndex < owner.size() && owner[cwIndex] == 0) first.push_back({x, y});
            ++bit;
        });
        std::shuffle(first.begin(), first.end(), rng);
        const auto beyond = static_cast<size_t>(layout.maxCorrectable()) + 1;
        for (size_t k = 0; k < beyond; ++k) toggle(g, first[k].first, first[k].second);
        const auto r = cccd::qr::decode_grid(g);
        ++tried;
        if (!r.ok()) {
            ++refused;
            EXPECT_FALSE(r.message.empty());
            continue;
        }
        EXPECT_EQ(r.text, text_of(job)) << "accepted a symbol beyond capacity with wrong data";
    }
    EXPECT_GE(refused * 100, tried * 99) << refused << " of " << tried;
}

TEST_F(QrcodePackageRoundTrip, MirroredGridsDecode) {
    const auto& made = grids();
    ASSERT_EQ(made.size(), sampled().size());
    for (size_t i = 0; i < made.size(); ++i) {
        ASSERT_TRUE(made[i].ok) << made[i].error;
        const auto r = cccd::qr::decode_grid(transpose(made[i].grid));
        ASSERT_TRUE(r.ok()) << sampled()[i] << ": " << r.message;
        EXPECT_TRUE(r.mirrored);
        EXPECT_EQ(r.text, text_of(jobs()[sampled()[i]]));
    }
}

}  // namespace
