// The first look (pipeline.hpp firstLookFactor): HD frames try the fast path on the frame halved before
// anything at full size; what it reads is reported in camera-frame coordinates, and what it cannot read
// falls through to the full-size pipeline.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "image/downscale.hpp"
#include "qr/decoder.hpp"
#include "qr/grid/grid_decoder.hpp"
#include "qr/pipeline.hpp"
#include "support/reference_encoders.hpp"
#include "support/render.hpp"
#include "wasm/reduced_decoder.hpp"

namespace {

using namespace cccd;

testsupport::Rendered hd_frame(const qr::ModuleGrid& g, float moduleSize, int width = 1280, int height = 720) {
    testsupport::RenderParams p;
    p.width = width;
    p.height = height;
    p.moduleSize = moduleSize;
    p.angleDeg = 12;
    p.centerX = 700;
    p.centerY = 330;
    p.blurSigma = 0.7f;
    p.noise = 3;
    return testsupport::render(g, p);
}

qr::DecodeResult decode_with(const image::ImageView& frame, int firstLookFactor, bool tryHarder) {
    qr::PipelineConfig c = qr::default_pipeline_config();
    c.firstLookFactor = firstLookFactor;
    qr::DecoderScratch s;
    qr::DecodeOptions o;
    o.tryHarder = tryHarder;
    return qr::run_pipeline(frame, o, c, s, &qr::decode_grid);
}

TEST(FirstLook, ReportsCornersAndModuleSizeOfTheCameraFrame) {
    const qr::ModuleGrid g = testsupport::qrencode_fixture("first look 079012345678|123456789|Nguyen Van A", 'M', 5);
    ASSERT_FALSE(g.modules.empty()) << "reference grid fixture missing?";
    const auto frame = hd_frame(g, 5);
    const qr::DecodeResult on = decode_with(frame.view(), 2, true), off = decode_with(frame.view(), 0, true);
    ASSERT_TRUE(on.found());
    ASSERT_TRUE(off.found());
    EXPECT_EQ(on.symbols[0].data.text, off.symbols[0].data.text);
    EXPECT_NEAR(on.symbols[0].moduleSize, 5.0f, 0.4f);
    for (int i = 0; i < 4; ++i) {
        EXPECT_NEAR(on.symbols[0].corners[i].x, frame.corners[i].x, 2.0f) << "corner " << i;
        EXPECT_NEAR(on.symbols[0].corners[i].y, frame.corners[i].y, 2.0f) << "corner " << i;
    }
}

// Dark modules dithered at one pixel (a halftone print): at full size their runs break up and step 0 finds
// no finder; halved, each 2x2 block is a solid mid-grey.
testsupport::Rendered halftone_frame(int width, int height) {
    const qr::ModuleGrid g = testsupport::qrencode_fixture("halftone", 'M', 3);
    testsupport::Rendered frame = hd_frame(g, 6, width, height);
    for (int y = 0; y < frame.height; ++y)
        for (int x = 0; x < frame.width; ++x) {
            uint8_t& p = frame.pixels[static_cast<size_t>(y * frame.width + x)];
            if (p < 100 && (x + y) % 2 == 1) p = 230;
        }
    return frame;
}

TEST(FirstLook, ReadsWhatOnlyTheHalvedFrameShows) {
    // Without tryHarder nothing else reduces the frame, so only the first look can read it.
    const testsupport::Rendered frame = halftone_frame(1280, 720);
    ASSERT_FALSE(frame.pixels.empty()) << "reference grid fixture missing?";
    EXPECT_FALSE(decode_with(frame.view(), 0, false).found());
    const qr::DecodeResult r = decode_with(frame.view(), 2, false);
    ASSERT_TRUE(r.found());
    EXPECT_EQ(r.symbols[0].data.text, "halftone");
}

TEST(FirstLook, OnlyForFramesWithAShorterSideOf720OrMore) {
    // The Decoder's own configuration: the same halftone reads in an HD frame, not in a 1280x719 one.
    qr::Decoder d;
    qr::DecodeOptions o;
    o.tryHarder = false;
    const testsupport::Rendered hd = halftone_frame(1280, 720), below = halftone_frame(1280, 719);
    ASSERT_FALSE(hd.pixels.empty()) << "reference grid fixture missing?";
    EXPECT_TRUE(d.decode(hd.view(), o).found());
    EXPECT_FALSE(d.decode(below.view(), o).found());
}

TEST(FirstLook, SmallModulesFallThroughToTheFullFrame) {
    // 1.7 px per module is 0.85 once halved: the first look cannot read it, the full-size pass does.
    const qr::ModuleGrid g = testsupport::qrencode_fixture("small modules 0123456789", 'M', 4);
    ASSERT_FALSE(g.modules.empty()) << "reference grid fixture missing?";
    const auto frame = hd_frame(g, 1.7f);
    qr::Decoder d;
    const qr::DecodeResult r = d.decode(frame.view());
    ASSERT_TRUE(r.found());
    EXPECT_EQ(r.symbols[0].data.text, "small modules 0123456789");
    EXPECT_NEAR(r.symbols[0].moduleSize, 1.7f, 0.2f);
}

TEST(FirstLook, DecodeReducedGivesDecodesResultAndMakesOnlyThePixelsItReads) {
    wasm::ReducedFrameDecoder d;
    ASSERT_EQ(d.firstLookFactor(1280, 720), 2);
    EXPECT_EQ(d.firstLookFactor(1280, 719), 0);
    qr::DecodeOptions several;
    several.maxSymbols = 2;
    EXPECT_EQ(d.firstLookFactor(1280, 720, several), 0);  // decodeAll has no fast path, so no first look
    const qr::ModuleGrid g = testsupport::qrencode_fixture("decode reduced 0123456789", 'M', 5);
    ASSERT_FALSE(g.modules.empty()) << "reference grid fixture missing?";
    // 5 px per module reads in the halved frame without the full one; 3.6 px (1.8 halved) samples a box
    // of full-size pixels; 1.7 px only reads in the full frame. The full frame handed out holds only the
    // pixels asked for (zeros elsewhere), so reading any other pixel would change the result.
    for (const float moduleSize : {5.0f, 3.6f, 1.7f}) {
        const auto frame = hd_frame(g, moduleSize);
        std::vector<uint8_t> pixels, made(frame.pixels.size(), 0);
        const image::ImageView reduced = image::downscale(frame.view(), 2, pixels);
        std::vector<image::FrameRegion> asked;
        const qr::DecodeResult r = d.decodeReduced(reduced, 1280, 720, [&](const image::FrameRegion& box) {
            asked.push_back(box);
            for (int y = box.firstRow; y < box.endRow; ++y)
                std::copy(frame.pixels.begin() + y * 1280 + box.firstCol, frame.pixels.begin() + y * 1280 + box.endCol,
                          made.begin() + y * 1280 + box.firstCol);
            return image::ImageView{made.data(), 1280, 720, 1280};
        });
        const qr::DecodeResult expected = d.decode(frame.view());
        ASSERT_TRUE(r.found()) << moduleSize;
        ASSERT_TRUE(expected.found());
        EXPECT_EQ(r.symbols[0].data.text, expected.symbols[0].data.text);
        for (int i = 0; i < 4; ++i) EXPECT_EQ(r.symbols[0].corners[i].x, expected.symbols[0].corners[i].x);
        if (moduleSize == 5.0f) EXPECT_TRUE(asked.empty());
        if (moduleSize == 3.6f) {
            ASSERT_FALSE(asked.empty());
            // a box around the symbol (about 37 modules of 3.6 px), not the frame nor its rows
            EXPECT_GT(asked[0].firstRow, 0);
            EXPECT_LT(asked[0].endRow, 720);
            EXPECT_GT(asked[0].firstCol, 0);
            EXPECT_LT(asked[0].endCol, 1280);
            EXPECT_LT(asked[0].endCol - asked[0].firstCol, 200);
        }
        if (moduleSize == 1.7f) {  // fell through to full size
            const image::FrameRegion all = asked.back();
            EXPECT_EQ(std::vector<int>({all.firstRow, all.endRow, all.firstCol, all.endCol}), std::vector<int>({0, 720, 0, 1280}));
        }
    }
}

TEST(FirstLook, DecodeReducedRefusesMismatchedSizes) {
    wasm::ReducedFrameDecoder d;
    std::vector<uint8_t> px(640 * 360, 200), full(1280 * 720, 200);
    const qr::FullFrameFn make = [&](const image::FrameRegion&) { return image::ImageView{full.data(), 1280, 720, 1280}; };
    EXPECT_EQ(d.decodeReduced({px.data(), 640, 360, 640}, 1280, 719, make).status, qr::DecodeStatus::invalid_input);
    EXPECT_EQ(d.decodeReduced({px.data(), 639, 360, 640}, 1280, 720, make).status, qr::DecodeStatus::invalid_input);
    EXPECT_EQ(d.decodeReduced({nullptr, 640, 360, 640}, 1280, 720, make).status, qr::DecodeStatus::invalid_input);
    const qr::FullFrameFn wrong = [&](const image::FrameRegion&) { return image::ImageView{full.data(), 1200, 720, 1280}; };
    const qr::DecodeResult r = d.decodeReduced({px.data(), 640, 360, 640}, 1280, 720, wrong);
    EXPECT_EQ(r.status, qr::DecodeStatus::invalid_input);
    EXPECT_FALSE(r.message.empty());
    EXPECT_EQ(d.decodeReduced({px.data(), 640, 360, 640}, 1280, 720, make).status, qr::DecodeStatus::not_found);
}

}  // namespace
