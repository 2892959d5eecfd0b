// Round trips through images: symbols made by independent encoders (Debian's qrencode for every version
// x level, the npm qrcode package for every mask x level), drawn by tests/support/render at small module
// sizes, rotated and noisy, then read by the public entry point cccd::qr::Decoder::decode. Every image
// must give exactly the data put in. The cross product is sampled: 40 qrencode symbols (one a version,
// levels and modes in turn) and 32 npm symbols (8 masks x 4 levels, versions spread over 1-40, modes
// cycling), each drawn clean at 2 and 3 pixels per module, once rotated and once noisy; the suite checks
// that every version, level, mask and mode was drawn. The symbols are fixtures (tests/fixtures/grids).
//
// Limits of detection found when this test was written (a sweep of 192 symbols: the 32 npm ones and
// qrencode's for every version x level), kept out of
// the assertions below and to be lifted as detection improves:
//   - 1.5 px/module, upright: every symbol of version 33-40 fails (1.75 and 2 px: none);
//   - 2 px/module rotated by other than a right angle: 5-44 of 192 fail from version 22-33 up
//     (7 deg: 23 from version 27; 45 deg: 44 from version 22); at 2.5 px, 45 deg: 15 from version 18,
//     -20 deg: 5 from version 32;
//   - 3 px/module at exactly 45 deg: 10 of 192 fail from version 22 (42, 44, 46, 48 deg and 3.5 px at
//     45 deg: none);
//   - noise sigma 35 at 3 px/module: 5 of 192 fail from version 26; sigma 40 at 2 px: 3 of 192.
#include <gtest/gtest.h>

#include <cmath>
#include <iostream>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "qr/decoder.hpp"
#include "qr/tables.hpp"
#include "support/reference_encoders.hpp"
#include "support/render.hpp"

namespace {

using cccd::qr::DataMode;
using cccd::qr::ModuleGrid;
namespace ts = ::testsupport;

constexpr char kLevels[] = {'L', 'M', 'Q', 'H'};

// Kanji and kana with their Shift JIS codes (Python's shift_jis codec); 3 bytes each in UTF-8.
constexpr const char* kKanjiText = "日本語漢字東京大阪点茗亜熙あいうアイウ山川";
constexpr uint16_t kKanjiSjis[] = {0x93FA, 0x967B, 0x8CEA, 0x8ABF, 0x8E9A, 0x938C, 0x8B9E, 0x91E5, 0x8DE3, 0x935F,
                                   0xE4AA, 0x889F, 0xEAA4, 0x82A0, 0x82A2, 0x82A4, 0x8341, 0x8343, 0x8345, 0x8E52,
                                   0x90EC};
constexpr size_t kKanjiCount = sizeof kKanjiSjis / sizeof kKanjiSjis[0];
const char* const kVietnamese[] = {"ễ", "ă", "đ", "Ư", "ộ", "ẫ", "ỹ", "Đ", "ơ", "à", "ú", "ị"};

struct Symbol {
    std::string what;  // encoder, version, level, mode
    int version = 0;
    char level = '?';
    int mask = -1;  // the mask asked for (npm), or -1 (qrencode picks it)
    DataMode mode = DataMode::byte;
    std::string encoderInput;    // the characters (kanji: UTF-8)
    std::vector<uint8_t> bytes;  // what decoding must give (kanji: Shift JIS)
    std::string text;
    ModuleGrid grid;
};

const char* mode_name(DataMode m) {
    switch (m) {
        case DataMode::numeric: return "numeric";
        case DataMode::alphanumeric: return "alphanumeric";
        case DataMode::kanji: return "kanji";
        default: return "byte";
    }
}

// Characters of `mode` that fill about `percent` of a symbol's data bits (7.4: mode, count, data).
int chars_for(DataMode mode, int version, char level, int percent) {
    const auto l = static_cast<cccd::qr::EcLevel>(std::string("LMQH").find(level));
    const int bits = cccd::qr::ec_blocks(version, l).dataCodewords() * 8 * percent / 100 - 4 -
                     cccd::qr::char_count_bits(mode, version);
    switch (mode) {
        case DataMode::numeric: return std::max(1, bits * 3 / 10);
        case DataMode::alphanumeric: return std::max(1, bits * 2 / 11);
        case DataMode::kanji: return std::max(1, bits / 13);
        default: return std::max(1, bits / 8);
    }
}

// Random data of `mode`, `count` characters (byte: at most `count` bytes of card-like UTF-8 text).
void fill(Symbol& s, std::mt19937& rng, int count) {
    std::uniform_int_distribution<int> any(0, 1 << 20);
    s.encoderInput.clear();
    s.bytes.clear();
    for (int i = 0; i < count; ++i) {
        switch (s.mode) {
            case DataMode::numeric: s.encoderInput += static_cast<char>('0' + any(rng) % 10); break;
            case DataMode::alphanumeric:
                s.encoderInput += cccd::qr::kAlphanumericChars[static_cast<size_t>(any(rng) % 45)];
                break;
            case DataMode::kanji: {
                const size_t k = static_cast<size_t>(any(rng)) % kKanjiCount;
                s.encoderInput.append(kKanjiText + 3 * k, 3);
                s.bytes.push_back(static_cast<uint8_t>(kKanjiSjis[k] >> 8));
                s.bytes.push_back(static_cast<uint8_t>(kKanjiSjis[k] & 0xFF));
                break;
            }
            default: {
                const int r = any(rng) % 10;
                const std::string next = r < 2 ? std::string(kVietnamese[static_cast<size_t>(any(rng)) % 12])
                                         : r < 3 ? std::string("|")
                                                 : std::string(1, static_cast<char>('a' + any(rng) % 26));
                if (s.encoderInput.size() + next.size() > static_cast<size_t>(count)) i = count;
                else s.encoderInput += next;
            }
        }
    }
    if (s.mode != DataMode::kanji) s.bytes.assign(s.encoderInput.begin(), s.encoderInput.end());
    s.text = s.encoderInput;
}

std::string npm_job(const Symbol& s) {
    std::string seg;
    if (s.mode == DataMode::byte) {
        seg = "{\"bytes\":[";
        for (size_t k = 0; k < s.bytes.size(); ++k) seg += (k ? "," : "") + std::to_string(s.bytes[k]);
        seg += "]}";
    } else {
        seg = "{\"mode\":\"" + std::string(mode_name(s.mode)) + "\",\"data\":" + ts::json_string(s.encoderInput) + "}";
    }
    return "{\"version\":" + std::to_string(s.version) + ",\"level\":\"" + s.level + "\",\"mask\":" +
           std::to_string(s.mask) + ",\"segments\":[" + seg + "]}";
}

// The sampled symbol set, made once; `problem` says why it could not be.
struct SymbolSet {
    std::vector<Symbol> symbols;
    std::string problem;
};

SymbolSet make_symbols() {
    SymbolSet set;
    const DataMode modes[] = {DataMode::numeric, DataMode::alphanumeric, DataMode::byte, DataMode::kanji};
    std::mt19937 rng(18004);
    std::uniform_int_distribution<int> percent(45, 90);
    // qrencode: inputs for every version x level, the mode cycling so that each level meets each mode 10
    // times; kept as fixtures, one a version: the level turning every four versions (so each level meets
    // each mode too).
    for (int v = 1; v <= 40; ++v)
        for (int li = 0; li < 4; ++li) {
            Symbol s;
            s.version = v;
            s.level = kLevels[li];
            s.mode = modes[static_cast<size_t>(v + li) % 4];
            fill(s, rng, chars_for(s.mode, v, s.level, percent(rng)));
            if (li != v / 4 % 4) continue;  // its input drawn all the same, for the rng
            const std::string input =
                s.mode == DataMode::kanji ? std::string(s.bytes.begin(), s.bytes.end()) : s.encoderInput;
            const std::string flags = s.mode == DataMode::kanji ? " -k" : s.mode == DataMode::byte ? " -8" : "";
            const auto grid =
                ts::qrencode_grid(input, "-v " + std::to_string(v) + " -l " + s.level + " --strict-version" + flags);
            s.what = "qrencode " + std::to_string(v) + s.level + " " + mode_name(s.mode);
            if (!grid) {
                set.problem = "no qrencode grid for " + s.what;
                return set;
            }
            s.grid = *grid;
            set.symbols.push_back(std::move(s));
        }
    // npm qrcode: every mask x level, versions 1 + 13i mod 40 (all different), modes cycling.
    std::vector<Symbol> npm;
    std::vector<std::string> jobs;
    for (int i = 0; i < 32; ++i) {
        Symbol s;
        s.mask = i / 4;
        s.level = kLevels[i % 4];
        s.version = 1 + (i * 13) % 40;
        s.mode = modes[static_cast<size_t>(i + i / 4) % 4];
        fill(s, rng, chars_for(s.mode, s.version, s.level, percent(rng)));
        s.what = "npm qrcode " + std::to_string(s.version) + s.level + " mask " + std::to_string(s.mask) + " " +
                 mode_name(s.mode);
        jobs.push_back(npm_job(s));
        npm.push_back(std::move(s));
    }
    const auto made = ts::node_grids(jobs);
    if (made.size() != npm.size()) {
        set.problem = "npm qrcode: " + std::to_string(made.size()) + " grids for 32 jobs";
        return set;
    }
    for (size_t i = 0; i < npm.size(); ++i) {
        if (!made[i].ok) {
            set.problem = npm[i].what + ": " + made[i].error;
            return set;
        }
        npm[i].grid = made[i].grid;
        set.symbols.push_back(std::move(npm[i]));
    }
    return set;
}

const SymbolSet& symbols() {
    static const SymbolSet set = make_symbols();
    return set;
}

struct Look {
    float moduleSize = 3;
    float angleDeg = 0;
    float noise = 0;
};

std::string describe(const Look& look) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "%.1f px/module, %.0f deg, noise %.0f", static_cast<double>(look.moduleSize),
                  static_cast<double>(look.angleDeg), static_cast<double>(look.noise));
    return buf;
}

// Draws the symbol with a 4-module quiet zone in a frame just large enough for any rotation, and
// decodes it. Returns an empty string when it read back exactly, else what went wrong.
std::string round_trip(const Symbol& s, const Look& look, uint32_t seed, cccd::qr::Decoder& decoder) {
    testsupport::RenderParams p;
    p.moduleSize = look.moduleSize;
    p.angleDeg = look.angleDeg;
    p.noise = look.noise;
    p.seed = seed;
    const float side = static_cast<float>(s.grid.size + 2 * p.quietZone) * look.moduleSize;
    const bool rightAngle = std::fmod(std::fabs(look.angleDeg), 90.0f) == 0;
    p.width = p.height = static_cast<int>(std::ceil(side * (rightAngle ? 1.0f : 1.4143f))) + 8;
    const auto img = testsupport::render(s.grid, p);
    const auto r = decoder.decode(img.view());
    const std::string where = s.what + " at " + describe(look);
    if (!r.found()) return where + ": " + r.message;
    const auto& d = r.symbols.front().data;
    if (d.bytes != s.bytes || d.text != s.text) return where + ": wrong data";
    if (d.version != s.version || d.ecLevel != s.level) return where + ": wrong version or level";
    if (s.mask >= 0 && d.mask != s.mask) return where + ": wrong mask";
    return {};
}

class ImageRoundTrip : public testing::Test {
protected:
    void SetUp() override {
        ASSERT_EQ(symbols().problem, "") << "image round trip not run";
    }

    // Every symbol in every look `looks(index)` gives it; all failures listed.
    template <typename Looks>
    void run(const char* name, Looks looks) {
        cccd::qr::Decoder decoder;
        int images = 0;
        std::vector<std::string> failures;
        const auto& all = symbols().symbols;
        for (size_t i = 0; i < all.size(); ++i)
            for (const Look& look : looks(i)) {
                const std::string problem = round_trip(all[i], look, static_cast<uint32_t>(i + 1), decoder);
                if (!problem.empty()) failures.push_back(problem);
                ++images;
            }
        for (const auto& f : failures) ADD_FAILURE() << f;
        std::cout << "[   INFO   ] " << name << ": " << images - static_cast<int>(failures.size()) << " of "
                  << images << " images decoded exactly\n";
    }
};

TEST_F(ImageRoundTrip, EveryVersionLevelMaskAndModeIsDrawn) {
    std::set<int> versions, masks;
    std::set<char> levels;
    std::set<int> modes;
    for (const Symbol& s : symbols().symbols) {
        versions.insert(s.version);
        levels.insert(s.level);
        modes.insert(static_cast<int>(s.mode));
        const auto r = cccd::qr::decode_grid(s.grid);  // the mask qrencode chose, too
        ASSERT_TRUE(r.ok()) << s.what << ": " << r.message;
        masks.insert(r.mask);
    }
    EXPECT_EQ(versions.size(), 40u);
    EXPECT_EQ(levels.size(), 4u);
    EXPECT_EQ(masks.size(), 8u);
    EXPECT_EQ(modes.size(), 4u);
}

TEST_F(ImageRoundTrip, CleanAtTwoAndThreePixelsPerModule) {
    run("clean", [](size_t) { return std::vector<Look>{{2, 0, 0}, {3, 0, 0}}; });
}

TEST_F(ImageRoundTrip, Rotated) {
    // Right angles at 2 px/module, other angles at 3 (45 degrees at 3.5, see the limits above), in turn.
    static constexpr Look kTurns[] = {{2, 90, 0},   {2, 180, 0}, {2, 270, 0}, {3, 30, 0},
                                      {3.5, 45, 0}, {3, -20, 0}, {3, 7, 0},   {3, 63, 0}};
    run("rotated", [](size_t i) { return std::vector<Look>{kTurns[i % 8]}; });
}

TEST_F(ImageRoundTrip, Noisy) {
    // Gaussian noise of sigma 25 grey levels on a 190-level contrast, upright and rotated.
    run("noisy", [](size_t i) { return std::vector<Look>{{3, i % 2 ? 0.0f : 15.0f, 25}}; });
}

}  // namespace
