#include "qr/template_match.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>

#include "image/bilinear.hpp"

namespace cccd::qr {

namespace {

// Mean of the light rings' means minus the mean of the dark rings' means (ring_contrast's score).
float ring_score(const RingTemplate& t, const float sums[8], const int counts[8], bool inverted) {
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

// ring_contrast at eight centres at once (vector lanes; GCC and clang vector extensions), every sample
// inside the image: per lane the same operations as ring_contrast with image::bilinear_inside, so the
// same scores.
using F8 = float __attribute__((vector_size(32)));
using I8 = int32_t __attribute__((vector_size(32)));

void ring_contrast8(const image::ImageView& gray, const RingTemplate& t, const F8& cx, const F8& cy, Point u, Point v, bool inverted,
                    float out[8]) {
    F8 sums[8] = {};
    int counts[8] = {};
    const int n = t.rings - 1;
    const long stride = gray.stride;
    for (int j = -n; j <= n; ++j)
        for (int i = -n; i <= n; ++i) {
            const float fi = static_cast<float>(i), fj = static_cast<float>(j);
            const F8 fx = ((cx + fi * u.x) + fj * v.x) - 0.5f, fy = ((cy + fi * u.y) + fj * v.y) - 0.5f;
            const I8 x0 = __builtin_convertvector(fx, I8), y0 = __builtin_convertvector(fy, I8);
            const F8 ax = fx - __builtin_convertvector(x0, F8), ay = fy - __builtin_convertvector(y0, F8);
            F8 p00, p10, p01, p11;
            for (int k = 0; k < 8; ++k) {
                const uint8_t* p = gray.data + static_cast<long>(y0[k]) * stride + x0[k];
                p00[k] = static_cast<float>(p[0]);
                p10[k] = static_cast<float>(p[1]);
                p01[k] = static_cast<float>(p[stride]);
                p11[k] = static_cast<float>(p[stride + 1]);
            }
            const F8 top = p00 * (1.0f - ax) + p10 * ax;
            const F8 bottom = p01 * (1.0f - ax) + p11 * ax;
            const int r = std::max(std::abs(i), std::abs(j));
            sums[r] += top * (1.0f - ay) + bottom * ay;
            ++counts[r];
        }
    F8 dark = {}, light = {};
    int nDark = 0, nLight = 0;
    for (int r = 0; r < t.rings; ++r) {
        const F8 mean = sums[r] / static_cast<float>(counts[r]);
        if ((t.darkMask >> r) & 1u) dark += mean, ++nDark;
        else light += mean, ++nLight;
    }
    const F8 score = light / static_cast<float>(nLight) - dark / static_cast<float>(nDark);
    for (int k = 0; k < 8; ++k) out[k] = inverted ? -score[k] : score[k];
}

// Grey values on the lattice of coarse-search steps, each sampled once: with a step of 1/k module, the
// template at lattice position (a, b) reads the lattice points (a + k i, b + k j), which neighbouring
// positions share (the alignment search reads each point about ten times otherwise).
class LatticeSamples {
public:
    static constexpr int kMaxSide = 64;
    LatticeSamples(const image::ImageView& gray, Point origin, Point u, Point v, float step, int half)
        : gray_(gray), origin_(origin), u_(u), v_(v), step_(step), half_(half), side_(2 * half + 1) {
        std::fill(values_, values_ + side_ * side_, -1.0f);
    }
    float at(int a, int b) {  // lattice indices, |a|, |b| <= half
        float& value = values_[(b + half_) * side_ + a + half_];
        if (value < 0) {
            const float fa = static_cast<float>(a) * step_, fb = static_cast<float>(b) * step_;
            value = image::bilinear(gray_, origin_.x + fa * u_.x + fb * v_.x, origin_.y + fa * u_.y + fb * v_.y);
        }
        return value;
    }

private:
    const image::ImageView& gray_;
    Point origin_, u_, v_;
    float step_;
    int half_, side_;
    float values_[kMaxSide * kMaxSide];
};

}  // namespace

float ring_contrast(const image::ImageView& gray, const RingTemplate& t, Point c, Point u, Point v, bool inverted) {
    float sums[8] = {};
    int counts[8] = {};
    const int n = t.rings - 1;
    // Sample positions are monotonic in i and j (float products and sums are), so the four corner samples
    // bound them all; when those keep away from the edges no sample needs image::bilinear's clamps.
    const auto pos = [&](int i, int j) {
        const float fi = static_cast<float>(i), fj = static_cast<float>(j);
        return Point{c.x + fi * u.x + fj * v.x, c.y + fi * u.y + fj * v.y};
    };
    bool inside = true;
    for (const auto& [i, j] : {std::pair{-n, -n}, {n, -n}, {-n, n}, {n, n}}) {
        const Point p = pos(i, j);
        inside = inside && p.x >= 0.5f && p.y >= 0.5f && p.x < static_cast<float>(gray.width) - 1.5f &&
                 p.y < static_cast<float>(gray.height) - 1.5f;
    }
    for (int j = -n; j <= n; ++j)
        for (int i = -n; i <= n; ++i) {
            const Point p = pos(i, j);
            const int r = std::max(std::abs(i), std::abs(j));
            sums[r] += inside ? image::bilinear_inside(gray, p.x, p.y) : image::bilinear(gray, p.x, p.y);
            ++counts[r];
        }
    return ring_score(t, sums, counts, inverted);
}

TemplateMatch best_template_match(const image::ImageView& gray, const RingTemplate& t, const TemplateSearch& s) {
    const auto at = [&](float a, float b) {
        return Point{s.predicted.x + a * s.moduleU.x + b * s.moduleV.x, s.predicted.y + a * s.moduleU.y + b * s.moduleV.y};
    };
    const int steps = static_cast<int>(std::ceil(s.radiusModules / s.coarseStep));
    float best = -1e9f, bestA = 0, bestB = 0;
    const int n = t.rings - 1;
    const float perModule = 1.0f / s.coarseStep;
    const int k = static_cast<int>(std::lround(perModule));
    const int half = steps + n * k;
    if (k >= 1 && std::abs(perModule - static_cast<float>(k)) < 1e-4f && 2 * half + 1 <= LatticeSamples::kMaxSide) {
        LatticeSamples lattice(gray, s.predicted, s.moduleU, s.moduleV, s.coarseStep, half);
        for (int jb = -steps; jb <= steps; ++jb)
            for (int ia = -steps; ia <= steps; ++ia) {
                const float a = static_cast<float>(ia) * s.coarseStep, b = static_cast<float>(jb) * s.coarseStep;
                const float dist = std::sqrt(a * a + b * b);
                if (dist > s.radiusModules + 1e-3f) continue;
                float sums[8] = {};
                int counts[8] = {};
                for (int j = -n; j <= n; ++j)
                    for (int i = -n; i <= n; ++i) {
                        const int r = std::max(std::abs(i), std::abs(j));
                        sums[r] += lattice.at(ia + k * i, jb + k * j);
                        ++counts[r];
                    }
                // Prefer matches near the prediction: data modules can imitate a template further out.
                const float score = ring_score(t, sums, counts, s.inverted) * (1.0f - s.distancePenalty * dist);
                if (score > best) best = score, bestA = a, bestB = b;
            }
    } else {
        for (int jb = -steps; jb <= steps; ++jb)
            for (int ia = -steps; ia <= steps; ++ia) {
                const float a = static_cast<float>(ia) * s.coarseStep, b = static_cast<float>(jb) * s.coarseStep;
                const float dist = std::sqrt(a * a + b * b);
                if (dist > s.radiusModules + 1e-3f) continue;
                const float score = ring_contrast(gray, t, at(a, b), s.moduleU, s.moduleV, s.inverted) *
                                    (1.0f - s.distancePenalty * dist);
                if (score > best) best = score, bestA = a, bestB = b;
            }
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
        // Eight positions of a row at once when every sample of the window is inside the image (a pixel of
        // margin over the corner centres plus the template's reach covers rounding).
        float x0 = 1e30f, x1 = -1e30f, y0 = 1e30f, y1 = -1e30f;
        for (const float da : {-0.5f, 0.5f})
            for (const float db : {-0.5f, 0.5f}) {
                const Point c = at(ca + da, cb + db);
                x0 = std::min(x0, c.x), x1 = std::max(x1, c.x), y0 = std::min(y0, c.y), y1 = std::max(y1, c.y);
            }
        const float reach = static_cast<float>(t.rings - 1) + 0.5f;
        const float ex = reach * (std::abs(s.moduleU.x) + std::abs(s.moduleV.x)) + 1.0f;
        const float ey = reach * (std::abs(s.moduleU.y) + std::abs(s.moduleV.y)) + 1.0f;
        const bool lanes = x0 - ex >= 0.5f && y0 - ey >= 0.5f && x1 + ex < static_cast<float>(gray.width) - 1.5f &&
                           y1 + ey < static_cast<float>(gray.height) - 1.5f;
        // The (2 kFine + 1)^2 positions in row-major order, eight at a time while whole groups fit.
        constexpr int kSide = 2 * kFine + 1, kPositions = kSide * kSide;
        float* const flat = &scores[0][0];
        int first = 0;
        if (lanes)
            for (; first + 8 <= kPositions; first += 8) {
                F8 a, b;
                for (int lane = 0; lane < 8; ++lane) {
                    const int q = first + lane;
                    a[lane] = ca + static_cast<float>(q % kSide - kFine) * 0.125f;
                    b[lane] = cb + static_cast<float>(q / kSide - kFine) * 0.125f;
                }
                const F8 cx = (s.predicted.x + a * s.moduleU.x) + b * s.moduleV.x;
                const F8 cy = (s.predicted.y + a * s.moduleU.y) + b * s.moduleV.y;
                ring_contrast8(gray, t, cx, cy, s.moduleU, s.moduleV, s.inverted, flat + first);
            }
        for (int q = first; q < kPositions; ++q) {
            const float a = ca + static_cast<float>(q % kSide - kFine) * 0.125f, b = cb + static_cast<float>(q / kSide - kFine) * 0.125f;
            flat[q] = ring_contrast(gray, t, at(a, b), s.moduleU, s.moduleV, s.inverted);
        }
        for (int q = 0; q < kPositions; ++q) m.contrast = std::max(m.contrast, flat[q]);
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
