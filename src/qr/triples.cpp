#include "qr/triples.hpp"

#include <algorithm>
#include <cmath>

namespace cccd::qr {
namespace {

float distance(Point a, Point b) { return std::hypot(a.x - b.x, a.y - b.y); }

// Shape score of corner a with legs to b and c; negative when implausible.
float shape_score(const FinderPattern& a, const FinderPattern& b, const FinderPattern& c) {
    const float ab = distance(a.center, b.center), ac = distance(a.center, c.center);
    if (ab <= 0 || ac <= 0) return -1;
    const float cosine = ((b.center.x - a.center.x) * (c.center.x - a.center.x) +
                          (b.center.y - a.center.y) * (c.center.y - a.center.y)) / (ab * ac);
    const float legRatio = std::max(ab, ac) / std::min(ab, ac);
    const float msMax = std::max({a.moduleSize, b.moduleSize, c.moduleSize});
    const float msMin = std::min({a.moduleSize, b.moduleSize, c.moduleSize});
    const float msRatio = msMax / msMin;
    // Finder centres are (dimension - 7) modules apart; dimension is 21..177 (ISO/IEC 18004:2015 6.1).
    const float modules = (ab + ac) * 0.5f / ((a.moduleSize + b.moduleSize + c.moduleSize) / 3.0f);
    if (std::abs(cosine) > 0.5f || legRatio > 2.0f || msRatio > 2.2f || modules < 10.0f || modules > 180.0f)
        return -1;
    return 1.0f - 1.5f * std::abs(cosine) - 0.8f * (legRatio - 1.0f) - 0.5f * (msRatio - 1.0f);
}

}  // namespace

void rank_triples(std::span<const FinderPattern> finders, int maxFinders, std::vector<FinderTriple>& out) {
    out.clear();
    const int n = std::min(static_cast<int>(finders.size()), maxFinders);
    for (int i = 0; i < n; ++i)
        for (int j = i + 1; j < n; ++j)
            for (int k = j + 1; k < n; ++k) {
                // The corner is opposite the longest side.
                const int idx[3] = {i, j, k};
                const float dij = distance(finders[i].center, finders[j].center);
                const float djk = distance(finders[j].center, finders[k].center);
                const float dik = distance(finders[i].center, finders[k].center);
                int corner = 2, b = 0, c = 1;  // longest side i-j: corner k
                if (djk >= dij && djk >= dik) corner = 0, b = 1, c = 2;
                else if (dik >= dij && dik >= djk) corner = 1, b = 0, c = 2;
                const FinderPattern& fa = finders[idx[corner]];
                const FinderPattern& fb = finders[idx[b]];
                const FinderPattern& fc = finders[idx[c]];
                const float s = shape_score(fa, fb, fc);
                if (s < 0) continue;
                const float cross = (fb.center.x - fa.center.x) * (fc.center.y - fa.center.y) -
                                    (fb.center.y - fa.center.y) * (fc.center.x - fa.center.x);
                FinderTriple t{idx[corner], idx[b], idx[c], 0};
                if (cross < 0) std::swap(t.topRight, t.bottomLeft);
                const int hits = std::min({fa.hits, fb.hits, fc.hits});
                t.score = s + 0.1f * static_cast<float>(std::min(hits, 5));
                out.push_back(t);
            }
    std::stable_sort(out.begin(), out.end(), [](const FinderTriple& x, const FinderTriple& y) { return x.score > y.score; });
}

}  // namespace cccd::qr
