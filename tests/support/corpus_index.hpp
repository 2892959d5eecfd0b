#pragma once
// The image corpora in ../shared/corpus (read-only), listed with what each image must decode to.
// Shared by the corpus tests and the benchmarks.
#include <string>
#include <utility>
#include <vector>

namespace testsupport {

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
