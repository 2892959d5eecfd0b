// Tests for src/qr/detect/finder.cpp: the three finder patterns of synthetic symbols are found at any rotation,
// from 1.5 to 40 px per module, blurred and noisy, with their module size.
#include "qr/detect/finder.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

#include "image/binarize_local.hpp"
#include "support/draw_finder.hpp"
#include "support/reference_encoders.hpp"
#include "support/render.hpp"

namespace {

using namespace cccd;

struct Case {
    float moduleSize, angle, blur, noise, tilt;
};

// How many of the three true finder centres have a detection within one module.
int found(const testsupport::Rendered& r, int dim, const std::vector<qr::FinderPattern>& f, float moduleSize) {
    const float d = static_cast<float>(dim);
    const qr::Point truth[3] = {r.moduleToImage.map({3.5f, 3.5f}), r.moduleToImage.map({d - 3.5f, 3.5f}),
                                r.moduleToImage.map({3.5f, d - 3.5f})};
    int n = 0;
    for (const qr::Point& t : truth)
        for (const qr::FinderPattern& p : f)
            if (std::hypot(p.center.x - t.x, p.center.y - t.y) < moduleSize && p.moduleSize > 0.7f * moduleSize && p.moduleSize < 1.6f * moduleSize) {
                ++n;
                break;
            }
    return n;
}

TEST(Finder, RatioTolerance) {
    const int exact[5] = {2, 2, 6, 2, 2}, tiny[5] = {1, 2, 4, 1, 2}, wrong[5] = {3, 3, 3, 3, 3}, lopsided[5] = {1, 5, 6, 2, 2};
    EXPECT_TRUE(qr::finder_ratio_ok(exact));
    EXPECT_TRUE(qr::finder_ratio_ok(tiny));  // 1.4 px modules with pixel rounding (at 45 degrees the h/v
                                              // cross-sections are sqrt 2 longer, hence the size tolerance below)
    EXPECT_FALSE(qr::finder_ratio_ok(wrong));
    EXPECT_FALSE(qr::finder_ratio_ok(lopsided));
}

TEST(Finder, FindsAllThreeAcrossScalesAndRotations) {
    const qr::ModuleGrid g = testsupport::qrencode_fixture("finder patterns at every angle", 'M', 4);
    ASSERT_EQ(g.size, 33) << "reference grid fixture missing?";
    const Case cases[] = {{1.6f, 0, 0.4f, 2, 0},   {2.0f, 37, 0.6f, 3, 0.1f}, {3, 90, 0.8f, 3, 0},  {4, 135, 1.0f, 4, 0.2f},
                          {6, 200, 1.2f, 4, 0},     {10, 271, 1.5f, 5, 0.1f},  {20, 315, 2, 5, 0},  {40, 359, 2, 5, 0}};
    image::LocalBinarizeScratch s;
    image::ThresholdMap map;
    image::BitMatrix b;
    std::vector<qr::FinderPattern> f;
    for (const Case& c : cases) {
        testsupport::RenderParams p;
        p.moduleSize = c.moduleSize;
        p.width = p.height = static_cast<int>(c.moduleSize * 33 * 1.5f + 80);
        p.angleDeg = c.angle;
        p.blurSigma = c.blur;
        p.noise = c.noise;
        p.tilt = c.tilt;
        const auto r = testsupport::render(g, p);
        image::binarize_local(r.view(), {8, 2, 24, 8, 3, 8}, s, map, b);
        qr::find_finder_patterns(b, {}, f);
        EXPECT_EQ(found(r, g.size, f, c.moduleSize), 3) << "module " << c.moduleSize << " angle " << c.angle;
    }
}

TEST(Finder, FindsFindersCutByTheImageEdge) {
    // Symbols are often cropped without a quiet zone: the outer ring touches the image edge.
    const qr::ModuleGrid g = testsupport::qrencode_fixture("no quiet zone", 'L', 1);
    ASSERT_EQ(g.size, 21);
    testsupport::RenderParams p;
    p.width = p.height = 21 * 3;
    p.moduleSize = 3;
    p.quietZone = 0;
    const auto r = testsupport::render(g, p);
    image::LocalBinarizeScratch s;
    image::ThresholdMap map;
    image::BitMatrix b;
    image::binarize_local(r.view(), {}, s, map, b);
    std::vector<qr::FinderPattern> f;
    qr::find_finder_patterns(b, {}, f);
    EXPECT_EQ(found(r, g.size, f, 3), 3);
}

TEST(Finder, ColumnScanAlsoFindsThem) {
    const qr::ModuleGrid g = testsupport::qrencode_fixture("columns", 'L', 2);
    ASSERT_EQ(g.size, 25);
    testsupport::RenderParams p;
    p.moduleSize = 4;
    p.angleDeg = 10;
    const auto r = testsupport::render(g, p);
    image::LocalBinarizeScratch s;
    image::ThresholdMap map;
    image::BitMatrix b;
    image::binarize_local(r.view(), {}, s, map, b);
    std::vector<qr::FinderPattern> rows, both;
    qr::find_finder_patterns(b, {1, false}, rows);
    qr::find_finder_patterns(b, {1, true}, both);
    EXPECT_EQ(found(r, g.size, both, 4), 3);
    ASSERT_GE(both.size(), 3u);
    EXPECT_GE(both[0].hits, rows[0].hits);  // more lines confirm the same patterns
}

TEST(Finder, NothingInABlankImage) {
    image::BitMatrix b;
    b.reset(100, 100);
    std::vector<qr::FinderPattern> f(3);
    qr::find_finder_patterns(b, {}, f);
    EXPECT_TRUE(f.empty());
}

}  // namespace

// A card's QR printed with no quiet zone, header text running up to the top-left finder: every row through
// that finder's centre starts with a dark run many modules long.
testsupport::Rendered with_text_left_of_top_left_finder(const qr::ModuleGrid& g, float moduleSize) {
    testsupport::RenderParams p;
    p.moduleSize = moduleSize;
    p.width = p.height = static_cast<int>(moduleSize * static_cast<float>(g.size) + 80);
    p.quietZone = 0;
    p.background = 205;
    testsupport::Rendered r = testsupport::render(g, p);
    const qr::Point from = r.moduleToImage.map({-6, 0.5f}), to = r.moduleToImage.map({0, 6.5f});  // "text"
    for (int y = static_cast<int>(from.y); y < static_cast<int>(to.y); ++y)
        for (int x = std::max(0, static_cast<int>(from.x)); x < static_cast<int>(std::ceil(to.x)); ++x)
            r.pixels[static_cast<size_t>(y) * static_cast<size_t>(r.width) + static_cast<size_t>(x)] = 30;
    return r;
}

TEST(Finder, FindsAFinderWhoseRingRunsIntoText) {
    const qr::ModuleGrid g = testsupport::qrencode_fixture("text touches the top-left finder", 'M', 3);
    ASSERT_EQ(g.size, 29);
    for (float moduleSize : {3.0f, 5.0f}) {
        const auto r = with_text_left_of_top_left_finder(g, moduleSize);
        image::LocalBinarizeScratch s;
        image::ThresholdMap map;
        image::BitMatrix b;
        image::binarize_local(r.view(), {8, 2, 24, 8, 3, 8}, s, map, b);
        std::vector<qr::FinderPattern> f;
        qr::find_finder_patterns(b, {1, false, false}, f);
        EXPECT_EQ(found(r, g.size, f, moduleSize), 2) << moduleSize;  // the cheap scan sees the other two only
        qr::find_finder_patterns(b, {1, false, true}, f);
        EXPECT_EQ(found(r, g.size, f, moduleSize), 3) << moduleSize;
        // The one that needed its ring to run on is listed as open, after those seen whole.
        const qr::Point topLeft = r.moduleToImage.map({3.5f, 3.5f});
        const auto tl = std::find_if(f.begin(), f.end(), [&](const qr::FinderPattern& p) {
            return std::hypot(p.center.x - topLeft.x, p.center.y - topLeft.y) < moduleSize;
        });
        ASSERT_NE(tl, f.end());
        EXPECT_TRUE(tl->open);
        EXPECT_TRUE(std::none_of(tl, f.end(), [](const qr::FinderPattern& p) { return !p.open; }));
    }
}

// The decoder reads a step's rows first and adds its columns only when they read nothing: the two calls
// must list exactly what one scan of rows and columns lists (open finders merged on both included).
TEST(Finder, ColumnsAddedLaterListWhatOneScanOfBothLists) {
    const qr::ModuleGrid g = testsupport::qrencode_fixture("text touches the top-left finder", 'M', 3);
    int compared = 0;
    for (float moduleSize : {2.5f, 3.0f, 5.0f})
        for (float noise : {0.0f, 40.0f}) {
            testsupport::Rendered r = with_text_left_of_top_left_finder(g, moduleSize);
            uint32_t seed = 7;
            for (uint8_t& v : r.pixels) {  // speckle: many short runs and look-alikes in both directions
                seed = seed * 1664525u + 1013904223u;
                v = static_cast<uint8_t>(std::clamp(static_cast<float>(v) + noise * (static_cast<float>(seed >> 24) / 128.0f - 1.0f), 0.0f, 255.0f));
            }
            image::LocalBinarizeScratch s;
            image::ThresholdMap map;
            image::BitMatrix b;
            image::binarize_local(r.view(), {4, 2, 24, 8, 3, 14}, s, map, b);
            qr::FinderScratch one, two;
            std::vector<qr::FinderPattern> both, later;
            qr::find_finder_patterns(b, {1, true, true}, one, both);
            qr::find_finder_patterns(b, {1, false, true}, two, later);
            qr::add_column_finders(b, {1, false, true}, two, later);
            ASSERT_EQ(later.size(), both.size()) << moduleSize << " " << noise;
            for (size_t i = 0; i < both.size(); ++i) {
                EXPECT_EQ(later[i].center.x, both[i].center.x);
                EXPECT_EQ(later[i].center.y, both[i].center.y);
                EXPECT_EQ(later[i].moduleSize, both[i].moduleSize);
                EXPECT_EQ(later[i].hits, both[i].hits);
                EXPECT_EQ(later[i].open, both[i].open);
            }
            compared += static_cast<int>(std::count_if(both.begin(), both.end(), [](const qr::FinderPattern& f) { return f.open; }));
            EXPECT_EQ(found(r, g.size, later, moduleSize), 3) << moduleSize << " " << noise;
        }
    EXPECT_GT(compared, 0);  // open finders were among them
}

TEST(Finder, OneSidedRunsOnlyAndNotBelowTwoPixelModules) {
    bool clippedLeft = false;
    // dark 9 (text running into the ring), light 3, dark 9, light 3, dark 3: a finder at 3 px per module.
    EXPECT_TRUE(qr::finder_ratio_open_ok(std::array{9, 3, 9, 3, 3}.data(), clippedLeft));
    EXPECT_TRUE(clippedLeft);
    bool clipped = true;
    EXPECT_TRUE(qr::finder_ratio_open_ok(std::array{3, 3, 9, 3, 3}.data(), clipped));  // whole: nothing clipped
    EXPECT_FALSE(clipped);
    EXPECT_FALSE(qr::finder_ratio_open_ok(std::array{9, 3, 9, 3, 9}.data(), clipped));  // both sides run on
    EXPECT_FALSE(qr::finder_ratio_open_ok(std::array{5, 1, 3, 1, 1}.data(), clipped));  // 1 px modules
    EXPECT_FALSE(qr::finder_ratio_open_ok(std::array{9, 3, 3, 3, 3}.data(), clipped));  // no 1:3:1 inside
}

// A steep lean foreshortens one image axis more than the other: finders whose column and row extents are
// down to 0.35 of each other are found, when 11 px or more across and 1:1:3:1:1 on both diagonals.
TEST(Finder, SquashedFindersOfAReadableSizeReadOnBothDiagonals) {
    const auto finders_at = [](float mx, float my, bool breakOneDiagonal) {
        image::BitMatrix b;
        b.reset(160, 120);
        testsupport::draw_finder(b, 80, 60, mx, my);
        if (breakOneDiagonal) {  // light where the diagonal to the lower right crosses the outer ring
            const float m = std::min(mx, my);  // 45 degrees in pixels: the ring lies 2.5 to 3.5 m from the centre
            for (int t = static_cast<int>(2.5f * m) - 1; t <= static_cast<int>(3.5f * m) + 1; ++t)
                for (int dy = -1; dy <= 1; ++dy)
                    for (int dx = -1; dx <= 1; ++dx) b.set(80 + t + dx, 60 + t + dy, false);
        }
        std::vector<qr::FinderPattern> f;
        qr::find_finder_patterns(b, {}, f);
        return std::count_if(f.begin(), f.end(), [&](const qr::FinderPattern& p) {
            return std::hypot(p.center.x - 80, p.center.y - 60) < std::min(mx, my);
        });
    };
    EXPECT_EQ(finders_at(6, 2.5f, false), 1);  // 42 x 17.5 px: 0.42
    EXPECT_EQ(finders_at(2.5f, 6, false), 1);  // the same turned a quarter
    EXPECT_EQ(finders_at(6, 2.5f, true), 0);   // one diagonal broken
    EXPECT_EQ(finders_at(4, 4, true), 1);      // square: one diagonal is enough
    EXPECT_EQ(finders_at(4, 1.5f, false), 0);  // 28 x 10.5 px: too small to read squashed
    EXPECT_EQ(finders_at(2.5f, 1.5f, false), 1);  // 17.5 x 10.5 px: 0.6, as usual at any size
    EXPECT_EQ(finders_at(9, 2.5f, false), 0);  // 63 x 17.5 px: 0.28, beyond any lean we read
}

// Each finder carries its aspect (extent down over across), which the triples compare (triples.cpp).
TEST(Finder, MeasuresEachFindersAspect) {
    for (const auto [mx, my] : {std::pair{6.0f, 2.5f}, std::pair{4.0f, 4.0f}, std::pair{2.5f, 5.0f}}) {
        image::BitMatrix b;
        b.reset(160, 120);
        testsupport::draw_finder(b, 80, 60, mx, my);
        std::vector<qr::FinderPattern> f;
        qr::find_finder_patterns(b, {}, f);
        ASSERT_EQ(f.size(), 1u) << mx << " x " << my;
        EXPECT_NEAR(f[0].aspect / (my / mx), 1.0f, 0.06f) << mx << " x " << my;  // within pixel rounding
    }
}
