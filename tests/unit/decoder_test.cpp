// Tests for src/qr/decoder.cpp (with the pipeline behind it): input validation, and synthetic camera
// images decoded to their exact text at many rotations, tilts, sizes, mirrored, inverted, blurred.
#include "qr/decoder.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "support/reference_encoders.hpp"
#include "support/render.hpp"

namespace {

using namespace cccd;

TEST(Decoder, RejectsInvalidInput) {
    qr::Decoder d;
    const uint8_t px[16] = {};
    const struct {
        image::ImageView view;
        const char* why;
    } bad[] = {{{nullptr, 4, 4, 4}, "null"},           {{px, 0, 4, 4}, "zero width"},  {{px, 4, -1, 4}, "negative height"},
               {{px, 4, 4, 3}, "stride < width"},     {{px, 20000, 1, 20000}, "too wide"}};
    for (const auto& b : bad) {
        const qr::DecodeResult r = d.decode(b.view);
        EXPECT_EQ(r.status, qr::DecodeStatus::invalid_input) << b.why;
        EXPECT_FALSE(r.message.empty()) << b.why;
        EXPECT_FALSE(r.found());
    }
}

TEST(Decoder, BlankFrameIsNotFound) {
    std::vector<uint8_t> px(320 * 240, 200);
    qr::Decoder d;
    const qr::DecodeResult r = d.decode({px.data(), 320, 240, 320});
    EXPECT_EQ(r.status, qr::DecodeStatus::not_found);
    EXPECT_FALSE(r.message.empty());
}

struct Case {
    int version;
    float moduleSize, angle, tilt, blur, noise, light;
    bool invert, mirror;
};

TEST(Decoder, ReadsSyntheticFrames) {
    const Case cases[] = {
        {1, 4, 0, 0, 0, 0, 0, false, false},        {2, 3, 90, 0, 0.5f, 2, 0, false, false},
        {3, 2.5f, 180, 0.1f, 0.6f, 3, 0.3f, false, false}, {4, 2, 270, 0, 0.5f, 2, 0, false, false},
        {5, 3, 33, 0.2f, 0.7f, 3, 0.5f, false, false}, {7, 2.2f, 123, 0.1f, 0.6f, 3, 0, false, false},
        {8, 3, 222, 0.15f, 0.8f, 4, 0.3f, false, false}, {10, 2.5f, 301, 0.1f, 0.6f, 3, 0, false, false},
        {3, 5, 45, 0, 1.0f, 3, 0, true, false},       {4, 4, 10, 0.1f, 0.5f, 2, 0, false, true},
        {6, 3, 200, 0.1f, 0.5f, 2, 0.2f, true, true}, {2, 20, 5, 0, 2, 4, 0, false, false},
    };
    qr::Decoder d;  // one decoder, scratch reused across frame sizes
    for (const Case& c : cases) {
        const std::string text = "CCCD test v" + std::to_string(c.version) + " angle " + std::to_string(static_cast<int>(c.angle));
        const qr::ModuleGrid g = testsupport::qrencode_fixture(text, 'M', c.version);
        ASSERT_GE(g.size, 17 + 4 * c.version) << "reference grid fixture missing?";  // qrencode may need a larger version
        testsupport::RenderParams p;
        p.moduleSize = c.moduleSize;
        p.width = static_cast<int>(c.moduleSize * static_cast<float>(g.size) * 1.7f + 80);
        p.height = p.width * 3 / 4 + 40;
        p.angleDeg = c.angle;
        p.tilt = c.tilt;
        p.blurSigma = c.blur;
        p.noise = c.noise;
        p.illumination = c.light;
        p.invert = c.invert;
        p.mirror = c.mirror;
        p.seed = static_cast<uint32_t>(c.version);
        const auto r = testsupport::render(g, p);
        const qr::DecodeResult res = d.decode(r.view());
        ASSERT_TRUE(res.found()) << text << ": " << res.message;
        ASSERT_EQ(res.symbols.size(), 1u);
        const qr::Symbol& s = res.symbols[0];
        EXPECT_EQ(s.data.text, text);
        EXPECT_EQ(s.data.version, (g.size - 17) / 4);
        EXPECT_EQ(s.data.mirrored, c.mirror);
        EXPECT_NEAR(s.moduleSize, c.moduleSize, c.moduleSize * 0.3f);
        // The symbol's top-left corner, whatever the rotation (transposed when mirrored keeps it).
        EXPECT_LT(std::hypot(s.corners[0].x - r.corners[0].x, s.corners[0].y - r.corners[0].y), c.moduleSize) << text;
        EXPECT_GE(res.times.binarize, 0.0);
        EXPECT_GT(res.times.locate + res.times.sample + res.times.decode, 0.0);
    }
}

TEST(Decoder, InvertedNeedsTryInverted) {
    const qr::ModuleGrid g = testsupport::qrencode_fixture("light on dark", 'M', 2);
    ASSERT_EQ(g.size, 25);
    testsupport::RenderParams p;
    p.moduleSize = 4;
    p.invert = true;
    p.background = 60;
    const auto r = testsupport::render(g, p);
    qr::Decoder d;
    qr::DecodeOptions o;
    o.tryInverted = false;
    EXPECT_FALSE(d.decode(r.view(), o).found());
    o.tryInverted = true;
    const auto res = d.decode(r.view(), o);
    ASSERT_TRUE(res.found());
    EXPECT_EQ(res.symbols[0].data.text, "light on dark");
}

TEST(Decoder, DecodeAllFindsTwoSymbols) {
    const qr::ModuleGrid a = testsupport::qrencode_fixture("first symbol", 'M', 2), b = testsupport::qrencode_fixture("second symbol", 'M', 3);
    ASSERT_EQ(a.size, 25);
    testsupport::Rendered img;
    img.width = 420;
    img.height = 220;
    img.pixels.assign(420 * 220, 170);
    testsupport::RenderParams p;
    p.moduleSize = 4;
    p.centerX = 100;
    p.centerY = 110;
    testsupport::render_into(a, p, img);
    p.centerX = 300;
    p.angleDeg = 30;
    testsupport::render_into(b, p, img);
    qr::Decoder d;
    qr::DecodeOptions o;
    o.maxSymbols = 4;
    const auto res = d.decode(img.view(), o);
    ASSERT_TRUE(res.found());
    ASSERT_EQ(res.symbols.size(), 2u);
    std::vector<std::string> texts = {res.symbols[0].data.text, res.symbols[1].data.text};
    std::sort(texts.begin(), texts.end());
    EXPECT_EQ(texts, (std::vector<std::string>{"first symbol", "second symbol"}));
    o.maxSymbols = 1;
    EXPECT_EQ(d.decode(img.view(), o).symbols.size(), 1u);
}

TEST(Decoder, DecodeAllFindsEverySymbolOfAGrid) {
    // Nine symbols of one module size in a 3x3 grid, unrotated: 27 finders, more than the locator forms
    // triples among (LocateOptions::maxFinders), and neighbours' finders make right-angled triples as
    // plausible as the real ones. Each decoded symbol's finders are set aside before the next round.
    constexpr int kN = 9;
    std::vector<std::string> texts;
    testsupport::Rendered img;
    img.width = img.height = 600;
    img.pixels.assign(600 * 600, 200);
    testsupport::RenderParams p;
    p.moduleSize = 3;
    p.noise = 2;
    const auto centre = [](int i) { return qr::Point{100.0f + 200.0f * static_cast<float>(i % 3), 100.0f + 200.0f * static_cast<float>(i / 3)}; };
    for (int i = 0; i < kN; ++i) {
        texts.push_back("symbol " + std::to_string(i));
        const int version = 1 + i % 3;
        const qr::ModuleGrid g = testsupport::qrencode_fixture(texts.back(), 'M', version);
        ASSERT_EQ(g.size, 17 + 4 * version) << "reference grid fixture missing?";
        p.centerX = centre(i).x;
        p.centerY = centre(i).y;
        p.seed = static_cast<uint32_t>(i + 1);
        testsupport::render_into(g, p, img);
    }
    qr::Decoder d;
    const auto all = d.decodeAll(img.view());
    ASSERT_TRUE(all.found());
    EXPECT_EQ(all.symbols.size(), static_cast<size_t>(kN));
    std::vector<std::string> got;
    for (const qr::Symbol& s : all.symbols) {  // each text where it was drawn
        got.push_back(s.data.text);
        const auto it = std::find(texts.begin(), texts.end(), s.data.text);
        ASSERT_NE(it, texts.end()) << s.data.text;
        const qr::Point c = centre(static_cast<int>(it - texts.begin()));
        EXPECT_NEAR((s.corners[0].x + s.corners[1].x + s.corners[2].x + s.corners[3].x) / 4, c.x, 3.0f) << s.data.text;
        EXPECT_NEAR((s.corners[0].y + s.corners[1].y + s.corners[2].y + s.corners[3].y) / 4, c.y, 3.0f) << s.data.text;
    }
    std::sort(got.begin(), got.end());
    EXPECT_EQ(std::unique(got.begin(), got.end()), got.end());  // each once
    EXPECT_EQ(d.decode(img.view()).symbols.size(), 1u);         // decode still stops at the first
}

TEST(Decoder, MovedDecoderStillWorks) {
    const qr::ModuleGrid g = testsupport::qrencode_fixture("move", 'L', 1);
    ASSERT_EQ(g.size, 21);
    testsupport::RenderParams p;
    p.moduleSize = 4;
    const auto r = testsupport::render(g, p);
    qr::Decoder a;
    qr::Decoder b = std::move(a);
    EXPECT_TRUE(b.decode(r.view()).found());
}

}  // namespace

TEST(Decoder, ReadsASymbolWithNoQuietZoneAndTextTouchingAFinder) {
    // As on a chip ID card's front: the QR printed on a light pattern with no quiet zone, the header text
    // running into the top-left finder's ring (finder.hpp: open finders).
    const std::string text = "079203001234|123456789|Nguyễn Văn A|01012003|Nam|Hà Nội|01012021";
    const qr::ModuleGrid g = testsupport::qrencode_fixture(text, 'M', 6);
    ASSERT_EQ(g.size, 41);
    for (float moduleSize : {2.5f, 4.0f}) {
        testsupport::RenderParams p;
        p.moduleSize = moduleSize;
        p.width = 640;
        p.height = 480;
        p.quietZone = 0;
        p.background = 205;
        p.blurSigma = 0.5f;
        p.noise = 2;
        testsupport::Rendered r = testsupport::render(g, p);
        const qr::Point from = r.moduleToImage.map({-12, 1}), to = r.moduleToImage.map({0, 6});
        for (int y = static_cast<int>(from.y); y < static_cast<int>(to.y); ++y)
            for (int x = std::max(0, static_cast<int>(from.x)); x < static_cast<int>(std::ceil(to.x)); ++x)
                r.pixels[static_cast<size_t>(y) * static_cast<size_t>(r.width) + static_cast<size_t>(x)] = 40;
        qr::Decoder d;
        const qr::DecodeResult res = d.decode(r.view());
        ASSERT_TRUE(res.found()) << moduleSize << ": " << res.message;
        EXPECT_EQ(res.symbols[0].data.text, text);
    }
}
