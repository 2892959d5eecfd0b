#include "qr/detect/triples.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "qr/detect/finder_width.hpp"

namespace cccd::qr {
namespace {

// A side at least this share of the longest makes the corner ambiguous. In a square view the hypotenuse is
// 1.41 times a leg (legs at 0.71: not ambiguous); tilting the symbol away shortens it, at a lean of about
// 60 degrees to the shortest side (105 against legs of 150 and 144 pixels). The corners offered for a set
// of finders share one place in propose_symbols, which takes the one whose timing lines up (locate.cpp).
// Generated fronts at tilt 0.3 read 22 of 100 at 0.9, 39 at 0.75, 40 at 0.72 and 42 at 0.55, where the
// square's wrong corners too are offered for every set (one front at tilt 0.25 lost to them). Since legs
// are counted in modules (rank_triples), 53 at 0.72, 55 at 0.70 and 56 at 0.68 (no set lost a read; a
// square's legs, at 0.71, now offer their corners too, ranked below the true one by shape).
constexpr float kAmbiguousSide = 0.68f;

// Shape score of corner a with legs to b and c (may be negative under strong perspective); kImplausible
// when outside the limits.
constexpr float kImplausible = -100.0f;

// Open finders (finder.hpp) triples are formed with, at most.
constexpr int kMaxOpenInTriples = 12;

// Evidence besides shape. A card held at a steep lean (45-60 degrees) gives its symbol legs 30 % apart in
// length and a corner far from square, so among the hundreds of triples of a card's print some look-alikes
// are shaped better. What they lack: finders confirmed on as many scan lines as their size allows (a
// finder's centre is 3 modules tall, so about 3 lines a pixel of module), and a place near the top of the
// finder list (finder_rank.hpp). Generated fronts leaning at tilt 0.25: 134 of 200 read on shape alone,
// 174 with both (docs/real-cards.md, item 18).
constexpr float kHitsWeight = 0.3f;  // times the least of the three hits / (3 module sizes), capped at 1
constexpr float kRankWeight = 0.5f;  // for three of the first finders, falling to 0 at kRankReach
constexpr int kRankReach = 8;

float hits_share(const FinderPattern& f) {
    return std::min(1.0f, static_cast<float>(f.hits) / (3.0f * std::max(f.moduleSize, 0.5f)));
}

// Legs whose pixel lengths differ less than this are not counted in modules: at most 0.08 of score to gain.
constexpr float kLegsWorthCounting = 1.1f;
constexpr float kLegWeight = 0.8f;  // score per unit of leg ratio

// A lean foreshortens a symbol's three finders alike, so their aspects (finder.hpp: extent down over extent
// across) agree; a triple whose aspects lie more than kAspectSpread apart puts a squashed finder with square
// ones (look-alikes in the card's print), and loses kAspectWeight per unit of log spread beyond that. Tilt 0.3
// fronts and backs: +10 and -2 on the sets tuned on, +12 and -2 on others (docs/real-cards.md, item 26).
constexpr float kAspectSpread = 1.3f;
constexpr float kAspectWeight = 1.0f;

float aspect_penalty(const FinderPattern& a, const FinderPattern& b, const FinderPattern& c) {
    const float lo = std::min({a.aspect, b.aspect, c.aspect}), hi = std::max({a.aspect, b.aspect, c.aspect});
    if (lo <= 0 || hi <= kAspectSpread * lo) return 0;  // not measured (a finder placed, not scanned), or alike
    return kAspectWeight * std::log(hi / (kAspectSpread * lo));
}

// Legs up to 3 times as long as each other in pixels: a symbol leaning about 60 degrees with a leg along
// the lean (tilt 0.3: 98 and 256 px, equal in modules, item 23) has them 2.6 apart. 2.5 before: +7 -1 of
// the tilt 0.3 frames, none lost elsewhere, +0.6 % instructions on 1280x720 frames (docs/real-cards.md).
constexpr float kMaxLegRatio = 3.0f;

// legRatio: the longer leg over the shorter, in pixels (set even when implausible).
float shape_score(const FinderPattern& a, const FinderPattern& b, const FinderPattern& c, float& legRatio) {
    const float ab = distance(a.center, b.center), ac = distance(a.center, c.center);
    legRatio = 1.0f;
    if (ab <= 0 || ac <= 0) return kImplausible;
    const float cosine = ((b.center.x - a.center.x) * (c.center.x - a.center.x) +
                          (b.center.y - a.center.y) * (c.center.y - a.center.y)) / (ab * ac);
    legRatio = std::max(ab, ac) / std::min(ab, ac);
    const float msMax = std::max({a.moduleSize, b.moduleSize, c.moduleSize});
    const float msMin = std::min({a.moduleSize, b.moduleSize, c.moduleSize});
    const float msRatio = msMax / msMin;
    // Finder centres are (dimension - 7) modules apart; dimension is 21..177 (ISO/IEC 18004:2015 6.1).
    const float modules = (ab + ac) * 0.5f / ((a.moduleSize + b.moduleSize + c.moduleSize) / 3.0f);
    if (std::abs(cosine) > 0.75f || legRatio > kMaxLegRatio || msRatio > 2.5f || modules < 10.0f || modules > 180.0f)
        return kImplausible;
    return 1.0f - 1.5f * std::abs(cosine) - kLegWeight * (legRatio - 1.0f) - 0.5f * (msRatio - 1.0f);
}

// A lean shortens a leg and its finders' widths along it alike (finder_width.hpp), so a true triple's legs
// span the same number of modules (dimension - 7) where their pixel lengths differ twofold (tilt 0.3).
// The longer leg's count over the shorter's, each leg over the mean of its two finders' widths along it
// times 7; 0 when a width cannot be walked (an open finder's ring running on along the leg).
// use: the finders' indices by use-index; widths[u * use.size() + v]: use-index u's width towards v, -1
// until walked.
float legs_in_modules(const image::BitMatrix& binary, std::span<const FinderPattern> finders, std::span<const int> use,
                      int a, int b, int c, std::vector<float>& widths) {
    const auto width = [&](int u, int v) {
        float& w = widths[static_cast<size_t>(u) * use.size() + static_cast<size_t>(v)];
        if (w < 0) w = width_towards(binary, finders[static_cast<size_t>(use[u])], finders[static_cast<size_t>(use[v])].center);
        return w;
    };
    if (width(a, b) <= 0 || width(b, a) <= 0 || width(a, c) <= 0 || width(c, a) <= 0) return 0;
    const float ab = width(a, b) + width(b, a), ac = width(a, c) + width(c, a);
    const FinderPattern& fa = finders[static_cast<size_t>(use[a])];
    const float nab = distance(fa.center, finders[static_cast<size_t>(use[b])].center) / ab;
    const float nac = distance(fa.center, finders[static_cast<size_t>(use[c])].center) / ac;
    return std::max(nab, nac) / std::min(nab, nac);
}

}  // namespace

void rank_triples(std::span<const FinderPattern> finders, int maxFinders, std::vector<FinderTriple>& out,
                  const image::BitMatrix* binary, size_t exactTop) {
    out.clear();
    // The first maxFinders finders seen whole, and the open ones after them (finder.hpp).
    std::array<int, 64> use{};
    int n = 0, whole = 0, open = 0;
    for (size_t f = 0; f < finders.size() && n < static_cast<int>(use.size()); ++f) {
        if (finders[f].open) {
            if (open < kMaxOpenInTriples) use[static_cast<size_t>(n++)] = static_cast<int>(f), ++open;
        }
        else if (whole < maxFinders) use[static_cast<size_t>(n++)] = static_cast<int>(f), ++whole;
    }
    // Per finder used, once: its hits share, and its place in the list (among the whole ones, or among the
    // open ones after them).
    std::array<float, 64> share{};
    std::array<int, 64> place{};
    for (int u = 0; u < n; ++u) {
        const FinderPattern& f = finders[static_cast<size_t>(use[static_cast<size_t>(u)])];
        share[static_cast<size_t>(u)] = hits_share(f);
        place[static_cast<size_t>(u)] = f.open ? u - whole : u;
    }
    for (int ui = 0; ui < n; ++ui)
        for (int uj = ui + 1; uj < n; ++uj)
            for (int uk = uj + 1; uk < n; ++uk) {
                const int i = use[static_cast<size_t>(ui)], j = use[static_cast<size_t>(uj)], k = use[static_cast<size_t>(uk)];
                const int opened = finders[i].open + finders[j].open + finders[k].open;
                // Text or pattern touches one or two finders of a symbol printed without a quiet zone.
                if (opened > 2) continue;
                const size_t a = static_cast<size_t>(ui), b = static_cast<size_t>(uj), c = static_cast<size_t>(uk);
                const int last = std::max({place[a], place[b], place[c]});
                const float evidence =
                    kHitsWeight * std::min({share[a], share[b], share[c]}) +
                    kRankWeight * std::max(0.0f, 1.0f - static_cast<float>(last) / static_cast<float>(kRankReach));
                // The corner is opposite the longest side (the hypotenuse). Under strong perspective another
                // side can be about as long, or longer; then the corner opposite it is offered too, a little
                // lower, and the finders' shape and timing decide (locate.cpp).
                const int idx[3] = {i, j, k};
                const float unlike = aspect_penalty(finders[i], finders[j], finders[k]);
                const float side[3] = {distance(finders[j].center, finders[k].center),   // opposite i
                                       distance(finders[i].center, finders[k].center),   // opposite j
                                       distance(finders[i].center, finders[j].center)};  // opposite k
                const float longest = std::max({side[0], side[1], side[2]});
                for (int corner = 0; corner < 3; ++corner) {
                    const bool hypotenuse = side[corner] == longest;
                    if (!hypotenuse && side[corner] < kAmbiguousSide * longest) continue;
                    const FinderPattern& fa = finders[idx[corner]];
                    const FinderPattern& fb = finders[idx[(corner + 1) % 3]];
                    const FinderPattern& fc = finders[idx[(corner + 2) % 3]];
                    float legRatio = 1.0f;
                    const float s = shape_score(fa, fb, fc, legRatio);
                    if (s == kImplausible) continue;
                    FinderTriple t{idx[corner], idx[(corner + 1) % 3], idx[(corner + 2) % 3], 0};
                    if (turn(fa.center, fb.center, fc.center) < 0) std::swap(t.topRight, t.bottomLeft);
                    const int hits = std::min({fa.hits, fb.hits, fc.hits});
                    t.score = s + evidence + 0.1f * static_cast<float>(std::min(hits, 5)) - (hypotenuse ? 0.0f : 0.2f) -
                              kOpenPenalty * static_cast<float>(opened) - unlike;
                    t.open = opened;
                    // Open finders too: their ring runs on only where the print touches it, rarely along a leg.
                    t.pixelLegs = binary != nullptr && legRatio > kLegsWorthCounting ? legRatio : 0.0f;
                    out.push_back(t);
                }
            }
    const auto by_score = [](const FinderTriple& x, const FinderTriple& y) { return x.score > y.score; };
    std::stable_sort(out.begin(), out.end(), by_score);
    if (binary == nullptr || out.empty()) return;
    // Counting can only raise a score, by at most kLegWeight * (ratio - 1): the triples that cannot reach the
    // exactTop-th score as it stands keep theirs, and the first exactTop come out as if every triple had
    // been counted.
    const float bar = out[std::clamp<size_t>(exactTop, 1, out.size()) - 1].score;
    const std::span<const int> used(use.data(), static_cast<size_t>(n));
    const auto use_of = [&](int f) { return static_cast<int>(std::find(used.begin(), used.end(), f) - used.begin()); };
    std::vector<float> widths(used.size() * used.size(), -1.0f);
    for (FinderTriple& t : out) {
        if (t.pixelLegs <= 0 || t.score + kLegWeight * (t.pixelLegs - 1.0f) <= bar) continue;
        const float counted = legs_in_modules(*binary, finders, used, use_of(t.topLeft), use_of(t.topRight),
                                              use_of(t.bottomLeft), widths);
        if (counted > 0 && counted < t.pixelLegs) t.score += kLegWeight * (t.pixelLegs - counted);
    }
    std::stable_sort(out.begin(), out.end(), by_score);
}

}  // namespace cccd::qr
