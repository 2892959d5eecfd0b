// The QR reader on card photos made by the project's own generator (tools/cardgen): the QR printed on the
// card's pattern with no quiet zone, text touching it, glare, blur, JPEG. Needs nothing outside the repo,
// so a fresh clone runs it. Floors are what the reader reaches on these seeds (a regression guard); the
// generator is deterministic, so the same seeds give the same photos. And on a thousand hard frames
// (hundreds under the sanitizers) the reader never returns a text other than the card's.
//   build/native/corpus_tests --gtest_filter='GeneratedCards.*'
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "cardgen/cardgen.hpp"
#include "qr/decoder.hpp"

namespace {

using namespace cccd;

struct Tally {
    int total = 0, read = 0, wrong = 0;
};

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif

// Photos of `side` from seeds [first, first + count), at most maxWidth x maxHeight, decoded one by one;
// `adjust` changes each spec first.
Tally run(cardgen::Side side, cardgen::Difficulty difficulty, uint32_t first, int count, int maxWidth, int maxHeight,
          void (*adjust)(cardgen::CardSpec&) = nullptr) {
    Tally t;
    qr::Decoder decoder;
    for (uint32_t seed = first; seed < first + static_cast<uint32_t>(count); ++seed) {
        cardgen::CardSpec spec = cardgen::random_spec(side, seed, difficulty);
        if (spec.width > maxWidth || spec.height > maxHeight) spec.width = maxWidth, spec.height = maxHeight;
        if (adjust != nullptr) adjust(spec);
        const cardgen::CardPhoto photo = cardgen::make_card_photo(spec);
        EXPECT_TRUE(photo.ok()) << seed << ": " << photo.error;
        if (!photo.ok()) continue;
        const std::vector<uint8_t> luma = cardgen::luma(photo);
        const qr::DecodeResult r = decoder.decode({luma.data(), photo.width, photo.height, photo.width});
        ++t.total;
        if (!r.found()) continue;
        const bool right = r.symbols[0].data.text == photo.payload;
        t.read += right ? 1 : 0;
        t.wrong += right ? 0 : 1;
        EXPECT_TRUE(right) << "seed " << seed << " read a wrong text: " << r.symbols[0].data.text;
    }
    return t;
}

void report(const char* name, const Tally& t) {
    std::printf("[generated-cards] %-28s %3d / %3d read, %d wrong\n", name, t.read, t.total, t.wrong);
}

TEST(GeneratedCards, PrintedFronts) {
    const Tally t = run(cardgen::Side::front, cardgen::Difficulty::normal(), 1000, 40, 1920, 1080);
    report("fronts (normal)", t);
    EXPECT_EQ(t.total, 40);
    EXPECT_GE(t.read, 38);
}

TEST(GeneratedCards, PrintedBacks) {
    const Tally t = run(cardgen::Side::back, cardgen::Difficulty::normal(), 1000, 40, 1920, 1080);
    report("backs (normal)", t);
    EXPECT_EQ(t.total, 40);
    EXPECT_GE(t.read, 36);
}

// The whole card at arm's length in a 1280x720 frame: modules of 1.35 px, where the card's guilloche gives
// finder look-alikes that more rows cross than the symbol's own (qr/detect/finder_rank.hpp), and blurred
// finder centres a pixel off put the timing judge on module edges (qr/detect/timing_period.hpp).
TEST(GeneratedCards, SmallModulesOnTexturedFronts) {
    const Tally t = run(cardgen::Side::front, cardgen::Difficulty::ladder(1.35), 120000, 40, 1280, 720);
    report("fronts at 1.35 px a module", t);
    EXPECT_EQ(t.total, 40);
    // 32 before the finders were ranked by their rings as well, 34 before the timing's period and the
    // open triples ranked by it, 37 before the last binarization's inner fine window (38 with it)
    EXPECT_GE(t.read, 37);
}

// 40 more at 1.35 px, seeds the third-finder search among the contrast-ranked finders was not tuned on
// (qr/pipeline.cpp's kRankedPairSearch): on 1.35 px fronts the scan lists look-alikes that 20-40 rows
// cross before a symbol's finders, and only the ranking puts the pair beside a blurred third first.
TEST(GeneratedCards, SmallModulesWhosePairOnlyTheRankingPutsFirst) {
    const Tally t = run(cardgen::Side::front, cardgen::Difficulty::ladder(1.35), 150080, 40, 1280, 720);
    report("more fronts at 1.35 px", t);
    EXPECT_EQ(t.total, 40);
    // 36 without searching the ranked list's pairs, 38 without the inner fine window (39 with it)
    EXPECT_GE(t.read, 38);
}

// And 40 more, where the symbol's open triple comes after the first third-finder searches of every step
// spent the open budget (qr/pipeline.hpp's cardOpenTemplateSearches).
TEST(GeneratedCards, SmallModulesWhoseTripleComesLate) {
    const Tally t = run(cardgen::Side::front, cardgen::Difficulty::ladder(1.35), 150240, 40, 1280, 720);
    report("40 more fronts at 1.35 px", t);
    EXPECT_EQ(t.total, 40);
    // 34 without the card-sized open budget, 33 without it and the ranked pairs' third-finder search (both
    // measured before the triples' evidence ranking, qr/detect/triples.cpp, which reads 34 where 36 read
    // before it: a steep card's gain costs these seeds two); 38 since the last binarization's inner fine
    // window (image/binarize_local.hpp), whose light rings show these finders
    EXPECT_GE(t.read, 37);
}

// `count` normal photos of `side` (1920x1080 and under), each changed by `adjust`.
Tally run_adjusted(cardgen::Side side, uint32_t first, int count, const char* what, void (*adjust)(cardgen::CardSpec&)) {
    const Tally t = run(side, cardgen::Difficulty::normal(), first, count, 1920, 1080, adjust);
    report(what, t);
    EXPECT_EQ(t.total, count);
    return t;
}

// Normal photos of `side` with one hot spot of strong glare each, 40 when sanitized.
Tally with_hot_spot(cardgen::Side side, uint32_t first, const char* what) {
    return run_adjusted(side, first, kSanitized ? 40 : 120, what,
                        [](cardgen::CardSpec& spec) { spec.hotSpots = 1, spec.glareStrength = 0.9; });
}

// Normal photos of `side` with the card leaning steeply (tilt 0.25, about 48 degrees: opposite card edges
// differ in scale by a quarter), 30 when sanitized.
Tally leaning_steeply(cardgen::Side side, uint32_t first, const char* what) {
    return run_adjusted(side, first, kSanitized ? 30 : 80, what, [](cardgen::CardSpec& spec) { spec.tilt = 0.25; });
}

// Where the hot spot lands on a finder, neither the scan nor the third-finder search sees that finder, and
// the candidates from the other two with the third placed by prediction read it
// (qr/detect/pair_candidates.hpp). Seeds not used in tuning.
TEST(GeneratedCards, FrontsWithAHotSpotOfGlare) {
    const Tally t = with_hot_spot(cardgen::Side::front, 190000, "fronts with a hot spot");
    // 28 and 87 without the pair candidates, 30 and 93 with their third placed as predicted
    EXPECT_GE(t.read, kSanitized ? 31 : 95);
}

// The same on backs (2024 card, 11 mm symbol): under a card's lean the third finder placed as if the symbol
// were seen square lands modules off, and is moved to where the timing patterns line up
// (qr/detect/place_by_timing.hpp). Seeds not used in tuning.
TEST(GeneratedCards, BacksWithAHotSpotOfGlare) {
    const Tally t = with_hot_spot(cardgen::Side::back, 200000, "backs with a hot spot");
    EXPECT_GE(t.read, kSanitized ? 33 : 94);  // 32 and 89 with the third placed as predicted
}

// A card held at a steep lean: the symbol's legs differ by up to 30 % in length and its corner is far from
// square, so look-alike triples of the card's print are shaped better than the symbol's; its finders' scan
// lines and their place in the finder list rank it first again (qr/detect/triples.cpp), and of its
// finders' corners the one whose timing lines up is offered (qr/detect/locate.cpp). Seeds not used in
// tuning.
TEST(GeneratedCards, FrontsLeaningSteeply) {
    const Tally t = leaning_steeply(cardgen::Side::front, 330000, "fronts leaning steeply");
    // 18 of 30 and 51 of 80 with triples ranked by shape alone, 70 of 80 with the corner by shape; the
    // release build reads 27 of the first 30
    EXPECT_GE(t.read, kSanitized ? 26 : 72);
}

// Steeper still, about 60 degrees (tilt 0.3): the true hypotenuse can be the shortest side of the
// finders' triangle, so only a corner chosen by its timing lines the symbol up (qr/detect/triples.cpp,
// locate.cpp), and finders foreshortened to under half as tall as wide are confirmed (qr/detect/finder.cpp).
// Seed 390000 was one of the sets the last three of those changes were tuned on; 470000 (backs) was not.
TEST(GeneratedCards, FrontsLeaningVerySteeply) {
    const Tally t = run_adjusted(cardgen::Side::front, 390000, kSanitized ? 30 : 80, "fronts leaning very steeply",
                                 [](cardgen::CardSpec& spec) { spec.tilt = 0.3; });
    // 28 of 80; with the corner among the two nearest the hypotenuse 13 of 80 and 5 of the first 30 read
    // (corpus_report on the same seeds, which reads 29 and 11 now); 29 before the triples' legs were
    // counted in modules (37 with it), 41 with corners offered down to 0.68 of the longest side, 57 with
    // squashed finders confirmed (finder.cpp; this seed was among the sets that change was tuned on), 61
    // with triples of finders unlike in aspect ranked lower (triples.cpp), 60 with legs up to 3 apart
    EXPECT_GE(t.read, kSanitized ? 10 : 58);
}

TEST(GeneratedCards, BacksLeaningVerySteeply) {
    const Tally t = run_adjusted(cardgen::Side::back, 470000, kSanitized ? 30 : 80, "backs leaning very steeply",
                                 [](cardgen::CardSpec& spec) { spec.tilt = 0.3; });
    // 12 of 30 and 47 of 80 before squashed finders were confirmed, 57 of 80 after, 61 with triples of
    // finders unlike in aspect ranked lower
    EXPECT_GE(t.read, kSanitized ? 17 : 58);
}

TEST(GeneratedCards, BacksLeaningSteeply) {
    const Tally t = leaning_steeply(cardgen::Side::back, 340000, "backs leaning steeply");
    // 26 of 30 and 70 of 80 with triples ranked by shape alone; the release build reads 27 of the first 30
    EXPECT_GE(t.read, kSanitized ? 26 : 74);
}

// Smaller still: 1.25 px a module, about what the handheld clips show at 720p.
TEST(GeneratedCards, SmallerModulesOnTexturedFronts) {
    const Tally t = run(cardgen::Side::front, cardgen::Difficulty::ladder(1.25), 140000, 40, 1280, 720);
    report("fronts at 1.25 px a module", t);
    EXPECT_EQ(t.total, 40);
    // 28 before the timing's period and the open triples ranked by it, 29 before the last binarization's
    // inner fine window (35 with it: these finders' light rings are 1.25 px; 34 since the triples' legs
    // are counted in modules)
    EXPECT_GE(t.read, 34);
}

// Wrong text is worse than none: hard frames (small modules, glare, motion blur, JPEG) at 1280x720 and
// below, fronts and backs, every one either the card's text or nothing.
TEST(GeneratedCards, HardFramesNeverGiveAWrongText) {
    const int perSide = kSanitized ? 100 : 500;
    Tally all;
    for (cardgen::Side side : {cardgen::Side::front, cardgen::Side::back}) {
        const Tally t = run(side, cardgen::Difficulty::hard(), 5000, perSide, 1280, 720);
        all.total += t.total, all.read += t.read, all.wrong += t.wrong;
    }
    report("hard fronts and backs", all);
    EXPECT_EQ(all.total, 2 * perSide);
    EXPECT_EQ(all.wrong, 0);
}

}  // namespace
