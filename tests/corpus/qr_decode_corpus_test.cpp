// Corpus measurement for the QR reader: how many images of each set decode to exactly the expected text.
// Prints per-set counts and per-frame times; fails only below the floors (regression guard).
//   build/native/corpus_tests --gtest_filter='QrCorpus.*'            (CCCD_QR_VERBOSE=1 lists failures)
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "qr/pipeline.hpp"
#include "support/corpus_index.hpp"
#include "support/grid_standin.hpp"
#include "io/image_file.hpp"

#ifndef CCCD_CORPUS_DIR
#error "CCCD_CORPUS_DIR must be defined by the build"
#endif

namespace {

struct Tally {
    int total = 0, ok = 0;
    double ms = 0;
};

Tally run_set(const std::vector<testsupport::CorpusImage>& images) {
    Tally t;
    const bool verbose = std::getenv("CCCD_QR_VERBOSE") != nullptr;
    cccd::qr::DecoderScratch scratch;
    const cccd::qr::PipelineConfig config = cccd::qr::default_pipeline_config();
    for (const auto& img : images) {
        const auto loaded = cccd::io::load_image(img.path);
        if (!loaded.ok()) continue;
        ++t.total;
        const auto t0 = std::chrono::steady_clock::now();
        const auto r = cccd::qr::run_pipeline(loaded.view(), {}, config, scratch, testsupport::grid_decode_for_tests());
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        t.ms += ms;
        const bool ok = r.found() && r.symbols[0].data.text == img.expected;
        t.ok += ok ? 1 : 0;
        if (verbose && !ok)
            std::printf("FAIL %s/%s status=%d %s (%.1f ms)\n", img.set.c_str(), img.name.c_str(), static_cast<int>(r.status),
                        r.message.c_str(), ms);
    }
    return t;
}

void report(const char* name, const Tally& t, int floor) {
    std::printf("[qr-corpus] %-20s %3d / %3d   %.1f ms/image\n", name, t.ok, t.total, t.total ? t.ms / t.total : 0.0);
    if (t.total == 0) GTEST_SKIP() << "corpus absent: " << CCCD_CORPUS_DIR;
    EXPECT_GE(t.ok, floor);
}

TEST(QrCorpus, ZxingSamples) { report("zxing-samples", run_set(testsupport::zxing_samples(CCCD_CORPUS_DIR)), 70); }
TEST(QrCorpus, CccdNormal) { report("cccd-synth/normal", run_set(testsupport::cccd_synth(CCCD_CORPUS_DIR, "normal")), 130); }
TEST(QrCorpus, CccdHard) { report("cccd-synth/hard", run_set(testsupport::cccd_synth(CCCD_CORPUS_DIR, "hard")), 60); }

}  // namespace
