#include "qr/detect/template_match.hpp"

#include <algorithm>
#include <array>
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

// Whether every position pos(m, k), |m|, |k| <= half, has its 2x2 neighbourhood inside the image with x and
// y at least lowMargin: positions are monotonic in both indices (float products and sums are), so the four
// corners bound them.
template <typename Pos>
bool corners_inside(const image::ImageView& gray, Pos pos, int half, float lowMargin) {
    for (const auto& [m, k] : {std::pair{-half, -half}, {half, -half}, {-half, half}, {half, half}}) {
        const Point p = pos(m, k);
        if (!(p.x >= lowMargin && p.y >= lowMargin && p.x < static_cast<float>(gray.width) - 1.5f &&
              p.y < static_cast<float>(gray.height) - 1.5f))
            return false;
    }
    return true;
}

// Grey values on the lattice origin + m du + k dv, |m|, |k| <= half, row-major into out (side 2 half + 1).
// Inside the image: 16.16 fixed-point positions stepped along each row and 8-bit interpolation weights
// (grey values within a level of image::bilinear's); image::bilinear with its clamps near the edges.
void sample_lattice(const image::ImageView& gray, Point origin, Point du, Point dv, int half, float* out) {
    const int side = 2 * half + 1;
    const auto pos = [&](int m, int k) {
        const float fm = static_cast<float>(m), fk = static_cast<float>(k);
        return Point{(origin.x + fk * dv.x) + fm * du.x, (origin.y + fk * dv.y) + fm * du.y};
    };
    // A margin for the fixed-point steps' rounding (below 0.001 px over a row) at the low edges.
    const bool inside = corners_inside(gray, pos, half, 0.51f);
    const int32_t stepX = static_cast<int32_t>(std::lround(du.x * 65536.0f)), stepY = static_cast<int32_t>(std::lround(du.y * 65536.0f));
    const long stride = gray.stride;
    for (int k = -half; k <= half; ++k) {
        float* row = out + (k + half) * side + half;
        if (!inside) {
            for (int m = -half; m <= half; ++m) {
                const Point p = pos(m, k);
                row[m] = image::bilinear(gray, p.x, p.y);
            }
            continue;
        }
        const Point start = pos(-half, k);
        int32_t x = static_cast<int32_t>(std::lround((start.x - 0.5f) * 65536.0f));
        int32_t y = static_cast<int32_t>(std::lround((start.y - 0.5f) * 65536.0f));
        for (int m = -half; m <= half; ++m, x += stepX, y += stepY) {
            const int32_t ax = (x >> 8) & 255, ay = (y >> 8) & 255;
            const uint8_t* p = gray.data + static_cast<long>(y >> 16) * stride + (x >> 16);
            const int32_t top = p[0] * (256 - ax) + p[1] * ax, bottom = p[stride] * (256 - ax) + p[stride + 1] * ax;
            row[m] = static_cast<float>(top * (256 - ay) + bottom * ay) * (1.0f / 65536.0f);
        }
    }
}

// The refinement's scores (best_template_match) at the (2 kFine + 1)^2 positions (ca + a / 8, cb + b / 8),
// |a|, |b| <= kFine, row-major by b, for templates of up to kMaxFineRings rings. The template at (a, b)
// reads the points (a + 8 i, b + 8 j) of the lattice of eighth-module steps around (ca, cb), which
// neighbouring positions share: each point is sampled once, and each ring's sum is the difference of two
// square sums, built one ring at a time from column sums (the score is linear in the samples).
constexpr int kFine = 4;
constexpr int kFineSide = 2 * kFine + 1;
constexpr int kMaxFineRings = 4;
constexpr int kFineHalf = kFine + 8 * (kMaxFineRings - 1);  // lattice indices -kFineHalf..kFineHalf
constexpr int kFineLattice = 2 * kFineHalf + 1;

void fine_scores(const image::ImageView& gray, const RingTemplate& t, const TemplateSearch& s, float ca, float cb,
                 float out[kFineSide * kFineSide]) {
    const int n = t.rings - 1, half = kFine + 8 * n, side = 2 * half + 1;
    const Point o{s.predicted.x + ca * s.moduleU.x + cb * s.moduleV.x, s.predicted.y + ca * s.moduleU.y + cb * s.moduleV.y};
    const Point du{s.moduleU.x * 0.125f, s.moduleU.y * 0.125f}, dv{s.moduleV.x * 0.125f, s.moduleV.y * 0.125f};
    float lattice[kFineLattice * kFineLattice];
    sample_lattice(gray, o, du, dv, half, lattice);
    // column[b][m]: the sum over |j| <= r of lattice point (m, b + 8 j), grown one ring r at a time.
    float column[kFineSide][kFineLattice];
    for (int b = -kFine; b <= kFine; ++b)
        for (int m = 0; m < side; ++m) column[b + kFine][m] = lattice[(b + half) * side + m];
    float inner[kFineSide * kFineSide] = {}, rings[kMaxFineRings][kFineSide * kFineSide];
    for (int r = 0; r <= n; ++r) {
        if (r > 0)
            for (int b = -kFine; b <= kFine; ++b)
                for (int m = 0; m < side; ++m)
                    column[b + kFine][m] += lattice[(b + 8 * r + half) * side + m] + lattice[(b - 8 * r + half) * side + m];
        for (int q = 0; q < kFineSide * kFineSide; ++q) {
            const int a = q % kFineSide - kFine, b = q / kFineSide;
            float square = 0;
            for (int i = -r; i <= r; ++i) square += column[b][a + 8 * i + half];
            rings[r][q] = square - inner[q];
            inner[q] = square;
        }
    }
    for (int q = 0; q < kFineSide * kFineSide; ++q) {
        float sums[8] = {};
        int counts[8] = {};
        for (int r = 0; r <= n; ++r) sums[r] = rings[r][q], counts[r] = r == 0 ? 1 : 8 * r;
        out[q] = ring_score(t, sums, counts, s.inverted);
    }
}

// Grey values on the lattice of coarse-search steps, each sampled once: with a step of 1/k module, the
// template at lattice position (a, b) reads the lattice points (a + k i, b + k j), which neighbouring
// positions share (the alignment search reads each point about ten times otherwise).
class LatticeSamples {
public:
    static constexpr int kMaxSide = 64;
    LatticeSamples(const image::ImageView& gray, Point origin, Point u, Point v, float step, int half)
        : half_(half), side_(2 * half + 1) {
        sample_lattice(gray, origin, {u.x * step, u.y * step}, {v.x * step, v.y * step}, half, values_);
    }
    float at(int a, int b) const { return values_[(b + half_) * side_ + a + half_]; }  // |a|, |b| <= half

private:
    int half_, side_;
    float values_[kMaxSide * kMaxSide];
};

}  // namespace

float ring_contrast(const image::ImageView& gray, const RingTemplate& t, Point c, Point u, Point v, bool inverted) {
    float sums[8] = {};
    int counts[8] = {};
    const int n = t.rings - 1;
    // When the samples keep away from the edges none needs image::bilinear's clamps.
    const auto pos = [&](int i, int j) {
        const float fi = static_cast<float>(i), fj = static_cast<float>(j);
        return Point{c.x + fi * u.x + fj * v.x, c.y + fi * u.y + fj * v.y};
    };
    const bool inside = corners_inside(gray, pos, n, 0.5f);
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
        // The template's taps ring by ring, each ring in row-major order (the order of ring_contrast's sums).
        std::array<std::pair<int, int>, 15 * 15> taps;
        int ringStart[9] = {}, counts[8] = {};
        int tap = 0;
        for (int r = 0; r <= n; ++r) {
            ringStart[r] = tap;
            for (int j = -n; j <= n; ++j)
                for (int i = -n; i <= n; ++i)
                    if (std::max(std::abs(i), std::abs(j)) == r) taps[static_cast<size_t>(tap++)] = {k * i, k * j};
            counts[r] = tap - ringStart[r];
        }
        ringStart[n + 1] = tap;
        for (int jb = -steps; jb <= steps; ++jb)
            for (int ia = -steps; ia <= steps; ++ia) {
                const float a = static_cast<float>(ia) * s.coarseStep, b = static_cast<float>(jb) * s.coarseStep;
                const float dist = std::sqrt(a * a + b * b);
                if (dist > s.radiusModules + 1e-3f) continue;
                float sums[8] = {};
                for (int r = 0; r <= n; ++r) {
                    float sum = 0;
                    for (int q = ringStart[r]; q < ringStart[r + 1]; ++q)
                        sum += lattice.at(ia + taps[static_cast<size_t>(q)].first, jb + taps[static_cast<size_t>(q)].second);
                    sums[r] = sum;
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
    float scores[kFineSide][kFineSide];
    TemplateMatch m{at(bestA, bestB), -1e9f};
    float fa = bestA, fb = bestB;
    for (int round = 0; round < 2; ++round) {  // a second round re-centres on a plateau cut by the window
        const float ca = fa, cb = fb;
        m.contrast = -1e9f;
        constexpr int kPositions = kFineSide * kFineSide;
        float* const flat = &scores[0][0];
        if (t.rings <= kMaxFineRings) {
            fine_scores(gray, t, s, ca, cb, flat);
        } else {
            for (int q = 0; q < kPositions; ++q) {
                const float a = ca + static_cast<float>(q % kFineSide - kFine) * 0.125f;
                const float b = cb + static_cast<float>(q / kFineSide - kFine) * 0.125f;
                flat[q] = ring_contrast(gray, t, at(a, b), s.moduleU, s.moduleV, s.inverted);
            }
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
