// tools/cardgen clips (clip*.cpp, mjpeg_check.cpp): handheld MJPEG clips with per-frame ground truth.
// Checked without the project's QR decoder: determinism, the frame count and the MJPEG stream Chromium's
// fake camera would read, the module ramp, the corners (inside the frame, and really on the symbol), the
// scenarios' cards (two different payloads with apart symbols; one change in a swap), refusals, the JSON.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <string>
#include <vector>

#include "cardgen/cardgen.hpp"
#include "cardgen/jpeg_codec.hpp"
#include "support/square_to_quad.hpp"

namespace {

namespace cg = cccd::cardgen;
using Quad = std::array<std::pair<double, double>, 4>;

// Small and quick: 640x360, a few frames; modules of 1.0 -> 1.6 px (2.0 -> 3.2 at 1280x720), where even
// the largest pair of cards (version 10 at 12.5 mm) has both symbols in view.
cg::ClipSpec small_spec(uint32_t seed, int frames, cg::ClipSpec::Scenario scenario = cg::ClipSpec::single) {
    cg::ClipSpec s = cg::clip_preset(cg::Side::front, seed, cg::ClipDifficulty::mild, 640, 360);
    s.frames = frames;
    s.moduleStartPx = 1.0;
    s.moduleEndPx = 1.6;
    s.scenario = scenario;
    return s;
}

// All frames, with their JPEGs.
std::vector<cg::ClipFrame> make_all(const cg::ClipSpec& spec) {
    std::vector<cg::ClipFrame> frames;
    std::string error;
    const bool ok = cg::make_clip(
        spec,
        [&](int index, const cg::ClipFrame& f) {
            EXPECT_EQ(index, static_cast<int>(frames.size()));
            frames.push_back(f);
            return true;
        },
        error);
    EXPECT_TRUE(ok) << error;
    EXPECT_TRUE(error.empty()) << error;
    return frames;
}

std::vector<uint8_t> concatenated(const std::vector<cg::ClipFrame>& frames) {
    std::vector<uint8_t> out;
    for (const cg::ClipFrame& f : frames) out.insert(out.end(), f.jpeg.begin(), f.jpeg.end());
    return out;
}

bool inside(const Quad& q, int width, int height) {
    return std::all_of(q.begin(), q.end(), [&](const auto& p) { return p.first >= 0 && p.second >= 0 && p.first <= width && p.second <= height; });
}

// Separating axis test for two convex quadrilaterals: true when their interiors overlap.
bool overlap(const Quad& a, const Quad& b) {
    for (const Quad* q : {&a, &b})
        for (size_t i = 0; i < 4; ++i) {
            const auto& p0 = (*q)[i];
            const auto& p1 = (*q)[(i + 1) % 4];
            const double nx = p0.second - p1.second, ny = p1.first - p0.first;  // an edge's normal
            double a0 = 1e300, a1 = -1e300, b0 = 1e300, b1 = -1e300;
            for (const auto& p : a) a0 = std::min(a0, p.first * nx + p.second * ny), a1 = std::max(a1, p.first * nx + p.second * ny);
            for (const auto& p : b) b0 = std::min(b0, p.first * nx + p.second * ny), b1 = std::max(b1, p.first * nx + p.second * ny);
            if (a1 <= b0 || b1 <= a0) return false;
        }
    return true;
}


// Share of modules whose sampled luma (nearest pixel) agrees with libqrencode's grid for the payload.
double module_agreement(const std::vector<uint8_t>& rgb, int width, int height, const cg::CardTruth& truth,
                        const cg::ClipCardInfo& card) {
    const cg::QrGrid grid = cg::encode_qr(card.payload, card.version, card.ecLevel);
    if (!grid.error.empty()) return 0;
    const testsupport::SquareToQuad map(truth.qrCorners);
    const int n = grid.size;
    std::vector<double> samples;
    for (int r = 0; r < n; ++r)
        for (int c = 0; c < n; ++c) {
            const auto [x, y] = map.map((c + 0.5) / n, (r + 0.5) / n);
            const int px = std::clamp(static_cast<int>(x), 0, width - 1), py = std::clamp(static_cast<int>(y), 0, height - 1);
            const uint8_t* p = rgb.data() + (static_cast<size_t>(py) * static_cast<size_t>(width) + static_cast<size_t>(px)) * 3;
            samples.push_back(0.299 * p[0] + 0.587 * p[1] + 0.114 * p[2]);
        }
    return testsupport::share_agreeing(samples, n, [&](int c, int r) { return grid.dark(c, r); });
}

size_t count_of(const std::string& text, const std::string& what) {
    size_t count = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++count;
    return count;
}

TEST(CardgenClip, SameSpecSameBytes) {
    const cg::ClipSpec spec = small_spec(21, 6);
    const std::vector<cg::ClipFrame> a = make_all(spec);
    make_all(small_spec(22, 2, cg::ClipSpec::twoCards));  // scratch buffers get reused in between
    const std::vector<cg::ClipFrame> b = make_all(spec);
    ASSERT_EQ(a.size(), 6u);
    ASSERT_EQ(b.size(), 6u);
    for (size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].jpeg, b[i].jpeg) << "frame " << i;
        ASSERT_EQ(a[i].cards.size(), b[i].cards.size());
        for (size_t c = 0; c < a[i].cards.size(); ++c) {
            EXPECT_EQ(a[i].cards[c].payload, b[i].cards[c].payload);
            EXPECT_EQ(a[i].cards[c].qrCorners, b[i].cards[c].qrCorners);
        }
    }
    EXPECT_EQ(cg::clip_json(spec, a), cg::clip_json(spec, b));
    EXPECT_NE(concatenated(make_all(small_spec(23, 6))), concatenated(a));  // another seed, another clip
}

TEST(CardgenClip, FrameCountAndChromiumReadsTheStream) {
    for (const int count : {1, 5}) {
        const cg::ClipSpec spec = small_spec(31, count);
        const std::vector<cg::ClipFrame> frames = make_all(spec);
        ASSERT_EQ(static_cast<int>(frames.size()), count);
        std::vector<uint8_t> stream = concatenated(frames);
        ASSERT_GE(stream.size(), 2u);
        EXPECT_EQ(stream[0], 0xFF);
        EXPECT_EQ(stream[1], 0xD8);
        int n = 0, w = 0, h = 0;
        EXPECT_EQ(cg::check_mjpeg(stream.data(), stream.size(), n, w, h), "");
        EXPECT_EQ(n, count);
        EXPECT_EQ(w, 640);
        EXPECT_EQ(h, 360);
        // What the fake camera would stop on: a stray byte after the last frame, a progressive frame.
        stream.push_back(0x0A);
        EXPECT_NE(cg::check_mjpeg(stream.data(), stream.size(), n, w, h), "");
        stream.pop_back();
        const uint8_t baseline[] = {0xFF, 0xC0};
        const auto sof = std::search(stream.begin(), stream.end(), std::begin(baseline), std::end(baseline));
        ASSERT_NE(sof, stream.end());
        sof[1] = 0xC2;
        EXPECT_NE(cg::check_mjpeg(stream.data(), stream.size(), n, w, h), "");
    }
}

TEST(CardgenClip, ModuleSizeFollowsTheRamp) {
    cg::ClipSpec spec = small_spec(41, 8);
    spec.moduleStartPx = 1.2;
    spec.moduleEndPx = 2.4;
    spec.shake = 2;  // the hand's to-and-fro must not move the ends
    const std::vector<cg::ClipFrame> frames = make_all(spec);
    ASSERT_EQ(frames.size(), 8u);
    ASSERT_EQ(frames.front().cards.size(), 1u);
    ASSERT_EQ(frames.back().cards.size(), 1u);
    EXPECT_NEAR(frames.front().cards[0].modulePx, 1.2, 0.15 * 1.2);
    EXPECT_NEAR(frames.back().cards[0].modulePx, 2.4, 0.15 * 2.4);
    for (const cg::ClipFrame& f : frames)
        for (const cg::CardTruth& c : f.cards) {
            // module_px is the corner quadrilateral's mean side over the symbol's modules
            double side = 0;
            for (size_t i = 0; i < 4; ++i)
                side += std::hypot(c.qrCorners[(i + 1) % 4].first - c.qrCorners[i].first, c.qrCorners[(i + 1) % 4].second - c.qrCorners[i].second);
            EXPECT_GT(side / 4 / c.modulePx, 20);
            EXPECT_GE(c.modulePx, 1.2 * 0.85);
            EXPECT_LE(c.modulePx, 2.4 * 1.15);
        }
}

TEST(CardgenClip, CornersStayInsideTheFrame) {
    for (const auto scenario : {cg::ClipSpec::single, cg::ClipSpec::twoCards, cg::ClipSpec::swapMidClip}) {
        cg::ClipSpec spec = small_spec(51, 10, scenario);
        spec.shake = 2;
        std::string error;
        const std::vector<cg::ClipCardInfo> cards = cg::clip_cards(spec, error);
        ASSERT_EQ(cards.size(), scenario == cg::ClipSpec::single ? 1u : 2u) << error;
        for (const cg::ClipFrame& f : make_all(spec)) {
            if (scenario != cg::ClipSpec::swapMidClip) {
                EXPECT_EQ(f.cards.size(), cards.size());
            }
            for (const cg::CardTruth& c : f.cards) {
                EXPECT_TRUE(inside(c.qrCorners, spec.width, spec.height));
                EXPECT_TRUE(c.payload == cards[0].payload || c.payload == cards[1 % cards.size()].payload);
            }
            EXPECT_LE(f.motionPx, spec.blurMax);
        }
    }
}

TEST(CardgenClip, TwoCardsTwoPayloadsApart) {
    for (const uint32_t seed : {61u, 62u, 63u}) {
        cg::ClipSpec spec = small_spec(seed, 8, cg::ClipSpec::twoCards);
        if (seed != 61) {  // backs (11 mm symbols: larger cards for the module size) at the mild preset's size
            spec = cg::clip_preset(cg::Side::back, seed, cg::ClipDifficulty::mild);
            spec.frames = 8;
            spec.scenario = cg::ClipSpec::twoCards;
        }
        for (const cg::ClipFrame& f : make_all(spec)) {
            ASSERT_EQ(f.cards.size(), 2u);
            EXPECT_NE(f.cards[0].payload, f.cards[1].payload);
            EXPECT_FALSE(overlap(f.cards[0].qrCorners, f.cards[1].qrCorners));
        }
    }
}

TEST(CardgenClip, SwapChangesThePayloadOnce) {
    for (const int count : {6, 30}) {
        const cg::ClipSpec spec = small_spec(71, count, cg::ClipSpec::swapMidClip);
        std::string error;
        const std::vector<cg::ClipCardInfo> cards = cg::clip_cards(spec, error);
        ASSERT_EQ(cards.size(), 2u) << error;
        ASSERT_NE(cards[0].payload, cards[1].payload);
        std::vector<std::string> seen;  // the payload in view, frame by frame (none while the cards change)
        for (const cg::ClipFrame& f : make_all(spec)) {
            ASSERT_LE(f.cards.size(), 1u);
            if (!f.cards.empty()) seen.push_back(f.cards[0].payload);
        }
        ASSERT_FALSE(seen.empty());
        EXPECT_EQ(seen.front(), cards[0].payload);
        EXPECT_EQ(seen.back(), cards[1].payload);
        int changes = 0;
        for (size_t i = 1; i < seen.size(); ++i) changes += seen[i] != seen[i - 1];
        EXPECT_EQ(changes, 1) << count << " frames";
        EXPECT_GE(seen.size(), static_cast<size_t>(count) * 2 / 3);  // the change takes a few frames, not most
    }
}

TEST(CardgenClip, SymbolIsWhereTheCornersSay) {
    // A clean clip (no blur, noise or glare; 3 px modules): the libqrencode grid sampled through the
    // reported corners matches, for each card of each frame.
    for (const auto scenario : {cg::ClipSpec::single, cg::ClipSpec::twoCards}) {
        cg::ClipSpec spec = small_spec(81, 3, scenario);
        if (scenario == cg::ClipSpec::twoCards) spec.width = 1280, spec.height = 720;  // room for both symbols
        spec.moduleStartPx = 3.0;
        spec.moduleEndPx = 3.4;
        spec.blurMax = 0, spec.focusHunt = 0, spec.focusFloor = 0, spec.noiseSigma = 0, spec.glare = 0;
        spec.jpegQuality = 95;
        std::string error;
        const std::vector<cg::ClipCardInfo> cards = cg::clip_cards(spec, error);
        ASSERT_FALSE(cards.empty()) << error;
        for (const cg::ClipFrame& f : make_all(spec)) {
            std::vector<uint8_t> rgb;
            ASSERT_TRUE(cg::decode_jpeg(f.jpeg, spec.width, spec.height, rgb));
            ASSERT_EQ(f.cards.size(), cards.size());
            for (const cg::CardTruth& t : f.cards) {
                const auto card = std::find_if(cards.begin(), cards.end(), [&](const auto& c) { return c.payload == t.payload; });
                ASSERT_NE(card, cards.end());
                EXPECT_GE(module_agreement(rgb, spec.width, spec.height, t, *card), 0.95);
                cg::CardTruth shifted = t;  // the check notices misplaced corners
                for (auto& [x, y] : shifted.qrCorners) x += 2 * t.modulePx;
                EXPECT_LT(module_agreement(rgb, spec.width, spec.height, shifted, *card), 0.8);
            }
        }
    }
}

TEST(CardgenClip, StopsWhenTheCallerSays) {
    int calls = 0;
    std::string error;
    EXPECT_FALSE(cg::make_clip(small_spec(91, 5), [&](int, const cg::ClipFrame&) { return ++calls < 2; }, error));
    EXPECT_EQ(calls, 2);
    EXPECT_FALSE(error.empty());
}

TEST(CardgenClip, RefusalsReportedNotThrown) {
    auto refused = [](const cg::ClipSpec& spec) {
        std::string error;
        int calls = 0;
        const bool ok = cg::make_clip(
            spec,
            [&](int, const cg::ClipFrame&) {
                ++calls;
                return true;
            },
            error);
        return !ok && !error.empty() && calls == 0;
    };
    cg::ClipSpec s = small_spec(1, 3);
    s.frames = 0;
    EXPECT_TRUE(refused(s));
    s = small_spec(1, 3);
    s.moduleStartPx = 0.2;
    EXPECT_TRUE(refused(s));
    s = small_spec(1, 3);
    s.jpegQuality = 0;
    EXPECT_TRUE(refused(s));
    s = small_spec(1, 3);
    s.width = 8;
    EXPECT_TRUE(refused(s));
    s = small_spec(1, 3, cg::ClipSpec::twoCards);
    s.payload = s.secondPayload = "001099000001||A B C|01011999|Nam|X, Y, Z|01012020";
    EXPECT_TRUE(refused(s));
    s = small_spec(1, 3);
    s.payload = std::string(4000, 'a');  // more than a version 40 symbol holds
    EXPECT_TRUE(refused(s));
    std::string error;
    EXPECT_TRUE(cg::clip_cards(s, error).empty());
    EXPECT_FALSE(error.empty());
}

TEST(CardgenClip, PresetsResembleTheSharedClips) {
    const cg::ClipSpec mild = cg::clip_preset(cg::Side::front, 1, cg::ClipDifficulty::mild);
    EXPECT_EQ(mild.width, 1280);
    EXPECT_EQ(mild.frames, 90);
    EXPECT_EQ(mild.fps, 30);
    EXPECT_DOUBLE_EQ(mild.moduleStartPx, 1.0);
    EXPECT_DOUBLE_EQ(mild.moduleEndPx, 2.2);
    const cg::ClipSpec big = cg::clip_preset(cg::Side::front, 1, cg::ClipDifficulty::mild, 1920, 1080);
    EXPECT_DOUBLE_EQ(big.moduleStartPx, 1.5);
    EXPECT_DOUBLE_EQ(big.moduleEndPx, 2.2 * 1.5);
    const cg::ClipSpec hard = cg::clip_preset(cg::Side::back, 1, cg::ClipDifficulty::hard);
    EXPECT_EQ(hard.side, cg::Side::back);
    EXPECT_GT(hard.blurMax, mild.blurMax);
    EXPECT_GT(hard.focusFloor, mild.focusFloor);
    EXPECT_LE(mild.jpegQuality, 90);  // 4:2:0 chroma, as in the shared clips
}

TEST(CardgenClip, JsonHasTheSharedKeysAndEveryFrame) {
    cg::ClipSpec spec = small_spec(101, 4, cg::ClipSpec::twoCards);
    spec.side = cg::Side::back;
    const std::vector<cg::ClipFrame> frames = make_all(spec);
    const std::string json = cg::clip_json(spec, frames);
    ASSERT_FALSE(json.empty());
    std::string error;
    const std::vector<cg::ClipCardInfo> cards = cg::clip_cards(spec, error);
    ASSERT_EQ(cards.size(), 2u);
    const std::string id = cards[0].payload.substr(0, cards[0].payload.find('|'));
    EXPECT_EQ(json.rfind("{\"payload\": \"" + cards[0].payload + "\", \"fields\": {\"id\": \"" + id + "\", \"oldId\": ", 0), 0u) << json;
    for (const char* key : {"\"gender\": ", "\"issued\": ", "\"size\": [640, 360]", "\"back\": true", "\"module_px\": [1.0, 1.6]",
                            "\"frames\": 4", "\"scenario\": \"two-cards\"", "\"frame_truth\": ["})
        EXPECT_NE(json.find(key), std::string::npos) << key;
    EXPECT_EQ(count_of(json, "{\"cards\": ["), 4u);
    EXPECT_EQ(count_of(json, "\"qr_corners\": [["), 8u);  // two cards in each of four frames
    EXPECT_EQ(count_of(json, "\"payload\": \"" + cards[1].payload + "\""), 5u);  // in the card list and each frame
    EXPECT_EQ(json.back(), '\n');
}

}  // namespace
