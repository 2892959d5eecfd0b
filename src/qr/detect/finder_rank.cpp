#include "qr/detect/finder_rank.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "qr/detect/template_match.hpp"

namespace cccd::qr {
namespace {

// Ring contrast at the best of six turns: a finder's rotation is not known from its runs, and 7.5 degrees
// off moves the outer ring by under half a module.
float best_ring_contrast(const image::ImageView& gray, const FinderPattern& f, bool inverted) {
    float best = 0;
    for (int k = 0; k < 6; ++k) {
        const float a = static_cast<float>(k) * std::numbers::pi_v<float> / 12.0f;
        const float c = std::cos(a) * f.moduleSize, s = std::sin(a) * f.moduleSize;
        best = std::max(best, ring_contrast(gray, kFinderTemplate, f.center, {c, s}, {-s, c}, inverted));
    }
    return best;
}

}  // namespace

void rank_finders_by_contrast(const image::ImageView& gray, bool inverted, int kept, std::vector<FinderPattern>& finders) {
    const auto whole = std::partition_point(finders.begin(), finders.end(), [](const FinderPattern& f) { return !f.open; });
    if (whole - finders.begin() <= kept) return;
    std::vector<std::pair<float, FinderPattern>> scored;
    scored.reserve(static_cast<size_t>(whole - finders.begin()));
    for (auto it = finders.begin(); it != whole; ++it)
        scored.push_back({static_cast<float>(it->hits) * best_ring_contrast(gray, *it, inverted), *it});
    std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (size_t i = 0; i < scored.size(); ++i) finders[i] = scored[i].second;
}

}  // namespace cccd::qr
