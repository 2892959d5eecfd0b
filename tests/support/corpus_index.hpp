#pragma once
// The image corpus (../shared/corpus, or the sample corpus the build writes in its layout), listed with what
// each image must decode to. Shared by the corpus tests and the benchmarks.
#include <string>
#include <utility>
#include <vector>

namespace testsupport {

// The corpus to read: $CCCD_CORPUS_DIR, else the build's default (../shared/corpus where CMake found it,
// else the build's sample corpus, tests/sample_corpus).
std::string corpus_dir();

// A sample corpus has sample-corpus.json at its root (written last by cccd-sample-corpus).
bool is_sample_corpus(const std::string& dir);

// What each set of a corpus must give: read floors (a regression guard at what the reader reaches) and
// the card counts of the cccd-synth indexes. One row for the shared corpus, one for the sample corpus.
struct CorpusFloors {
    int zxingSamples = 0, synthNormal = 0, synthHard = 0, printFront = 0, printBack = 0;
    size_t normalCards = 0, hardCards = 0;
};
CorpusFloors corpus_floors(const std::string& dir);

struct CorpusImage {
    std::string set;       // "zxing-samples", "cccd-synth/normal", "cccd-print/front", …
    std::string path;      // absolute path of the image
    std::string name;      // file name relative to the set, e.g. "qrcode-2/33.png"
    std::string expected;  // exact expected text (UTF-8 bytes)
    int width = 0, height = 0;  // frame size when the index records it (cccd-synth), else 0
    double modulePx = 0;   // pixels per module when recorded
    int version = 0;       // QR version when recorded
    std::vector<std::pair<double, double>> corners;  // the symbol's corners in pixels when recorded
};

// All sets, in a stable order; empty when the corpus folder is absent.
std::vector<CorpusImage> zxing_samples(const std::string& corpusDir);
std::vector<CorpusImage> cccd_synth(const std::string& corpusDir, const std::string& subset);  // "normal"/"hard"
std::vector<CorpusImage> cccd_print(const std::string& corpusDir, const std::string& side);    // "front"/"back"
// A folder with an index.jsonl (file, payload, qr_corners, params.module_px, params.size), e.g. "cccd-print/front".
std::vector<CorpusImage> indexed_set(const std::string& corpusDir, const std::string& set);

}  // namespace testsupport
