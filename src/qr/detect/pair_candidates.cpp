#include "qr/detect/pair_candidates.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "qr/detect/missing_finder.hpp"
#include "qr/detect/place_by_timing.hpp"
#include "qr/small_sort.hpp"

namespace cccd::qr {

void propose_pair_candidates(const image::ImageView& gray, const image::BitMatrix& binary, std::span<const FinderPattern> finders,
                             const PairCandidateOptions& options, std::vector<SymbolCandidate>& out) {
    out.clear();
    // The finders seen whole on the most lines (the list itself may be ranked otherwise: finder_rank.hpp).
    // Inserted into a short list (no std::stable_sort code in the .wasm: small_sort.hpp).
    std::array<const FinderPattern*, 8> top{};
    const size_t most = std::min(top.size(), static_cast<size_t>(std::max(0, options.pairFinders)));
    size_t n = 0;
    for (const FinderPattern& f : finders) {
        if (f.open) continue;
        size_t at = n;
        while (at > 0 && top[at - 1]->hits < f.hits) --at;  // after those seen on as many lines
        if (at >= most) continue;
        n = std::min(n + 1, most);
        for (size_t k = n - 1; k > at; --k) top[k] = top[k - 1];
        top[at] = &f;
    }
    LocateOptions lo;
    lo.inverted = options.inverted;
    const auto add_pair = [&](const FinderPattern& a, const FinderPattern& b, int pairIndex) {
        if (!finder_pair_fits(a, b)) return;
        for (const ThirdPlace& p : third_places(a, b)) {
            const FinderPattern placed{p.at, (a.moduleSize + b.moduleSize) * 0.5f, 0, true};
            const FinderPattern* corner = p.corner == 0 ? &a : p.corner == 1 ? &b : &placed;
            const FinderPattern* legs[2] = {p.corner == 0 ? &b : &a, p.corner == 2 ? &b : &placed};
            // Oriented as triples.hpp orients them.
            if (turn(corner->center, legs[0]->center, legs[1]->center) < 0) std::swap(legs[0], legs[1]);
            const std::array<FinderPattern, 3> triple{*corner, *legs[0], *legs[1]};
            const int placedAt = corner == &placed ? 0 : legs[0] == &placed ? 1 : 2;
            const size_t before = out.size();
            propose_triple(gray, binary, triple, placedAt, lo, out);
            if (out.size() > before && out.back().roughTiming < options.minRoughTiming) out.pop_back();
            if (out.size() > before) out.back().triple = pairIndex;
        }
    };
    int pairs = 0;
    for (size_t i = 0; i < n; ++i)
        for (size_t j = i + 1; j < n; ++j) add_pair(*top[i], *top[j], pairs++);
    // Then the open finder seen on the most lines with each of them: on a card's front the header text runs
    // into the top-left finder, which the scan then sees only open (finder.hpp), so when glare washes out
    // a second finder no pair of whole ones is the symbol's (generated front 0284; 500 printed fronts +1,
    // 300 hard fronts +5, nothing lost; ordered with the whole pairs by their less confirmed finder's
    // lines instead: 8 more, 3 lost). Its modules as the open scan measured them must fit the partner's;
    // its widths carry the text, so the triple takes the partner's.
    const FinderPattern* open = nullptr;
    for (const FinderPattern& f : finders)
        if (f.open && (open == nullptr || f.hits > open->hits)) open = &f;
    for (size_t i = 0; open != nullptr && i < n; ++i) {
        const int pairIndex = pairs++;
        if (!finder_pair_fits(*open, *top[i])) continue;
        FinderPattern asWhole = *open;
        asWhole.moduleSize = top[i]->moduleSize;
        add_pair(asWhole, *top[i], pairIndex);
    }
    // Pairs in order (the most confirmed first), each pair's places by rough timing.
    insertion_sort(out.begin(), out.end(), [](const SymbolCandidate& x, const SymbolCandidate& y) {
        return x.triple != y.triple ? x.triple < y.triple : x.roughTiming > y.roughTiming;
    });
    // The first of them placed where their timing patterns line up. Those that then line up far beyond
    // chance go first; the rest keep this order: a place the search moved lines up better than one it left
    // where it was by the search's own reach, so their scores do not compare (generated hard fronts: the
    // true place, left, came after look-alikes that the search lifted to 0.79).
    if (options.placedSearches > 0) {
        if (out.size() > static_cast<size_t>(options.placedSearches)) out.erase(out.begin() + options.placedSearches, out.end());
        for (SymbolCandidate& c : out) place_by_timing(gray, c, options.inverted);
        insertion_sort(out.begin(), out.end(), [&](const SymbolCandidate& x, const SymbolCandidate& y) {
            return timing_sigmas(x.roughTiming, x.dimension) >= options.clearSigmas &&
                   timing_sigmas(y.roughTiming, y.dimension) < options.clearSigmas;
        });
    }
    if (out.size() > static_cast<size_t>(options.maxCandidates)) out.erase(out.begin() + options.maxCandidates, out.end());
}

}  // namespace cccd::qr
