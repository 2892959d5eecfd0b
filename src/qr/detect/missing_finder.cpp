#include "qr/detect/missing_finder.hpp"

#include <algorithm>
#include <cmath>

#include "qr/detect/template_match.hpp"

namespace cccd::qr {
namespace {

float length(Point p) { return std::hypot(p.x, p.y); }
Point scaled(Point p, float s) { return {p.x * s, p.y * s}; }
Point plus(Point a, Point b) { return {a.x + b.x, a.y + b.y}; }
Point minus(Point a, Point b) { return {a.x - b.x, a.y - b.y}; }

// The ring contrast of a finder at `c` whose module axes are u and v.
float contrast_at(const image::ImageView& gray, Point c, Point u, Point v, bool inverted) {
    return ring_contrast(gray, kFinderTemplate, c, u, v, inverted);
}

bool near_any(const std::vector<FinderPattern>& finders, const std::vector<FinderPattern>& added, Point p, float radius) {
    const auto near = [&](const FinderPattern& f) { return length(minus(f.center, p)) < radius; };
    return std::any_of(finders.begin(), finders.end(), near) || std::any_of(added.begin(), added.end(), near);
}

// Calls f on each finder the search pairs: the first `count` seen whole.
template <typename F>
void for_each_pair_finder(const std::vector<FinderPattern>& finders, int count, F f) {
    int n = 0;
    for (const FinderPattern& p : finders)
        if (!p.open && n < count) f(p), ++n;
}

}  // namespace

bool finder_pair_fits(const FinderPattern& a, const FinderPattern& b) {
    const float ratio = std::max(a.moduleSize, b.moduleSize) / std::min(a.moduleSize, b.moduleSize);
    const float modules = length(minus(b.center, a.center)) / ((a.moduleSize + b.moduleSize) * 0.5f);
    // Finder centres of one symbol are 14..170 modules apart along a side (6.1), √2 times that across.
    return ratio <= 1.5f && modules >= 12.0f && modules <= 245.0f;
}

std::array<ThirdPlace, 6> third_places(const FinderPattern& a, const FinderPattern& b) {
    const float ms = (a.moduleSize + b.moduleSize) * 0.5f;
    const Point d = minus(b.center, a.center);
    const Point n{-d.y, d.x};  // d turned by 90 degrees, as long
    const Point unitD = scaled(d, 1.0f / length(d)), unitN = scaled(n, 1.0f / length(n));
    const Point sideU = scaled(unitD, ms), sideV = scaled(unitN, ms);
    const Point diagU = scaled(plus(unitD, unitN), ms / std::sqrt(2.0f));
    const Point diagV = scaled(minus(unitN, unitD), ms / std::sqrt(2.0f));
    const Point mid = scaled(plus(a.center, b.center), 0.5f);
    return {{{plus(a.center, n), sideU, sideV, 0},
             {minus(a.center, n), sideU, sideV, 0},
             {plus(b.center, n), sideU, sideV, 1},
             {minus(b.center, n), sideU, sideV, 1},
             {plus(mid, scaled(n, 0.5f)), diagU, diagV, 2},
             {minus(mid, scaled(n, 0.5f)), diagU, diagV, 2}}};
}

PairedCentres paired_centres(const std::vector<FinderPattern>& finders, int pairFinders) {
    PairedCentres c;
    for_each_pair_finder(finders, std::min(pairFinders, static_cast<int>(c.at.size())),
                         [&](const FinderPattern& f) { c.at[c.count++] = f.center; });
    return c;
}

int find_missing_finders(const image::ImageView& gray, const std::vector<FinderPattern>& finders,
                         const MissingFinderOptions& options, std::vector<FinderPattern>& out,
                         std::span<const Point> searched) {
    const auto was_searched = [&](const FinderPattern& f) {
        return std::any_of(searched.begin(), searched.end(), [&](Point p) { return p.x == f.center.x && p.y == f.center.y; });
    };
    int searches = 0;
    std::vector<const FinderPattern*> whole;
    for_each_pair_finder(finders, options.pairFinders, [&](const FinderPattern& f) { whole.push_back(&f); });
    std::vector<FinderPattern> added;
    int pairs = 0;
    for (size_t i = 0; i < whole.size(); ++i)
        for (size_t j = i + 1; j < whole.size() && pairs < options.maxPairs; ++j) {
            const FinderPattern& a = *whole[i];
            const FinderPattern& b = *whole[j];
            if (was_searched(a) && was_searched(b)) continue;
            const float ms = (a.moduleSize + b.moduleSize) * 0.5f;
            if (!finder_pair_fits(a, b) || ms >= options.maxPairModule) continue;
            ++pairs;
            const std::array<ThirdPlace, 6> places = third_places(a, b);
            const auto taken = [&](const ThirdPlace& p) { return near_any(finders, added, p.at, 4.0f * ms); };
            if (options.skipTakenPairs && std::any_of(places.begin(), places.end(), taken)) continue;
            // The pair's own contrast, with the module axes along and across their line (a side), is what a
            // finder of this symbol shows here; across a diagonal the axes are turned by 45 degrees.
            const ThirdPlace& side = places[0];
            const ThirdPlace& diagonal = places[4];
            const float own = 0.5f * (std::max(contrast_at(gray, a.center, side.u, side.v, options.inverted),
                                               contrast_at(gray, a.center, diagonal.u, diagonal.v, options.inverted)) +
                                      std::max(contrast_at(gray, b.center, side.u, side.v, options.inverted),
                                               contrast_at(gray, b.center, diagonal.u, diagonal.v, options.inverted)));
            if (own <= 0) continue;
            const float margin = 3.5f * ms;
            for (const ThirdPlace& p : places) {
                if (p.at.x < margin || p.at.y < margin || p.at.x > static_cast<float>(gray.width) - margin ||
                    p.at.y > static_cast<float>(gray.height) - margin)
                    continue;
                if (taken(p)) continue;  // a finder is there: its triple exists
                TemplateSearch s;
                s.predicted = p.at;
                s.moduleU = p.u;
                s.moduleV = p.v;
                s.radiusModules = options.searchRadius;
                s.inverted = options.inverted;
                const TemplateMatch m = best_template_match(gray, kFinderTemplate, s);
                ++searches;
                if (m.contrast < options.minContrastShare * own) continue;
                added.push_back({m.center, ms, 1, true});
                if (static_cast<int>(added.size()) >= options.maxAdded) {
                    out.insert(out.end(), added.begin(), added.end());
                    return searches;
                }
            }
        }
    out.insert(out.end(), added.begin(), added.end());
    return searches;
}

}  // namespace cccd::qr
