// Regression cases on named photos of ../shared/corpus/zxing-samples (third-party images with no stand-in in
// the sample corpus; CMake builds this only where ../shared/corpus is).
//   build/native/shared_corpus_tests --gtest_filter='SharedPhotos.*'
#include <gtest/gtest.h>

#include <algorithm>

#include "io/image_file.hpp"
#include "qr/decoder.hpp"
#include "qr/pipeline.hpp"
#include "support/corpus_index.hpp"
#include "support/grid_standin.hpp"
#include "support/rotate.hpp"
#include "support/unavailable.hpp"

namespace {

// One image per locating problem, each read only since the change named (all at every rotation): strong
// perspective (fourth corner from the finders' sizes, wider triples, both corners of an ambiguous
// triangle), an alignment pattern under glare, finder-size noise on a square view, halftoned art codes and
// dotted finders (the reduced frame).
TEST(SharedPhotos, LocatingProblems) {
    const char* names[] = {"qrcode-2/estimate-tilt.png",  "qrcode-2/low-res-v1-a.png", "qrcode-2/30a.png",
                           "qrcode-2/fix-traceline.png",   "qrcode-2/fix-finderpattern-order.png",
                           "qrcode-2/#1314.png",           "qrcode-2/#1086.png",        "qrcode-2/12.png",
                           "qrcode-2/13.png",              "qrcode-2/#258.png"};
    const auto all = testsupport::zxing_samples(CCCD_SHARED_CORPUS_DIR);
    if (all.empty()) CCCD_UNAVAILABLE() << "corpus absent: " << CCCD_SHARED_CORPUS_DIR;
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


// The halftoned art code qrcode-2/12.png reads only through the reduced frame, which a frame above the
// pixel budget does not get.
TEST(SharedPhotos, ReducedFrameWithinItsPixelBudget) {
    const auto all = testsupport::zxing_samples(CCCD_SHARED_CORPUS_DIR);
    const auto it = std::find_if(all.begin(), all.end(), [](const auto& c) { return c.name == "qrcode-2/12.png"; });
    if (it == all.end()) CCCD_UNAVAILABLE() << "corpus absent: " << CCCD_SHARED_CORPUS_DIR;
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
