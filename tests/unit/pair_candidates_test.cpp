// Tests for src/qr/detect/pair_candidates.cpp and place_by_timing.cpp: a symbol one of whose finders a glare
// spot washed out is located from the other two, the third placed where they say and then moved to where
// the timing patterns line up, and the decoder reads it only so. (Placed as if the symbol were seen square,
// it is off by modules under a lean; the refinement leaves it out of the fit when it shows no ring,
// locate.cpp.)
#include "qr/detect/pair_candidates.hpp"
#include "qr/detect/place_by_timing.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "image/binarize_local.hpp"
#include "qr/detect/missing_finder.hpp"
#include "qr/grid/grid_decoder.hpp"
#include "qr/grid/sample.hpp"
#include "qr/pipeline.hpp"
#include "support/reference_encoders.hpp"
#include "support/render.hpp"

namespace {

using namespace cccd;

constexpr const char* kText = "a finder washed out by glare";

float dist(qr::Point a, qr::Point b) { return std::hypot(a.x - b.x, a.y - b.y); }

// The finder centre of corner k (0 top-left, 1 top-right, 2 bottom-left) in module coordinates.
qr::Point finder_module(int k, float d) { return {k == 1 ? d - 3.5f : 3.5f, k == 2 ? d - 3.5f : 3.5f}; }

// A laminate's hot spot over corner k's finder: white within 6 modules of its centre, fading out by 8, so
// that its rings are gone (no scan line, no ring contrast) as are the modules around it.
testsupport::Rendered washed_out(const qr::ModuleGrid& g, int k, float angle, float tilt, float squash = 1) {
    testsupport::RenderParams p;
    p.moduleSize = 3;
    p.squash = squash;
    p.angleDeg = angle;
    p.tilt = tilt;
    p.width = p.height = 360;
    p.blurSigma = 0.6f;
    p.noise = 2;
    testsupport::Rendered r = testsupport::render(g, p);
    const qr::Point c = r.moduleToImage.map(finder_module(k, static_cast<float>(g.size)));
    const float inner = 6 * p.moduleSize, outer = 8 * p.moduleSize;
    for (int y = 0; y < r.height; ++y)
        for (int x = 0; x < r.width; ++x) {
            const float t = std::clamp((outer - dist({static_cast<float>(x), static_cast<float>(y)}, c)) / (outer - inner), 0.0f, 1.0f);
            uint8_t& px = r.pixels[static_cast<size_t>(y) * static_cast<size_t>(r.width) + static_cast<size_t>(x)];
            px = static_cast<uint8_t>(std::lround(static_cast<float>(px) + t * (255.0f - static_cast<float>(px))));
        }
    return r;
}

struct Seen {
    image::ThresholdMap levels;
    image::BitMatrix binary;
    std::vector<qr::FinderPattern> finders;
};

Seen scan(const testsupport::Rendered& r) {
    Seen s;
    image::LocalBinarizeScratch scratch;
    image::binarize_local(r.view(), qr::default_pipeline_config().steps[0].local, scratch, s.levels, s.binary);
    qr::find_finder_patterns(s.binary, {1, false, true}, s.finders);
    return s;
}

TEST(PairCandidates, PlaceAFinderWashedOutByGlare) {
    const qr::ModuleGrid g = testsupport::qrencode_fixture(kText, 'M', 7);
    ASSERT_EQ(g.size, 45);
    const float d = static_cast<float>(g.size);
    for (int k = 0; k < 3; ++k)
        for (float angle : {0.0f, 25.0f, 140.0f}) {
            const auto r = washed_out(g, k, angle, 0.08f);
            const Seen s = scan(r);
            const qr::Point gone = r.moduleToImage.map(finder_module(k, d));
            // The two other finders are seen whole, nothing where the glare is.
            for (int other = 0; other < 3; ++other) {
                const qr::Point at = r.moduleToImage.map(finder_module(other, d));
                const bool seen = std::any_of(s.finders.begin(), s.finders.end(), [&](const qr::FinderPattern& f) {
                    return !f.open && dist(f.center, at) < 3;
                });
                EXPECT_EQ(seen, other != k) << "corner " << k << " angle " << angle << " finder " << other;
            }
            // The third-finder search finds no ring there to take.
            std::vector<qr::FinderPattern> searched = s.finders;
            qr::find_missing_finders(r.view(), s.finders, {}, searched);
            EXPECT_TRUE(std::none_of(searched.begin(), searched.end(), [&](const qr::FinderPattern& f) { return dist(f.center, gone) < 9; }))
                << "corner " << k << " angle " << angle;
            // A candidate with the finder placed near it, at the symbol's dimension (the decoder's
            // refinement then brings the geometry onto the symbol: the next test).
            std::vector<qr::SymbolCandidate> out;
            qr::propose_pair_candidates(r.view(), s.binary, s.finders, {}, out);
            const auto right = std::find_if(out.begin(), out.end(), [&](const qr::SymbolCandidate& c) {
                return c.dimension == g.size && dist(c.topLeft, r.moduleToImage.map(finder_module(0, d))) < 3 * 3.0f &&
                       dist(c.topRight, r.moduleToImage.map(finder_module(1, d))) < 3 * 3.0f &&
                       dist(c.bottomLeft, r.moduleToImage.map(finder_module(2, d))) < 3 * 3.0f;
            });
            ASSERT_NE(right, out.end()) << "corner " << k << " angle " << angle << ": " << out.size() << " candidates";
            EXPECT_EQ(right->open, 1);
        }
}

TEST(PairCandidates, TheDecoderReadsSuchSymbolsThroughThem) {
    const qr::ModuleGrid g = testsupport::qrencode_fixture(kText, 'M', 7);
    ASSERT_EQ(g.size, 45);
    qr::PipelineConfig without = qr::default_pipeline_config();
    without.pairCandidates = 0;
    qr::DecodeOptions options;
    options.tryHarder = true;
    int read = 0, readWithout = 0;
    for (int k = 0; k < 3; ++k)
        for (float angle : {0.0f, 25.0f, 140.0f}) {
            const auto r = washed_out(g, k, angle, 0.08f);
            qr::DecoderScratch scratch;
            const qr::DecodeResult with = qr::run_pipeline(r.view(), options, qr::default_pipeline_config(), scratch, &qr::decode_grid);
            if (with.found()) {
                EXPECT_EQ(with.symbols[0].data.text, kText);
                ++read;
            }
            readWithout += qr::run_pipeline(r.view(), options, without, scratch, &qr::decode_grid).found() ? 1 : 0;
        }
    // All but one: the bottom-left finder washed out at 25 degrees, where the glare takes the timing column
    // to it too, so that three places of look-alike pairs line their timing up better than the true one,
    // and only three pair candidates are tried (PipelineConfig::pairCandidates; with six it reads).
    EXPECT_GE(read, 8);
    EXPECT_EQ(readWithout, 0);
}

// A candidate at `dimension` for a symbol of `size` modules whose finder k sits `off` (in modules along the
// symbol's rows and columns) from its centre, the other two at theirs.
qr::SymbolCandidate candidate_off(const testsupport::Rendered& r, int size, int dimension, int k, qr::Point off) {
    const float d = static_cast<float>(size);
    qr::Point at[3];
    for (int i = 0; i < 3; ++i) at[i] = r.moduleToImage.map(finder_module(i, d));
    const qr::Point m = finder_module(k, d);
    at[k] = r.moduleToImage.map({m.x + off.x, m.y + off.y});
    qr::SymbolCandidate c{at[0], at[1], at[2], {3, 3, 3}, dimension};
    c.placed = k;
    c.open = 1;
    return c;
}

TEST(PairCandidates, APlacedFinderMovesToWhereTheTimingLinesUp) {
    const qr::ModuleGrid g = testsupport::qrencode_fixture(kText, 'M', 7);
    ASSERT_EQ(g.size, 45);
    const float d = static_cast<float>(g.size);
    for (int k = 0; k < 3; ++k)
        for (float angle : {0.0f, 25.0f, 140.0f})
            for (const qr::Point off : {qr::Point{4, -3}, qr::Point{-6, 2}, qr::Point{1.5f, 5}}) {
                // Seen obliquely (its rows 0.8 as long as its columns after turning): a prediction from the
                // other two as if seen square misses by modules.
                const auto r = washed_out(g, k, angle, 0, 0.8f);
                const qr::Point truth = r.moduleToImage.map(finder_module(k, d));
                for (const int dimension : {45, 41, 49}) {  // the right one, and a version off either way
                    qr::SymbolCandidate c = candidate_off(r, g.size, dimension, k, off);
                    qr::place_by_timing(r.view(), c, false);
                    const qr::Point placed = k == 0 ? c.topLeft : k == 1 ? c.topRight : c.bottomLeft;
                    EXPECT_EQ(c.dimension, 45) << "corner " << k << " angle " << angle << " off " << off.x << "," << off.y << " from " << dimension;
                    EXPECT_LT(dist(placed, truth), 1.5f * 3) << "corner " << k << " angle " << angle << " off " << off.x << "," << off.y << " from " << dimension;
                    EXPECT_GE(c.roughTiming, 0.9f);
                }
            }
}

TEST(PairCandidates, APlaceThatLinesUpOrAFinderSeenIsLeftAlone) {
    const qr::ModuleGrid g = testsupport::qrencode_fixture(kText, 'M', 7);
    const auto r = washed_out(g, 1, 25, 0, 0.8f);
    // Placed right: the timing lines up already, so it stays as it is.
    qr::SymbolCandidate right = candidate_off(r, g.size, g.size, 1, {0, 0});
    right.roughTiming = 0.5f;
    const qr::SymbolCandidate before = right;
    qr::place_by_timing(r.view(), right, false);
    EXPECT_EQ(right.topRight.x, before.topRight.x);
    EXPECT_EQ(right.topRight.y, before.topRight.y);
    EXPECT_EQ(right.dimension, before.dimension);
    EXPECT_EQ(right.roughTiming, before.roughTiming);
    // No finder placed: nothing to move, however badly its timing lines up.
    qr::SymbolCandidate seen = candidate_off(r, g.size, g.size, 1, {4, -3});
    seen.placed = -1;
    const qr::SymbolCandidate asSeen = seen;
    qr::place_by_timing(r.view(), seen, false);
    EXPECT_EQ(seen.topRight.x, asSeen.topRight.x);
    EXPECT_EQ(seen.topRight.y, asSeen.topRight.y);
    EXPECT_EQ(seen.dimension, asSeen.dimension);
}

// Seen obliquely, the washed-out symbols read when the placed finder is moved, hardly ever as predicted.
// (Two of the nine do not: among the six candidates searched, look-alike places whose short timing lines
// up by chance come first.)
TEST(PairCandidates, TheDecoderReadsObliqueSymbolsWhenThePlaceIsSearched) {
    const qr::ModuleGrid g = testsupport::qrencode_fixture(kText, 'M', 7);
    qr::PipelineConfig asPredicted = qr::default_pipeline_config();
    asPredicted.pairPlacedSearches = 0;
    qr::DecodeOptions options;
    options.tryHarder = true;
    int read = 0, readAsPredicted = 0;
    for (int k = 0; k < 3; ++k)
        for (float angle : {0.0f, 25.0f, 140.0f}) {
            const auto r = washed_out(g, k, angle, 0, 0.9f);
            qr::DecoderScratch scratch;
            const qr::DecodeResult with = qr::run_pipeline(r.view(), options, qr::default_pipeline_config(), scratch, &qr::decode_grid);
            if (with.found()) {
                EXPECT_EQ(with.symbols[0].data.text, kText);
                ++read;
            }
            const qr::DecodeResult without = qr::run_pipeline(r.view(), options, asPredicted, scratch, &qr::decode_grid);
            if (without.found()) {
                EXPECT_EQ(without.symbols[0].data.text, kText);
                ++readAsPredicted;
            }
        }
    std::printf("oblique symbols with a finder washed out: %d of 9 read, %d with the finder as predicted\n", read, readAsPredicted);
    EXPECT_GE(read, 7);
    EXPECT_LE(readAsPredicted, 1);
}

// A card front's header text runs into the top-left finder, which the scan then sees only open
// (finder.hpp); here glare also washes out the top-right one. The open finder pairs with the whole
// bottom-left one: no pair of whole finders is the symbol's.
TEST(PairCandidates, AnOpenFinderPairsWithAWholeOne) {
    const qr::ModuleGrid g = testsupport::qrencode_fixture(kText, 'M', 7);
    ASSERT_EQ(g.size, 45);
    const float d = static_cast<float>(g.size);
    for (float angle : {0.0f, 25.0f, 140.0f}) {
        const auto r = washed_out(g, 1, angle, 0.08f);
        const Seen s = scan(r);
        qr::Point at[3];
        for (int k = 0; k < 3; ++k) at[k] = r.moduleToImage.map(finder_module(k, d));
        const auto right = [&](const std::vector<qr::SymbolCandidate>& out) {
            return std::any_of(out.begin(), out.end(), [&](const qr::SymbolCandidate& c) {
                return c.dimension == g.size && dist(c.topLeft, at[0]) < 1.5f * 3 && dist(c.topRight, at[1]) < 1.5f * 3 &&
                       dist(c.bottomLeft, at[2]) < 1.5f * 3;
            });
        };
        // The finders as the scan would list them with text touching the top-left one: that one open.
        std::vector<qr::FinderPattern> withText, without;
        for (qr::FinderPattern f : s.finders) {
            const bool topLeft = dist(f.center, at[0]) < 3 * 3.0f;
            if (!topLeft) without.push_back(f);
            f.open = f.open || topLeft;
            withText.push_back(f);
        }
        ASSERT_LT(without.size(), withText.size()) << angle;
        // Every candidate the pairs give (the decoder tries the whole pairs' first: here two look-alikes
        // seen on a line each pair with the bottom-left finder and take its three).
        qr::PairCandidateOptions all;
        all.maxCandidates = all.placedSearches = 36;
        std::vector<qr::SymbolCandidate> out;
        qr::propose_pair_candidates(r.view(), s.binary, withText, all, out);
        EXPECT_TRUE(right(out)) << angle << ": " << out.size() << " candidates";
        qr::propose_pair_candidates(r.view(), s.binary, without, all, out);
        EXPECT_FALSE(right(out)) << angle;
    }
}

TEST(PairCandidates, NoneWithoutAFittingPair) {
    const qr::ModuleGrid g = testsupport::qrencode_fixture(kText, 'M', 7);
    ASSERT_EQ(g.size, 45);
    const auto r = washed_out(g, 0, 0, 0);
    const Seen s = scan(r);
    const float d = static_cast<float>(g.size);
    const qr::FinderPattern topRight{r.moduleToImage.map(finder_module(1, d)), 3, 20, false};
    const qr::FinderPattern bottomLeft{r.moduleToImage.map(finder_module(2, d)), 3, 20, false};
    std::vector<qr::SymbolCandidate> out;
    // One finder alone.
    qr::propose_pair_candidates(r.view(), s.binary, std::vector<qr::FinderPattern>{topRight}, {}, out);
    EXPECT_TRUE(out.empty());
    // Two whose modules differ by more than half (not one symbol's).
    qr::FinderPattern large = bottomLeft;
    large.moduleSize = 6.5f;
    qr::propose_pair_candidates(r.view(), s.binary, std::vector<qr::FinderPattern>{topRight, large}, {}, out);
    EXPECT_TRUE(out.empty());
    // Two open finders (look-alikes with a ring that runs on) make no pair: an open one pairs with whole ones.
    qr::FinderPattern openRight = topRight, openLeft = bottomLeft;
    openRight.open = openLeft.open = true;
    qr::propose_pair_candidates(r.view(), s.binary, std::vector<qr::FinderPattern>{openRight, openLeft}, {}, out);
    EXPECT_TRUE(out.empty());
    // The fitting pair does.
    qr::propose_pair_candidates(r.view(), s.binary, std::vector<qr::FinderPattern>{topRight, bottomLeft}, {}, out);
    EXPECT_FALSE(out.empty());
}

}  // namespace
