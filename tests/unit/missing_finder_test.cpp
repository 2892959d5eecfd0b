// Tests for src/qr/detect/missing_finder.cpp: a finder whose rings are broken (text printed over it) is found
// from the two others, in the grey image; nothing is added where the places hold no finder.
#include "qr/detect/missing_finder.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "qr/decoder.hpp"
#include "support/reference_encoders.hpp"
#include "support/render.hpp"

namespace {

using namespace cccd;

// Dark strokes over the top-left finder's light ring, as header text printed across it, so that no line
// through its centre reads 1:1:3:1:1.
testsupport::Rendered broken_top_left(const qr::ModuleGrid& g, float moduleSize, float angle) {
    testsupport::RenderParams p;
    p.moduleSize = moduleSize;
    p.angleDeg = angle;
    p.width = p.height = static_cast<int>(moduleSize * static_cast<float>(g.size) * 1.5f + 60);
    p.blurSigma = 0.5f;
    testsupport::Rendered r = testsupport::render(g, p);
    const auto paint = [&](float x0, float y0, float x1, float y1, uint8_t grey) {
        for (int y = 0; y < r.height; ++y)
            for (int x = 0; x < r.width; ++x) {
                const qr::Point a = r.moduleToImage.map({x0, y0}), b = r.moduleToImage.map({x1, y1});
                const float minX = std::min(a.x, b.x), maxX = std::max(a.x, b.x);
                const float minY = std::min(a.y, b.y), maxY = std::max(a.y, b.y);
                if (static_cast<float>(x) >= minX && static_cast<float>(x) < maxX && static_cast<float>(y) >= minY &&
                    static_cast<float>(y) < maxY)
                    r.pixels[static_cast<size_t>(y) * static_cast<size_t>(r.width) + static_cast<size_t>(x)] = grey;
            }
    };
    paint(1, 1.5f, 2, 5.5f, 30);  // dark strokes over the light ring left and right of the centre: the rows
    paint(5, 1.5f, 6, 5.5f, 30);  // through it read one long dark run, and no cross-section confirms it
    return r;
}

TEST(MissingFinder, FindsABrokenFinderFromTheOtherTwo) {
    const qr::ModuleGrid g = testsupport::qrencode_fixture("a finder broken by text", 'M', 4);
    ASSERT_EQ(g.size, 33);
    const float moduleSize = 4, d = static_cast<float>(g.size);
    for (float angle : {0.0f, 30.0f, 135.0f}) {
        const auto r = broken_top_left(g, moduleSize, angle);
        // The two finders a scan sees, where the renderer put them.
        const std::vector<qr::FinderPattern> seen{{r.moduleToImage.map({d - 3.5f, 3.5f}), moduleSize, 20, false},
                                                  {r.moduleToImage.map({3.5f, d - 3.5f}), moduleSize, 20, false}};
        std::vector<qr::FinderPattern> f = seen;
        qr::find_missing_finders(r.view(), seen, {}, f);
        const qr::Point truth = r.moduleToImage.map({3.5f, 3.5f});
        ASSERT_EQ(f.size(), 3u) << angle;  // the other five places hold no finder
        EXPECT_LT(std::hypot(f[2].center.x - truth.x, f[2].center.y - truth.y), 0.5f * moduleSize) << angle;
        EXPECT_TRUE(f[2].open);
        EXPECT_NEAR(f[2].moduleSize, moduleSize, 0.5f);
    }
}

// The two finders a scan sees of broken_top_left's symbol (4 px modules, not turned).
std::vector<qr::FinderPattern> seen_pair(const testsupport::Rendered& r, float d) {
    return {{r.moduleToImage.map({d - 3.5f, 3.5f}), 4, 20, false}, {r.moduleToImage.map({3.5f, d - 3.5f}), 4, 20, false}};
}

// find_finders searches the contrast-ranked list's pairs after the scan's: a pair searched already is
// not searched again.
TEST(MissingFinder, PairsSearchedBeforeAreSkipped) {
    const qr::ModuleGrid g = testsupport::qrencode_fixture("a finder broken by text", 'M', 4);
    ASSERT_EQ(g.size, 33);
    const auto r = broken_top_left(g, 4, 0);
    const std::vector<qr::FinderPattern> seen = seen_pair(r, 33);
    std::vector<qr::FinderPattern> f = seen;
    const qr::Point both[2] = {seen[0].center, seen[1].center};
    EXPECT_EQ(qr::find_missing_finders(r.view(), seen, {}, f, both), 0);
    EXPECT_EQ(f.size(), 2u);
    const qr::Point one[1] = {seen[1].center};  // the pair was not: one of them was paired with another
    EXPECT_GT(qr::find_missing_finders(r.view(), seen, {}, f, one), 0);
    EXPECT_EQ(f.size(), 3u);
}

TEST(MissingFinder, PairsOfLargerModulesThanAskedAreSkipped) {
    const qr::ModuleGrid g = testsupport::qrencode_fixture("a finder broken by text", 'M', 4);
    ASSERT_EQ(g.size, 33);
    const auto r = broken_top_left(g, 4, 0);
    const std::vector<qr::FinderPattern> seen = seen_pair(r, 33);
    for (const float most : {3.5f, 4.5f}) {
        std::vector<qr::FinderPattern> f = seen;
        qr::MissingFinderOptions o;
        o.maxPairModule = most;
        const int searches = qr::find_missing_finders(r.view(), seen, o, f);
        EXPECT_EQ(f.size(), most > 4 ? 3u : 2u) << most;
        EXPECT_EQ(searches > 0, most > 4) << most;
    }
}

// A pair with a finder already at one of its places has its triple; asked to, the search leaves it alone
// rather than add rivals at its other places.
TEST(MissingFinder, PairsWithAFinderAtOneOfTheirPlacesCanBeSkipped) {
    const qr::ModuleGrid g = testsupport::qrencode_fixture("a finder broken by text", 'M', 4);
    ASSERT_EQ(g.size, 33);
    const auto r = broken_top_left(g, 4, 0);
    std::vector<qr::FinderPattern> seen = seen_pair(r, 33);
    // A look-alike across the pair's diagonal from the broken finder (the other place across it).
    seen.push_back({r.moduleToImage.map({33 - 3.5f, 33 - 3.5f}), 4, 1, true});
    for (const bool skip : {false, true}) {
        std::vector<qr::FinderPattern> f = seen;
        qr::MissingFinderOptions o;
        o.skipTakenPairs = skip;
        qr::find_missing_finders(r.view(), seen, o, f);
        EXPECT_EQ(f.size(), skip ? 3u : 4u) << skip;  // not asked: the broken finder is found beside it
    }
}

TEST(MissingFinder, TheDecoderReadsTheSymbol) {
    const std::string text = "079203001234|123456789|Nguyễn Văn A|01012003|Nam|Hà Nội|01012021";
    const qr::ModuleGrid g = testsupport::qrencode_fixture(text, 'M', 6);
    ASSERT_EQ(g.size, 41);
    qr::Decoder d;
    for (float angle : {0.0f, 90.0f, 180.0f, 270.0f}) {  // the broken finder in every corner of the frame
        const auto r = broken_top_left(g, 4, angle);
        const qr::DecodeResult res = d.decode(r.view());
        ASSERT_TRUE(res.found()) << angle << ": " << res.message;
        EXPECT_EQ(res.symbols[0].data.text, text);
    }
}

TEST(MissingFinder, NothingAddedWithoutAFinderThere) {
    // Two finder-like squares and flat paper around them: no place holds the template.
    const int w = 200, h = 200;
    std::vector<uint8_t> px(static_cast<size_t>(w * h), 210);
    const auto square = [&](int cx, int cy) {
        for (int y = -14; y < 14; ++y)
            for (int x = -14; x < 14; ++x) {
                const int r = std::max(std::abs(2 * x + 1), std::abs(2 * y + 1)) / 8;  // rings of 4 px
                px[static_cast<size_t>((cy + y) * w + cx + x)] = (r == 1) ? 210 : 30;
            }
    };
    square(50, 50);
    square(150, 50);
    std::vector<qr::FinderPattern> f{{{50, 50}, 4, 5, false}, {{150, 50}, 4, 5, false}};
    qr::find_missing_finders({px.data(), w, h, w}, f, {}, f);
    EXPECT_EQ(f.size(), 2u);
}

}  // namespace
