#include "qr/template_match.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "image/bilinear.hpp"

namespace cccd::qr {

float ring_contrast(const image::ImageView& gray, const RingTemplate& t, Point c, Point u, Point v, bool inverted) {
    float sums[8] = {};
    int counts[8] = {};
    const int n = t.rings - 1;
    for (int j = -n; j <= n; ++j)
        for (int i = -n; i <= n; ++i) {
            const float fi = static_cast<float>(i), fj = static_cast<float>(j);
            const int r = std::max(std::abs(i), std::abs(j));
            sums[r] += image::bilinear(gray, c.x + fi * u.x + fj * v.x, c.y + fi * u.y + fj * v.y);
            ++counts[r];
        }
    float dark = 0, light = 0;
    int nDark = 0, nLight = 0;
    for (int r = 0; r < t.rings; ++r) {
        const float mean = sums[r] / static_cast<float>(counts[r]);
        if ((t.darkMask >> r) & 1u) dark += mean, ++nDark;
        else light += mean, ++nLight;
    }
    const float score = light / static_cast<float>(nLight) - dark / static_cast<float>(nDark);
    return inverted ? -score : score;
}

TemplateMatch best_template_match(const image::ImageView& gray, const RingTemplate& t, const TemplateSearch& s) {
    const auto at = [&](float a, float b) {
        return Point{s.predicted.x + a * s.moduleU.x + b * s.moduleV.x, s.predicted.y + a * s.moduleU.y + b * s.moduleV.y};
    };
    const int steps = static_cast<int>(std::ceil(s.radiusModules / s.coarseStep));
    float best = -1e9f, bestA = 0, bestB = 0;
    for (int jb = -steps; jb <= steps; ++jb)
        for (int ia = -steps; ia <= steps; ++ia) {
            const float a = static_cast<float>(ia) * s.coarseStep, b = static_cast<float>(jb) * s.coarseStep;
            const float dist = std::sqrt(a * a + b * b);
            if (dist > s.radiusModules + 1e-3f) continue;
            // Prefer matches near the prediction: data modules can imitate a template further out.
            const float score = ring_contrast(gray, t, at(a, b), s.moduleU, s.moduleV, s.inverted) *
                                (1.0f - s.distancePenalty * dist);
            if (score > best) best = score, bestA = a, bestB = b;
        }
    // Refine on an eighth-module grid within half a module of the coarse best. Sharp images of large
    // modules give a plateau (module-centre samples do not move between modules for shifts under half
    // a module), so take the centroid of every position within 10% of the best rather than the first.
    constexpr int kFine = 4;
    float scores[2 * kFine + 1][2 * kFine + 1];
    TemplateMatch m{at(bestA, bestB), -1e9f};
    float fa = bestA, fb = bestB;
    for (int round = 0; round < 2; ++round) {  // a second round re-centres on a plateau cut by the window
        const float ca = fa, cb = fb;
        m.contrast = -1e9f;
        for (int jb = -kFine; jb <= kFine; ++jb)
            for (int ia = -kFine; ia <= kFine; ++ia) {
                const float a = ca + static_cast<float>(ia) * 0.125f, b = cb + static_cast<float>(jb) * 0.125f;
                const float score = ring_contrast(gray, t, at(a, b), s.moduleU, s.moduleV, s.inverted);
                scores[jb + kFine][ia + kFine] = score;
                m.contrast = std::max(m.contrast, score);
            }
        const float floor = m.contrast - 0.1f * std::abs(m.contrast);
        float sw = 0, sa = 0, sb = 0;
        for (int jb = -kFine; jb <= kFine; ++jb)
            for (int ia = -kFine; ia <= kFine; ++ia) {
                const float w = scores[jb + kFine][ia + kFine] - floor;
                if (w < 0) continue;
                sw += w + 1e-6f;
                sa += (w + 1e-6f) * static_cast<float>(ia);
                sb += (w + 1e-6f) * static_cast<float>(jb);
            }
        fa = ca + 0.125f * sa / sw;
        fb = cb + 0.125f * sb / sw;
        if (std::abs(fa - ca) < 0.2f && std::abs(fb - cb) < 0.2f) break;
    }
    m.center = at(fa, fb);
    return m;
}

}  // namespace cccd::qr
