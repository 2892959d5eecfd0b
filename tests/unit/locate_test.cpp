// Tests for src/qr/detect/locate.cpp: from the finders of synthetic symbols to a perspective that puts every
// module centre within a fraction of a module of the truth, at any rotation, with tilt, mirrored, and for
// versions whose dimension estimate is uncertain.
#include "qr/detect/locate.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>

#include "cardgen/cardgen.hpp"
#include "image/binarize_local.hpp"
#include "qr/decoder.hpp"
#include "qr/grid/grid_decoder.hpp"
#include "qr/pipeline.hpp"
#include "support/reference_encoders.hpp"
#include "support/render.hpp"
#include "support/true_corners.hpp"

namespace {

using namespace cccd;

// Largest distance, in modules, between where the geometry and the truth put a module centre.
float worst_error(const qr::SymbolGeometry& g, const testsupport::Rendered& r, float moduleSize) {
    float worst = 0;
    for (int y = 0; y < g.dimension; ++y)
        for (int x = 0; x < g.dimension; ++x) {
            const qr::Point m{static_cast<float>(x) + 0.5f, static_cast<float>(y) + 0.5f};
            const qr::Point a = g.moduleToImage.map(m), b = r.moduleToImage.map(m);
            worst = std::max(worst, std::hypot(a.x - b.x, a.y - b.y) / moduleSize);
        }
    return worst;
}

// The first binarizer step's bits and the finders found in them.
struct Binarized {
    image::LocalBinarizeScratch scratch;
    image::ThresholdMap map;
    image::BitMatrix b;
    std::vector<qr::FinderPattern> f;
};

void binarize_and_find(const image::ImageView& view, Binarized& out) {
    image::binarize_local(view, {8, 2, 24, 8, 3, 8}, out.scratch, out.map, out.b);
    qr::find_finder_patterns(out.b, {}, out.f);
}

struct Located {
    std::vector<qr::SymbolGeometry> geometries;
};

Located locate(const testsupport::Rendered& r) {
    Binarized bf;
    binarize_and_find(r.view(), bf);
    auto& b = bf.b;
    auto& f = bf.f;
    qr::LocateScratch ls;
    Located out;
    qr::locate_symbols(r.view(), b, f, {}, ls, out.geometries);
    return out;
}

// Blur eats the light separator round each finder (6.3.3): its modules set dark in the binary image of a
// version 9 symbol drawn axis-aligned at `modulePx`, so that walks across the finders read them 9 modules wide.
void darken_separators(const testsupport::Rendered& r, float modulePx, image::BitMatrix& b) {
    const auto ring = [](int cx, int cy, int x, int y) { return std::max(std::abs(x - cx), std::abs(y - cy)) == 4; };
    for (int y = 0; y < r.height; ++y)
        for (int x = 0; x < r.width; ++x) {
            const float mx = (static_cast<float>(x) + 0.5f - r.corners[0].x) / modulePx;
            const float my = (static_cast<float>(y) + 0.5f - r.corners[0].y) / modulePx;
            if (mx < 0 || my < 0 || mx >= 53 || my >= 53) continue;
            const int ix = static_cast<int>(mx), iy = static_cast<int>(my);
            if (ring(3, 3, ix, iy) || ring(49, 3, ix, iy) || ring(3, 49, ix, iy))
                b.bits[static_cast<size_t>(y) * static_cast<size_t>(r.width) + static_cast<size_t>(x)] = 1;
        }
}

// The version 9 fixture at 1.35 px a module (the whole card at arm's length in a 720p frame), blurred,
// and its binary image. grid.size is 53 unless the fixture is missing.
struct SmallScene {
    qr::ModuleGrid grid;
    testsupport::Rendered image;
    Binarized bin;
};

void small_version9(int side, float angleDeg, SmallScene& s) {
    s.grid = testsupport::qrencode_fixture("finders read wide under blur", 'M', 9);
    testsupport::RenderParams p;
    p.width = p.height = side;
    p.moduleSize = 1.35f;
    p.angleDeg = angleDeg;
    p.blurSigma = 0.5f;
    p.noise = 2;
    s.image = testsupport::render(s.grid, p);
    image::binarize_local(s.image.view(), {8, 2, 24, 8, 3, 8}, s.bin.scratch, s.bin.map, s.bin.b);
}

TEST(Locate, PerspectiveWithinAFifthOfAModule) {
    struct Case {
        int version;
        float moduleSize, angle, tilt, blur;
    } cases[] = {{1, 4, 0, 0, 0}, {2, 3, 45, 0.1f, 0.5f}, {4, 2.5f, 120, 0.15f, 0.6f}, {7, 2.2f, 200, 0.1f, 0.6f},
                 {10, 3, 290, 0.15f, 0.7f}, {15, 2.5f, 15, 0.05f, 0.5f}, {6, 8, 333, 0.1f, 1.0f}};
    for (const Case& c : cases) {
        const qr::ModuleGrid g = testsupport::qrencode_fixture("geometry " + std::to_string(c.version), 'M', c.version);
        ASSERT_EQ(g.size, 17 + 4 * c.version) << "reference grid fixture missing?";
        testsupport::RenderParams p;
        p.moduleSize = c.moduleSize;
        p.width = p.height = static_cast<int>(c.moduleSize * static_cast<float>(g.size) * 1.6f + 60);
        p.angleDeg = c.angle;
        p.tilt = c.tilt;
        p.blurSigma = c.blur;
        p.noise = 2;
        const auto r = testsupport::render(g, p);
        const Located l = locate(r);
        ASSERT_FALSE(l.geometries.empty()) << "version " << c.version;
        const qr::SymbolGeometry& best = l.geometries[0];
        EXPECT_EQ(best.dimension, g.size) << "version " << c.version;
        EXPECT_GT(best.timing, 0.9f);
        if (best.dimension == g.size) EXPECT_LT(worst_error(best, r, c.moduleSize), 0.2f) << "version " << c.version;
    }
}

TEST(Locate, StrongPerspectiveFromTheFinderSizes) {
    // The far edge at 1.5 times the near one: the alignment pattern is searched where the finders' sizes put
    // it (fourth_corner.hpp); the parallelogram misses it. (Version 1 at such tilts is not yet within a
    // third of a module: the sizes alone place its fourth corner to about a module.)
    struct Case {
        int version;
        float angle, tilt;
    } cases[] = {{3, 20, 0.5f}, {4, 160, 0.5f}, {5, 250, 0.5f}};
    for (const Case& c : cases) {
        const qr::ModuleGrid g = testsupport::qrencode_fixture("tilt " + std::to_string(c.version), 'M', c.version);
        ASSERT_EQ(g.size, 17 + 4 * c.version) << "reference grid fixture missing?";
        testsupport::RenderParams p;
        p.moduleSize = 5;
        p.width = p.height = static_cast<int>(5.0f * static_cast<float>(g.size) * 2.2f + 40);
        p.angleDeg = c.angle;
        p.tilt = c.tilt;
        p.blurSigma = 0.5f;
        p.noise = 2;
        const auto r = testsupport::render(g, p);
        const Located l = locate(r);
        ASSERT_FALSE(l.geometries.empty()) << "version " << c.version << " angle " << c.angle;
        const qr::SymbolGeometry& best = l.geometries[0];
        EXPECT_EQ(best.dimension, g.size) << "version " << c.version << " angle " << c.angle;
        if (best.dimension == g.size)
            EXPECT_LT(worst_error(best, r, 5), 0.3f) << "version " << c.version << " angle " << c.angle;
    }
}

TEST(Locate, HiddenAlignmentPatternIsNotImitated) {
    // Glare over the bottom-right alignment pattern (zxing-samples qrcode-2/#1314.png): the search then
    // finds data modules that look like one; that match must lose to the estimate without it.
    const qr::ModuleGrid g = testsupport::qrencode_fixture("glare over the alignment pattern", 'L', 3);
    ASSERT_EQ(g.size, 29);
    testsupport::RenderParams p;
    p.moduleSize = 6;
    p.width = p.height = 300;
    p.angleDeg = 10;
    p.tilt = 0.05f;
    p.noise = 2;
    auto r = testsupport::render(g, p);
    const qr::Point centre = r.moduleToImage.map({22.5f, 22.5f});  // alignment pattern (Annex E: 6, 22)
    for (int y = 0; y < r.height; ++y)
        for (int x = 0; x < r.width; ++x)
            if (std::hypot(static_cast<float>(x) - centre.x, static_cast<float>(y) - centre.y) < 3.2f * 6)
                r.pixels[static_cast<size_t>(y * r.width + x)] = 235;
    const Located l = locate(r);
    ASSERT_FALSE(l.geometries.empty());
    const qr::SymbolGeometry& best = l.geometries[0];
    EXPECT_EQ(best.dimension, 29);
    EXPECT_FALSE(best.alignmentFound);
    if (best.dimension == 29) EXPECT_LT(worst_error(best, r, 6), 0.35f);
}

TEST(Locate, MirroredSymbolIsLocatedTransposed) {
    const qr::ModuleGrid g = testsupport::qrencode_fixture("mirror", 'M', 3);
    ASSERT_EQ(g.size, 29);
    testsupport::RenderParams p;
    p.moduleSize = 4;
    p.angleDeg = 70;
    p.mirror = true;
    const auto r = testsupport::render(g, p);
    const Located l = locate(r);
    ASSERT_FALSE(l.geometries.empty());
    // The renderer drew the transposed grid, so the located geometry matches the drawn one.
    EXPECT_LT(worst_error(l.geometries[0], r, 4), 0.2f);
}

TEST(Locate, TimingPatternsChooseTheDimension) {
    const qr::ModuleGrid g = testsupport::qrencode_fixture("large symbol for dimension estimate", 'H', 12);
    ASSERT_EQ(g.size, 65);
    testsupport::RenderParams p;
    p.moduleSize = 3;
    p.width = p.height = 300;
    const auto r = testsupport::render(g, p);
    image::LocalBinarizeScratch s;
    image::ThresholdMap map;
    image::BitMatrix b;
    image::binarize_local(r.view(), {}, s, map, b);
    std::vector<qr::FinderPattern> f;
    qr::find_finder_patterns(b, {}, f);
    qr::LocateScratch ls;
    std::vector<qr::SymbolCandidate> c;
    qr::propose_symbols(r.view(), b, f, {}, ls, c);
    std::erase_if(c, [](const qr::SymbolCandidate& k) { return k.open > 0; });  // the true finders' triple only
    ASSERT_GE(c.size(), 2u);
    EXPECT_EQ(c[0].dimension, 65);  // the timing patterns pick it among the neighbours of the estimate
    EXPECT_EQ(std::abs(c[1].dimension - 65) % 4, 0);
    EXPECT_NE(c[1].dimension, 65);
}

// Blur that eats the light separator round each finder (ISO/IEC 18004:2015 6.3.3) makes the finders read
// wide, and the symbol look two or more versions smaller than it is (shared printed fronts with motion
// blur). Here the separators are painted dark in the binary image the module sizes are measured on.
TEST(Locate, FindersThatReadWideStillOfferTheTrueDimensionAfterTheRest) {
    const qr::ModuleGrid g = testsupport::qrencode_fixture("finders read wide under blur", 'M', 9);
    ASSERT_EQ(g.size, 53);
    testsupport::RenderParams p;
    p.moduleSize = 3;
    p.width = p.height = 3 * 53 + 40;
    p.noise = 2;
    const auto r = testsupport::render(g, p);
    Binarized bf;
    binarize_and_find(r.view(), bf);
    ASSERT_GE(bf.f.size(), 3u);
    darken_separators(r, 3.0f, bf.b);
    qr::LocateScratch ls;
    std::vector<qr::SymbolCandidate> c;
    const auto trueDimensionAt = [&c]() -> int {
        for (size_t i = 0; i < c.size(); ++i)
            if (c[i].open == 0 && c[i].dimension == 53) return static_cast<int>(i);
        return -1;
    };
    qr::propose_symbols(r.view(), bf.b, bf.f, {}, ls, c);
    ASSERT_FALSE(c.empty());
    EXPECT_EQ(trueDimensionAt(), -1);  // the finders' widths make the symbol look smaller
    const std::vector<qr::SymbolCandidate> asEstimated = c;
    qr::LocateOptions larger;
    larger.largerDimensions = true;
    qr::propose_symbols(r.view(), bf.b, bf.f, larger, ls, c);
    const int at = trueDimensionAt();
    ASSERT_GE(at, 0);
    // Only added (within the same bound on candidates): what was offered before is offered in the same
    // order, and each triple's dimensions as estimated come before its larger one.
    const auto same = [](const qr::SymbolCandidate& x, const qr::SymbolCandidate& y) {
        return x.dimension == y.dimension && x.triple == y.triple && qr::distance(x.topLeft, y.topLeft) < 1e-3f;
    };
    size_t matched = 0;
    for (const qr::SymbolCandidate& k : c)
        if (matched < asEstimated.size() && same(k, asEstimated[matched])) ++matched;
    EXPECT_EQ(matched, std::min(asEstimated.size(), c.size() - 1));
    for (int i = at + 1; i < static_cast<int>(c.size()); ++i)
        if (c[static_cast<size_t>(i)].triple == c[static_cast<size_t>(at)].triple) EXPECT_GE(c[static_cast<size_t>(i)].dimension, 53);
    qr::SymbolGeometry geometry;
    ASSERT_TRUE(qr::build_geometry(r.view(), c[static_cast<size_t>(at)], false, geometry));
    EXPECT_GT(geometry.timing, 0.9f);
    EXPECT_LT(worst_error(geometry, r, 3), 0.2f);
}

TEST(Locate, FindersWithWrongTimingPatternsAreNotProposed) {
    // Three finder patterns at symbol spacing, with row 6 and column 6 between them alternating out of
    // phase with the timing patterns of 6.3.5 (dark at odd positions): at 29 modules that is worse than
    // random modules, so no geometry of that size is worth building (other sizes read it at random).
    const qr::ModuleGrid real = testsupport::qrencode_fixture("finders only", 'M', 3);
    ASSERT_EQ(real.size, 29);
    qr::ModuleGrid g = qr::ModuleGrid::blank(29);
    for (int y = 0; y < 29; ++y)
        for (int x = 0; x < 29; ++x)
            if ((x < 8 && y < 8) || (x >= 21 && y < 8) || (x < 8 && y >= 21)) g.set(x, y, real.dark(x, y));
    for (int i = 8; i < 21; ++i) {
        g.set(i, 6, i % 2 == 1);
        g.set(6, i, i % 2 == 1);
    }
    testsupport::RenderParams p;
    p.moduleSize = 4;
    p.noise = 2;
    const auto r = testsupport::render(g, p);
    Binarized bf;
    binarize_and_find(r.view(), bf);
    auto& b = bf.b;
    auto& f = bf.f;
    ASSERT_EQ(f.size(), 3u);
    qr::LocateScratch ls;
    std::vector<qr::SymbolCandidate> c;
    const auto has29 = [&c] {
        return std::any_of(c.begin(), c.end(), [](const qr::SymbolCandidate& x) { return x.dimension == 29; });
    };
    qr::propose_symbols(r.view(), b, f, {}, ls, c);
    EXPECT_FALSE(has29());
    qr::LocateOptions all;
    all.minRoughTiming = 0;
    qr::propose_symbols(r.view(), b, f, all, ls, c);
    EXPECT_TRUE(has29());  // ungated
    // The real symbol with the same finders is proposed.
    const auto full = testsupport::render(real, p);
    binarize_and_find(full.view(), bf);
    qr::propose_symbols(full.view(), b, f, {}, ls, c);
    ASSERT_FALSE(c.empty());
    EXPECT_EQ(c[0].dimension, 29);
}

TEST(Locate, TimingScoreTellsSymbolsFromNoise) {
    const qr::ModuleGrid g = testsupport::qrencode_fixture("timing", 'M', 2);
    ASSERT_EQ(g.size, 25);
    testsupport::RenderParams p;
    p.moduleSize = 5;
    const auto r = testsupport::render(g, p);
    EXPECT_EQ(qr::timing_score(r.view(), r.moduleToImage, 25, false), 1.0f);
    EXPECT_EQ(qr::timing_score(r.view(), r.moduleToImage, 25, true), 0.0f);
}

}  // namespace

// The decoder tries the unrefined geometry first and refines it in place (refine_geometry) only when it
// does not read: the staged geometry must be exactly the one built in one go.
TEST(Locate, RefiningInStepsGivesTheSameGeometry) {
    const qr::ModuleGrid g = testsupport::qrencode_fixture("staged refinement", 'M', 7);
    ASSERT_EQ(g.size, 45) << "reference grid fixture missing?";
    testsupport::RenderParams p;
    p.moduleSize = 2.5f;
    p.width = p.height = 240;
    p.angleDeg = 23;
    p.tilt = 0.1f;
    p.blurSigma = 0.6f;
    const auto r = testsupport::render(g, p);
    Binarized bf;
    binarize_and_find(r.view(), bf);
    auto& b = bf.b;
    auto& f = bf.f;
    qr::LocateScratch ls;
    std::vector<qr::SymbolCandidate> candidates;
    qr::propose_symbols(r.view(), b, f, {}, ls, candidates);
    ASSERT_FALSE(candidates.empty());
    qr::SymbolGeometry whole, staged;
    ASSERT_TRUE(qr::build_geometry(r.view(), candidates[0], false, whole));
    ASSERT_TRUE(qr::build_geometry(r.view(), candidates[0], false, staged, 0));
    for (int pass = 0; pass < qr::kRefinePasses; ++pass) qr::refine_geometry(r.view(), candidates[0], false, staged);
    EXPECT_EQ(staged.moduleToImage.m, whole.moduleToImage.m);
    EXPECT_EQ(staged.timing, whole.timing);
    EXPECT_EQ(staged.score, whole.score);
    EXPECT_EQ(staged.refinePasses, whole.refinePasses);
}

// A version 8 card payload (49 modules) rendered with `p`, its top-left finder then reported as a card's
// header text makes the detector report it: `dx`, `dy` modules off its centre, its modules `widthScale`
// times the true size, seen on `hits` lines (0: the detection kept, only moved and widened), its partners
// on at least `partnerHits`. Fails the test unless propose_symbols offers the true dimension with the
// true top-left centre (within `within` modules) and its geometry lies on the true grid.
struct TopLeftAsSeen {
    float dx = 0, dy = 0, widthScale = 1;
    int hits = 0, partnerHits = 0;
    float within = 1;
};

void expect_true_candidate(testsupport::RenderParams p, const TopLeftAsSeen& seenAs,
                           const std::function<void(testsupport::Rendered&)>& draw = {}) {
    const qr::ModuleGrid g = testsupport::qrencode_fixture("012345678901|123456789|Nguyễn Văn An|01011990|Nam|Số 1, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh|15042021", 'M', 8);
    ASSERT_EQ(g.size, 49);
    auto r = testsupport::render(g, p);
    if (draw) draw(r);
    Binarized bf;
    binarize_and_find(r.view(), bf);
    const qr::Point tl = r.moduleToImage.map({3.5f, 3.5f});
    const auto near_tl = [&](const qr::FinderPattern& f) { return std::hypot(f.center.x - tl.x, f.center.y - tl.y) < 3 * p.moduleSize; };
    qr::FinderPattern seen;
    if (seenAs.hits == 0) {
        const auto at = std::find_if(bf.f.begin(), bf.f.end(), near_tl);
        ASSERT_NE(at, bf.f.end());
        seen = *at;
    }
    std::erase_if(bf.f, near_tl);
    for (qr::FinderPattern& f : bf.f) f.hits = std::max(f.hits, seenAs.partnerHits);
    seen.center = {tl.x + seenAs.dx * p.moduleSize, tl.y + seenAs.dy * p.moduleSize};
    seen.moduleSize = seenAs.widthScale * p.moduleSize;
    if (seenAs.hits > 0) seen.hits = seenAs.hits;
    bf.f.insert(bf.f.begin(), seen);
    qr::LocateScratch ls;
    std::vector<qr::SymbolCandidate> c;
    qr::propose_symbols(r.view(), bf.b, bf.f, {}, ls, c);
    const auto right = std::find_if(c.begin(), c.end(), [&](const qr::SymbolCandidate& k) {
        return k.dimension == 49 && std::hypot(k.topLeft.x - tl.x, k.topLeft.y - tl.y) < seenAs.within * p.moduleSize;
    });
    ASSERT_NE(right, c.end()) << c.size() << " candidates, first of dimension " << (c.empty() ? 0 : c[0].dimension);
    qr::SymbolGeometry geometry;
    ASSERT_TRUE(qr::build_geometry(r.view(), *right, false, geometry));
    EXPECT_LT(worst_error(geometry, r, p.moduleSize), 0.25f);
}

// A card's header text runs into the top-left finder (cccd-print fronts, "NAM" touching it): the finder
// is seen with its centre pulled 2 modules towards the text and its modules read 30 % wide, which made
// version 8 look like version 6, and no candidate had the right dimension. The finder sought again on the
// grey image gives it.
TEST(Locate, FinderMergedWithTextBesideItStillGivesTheDimension) {
    testsupport::RenderParams p;
    p.moduleSize = 4;
    p.width = p.height = 300;
    p.quietZone = 6;
    // Text touching the finder's left edge along its height, 2 modules wide; the finder as the detector
    // reported it on such a card (cccd-print front card-0020: 7.7 px left of its centre, 5.21 px modules
    // against its partners' 4.0).
    expect_true_candidate(p, {.dx = -1.9f, .dy = 0, .widthScale = 1.3f, .hits = 3}, [&](testsupport::Rendered& r) {
        const qr::Point o = r.corners[0];
        for (int y = static_cast<int>(o.y); y < static_cast<int>(o.y + 7 * p.moduleSize); ++y)
            for (int x = static_cast<int>(o.x - 2 * p.moduleSize); x < static_cast<int>(o.x); ++x)
                r.pixels[static_cast<size_t>(y * r.width + x)] = p.dark;
    });
}

// The header text printed over the top-left finder's light ring (cccd-print front card-0080, "NAM"): only
// one scan line reads the finder, its centre 3 modules off towards the text, its modules 16 % wide (under
// the 20 % that marks a merged finder). Seen on a line where its partners are seen on a dozen, it is sought
// again by its ring template, farther than a wide one is.
TEST(Locate, FinderSeenOnOneLineBesideWellSeenPartnersIsSoughtAgain) {
    testsupport::RenderParams p;
    p.moduleSize = 4.5f;
    p.width = p.height = 320;
    p.angleDeg = -11;
    expect_true_candidate(p, {.dx = -2.4f, .dy = 1.9f, .widthScale = 1.16f, .hits = 1, .partnerHits = 12});
}

// Text printed over the top-left finder but not over all its lines (cccd-print front card-0054): the three
// finders are seen whole on a dozen lines each, but the top-left one's centre is off by most of a module, so
// the timing row is sampled beside itself and no dimension's timing lines up. All three are sought again.
TEST(Locate, WellSeenTripleWhoseTimingLinesUpUnderNoDimensionIsSoughtAgain) {
    testsupport::RenderParams p;
    p.moduleSize = 3.7f;
    p.width = p.height = 260;
    p.angleDeg = -2.4f;
    p.quietZone = 6;
    expect_true_candidate(p, {.dx = -0.8f, .dy = 0.8f, .widthScale = 1.1f, .within = 0.5f});
}

// Printed fronts (tools/cardgen) whose header text runs into the top-left finder so that it is seen only as
// an open finder: its runs are as wide as the text, so its shape must not judge whether it is the corner.
// The open triple with it ranks first among the open candidates, and the frame reads. Before, its shape
// ranked it below look-alikes and these four were not read at all.
TEST(Locate, OpenCornerFinderIsNotJudgedByItsShape) {
    for (uint32_t seed : {20021u, 20029u, 20060u, 20061u}) {
        const cardgen::CardPhoto photo = cardgen::make_card_photo(cardgen::random_spec(cardgen::Side::front, seed));
        ASSERT_TRUE(photo.ok()) << photo.error;
        const testsupport::PhotoAtTrueCorners at = testsupport::at_true_corners(photo);
        const image::ImageView view = at.view();
        const qr::Point tl = at.geometry.moduleToImage.map({3.5f, 3.5f});
        Binarized bf;
        image::binarize_local(view, {8, 2, 24, 8, 3, 8}, bf.scratch, bf.map, bf.b);
        qr::find_finder_patterns(bf.b, {1, false, true}, bf.f);
        qr::LocateScratch ls;
        std::vector<qr::SymbolCandidate> c;
        qr::propose_symbols(view, bf.b, bf.f, {}, ls, c);
        const auto open = std::find_if(c.begin(), c.end(), [](const qr::SymbolCandidate& k) { return k.open > 0; });
        ASSERT_NE(open, c.end()) << "seed " << seed;
        EXPECT_LT(std::hypot(open->topLeft.x - tl.x, open->topLeft.y - tl.y), photo.modulePx) << "seed " << seed;
        qr::Decoder decoder;
        const qr::DecodeResult r = decoder.decode(view);
        ASSERT_TRUE(r.found()) << "seed " << seed << ": " << r.message;
        EXPECT_EQ(r.symbols[0].data.text, photo.payload) << "seed " << seed;
    }
}

// A card held at a steep lean (tilt 0.25, about 48 degrees): the symbol's corner is far from square and a leg
// is as long as the hypotenuse, so the other corner of the same three finders ranks first by shape. The
// corner whose timing patterns line up is the one offered (locate.cpp, other_corner). Generated fronts
// whose first binarization reads only so (two with the top-left finder open, two with all three whole).
TEST(Locate, SteepLeanTheCornerWhoseTimingLinesUpIsOffered) {
    for (uint32_t seed : {300050u, 300065u, 300135u, 300164u}) {
        cardgen::CardSpec spec = cardgen::random_spec(cardgen::Side::front, seed);
        spec.tilt = 0.25;
        const cardgen::CardPhoto photo = cardgen::make_card_photo(spec);
        ASSERT_TRUE(photo.ok()) << photo.error;
        const testsupport::PhotoAtTrueCorners at = testsupport::at_true_corners(photo);
        const image::ImageView view = at.view();
        const float d = static_cast<float>(at.geometry.dimension), px = static_cast<float>(photo.modulePx);
        const qr::Point tl = at.geometry.moduleToImage.map({3.5f, 3.5f}), tr = at.geometry.moduleToImage.map({d - 3.5f, 3.5f}),
                        bl = at.geometry.moduleToImage.map({3.5f, d - 3.5f});
        // The leaning symbol: a leg as long as the hypotenuse, or longer.
        EXPECT_GT(std::max(qr::distance(tl, tr), qr::distance(tl, bl)), 0.9f * qr::distance(tr, bl)) << "seed " << seed;
        Binarized bf;
        image::binarize_local(view, qr::default_pipeline_config().steps[0].local, bf.scratch, bf.map, bf.b);
        qr::find_finder_patterns(bf.b, {1, false, true}, bf.f);
        qr::LocateScratch ls;
        std::vector<qr::SymbolCandidate> c;
        qr::propose_symbols(view, bf.b, bf.f, {}, ls, c);
        const auto near = [&](qr::Point a, qr::Point b) { return qr::distance(a, b) < 2.0f * px; };
        const auto symbols = [&](const qr::SymbolCandidate& k) {
            const std::array<qr::Point, 3> seen{k.topLeft, k.topRight, k.bottomLeft};
            return std::all_of(seen.begin(), seen.end(), [&](qr::Point p) { return near(p, tl) || near(p, tr) || near(p, bl); });
        };
        const auto first = std::find_if(c.begin(), c.end(), symbols);
        ASSERT_NE(first, c.end()) << "seed " << seed << ": the symbol's finders make no candidate";
        EXPECT_TRUE(near(first->topLeft, tl)) << "seed " << seed << ": another corner offered";
        EXPECT_EQ(first->dimension, at.geometry.dimension) << "seed " << seed;
        qr::Decoder decoder;
        const qr::DecodeResult r = decoder.decode(view);
        ASSERT_TRUE(r.found()) << "seed " << seed << ": " << r.message;
        EXPECT_EQ(r.symbols[0].data.text, photo.payload) << "seed " << seed;
    }
}

// Module sizes from run lengths are good to a few percent, and the fourth corner they place under
// perspective (fourth_corner.hpp) moves by modules with them (shared back 0059: its bottom-left finder read
// 7 % small put the corner 2 modules off, and the true dimension's timing scored 0.42-0.53 there, 0.64-0.76
// under the parallelogram). A dimension whose timing lines up under neither gate with the sizes is judged
// under the parallelogram too (modules under 2.5 px). A generated front leaning at tilt 0.25 that the
// decoder reads only so.
TEST(Locate, FinderSizesThatMisplaceTheFourthCornerLeaveTheParallelogram) {
    cardgen::CardSpec spec = cardgen::random_spec(cardgen::Side::front, 300153);
    spec.tilt = 0.25;
    const cardgen::CardPhoto photo = cardgen::make_card_photo(spec);
    ASSERT_TRUE(photo.ok()) << photo.error;
    const std::vector<uint8_t> gray = cardgen::luma(photo);
    qr::Decoder decoder;
    const qr::DecodeResult r = decoder.decode({gray.data(), photo.width, photo.height, photo.width});
    ASSERT_TRUE(r.found()) << r.message;
    EXPECT_EQ(r.symbols[0].data.text, photo.payload);
}

// At 1.25-1.35 px a module (a whole card at arm's length in a 720p frame), or with one axis foreshortened
// to that by a steep lean, blur fills a finder's light ring so that it is no lighter than the 7x7 mean
// around it: no binarization showed the finder, and no pair had its third. The last step judges the pixels
// its fine window leaves undecided in a 5x5 window too (image/binarize_local.hpp). Generated cards that the
// decoder reads only so: fronts at 1.35 and 1.25 px, a back at tilt 0.25 (1920x1080), a front at 0.25
// (350028 was one until squashed finders were confirmed: finder.cpp).
TEST(Locate, SmallFindersKeepTheirLightRingsInTheInnerFineWindow) {
    struct Card {
        cardgen::Side side;
        uint32_t seed;
        double modulePx, tilt;  // 0, -1: the seed's own
    };
    const Card cards[] = {{cardgen::Side::front, 50036, 1.35, -1}, {cardgen::Side::front, 6002, 1.25, -1},
                          {cardgen::Side::back, 310037, 0, 0.25}, {cardgen::Side::front, 350039, 0, 0.25}};
    qr::PipelineConfig without = qr::default_pipeline_config();
    ASSERT_GT(without.steps[2].local.innerFineRadius, 0);
    without.steps[2].local.innerFineRadius = 0;
    qr::DecodeOptions options;
    options.tryHarder = true;
    qr::DecoderScratch scratch;
    for (const Card& c : cards) {
        cardgen::CardSpec spec = cardgen::random_spec(c.side, c.seed, c.modulePx > 0 ? cardgen::Difficulty::ladder(c.modulePx)
                                                                                     : cardgen::Difficulty::normal());
        if (c.modulePx > 0) spec.modulePx = c.modulePx, spec.width = 1280, spec.height = 720;
        if (c.tilt >= 0) spec.tilt = c.tilt;
        const cardgen::CardPhoto photo = cardgen::make_card_photo(spec);
        ASSERT_TRUE(photo.ok()) << photo.error;
        const std::vector<uint8_t> gray = cardgen::luma(photo);
        const image::ImageView view{gray.data(), photo.width, photo.height, photo.width};
        qr::Decoder decoder;
        const qr::DecodeResult r = decoder.decode(view, options);
        ASSERT_TRUE(r.found()) << "seed " << c.seed << ": " << r.message;
        EXPECT_EQ(r.symbols[0].data.text, photo.payload) << "seed " << c.seed;
        EXPECT_FALSE(qr::run_pipeline(view, options, without, scratch, &qr::decode_grid).found())
            << "seed " << c.seed << " reads without the inner window: no longer a case for it";
    }
}

// next_proposal hands out propose_symbols' candidates one at a time, making those of as few triples as it
// needs: on printed cards (look-alike finders in the card's print make dozens of triples) the walk must stay
// in score order with the same bounds on candidates, and the first candidate must come from the first slots.
TEST(Locate, ProposalsComeOneAtATimeInScoreOrder) {
    for (uint32_t seed : {700001u, 700002u, 700003u, 700004u, 700005u, 700006u}) {
        const cardgen::Side side = seed % 2 ? cardgen::Side::front : cardgen::Side::back;
        const cardgen::CardPhoto photo = cardgen::make_card_photo(cardgen::random_spec(side, seed));
        ASSERT_TRUE(photo.ok()) << photo.error;
        const std::vector<uint8_t> gray = cardgen::luma(photo);
        const image::ImageView view{gray.data(), photo.width, photo.height, photo.width};
        Binarized bf;
        image::binarize_local(view, qr::default_pipeline_config().steps[0].local, bf.scratch, bf.map, bf.b);
        qr::find_finder_patterns(bf.b, {1, false, true}, bf.f);
        for (const bool larger : {false, true}) {
            qr::LocateOptions options;
            options.largerDimensions = larger;
            qr::LocateScratch walk;
            qr::begin_proposals(bf.b, bf.f, options, walk);
            std::vector<qr::SymbolCandidate> handed;
            qr::SymbolCandidate c;
            while (qr::next_proposal(view, bf.b, bf.f, options, walk, c)) {
                handed.push_back(c);
                // The first symbol's triple ranks first among hundreds of look-alikes: none after it was ranked.
                if (handed.size() == 1) EXPECT_EQ(walk.cursor.next, 1u) << "seed " << seed << ", of " << walk.triples.size();
            }
            ASSERT_FALSE(handed.empty()) << "seed " << seed;
            for (size_t i = 1; i < handed.size(); ++i)
                EXPECT_GE(handed[i - 1].score, handed[i].score) << "seed " << seed << ", candidate " << i;
            const auto open = std::count_if(handed.begin(), handed.end(), [](const qr::SymbolCandidate& k) { return k.open > 0; });
            EXPECT_LE(open, options.maxOpenCandidates) << "seed " << seed;
            EXPECT_LE(static_cast<long>(handed.size()) - open, options.maxCandidates) << "seed " << seed;
            // The whole list, from a scratch of its own, is the same.
            qr::LocateScratch other;
            std::vector<qr::SymbolCandidate> all;
            qr::propose_symbols(view, bf.b, bf.f, options, other, all);
            ASSERT_EQ(all.size(), handed.size()) << "seed " << seed;
            for (size_t i = 0; i < all.size(); ++i) {
                EXPECT_EQ(all[i].dimension, handed[i].dimension) << "seed " << seed << ", candidate " << i;
                EXPECT_EQ(all[i].triple, handed[i].triple) << "seed " << seed << ", candidate " << i;
                EXPECT_LT(qr::distance(all[i].topLeft, handed[i].topLeft), 1e-4f) << "seed " << seed << ", candidate " << i;
            }
        }
    }
}

// A pair of finders seen whole with the third sought beside it (missing_finder.hpp) gives an open triple
// for each place found, all shaped alike. At 1.35 px a module, with look-alike places listed before the true
// one, the triples are chosen by how well their timing patterns line up (rank_open_triples), not by order.
TEST(Locate, OpenTriplesOfSmallModulesAreChosenByTheirTiming) {
    SmallScene s;
    small_version9(320, 10, s);
    ASSERT_EQ(s.grid.size, 53);
    const testsupport::Rendered& r = s.image;
    const qr::Point tl = r.moduleToImage.map({3.5f, 3.5f}), tr = r.moduleToImage.map({49.5f, 3.5f}),
                    bl = r.moduleToImage.map({3.5f, 49.5f});
    // The places missing_finder.cpp predicts beside the pair (tr, bl): each end turned by 90 degrees either
    // way, and the diagonal's other ends (the true top-left and the bottom-right).
    const qr::Point d{bl.x - tr.x, bl.y - tr.y}, n{-d.y, d.x}, mid{(tr.x + bl.x) * 0.5f, (tr.y + bl.y) * 0.5f};
    const qr::Point br{mid.x + (mid.x - tl.x), mid.y + (mid.y - tl.y)};
    std::vector<qr::FinderPattern> finders{{tr, 1.35f, 4, false}, {bl, 1.35f, 4, false}, {br, 1.35f, 1, true}};
    for (const qr::Point end : {tr, bl})
        for (const float s : {1.0f, -1.0f}) finders.push_back({{end.x + s * n.x, end.y + s * n.y}, 1.35f, 1, true});
    finders.push_back({tl, 1.35f, 1, true});
    qr::LocateScratch ls;
    std::vector<qr::SymbolCandidate> c;
    qr::propose_symbols(r.view(), s.bin.b, finders, {}, ls, c);
    const auto found = std::find_if(c.begin(), c.end(), [&](const qr::SymbolCandidate& k) {
        return k.dimension == 53 && qr::distance(k.topLeft, tl) < 1.0f;
    });
    ASSERT_NE(found, c.end()) << c.size() << " candidates";
    qr::SymbolGeometry geometry;
    ASSERT_TRUE(qr::build_geometry(r.view(), *found, false, geometry));
    EXPECT_LT(worst_error(geometry, r, 1.35f), 0.3f);
}

// At 1.35 px a module blur fills the separators, so the walk across each finder reads it 9 modules wide and
// the symbol versions smaller; the scan's run lengths (the finders' module size) still give the true size,
// and below 1.8 px the dimensions offered reach up to what they give (add_dimension_options).
TEST(Locate, SmallModulesWhoseFindersReadWideStillOfferTheTrueDimension) {
    SmallScene s;
    small_version9(120, 0, s);
    ASSERT_EQ(s.grid.size, 53);
    const testsupport::Rendered& r = s.image;
    darken_separators(r, 1.35f, s.bin.b);
    const std::vector<qr::FinderPattern> finders{{r.moduleToImage.map({3.5f, 3.5f}), 1.35f, 4, false},
                                                 {r.moduleToImage.map({49.5f, 3.5f}), 1.35f, 4, false},
                                                 {r.moduleToImage.map({3.5f, 49.5f}), 1.35f, 4, false}};
    qr::LocateScratch ls;
    std::vector<qr::SymbolCandidate> c;
    qr::propose_symbols(r.view(), s.bin.b, finders, {}, ls, c);
    ASSERT_FALSE(c.empty());
    // The best dimension first: the timing patterns line up at 53 only.
    EXPECT_EQ(c.front().dimension, 53);
}
