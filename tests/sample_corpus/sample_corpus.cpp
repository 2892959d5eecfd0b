// cccd-sample-corpus OUT: a small corpus in ../shared/corpus's layout, made here from fixed seeds, so a
// fresh clone runs the corpus tests (C++, Node, CLI, Chromium) and the benchmarks' smoke passes without
// ../shared. The build writes it to build/<preset>/sample-corpus; the tests read it when ../shared/corpus
// is absent (tests/support/corpus_dir). Its read floors are in tests/support/corpus_dir.cpp.
//
// What stands in for what (the shared sets are larger and, for cccd-synth and zxing-samples, different):
//   cccd-synth/{normal,hard}  printed fronts (cardgen) at 1280x720, 640x480 and 1920x1080; the shared
//                             cccd-synth cards have a white quiet zone, these do not
//   cccd-print/{front,back}   printed fronts and 2024 backs (cardgen, normal difficulty)
//   cccd-video/card-approach  a card brought closer at 1280x720, 60 frames (cardgen clip)
//   cccd-handheld/*           the four shared clips' presets (cardgen clip_preset), 90 frames each
//   zxing-samples/rendered    QR symbols of versions 1 to 20, all four levels, drawn through a perspective with
//                             blur, noise, uneven light, inversion and mirroring (tests/support/render);
//                             the real photos of the shared set (and their named cases) have no stand-in
// The same binary writes the same bytes. sample-corpus.json, written last, lists the sets.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

#include "cardgen/cardgen.hpp"
#include "cardgen/rng.hpp"
#include "support/render.hpp"

namespace {

namespace cg = cccd::cardgen;
namespace fs = std::filesystem;

constexpr int kVersion = 1;  // of the layout below; in sample-corpus.json

const std::vector<std::pair<int, int>> kSynthSizes = {{1280, 720}, {640, 480}, {1920, 1080}};

struct Written {
    std::string set;
    int items = 0;
};

[[noreturn]] void fail(const std::string& message) {
    std::fprintf(stderr, "cccd-sample-corpus: %s\n", message.c_str());
    std::exit(1);
}

Written photos(const fs::path& root, const std::string& set, cg::Side side, cg::Difficulty level, uint32_t seed, int count,
               const std::vector<std::pair<int, int>>& sizes) {
    const cg::PhotoSet spec{(root / set).string(), side, level, seed, count, 0, sizes};
    if (const std::string err = cg::write_photo_set(spec); !err.empty()) fail(set + ": " + err);
    return {set, count};
}

Written clip(const fs::path& root, const std::string& set, const std::string& name, cg::ClipSpec spec,
             const std::string& jsonName = "") {
    std::error_code ec;
    fs::create_directories(root / set, ec);
    if (ec) fail("cannot create " + (root / set).string() + ": " + ec.message());
    const fs::path path = root / set / (name + ".mjpeg");
    if (const std::string err = cg::write_clip(spec, path.string()); !err.empty()) fail(set + "/" + name + ": " + err);
    // The shared card-approach clip keeps its JSON beside the clip as card-approach.json.
    if (!jsonName.empty()) fs::rename(path.string() + ".json", root / set / jsonName, ec);
    if (ec) fail("cannot rename " + path.string() + ".json: " + ec.message());
    return {set + "/" + name, spec.frames};
}

// Texts of several kinds and lengths (byte mode: libqrencode via cardgen).
std::string symbol_text(int i, cg::Rng& rng) {
    switch (i % 5) {
        case 0: return "https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?ma=" + std::to_string(rng.next() % 1000000000);
        case 1: return cg::payload_of(cg::random_person(cg::Side::front, 40000u + static_cast<uint32_t>(i)), cg::Side::front);
        case 2: return "Hello " + std::to_string(i);
        case 3: return "Cộng hòa xã hội chủ nghĩa Việt Nam — Độc lập, Tự do, Hạnh phúc. Mã hồ sơ " + std::to_string(rng.next() % 100000);
        default: {
            std::string s;
            for (int k = 0, n = rng.between(150, 400); k < n; ++k) s += static_cast<char>('A' + rng.below(26));
            return s;
        }
    }
}

Written symbols(const fs::path& root, int count) {
    const std::string set = "zxing-samples/rendered";
    std::error_code ec;
    fs::create_directories(root / set, ec);
    if (ec) fail("cannot create " + (root / set).string() + ": " + ec.message());
    static const char kLevels[] = {'L', 'M', 'Q', 'H'};
    for (int i = 0; i < count; ++i) {
        cg::Rng rng(50000u + static_cast<uint32_t>(i), cg::Stream::spec);
        const std::string text = symbol_text(i, rng);
        // The short texts at versions 1 and 2, the others at 1-20 or the smallest larger one they fit.
        const cg::QrGrid qr = cg::encode_qr(text, i % 5 == 2 ? 1 + i / 5 % 2 : 1 + i % 20, kLevels[i % 4]);
        if (!qr.error.empty()) fail(set + ": " + qr.error);
        cccd::qr::ModuleGrid grid = cccd::qr::ModuleGrid::blank(qr.size);
        grid.modules = qr.modules;

        testsupport::RenderParams p;
        p.moduleSize = static_cast<float>(rng.range(2.5, 7.0));
        const float side = p.moduleSize * static_cast<float>(qr.size + 8);
        p.width = static_cast<int>(side * rng.range(1.3, 1.9));
        p.height = static_cast<int>(side * rng.range(1.3, 1.9));
        p.angleDeg = static_cast<float>(rng.range(0, 360));
        p.tilt = static_cast<float>(rng.range(0, 0.25));
        p.blurSigma = static_cast<float>(rng.range(0, 1.1));
        p.noise = static_cast<float>(rng.range(0, 7));
        p.illumination = static_cast<float>(rng.range(0, 0.5));
        p.invert = rng.chance(0.1);
        p.mirror = rng.chance(0.05);
        p.dark = static_cast<uint8_t>(rng.between(15, 80));
        p.light = static_cast<uint8_t>(rng.between(170, 245));
        p.background = static_cast<uint8_t>(rng.between(40, 230));
        p.quietZone = rng.between(1, 4);
        p.seed = 60000u + static_cast<uint32_t>(i);
        const testsupport::Rendered img = testsupport::render(grid, p);

        char stem[32];
        std::snprintf(stem, sizeof stem, "%03d", i);
        const fs::path png = root / set / (std::string(stem) + ".png");
        if (!stbi_write_png(png.string().c_str(), img.width, img.height, 1, img.pixels.data(), img.width))
            fail("cannot write " + png.string());
        std::ofstream txt(root / set / (std::string(stem) + ".txt"), std::ios::binary | std::ios::trunc);
        txt << text;
        if (!txt) fail("cannot write " + set + "/" + stem + ".txt");
    }
    return {set, count};
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fputs("usage: cccd-sample-corpus OUT_DIR\n", stderr);
        return 2;
    }
    const fs::path root = argv[1];
    std::error_code ec;
    fs::remove(root / "sample-corpus.json", ec);  // the stamp: absent until every set is written
    fs::create_directories(root, ec);
    if (ec) fail("cannot create " + root.string() + ": " + ec.message());

    std::vector<Written> sets;
    sets.push_back(photos(root, "cccd-synth/normal", cg::Side::front, cg::Difficulty::normal(), 20000, 30, kSynthSizes));
    sets.push_back(photos(root, "cccd-synth/hard", cg::Side::front, cg::Difficulty::hard(), 21000, 60, kSynthSizes));
    sets.push_back(photos(root, "cccd-print/front", cg::Side::front, cg::Difficulty::normal(), 22000, 30, {}));
    sets.push_back(photos(root, "cccd-print/back", cg::Side::back, cg::Difficulty::normal(), 23000, 30, {}));
    sets.push_back(symbols(root, 40));

    cg::ClipSpec approach = cg::clip_preset(cg::Side::front, 24000, cg::ClipDifficulty::mild);
    approach.frames = 60;
    approach.moduleStartPx = 1.8, approach.moduleEndPx = 3.6;  // ends close enough to read in every engine
    sets.push_back(clip(root, "cccd-video", "card-approach", approach, "card-approach.json"));
    sets.push_back(clip(root, "cccd-handheld", "front-mild-720", cg::clip_preset(cg::Side::front, 25000, cg::ClipDifficulty::mild)));
    sets.push_back(clip(root, "cccd-handheld", "front-mild-1080",
                        cg::clip_preset(cg::Side::front, 25001, cg::ClipDifficulty::mild, 1920, 1080)));
    sets.push_back(clip(root, "cccd-handheld", "back-mild-720", cg::clip_preset(cg::Side::back, 25002, cg::ClipDifficulty::mild)));
    sets.push_back(clip(root, "cccd-handheld", "front-hard-720", cg::clip_preset(cg::Side::front, 25003, cg::ClipDifficulty::hard)));

    std::ofstream manifest(root / "sample-corpus.json", std::ios::binary | std::ios::trunc);
    manifest << "{\"generator\": \"cccd-sample-corpus\", \"version\": " << kVersion << ", \"sets\": {";
    for (size_t i = 0; i < sets.size(); ++i) manifest << (i ? ", " : "") << '"' << sets[i].set << "\": " << sets[i].items;
    manifest << "}}\n";
    if (!manifest) fail("cannot write " + (root / "sample-corpus.json").string());
    std::fprintf(stderr, "cccd-sample-corpus: %zu sets in %s\n", sets.size(), root.string().c_str());
    return 0;
}
