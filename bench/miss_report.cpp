// Why the decoder misses what it misses, on the sets whose index records each symbol's corners
// (cccd-print, cccd-synth, generated sets): for every frame the decoder does not read, the symbol is
// located again from its true finder centres (the index's corners, refined by the decoder's own template
// search, locate.hpp) and sampled as the decoder samples (plain, equalized, fitted equalizer). A frame
// that reads so was lost in finding the symbol; one that does not is beyond sampling and error
// correction at that geometry. Also counts every frame read at the index's corners unrefined (a
// perspective alone: bent cards read less). Usage: miss_report [--set NAME] (corpus: $CCCD_CORPUS_DIR).
#include <cstdio>
#include <string>
#include <vector>

#include "image/binarize_local.hpp"
#include "io/image_file.hpp"
#include "qr/decoder.hpp"
#include "qr/detect/locate.hpp"
#include "qr/grid/fitted_equalizer.hpp"
#include "qr/grid/grid_decoder.hpp"
#include "qr/grid/sample.hpp"
#include "qr/pipeline.hpp"
#include "qr/tables.hpp"
#include "support/corner_geometry.hpp"
#include "support/corpus_index.hpp"

namespace {

using namespace cccd;

// The grid at `g` decodes to `expected` by one of the decoder's three tries (read_grid in pipeline.cpp:
// plain, equalized, fitted equalizer), without its gates on module size and format information.
bool reads_at(const image::ImageView& gray, const image::ThresholdMap& levels, const qr::SymbolGeometry& g,
              const qr::PipelineConfig& config, const std::string& expected) {
    qr::SampleScratch scratch;
    qr::ModuleGrid grid, equalized;
    qr::sample_grid(gray, levels, g, config.sample, scratch, grid);
    const auto same = [&](const qr::GridDecodeResult& r) {
        return r.ok() && r.text == expected;
    };
    if (same(qr::decode_grid(grid))) return true;
    qr::equalized_grid(scratch.margins, g.dimension, qr::kEqualizerStrength, equalized);
    if (same(qr::decode_grid(equalized))) return true;
    qr::FittedEqualizerScratch fitted;
    return qr::fitted_equalized_grid(scratch.margins, g.dimension, fitted, equalized) && same(qr::decode_grid(equalized));
}

struct Tally {
    int frames = 0, read = 0, atCorners = 0, misses = 0, lostInLocating = 0;
    std::vector<std::string> located;  // misses that read from the true finders
};

void report(const std::string& set, const std::vector<testsupport::CorpusImage>& images) {
    const qr::PipelineConfig config = qr::default_pipeline_config();
    qr::Decoder decoder;
    Tally t;
    for (const auto& im : images) {
        if (im.corners.size() != 4 || im.version < 1) continue;
        const io::LoadedImage img = io::load_image(im.path);
        if (!img.ok()) continue;
        ++t.frames;
        const image::ImageView gray = img.view();
        const qr::DecodeResult r = decoder.decode(gray);
        const bool read = r.found() && r.symbols.front().data.text == im.expected;
        t.read += read ? 1 : 0;

        image::LocalBinarizeScratch scratch;
        image::ThresholdMap levels;
        image::BitMatrix binary;
        image::binarize_local(gray, config.steps[0].local, scratch, levels, binary);
        std::array<qr::Point, 4> corners{};
        for (size_t i = 0; i < 4; ++i) corners[i] = {static_cast<float>(im.corners[i].first), static_cast<float>(im.corners[i].second)};
        const qr::SymbolGeometry atIndex =
            testsupport::geometry_at_corners(im.version, corners, qr::distance(corners[0], corners[1]) / static_cast<float>(qr::symbol_size(im.version)));
        t.atCorners += reads_at(gray, levels, atIndex, config, im.expected) ? 1 : 0;
        if (read) continue;
        ++t.misses;
        // The finders' centres (module 3.5 from the corners, ISO/IEC 18004 6.3.3) refined as locate does.
        const qr::Perspective& toImage = atIndex.moduleToImage;
        const float d = static_cast<float>(atIndex.dimension);
        qr::SymbolGeometry refined;
        if (qr::geometry_for_dimension(gray, toImage.map({3.5f, 3.5f}), toImage.map({d - 3.5f, 3.5f}),
                                       toImage.map({3.5f, d - 3.5f}), atIndex.dimension, false, refined) &&
            reads_at(gray, levels, refined, config, im.expected)) {
            ++t.lostInLocating;
            t.located.push_back(im.name);
        }
    }
    std::printf("%-20s frames %3d  read %3d  read-at-index-corners %3d  misses %3d  of-which-read-from-true-finders %3d",
                set.c_str(), t.frames, t.read, t.atCorners, t.misses, t.lostInLocating);
    for (const auto& n : t.located) std::printf(" %s", n.c_str());
    std::printf("\n");
}

}  // namespace

int main(int argc, char** argv) {
    std::string only;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--set" && i + 1 < argc) only = argv[++i];
        else {
            std::fprintf(stderr, "usage: miss_report [--set NAME]   (corpus: $CCCD_CORPUS_DIR)\n");
            return 2;
        }
    }
    const std::string dir = testsupport::corpus_dir();
    for (const std::string set : {"cccd-synth/normal", "cccd-synth/hard", "cccd-print/front", "cccd-print/back"}) {
        if (!only.empty() && set.find(only) == std::string::npos) continue;
        const auto images = testsupport::indexed_set(dir, set);
        if (!images.empty()) report(set, images);
    }
    return 0;
}
