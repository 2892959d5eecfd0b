// Tests for src/qr/detect/triples.cpp: the right-angle corner becomes top-left, the cross product orients the
// other two, implausible triangles are dropped, and the real symbol outranks a decoy.
#include "qr/detect/triples.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <vector>

#include "support/draw_finder.hpp"

namespace {

using cccd::qr::FinderPattern;
using cccd::qr::FinderTriple;

FinderPattern at(float x, float y, float ms = 4, int hits = 5) { return {{x, y}, ms, hits}; }

TEST(Triples, OrientsTheCornerAndTheLegs) {
    // Image coordinates, y down: top-left (100,100), top-right (200,100), bottom-left (100,200).
    const std::vector<FinderPattern> f = {at(200, 100), at(100, 200), at(100, 100)};
    std::vector<FinderTriple> t;
    cccd::qr::rank_triples(f, 10, t);
    // Legs at 0.71 of the hypotenuse offer the other two corners too (a steep lean: triples.cpp), after it.
    ASSERT_EQ(t.size(), 3u);
    EXPECT_GT(t[0].score, t[1].score + 0.5f);
    EXPECT_EQ(t[0].topLeft, 2);
    EXPECT_EQ(t[0].topRight, 0);
    EXPECT_EQ(t[0].bottomLeft, 1);
}

TEST(Triples, MirroredSymbolComesOutTransposed) {
    // Seen from behind, "top-right" lies below the corner: the cross product swaps the legs, so the grid
    // is read transposed (which the grid decoder undoes).
    const std::vector<FinderPattern> f = {at(100, 100), at(100, 200), at(200, 100)};
    std::vector<FinderTriple> t;
    cccd::qr::rank_triples(f, 10, t);
    ASSERT_FALSE(t.empty());
    EXPECT_EQ(t[0].topLeft, 0);
    EXPECT_EQ(t[0].topRight, 2);
    EXPECT_EQ(t[0].bottomLeft, 1);
}

TEST(Triples, RejectsImplausibleShapes) {
    std::vector<FinderTriple> t;
    cccd::qr::rank_triples(std::vector<FinderPattern>{at(0, 0), at(100, 0), at(200, 0)}, 10, t);  // a line
    EXPECT_TRUE(t.empty());
    cccd::qr::rank_triples(std::vector<FinderPattern>{at(0, 0, 4), at(100, 0, 12), at(0, 100, 4)}, 10, t);  // sizes
    EXPECT_TRUE(t.empty());
    cccd::qr::rank_triples(std::vector<FinderPattern>{at(0, 0), at(20, 0), at(0, 20)}, 10, t);  // 5 modules apart
    EXPECT_TRUE(t.empty());
}

TEST(Triples, StrongPerspectiveOffersBothCorners) {
    // The finders of zxing-samples qrcode-2/fix-finderpattern-order.png: the near finder looks twice the far
    // one and two sides are equally long, so the true corner (46.9, 116.9) is not opposite the longest side.
    const std::vector<FinderPattern> f = {at(192.0f, 170.4f, 10.33f), at(46.9f, 116.9f, 8.37f), at(122.9f, 33.3f, 5.31f)};
    std::vector<FinderTriple> t;
    cccd::qr::rank_triples(f, 10, t);
    // Its sides are 155, 121 and 113 pixels: every corner is offered, the third corner too (at 0.73 of the
    // longest side).
    ASSERT_EQ(t.size(), 3u);
    EXPECT_EQ(t[0].topLeft, 2);  // opposite the (slightly) longest side: ranked first, the finders' shape decides
    EXPECT_EQ(t[1].topLeft, 1);
    EXPECT_EQ(t[1].topRight, 2);  // oriented: (top-right - top-left) x (bottom-left - top-left) > 0
    EXPECT_EQ(t[1].bottomLeft, 0);
    EXPECT_EQ(t[2].topLeft, 0);
}

// Whether some triple offered has finder 0 as its corner.
testing::AssertionResult offers_first_as_corner(const std::vector<FinderPattern>& f) {
    std::vector<FinderTriple> t;
    cccd::qr::rank_triples(f, 10, t);
    if (std::any_of(t.begin(), t.end(), [](const FinderTriple& x) { return x.topLeft == 0; }))
        return testing::AssertionSuccess();
    return testing::AssertionFailure() << "not among " << t.size() << " triples";
}

TEST(Triples, SteepLeanOffersTheCornerOppositeTheShortestSide) {
    // A front leaning about 60 degrees (generated, tilt 0.3): legs of 150 and 130 pixels at 48 degrees, so
    // the true hypotenuse (115) is the shortest side. Its corner is offered too; propose_symbols then takes
    // the corner whose timing lines up (locate.cpp).
    EXPECT_TRUE(offers_first_as_corner({at(0, 0, 3.1f), at(150, 0, 3.0f), at(87.3f, 96.4f, 3.2f)}));
}

TEST(Triples, SteeperLeanOffersACornerWhoseHypotenuseIsSeventyPercentOfTheLongestSide) {
    // Generated front 0004 at tilt 0.3: legs of 150 and 144 pixels, the true hypotenuse 105 (0.70 of the
    // longest side). Offered since corners opposite sides down to 0.68 of the longest are (0.72 before the
    // legs were counted in modules).
    EXPECT_TRUE(offers_first_as_corner({at(0, 0, 3.1f), at(150, 0, 3.0f), at(107.4f, 96.0f, 3.2f)}));
}

TEST(Triples, TheSquarerTripleRanksFirst) {
    const std::vector<FinderPattern> f = {at(100, 100), at(300, 100), at(100, 300), at(380, 330, 4, 2)};
    std::vector<FinderTriple> t;
    cccd::qr::rank_triples(f, 10, t);
    ASSERT_FALSE(t.empty());
    EXPECT_EQ(t[0].topLeft, 0);
    EXPECT_EQ(t[0].topRight, 1);
    EXPECT_EQ(t[0].bottomLeft, 2);
}

TEST(Triples, LegsCountedInModulesRankALeaningSymbolFirst) {
    // A version 2 symbol (25 modules) seen at a steep lean: modules 6 px wide and 3 tall, so its legs are
    // 108 and 54 px. A decoy of square 4 px modules, legs 80 and 64 px (1.25 apart in modules too).
    cccd::image::BitMatrix b;
    b.reset(400, 300);
    std::vector<FinderPattern> f;
    const auto add = [&](int x, int y, int mx, int my) {
        testsupport::draw_finder(b, static_cast<float>(x), static_cast<float>(y), static_cast<float>(mx), static_cast<float>(my));
        f.push_back(at(static_cast<float>(x), static_cast<float>(y), (static_cast<float>(mx) + static_cast<float>(my)) / 2));
    };
    add(40, 40, 6, 3), add(148, 40, 6, 3), add(40, 94, 6, 3);       // the leaning symbol
    add(220, 150, 4, 4), add(300, 150, 4, 4), add(220, 214, 4, 4);  // the decoy
    const auto first_is_symbol = [&](const std::vector<FinderTriple>& t) {
        return !t.empty() && t[0].topLeft == 0 && std::max(t[0].topRight, t[0].bottomLeft) == 2;
    };
    std::vector<FinderTriple> shape, counted;
    cccd::qr::rank_triples(f, 10, shape);
    cccd::qr::rank_triples(f, 10, counted, &b);
    EXPECT_FALSE(first_is_symbol(shape));  // 2:1 legs in pixels
    EXPECT_TRUE(first_is_symbol(counted));
    // Only the first exactTop are as if all had been counted; with one, the symbol still comes first.
    cccd::qr::rank_triples(f, 10, counted, &b, 1);
    EXPECT_TRUE(first_is_symbol(counted));
}

TEST(Triples, FindersFarUnlikeInAspectRankBelowFindersAlike) {
    // Two symbols of the same shape and evidence; the one listed first has one finder squashed to 0.45 of
    // its width and two square ones (a look-alike of the print among them), the other three alike at 0.45.
    const auto with_aspect = [](FinderPattern f, float aspect) { f.aspect = aspect; return f; };
    std::vector<FinderPattern> f = {at(100, 100), at(200, 100), at(100, 200), at(400, 100), at(500, 100), at(400, 200)};
    std::vector<FinderTriple> t;
    cccd::qr::rank_triples(f, 10, t);
    ASSERT_FALSE(t.empty());
    EXPECT_EQ(t[0].topLeft, 0);  // unmeasured aspects: the first listed
    f = {with_aspect(f[0], 0.45f), with_aspect(f[1], 1.0f), with_aspect(f[2], 1.0f),
         with_aspect(f[3], 0.45f), with_aspect(f[4], 0.42f), with_aspect(f[5], 0.5f)};
    cccd::qr::rank_triples(f, 10, t);
    ASSERT_FALSE(t.empty());
    EXPECT_EQ(t[0].topLeft, 3);
    EXPECT_EQ(std::min(t[0].topRight, t[0].bottomLeft), 4);
    EXPECT_EQ(std::max(t[0].topRight, t[0].bottomLeft), 5);
}

TEST(Triples, LegsUpToThreeTimesAsLongAsEachOtherInPixels) {
    // About 60 degrees of lean along one leg: 260 and 100 px (equal in modules) still make a triple; 330
    // and 100 do not.
    std::vector<FinderTriple> t;
    cccd::qr::rank_triples(std::vector<FinderPattern>{at(0, 0), at(260, 0), at(0, 100)}, 10, t);
    ASSERT_FALSE(t.empty());
    EXPECT_EQ(t[0].topLeft, 0);
    cccd::qr::rank_triples(std::vector<FinderPattern>{at(0, 0), at(330, 0), at(0, 100)}, 10, t);
    EXPECT_TRUE(t.empty());
}

}  // namespace
