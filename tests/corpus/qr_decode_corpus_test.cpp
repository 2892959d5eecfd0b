// Corpus measurement for the QR reader: how many images of each set decode to exactly the expected text.
// Prints per-set counts and per-frame times; fails only below the floors (regression guard). The floors
// are what the reader reaches (never below ZXing-C++ 3.x: 93 / 121 / 50); zxing-samples also turned by
// 90, 180 and 270 degrees.
//   build/native/corpus_tests --gtest_filter='QrCorpus.*'            (CCCD_QR_VERBOSE=1 lists failures)
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "support/unavailable.hpp"
#include "qr/decoder.hpp"
#include "qr/pipeline.hpp"
#include "support/corpus_index.hpp"
#include "support/rotate.hpp"
#include "support/grid_standin.hpp"
#include "io/image_file.hpp"

#ifndef CCCD_CORPUS_DIR
#error "CCCD_CORPUS_DIR must be defined by the build"
#endif

namespace {

struct Tally {
    int total = 0, ok = 0;
    int wrong = 0;  // a text other than the expected one: worse than no read
    double ms = 0;
};


Tally run_set(const std::vector<testsupport::CorpusImage>& images, int turns = 0) {
    Tally t;
    const bool verbose = std::getenv("CCCD_QR_VERBOSE") != nullptr;
    // The decoder users get; CCCD_QR_STANDIN set swaps in the diagnostic grid decoder
    // (support/grid_standin.hpp), which only the pipeline itself can take.
    const bool standin = std::getenv("CCCD_QR_STANDIN") != nullptr;
    cccd::qr::Decoder decoder;
    cccd::qr::DecoderScratch scratch;
    const cccd::qr::PipelineConfig config = cccd::qr::default_pipeline_config();
    for (const auto& img : images) {
        const auto original = cccd::io::load_image(img.path);
        if (!original.ok()) continue;
        const auto loaded = testsupport::rotated(original, turns);
        ++t.total;
        const auto t0 = std::chrono::steady_clock::now();
        const auto r = standin ? cccd::qr::run_pipeline(loaded.view(), {}, config, scratch, testsupport::grid_decode_for_tests())
                               : decoder.decode(loaded.view());
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        t.ms += ms;
        const bool ok = r.found() && r.symbols[0].data.text == img.expected;
        t.ok += ok ? 1 : 0;
        t.wrong += r.found() && !ok ? 1 : 0;
        if (verbose && !ok)
            std::printf("FAIL %s/%s status=%d %s (%.1f ms)\n", img.set.c_str(), img.name.c_str(), static_cast<int>(r.status),
                        r.message.c_str(), ms);
    }
    return t;
}

void report(const char* name, const Tally& t, int floor) {
    std::printf("[qr-corpus] %-20s %3d / %3d   %.1f ms/image\n", name, t.ok, t.total, t.total ? t.ms / t.total : 0.0);
    if (t.total == 0) CCCD_UNAVAILABLE() << "corpus absent: " << CCCD_CORPUS_DIR;
    EXPECT_GE(t.ok, floor);
    EXPECT_EQ(t.wrong, 0) << name;
}

TEST(QrCorpus, ZxingSamples) { report("zxing-samples", run_set(testsupport::zxing_samples(CCCD_CORPUS_DIR)), 95); }
TEST(QrCorpus, ZxingSamplesRotated90) {
    report("zxing-samples 90", run_set(testsupport::zxing_samples(CCCD_CORPUS_DIR), 1), 95);
}
TEST(QrCorpus, ZxingSamplesRotated180) {
    report("zxing-samples 180", run_set(testsupport::zxing_samples(CCCD_CORPUS_DIR), 2), 95);
}
TEST(QrCorpus, ZxingSamplesRotated270) {
    report("zxing-samples 270", run_set(testsupport::zxing_samples(CCCD_CORPUS_DIR), 3), 95);
}
TEST(QrCorpus, CccdNormal) { report("cccd-synth/normal", run_set(testsupport::cccd_synth(CCCD_CORPUS_DIR, "normal")), 144); }
TEST(QrCorpus, CccdHard) { report("cccd-synth/hard", run_set(testsupport::cccd_synth(CCCD_CORPUS_DIR, "hard")), 73); }
// Closer to real cards: the QR printed on the card's pattern with no quiet zone, text touching it.
TEST(QrCorpus, CccdPrintFront) { report("cccd-print/front", run_set(testsupport::cccd_print(CCCD_CORPUS_DIR, "front")), 87); }
TEST(QrCorpus, CccdPrintBack) { report("cccd-print/back", run_set(testsupport::cccd_print(CCCD_CORPUS_DIR, "back")), 91); }

// One image per locating problem, each read only since the change named (all at every rotation): strong
// perspective (fourth corner from the finders' sizes, wider triples, both corners of an ambiguous
// triangle), an alignment pattern under glare, finder-size noise on a square view, halftoned art codes and
// dotted finders (the reduced frame).
TEST(QrCorpus, LocatingProblems) {
    const char* names[] = {"qrcode-2/estimate-tilt.png",  "qrcode-2/low-res-v1-a.png", "qrcode-2/30a.png",
                           "qrcode-2/fix-traceline.png",   "qrcode-2/fix-finderpattern-order.png",
                           "qrcode-2/#1314.png",           "qrcode-2/#1086.png",        "qrcode-2/12.png",
                           "qrcode-2/13.png",              "qrcode-2/#258.png"};
    const auto all = testsupport::zxing_samples(CCCD_CORPUS_DIR);
    if (all.empty()) CCCD_UNAVAILABLE() << "corpus absent: " << CCCD_CORPUS_DIR;
    cccd::qr::Decoder decoder;
    for (const char* name : names) {
        const auto it = std::find_if(all.begin(), all.end(), [&](const auto& c) { return c.name == name; });
        ASSERT_NE(it, all.end()) << name;
        const auto original = cccd::io::load_image(it->path);
        ASSERT_TRUE(original.ok()) << name;
        for (int turns = 0; turns < 4; ++turns) {
            const auto img = testsupport::rotated(original, turns);
            const auto r = decoder.decode(img.view());
            EXPECT_TRUE(r.found() && r.symbols[0].data.text == it->expected) << name << " at " << 90 * turns << ": " << r.message;
        }
    }
}

}  // namespace

namespace {

// The halftoned art code qrcode-2/12.png reads only through the reduced frame, which a frame above the
// pixel budget does not get.
TEST(QrCorpus, ReducedFrameWithinItsPixelBudget) {
    const auto all = testsupport::zxing_samples(CCCD_CORPUS_DIR);
    const auto it = std::find_if(all.begin(), all.end(), [](const auto& c) { return c.name == "qrcode-2/12.png"; });
    if (it == all.end()) CCCD_UNAVAILABLE() << "corpus absent: " << CCCD_CORPUS_DIR;
    const auto img = cccd::io::load_image(it->path);
    ASSERT_TRUE(img.ok());
    cccd::qr::DecoderScratch scratch;
    cccd::qr::PipelineConfig config = cccd::qr::default_pipeline_config();
    config.missingFinders = false;  // which also reads it at full size, from two of its finders
    const auto decode = [&] { return cccd::qr::run_pipeline(img.view(), {}, config, scratch, testsupport::grid_decode_for_tests()); };
    const auto r = decode();
    ASSERT_TRUE(r.found()) << r.message;
    EXPECT_EQ(r.symbols[0].data.text, it->expected);
    EXPECT_GT(r.symbols[0].moduleSize, 5.0f);  // reported in the camera frame's pixels, not the reduced one's
    config.downscaleMaxPixels = img.width * img.height - 1;
    EXPECT_FALSE(decode().found());
    config = cccd::qr::default_pipeline_config();
    config.missingFinders = false;
    config.downscaleCount = 0;
    EXPECT_FALSE(decode().found());
}

}  // namespace
