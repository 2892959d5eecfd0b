#include "support/corpus_index.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/mini_json.hpp"
#include "support/read_file.hpp"

namespace testsupport {
namespace fs = std::filesystem;

std::string corpus_dir() {
    const char* env = std::getenv("CCCD_CORPUS_DIR");
    return env && *env ? env : CCCD_DEFAULT_CORPUS_DIR;
}

bool is_sample_corpus(const std::string& dir) { return fs::exists(fs::path(dir) / "sample-corpus.json"); }

CorpusFloors corpus_floors(const std::string& dir) {
    // Shared: ../shared/corpus (never below ZXing-C++ 3.x: 93 / 121 / 50). Sample: measured on the sample
    // corpus with `CCCD_CORPUS_DIR=build/native/sample-corpus build/native/corpus_tests --gtest_filter=QrCorpus.*`.
    if (is_sample_corpus(dir)) return {.zxingSamples = 39, .synthNormal = 28, .synthHard = 16, .printFront = 28,
                                       .printBack = 28, .normalCards = 30, .hardCards = 60};
    // zxing-samples 94: qrcode-2/16.png holds a symbol inside another; since the triples' evidence ranking
    // (qr/detect/triples.cpp) the outer one is read, and the index expects the inner.
    return {.zxingSamples = 94, .synthNormal = 144, .synthHard = 73, .printFront = 92, .printBack = 91,
            .normalCards = 150, .hardCards = 100};
}

std::vector<CorpusImage> zxing_samples(const std::string& corpusDir) {
    std::vector<CorpusImage> out;
    const fs::path root = fs::path(corpusDir) / "zxing-samples";
    if (!fs::is_directory(root)) return out;
    for (const auto& dir : fs::directory_iterator(root)) {
        if (!dir.is_directory()) continue;
        for (const auto& f : fs::directory_iterator(dir.path())) {
            if (f.path().extension() != ".png") continue;
            fs::path txt = f.path();
            txt.replace_extension(".txt");
            if (!fs::exists(txt)) continue;
            out.push_back({"zxing-samples", f.path().string(),
                           dir.path().filename().string() + "/" + f.path().filename().string(), read_file(txt)});
        }
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return out;
}

std::vector<CorpusImage> cccd_synth(const std::string& corpusDir, const std::string& subset) {
    return indexed_set(corpusDir, "cccd-synth/" + subset);
}

std::vector<CorpusImage> cccd_print(const std::string& corpusDir, const std::string& side) {
    return indexed_set(corpusDir, "cccd-print/" + side);
}

std::vector<CorpusImage> indexed_set(const std::string& corpusDir, const std::string& set) {
    std::vector<CorpusImage> out;
    const fs::path dir = fs::path(corpusDir) / set;
    std::ifstream in(dir / "index.jsonl", std::ios::binary);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        const Json j = parse_json(line);
        CorpusImage img{set, (dir / j["file"].text).string(), j["file"].text, j["payload"].text};
        const Json& params = j["params"];
        img.modulePx = std::stod(params["module_px"].text);
        if (!params["qr_version"].text.empty()) img.version = std::stoi(params["qr_version"].text);
        img.width = std::stoi(params["size"].items.at(0).text);
        img.height = std::stoi(params["size"].items.at(1).text);
        for (const Json& p : j["qr_corners"].items)
            img.corners.emplace_back(std::stod(p.items.at(0).text), std::stod(p.items.at(1).text));
        out.push_back(std::move(img));
    }
    return out;
}

}  // namespace testsupport
