// Tests for src/qr/detect/triples.cpp: the right-angle corner becomes top-left, the cross product orients the
// other two, implausible triangles are dropped, and the real symbol outranks a decoy.
#include "qr/detect/triples.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace {

using cccd::qr::FinderPattern;
using cccd::qr::FinderTriple;

FinderPattern at(float x, float y, float ms = 4, int hits = 5) { return {{x, y}, ms, hits}; }

TEST(Triples, OrientsTheCornerAndTheLegs) {
    // Image coordinates, y down: top-left (100,100), top-right (200,100), bottom-left (100,200).
    const std::vector<FinderPattern> f = {at(200, 100), at(100, 200), at(100, 100)};
    std::vector<FinderTriple> t;
    cccd::qr::rank_triples(f, 10, t);
    ASSERT_EQ(t.size(), 1u);
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
    ASSERT_EQ(t.size(), 1u);
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

TEST(Triples, SteepLeanOffersTheCornerOppositeTheShortestSide) {
    // A front leaning about 60 degrees (generated, tilt 0.3): legs of 150 and 130 pixels at 48 degrees, so
    // the true hypotenuse (115) is the shortest side. Its corner is offered too; propose_symbols then takes
    // the corner whose timing lines up (locate.cpp).
    const std::vector<FinderPattern> f = {at(0, 0, 3.1f), at(150, 0, 3.0f), at(87.3f, 96.4f, 3.2f)};
    std::vector<FinderTriple> t;
    cccd::qr::rank_triples(f, 10, t);
    const bool offered = std::any_of(t.begin(), t.end(), [](const FinderTriple& x) { return x.topLeft == 0; });
    EXPECT_TRUE(offered) << t.size() << " triples";
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

}  // namespace
