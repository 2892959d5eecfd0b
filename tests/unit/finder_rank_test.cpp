// Tests for src/qr/detect/finder_rank.cpp: on a textured frame the finders that form triples are chosen by
// their grey rings as well as their hits, so a small symbol's finders are not crowded out by larger
// look-alikes that more rows cross.
#include "qr/detect/finder_rank.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "support/reference_encoders.hpp"
#include "support/render.hpp"

namespace {

using namespace cccd;

struct Scene {
    int gridSize = 0;  // 37; 0 when the qrencode fixture is missing
    testsupport::Rendered image;
    std::vector<qr::FinderPattern> finders;  // as the scan lists them: whole by hits, then open
    qr::Point truth[3];
};

// A version 5 symbol at 1.4 px a module, turned by 20 degrees, on a background of grey texture. Its three
// finders (7 hits each, about as many rows as cross them) are listed after `lookAlikes` whole look-alikes
// on the texture, of 3 px modules with 20 hits each; `openAfter` open finders close the list.
Scene scene(int lookAlikes, int openAfter) {
    const qr::ModuleGrid g = testsupport::qrencode_fixture("template matching", 'M', 5);
    testsupport::RenderParams p;
    p.width = 400, p.height = 300;
    p.moduleSize = 1.4f;
    p.angleDeg = 20;
    p.blurSigma = 0.5f;
    p.centerX = 320, p.centerY = 150;
    p.background = 160;
    Scene s;
    s.gridSize = g.size;
    s.image = testsupport::render(g, p);
    // The plain background becomes texture: 2x2 px cells of grey 100..199 (a fixed hash of the cell).
    for (int y = 0; y < s.image.height; ++y)
        for (int x = 0; x < s.image.width; ++x) {
            uint8_t& v = s.image.pixels[static_cast<size_t>(y * s.image.width + x)];
            const uint32_t cell = static_cast<uint32_t>(x / 2) * 73856093u ^ static_cast<uint32_t>(y / 2) * 19349663u;
            if (v == p.background) v = static_cast<uint8_t>(100 + (cell * 2654435761u >> 24) % 100);
        }
    for (int i = 0; i < lookAlikes; ++i)
        s.finders.push_back({{20.0f + 15.0f * static_cast<float>(i), 40.0f + 17.0f * static_cast<float>(i % 12)}, 3.0f, 20, false});
    const qr::Point modules[3] = {{3.5f, 3.5f}, {33.5f, 3.5f}, {3.5f, 33.5f}};
    for (int k = 0; k < 3; ++k) {
        s.truth[k] = s.image.moduleToImage.map(modules[k]);
        s.finders.push_back({s.truth[k], 1.4f, 7, false});
    }
    for (int i = 0; i < openAfter; ++i) s.finders.push_back({{50.0f + 30.0f * static_cast<float>(i), 250.0f}, 2.0f, 3, true});
    return s;
}

bool same(const qr::FinderPattern& a, const qr::FinderPattern& b) {
    return a.center.x == b.center.x && a.center.y == b.center.y && a.hits == b.hits && a.open == b.open;
}

// Where the symbol's true finders stand in the list (-1: missing).
std::vector<int> ranks(const Scene& s) {
    std::vector<int> out;
    for (const qr::Point& t : s.truth) {
        const auto it = std::find_if(s.finders.begin(), s.finders.end(),
                                     [&](const qr::FinderPattern& f) { return f.center.x == t.x && f.center.y == t.y; });
        out.push_back(it == s.finders.end() ? -1 : static_cast<int>(it - s.finders.begin()));
    }
    return out;
}

TEST(FinderRank, SmallSymbolsFindersComeFirstAmongLargerLookAlikes) {
    Scene s = scene(14, 2);
    ASSERT_EQ(s.gridSize, 37) << "reference grid fixture missing?";
    const std::vector<qr::FinderPattern> before = s.finders;
    qr::rank_finders_by_contrast(s.image.view(), false, 12, s.finders);
    const std::vector<int> r = ranks(s);
    for (int k = 0; k < 3; ++k) EXPECT_LT(r[static_cast<size_t>(k)], 3) << "finder " << k << " ranks " << r[static_cast<size_t>(k)];
    // Nothing lost or added, and the open finders keep their places after the whole ones.
    ASSERT_EQ(s.finders.size(), before.size());
    for (const qr::FinderPattern& f : before)
        EXPECT_EQ(std::count_if(s.finders.begin(), s.finders.end(), [&](const qr::FinderPattern& g) { return same(f, g); }), 1);
    for (size_t i = before.size() - 2; i < before.size(); ++i) EXPECT_TRUE(same(s.finders[i], before[i]));
}

TEST(FinderRank, InvertedFramesRankByTheFlippedRings) {
    Scene s = scene(14, 0);
    ASSERT_EQ(s.gridSize, 37) << "reference grid fixture missing?";
    for (uint8_t& v : s.image.pixels) v = static_cast<uint8_t>(255 - v);
    qr::rank_finders_by_contrast(s.image.view(), true, 12, s.finders);
    const std::vector<int> r = ranks(s);
    for (int k = 0; k < 3; ++k) EXPECT_LT(r[static_cast<size_t>(k)], 3) << "finder " << k;
}

// With no more whole finders than triples are formed from, every one is used anyway: the list stays as
// the scan made it.
TEST(FinderRank, FewFindersKeepTheirOrder) {
    Scene s = scene(9, 2);
    ASSERT_EQ(s.gridSize, 37) << "reference grid fixture missing?";
    const std::vector<qr::FinderPattern> before = s.finders;
    qr::rank_finders_by_contrast(s.image.view(), false, 12, s.finders);
    ASSERT_EQ(s.finders.size(), before.size());
    for (size_t i = 0; i < before.size(); ++i) EXPECT_TRUE(same(s.finders[i], before[i])) << i;
}

}  // namespace
