#include "background.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

namespace cccd::cardgen {

namespace {

constexpr double kTau = 6.283185307179586;
constexpr int kStep = 4;  // the background is smooth: computed every 4 pixels, then interpolated

// Value noise over a 256 x 256 lattice of random values (wrapping): a table, not a hash per lookup.
struct Lattice {
    float v[256 * 256];
    void fill(Rng& rng) {
        for (float& x : v) x = static_cast<float>(rng.uniform());
    }
    float at(int x, int y) const { return v[(y & 255) * 256 + (x & 255)]; }
};

double value_noise(const Lattice& lat, double x, double y) {
    const double fx = std::floor(x), fy = std::floor(y);
    const int ix = static_cast<int>(fx), iy = static_cast<int>(fy);
    double tx = x - fx, ty = y - fy;
    tx = tx * tx * (3 - 2 * tx);
    ty = ty * ty * (3 - 2 * ty);
    const double a = lat.at(ix, iy), b = lat.at(ix + 1, iy), c = lat.at(ix, iy + 1), d = lat.at(ix + 1, iy + 1);
    return a + (b - a) * tx + (c - a) * ty + (a - b - c + d) * tx * ty;
}

double fbm(const Lattice& lat, double x, double y, int octaves) {
    double sum = 0, amp = 0.5, norm = 0;
    for (int o = 0; o < octaves; ++o, x = x * 2.03 + 17.3, y = y * 2.03 + 5.1, amp *= 0.5) {
        sum += amp * value_noise(lat, x, y);
        norm += amp;
    }
    return sum / norm;
}

Rgb mix(Rgb a, Rgb b, double t) {
    const auto f = static_cast<float>(t);
    return {a.r + f * (b.r - a.r), a.g + f * (b.g - a.g), a.b + f * (b.b - a.b)};
}

// Signed distance (pixels, > 0 inside) to a closed polygon.
double signed_distance(const std::vector<std::pair<double, double>>& poly, double x, double y) {
    double best = 1e300;
    bool inside = false;
    for (size_t i = 0, j = poly.size() - 1; i < poly.size(); j = i++) {
        const auto [xi, yi] = poly[i];
        const auto [xj, yj] = poly[j];
        if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) inside = !inside;
        const double ex = xj - xi, ey = yj - yi, len2 = ex * ex + ey * ey;
        const double t = len2 > 0 ? std::clamp(((x - xi) * ex + (y - yi) * ey) / len2, 0.0, 1.0) : 0.0;
        const double dx = x - xi - t * ex, dy = y - yi - t * ey;
        best = std::min(best, dx * dx + dy * dy);
    }
    return inside ? std::sqrt(best) : -std::sqrt(best);
}

}  // namespace

void paint_background(FloatImage& frame, Background kind, const Pose& pose, Rng& rng) {
    const double scale = frame.width / 1280.0;
    const int lw = frame.width / kStep + 3, lh = frame.height / kStep + 3;
    std::vector<Rgb> low(static_cast<size_t>(lw) * static_cast<size_t>(lh));
    thread_local const std::unique_ptr<Lattice> lattice = std::make_unique<Lattice>();  // 256 KB: not on the stack
    lattice->fill(rng);
    const Lattice& lat = *lattice;
    const double dir = rng.range(0, kTau), cd = std::cos(dir), sd = std::sin(dir);

    // Kind-specific colours and scales, drawn once.
    static const Rgb kWoods[] = {{0.62f, 0.45f, 0.3f}, {0.36f, 0.23f, 0.15f}, {0.55f, 0.54f, 0.5f}, {0.82f, 0.8f, 0.76f}};
    const Rgb wood = rng.pick(kWoods);
    const double period = rng.range(10, 24) * scale, warp = rng.range(1.5, 4);
    const Rgb g0{static_cast<float>(rng.range(0.2, 0.8)), static_cast<float>(rng.range(0.25, 0.8)), static_cast<float>(rng.range(0.25, 0.8))};
    const Rgb g1{static_cast<float>(rng.range(0.05, 0.5)), static_cast<float>(rng.range(0.1, 0.5)), static_cast<float>(rng.range(0.1, 0.5))};
    const double clothPeriod = rng.range(35, 70) * scale, clothAmp = rng.range(8, 30) * scale, clothWave = rng.range(80, 200) * scale;
    const Rgb clothDark{0.12f, 0.17f, 0.24f}, clothLight = mix({0.45f, 0.56f, 0.66f}, g0, 0.3);

    for (int j = 0; j < lh; ++j)
        for (int i = 0; i < lw; ++i) {
            const double x = (i - 1) * kStep + 2, y = (j - 1) * kStep + 2;
            const double a = x * cd + y * sd, b = -x * sd + y * cd;  // along / across the grain or stripes
            Rgb c;
            switch (kind) {
                case Background::desk: {
                    const double t = b / period + warp * fbm(lat, a / (500 * scale), b / (60 * scale), 3);
                    const double ring = 0.5 + 0.5 * std::sin(kTau * t);
                    const double blotch = fbm(lat, x / (180 * scale) + 91.7, y / (180 * scale), 3);
                    const auto k = static_cast<float>((0.8 + 0.16 * ring) * (0.85 + 0.3 * blotch));
                    c = {wood.r * k, wood.g * k, wood.b * k};
                    break;
                }
                case Background::gradient: {
                    const double t = std::clamp(0.5 + a / (1.6 * frame.width), 0.0, 1.0);
                    c = mix(g0, g1, t);
                    break;
                }
                case Background::cloth: {
                    const double t = (a + clothAmp * std::sin(kTau * b / clothWave)) / clothPeriod;
                    c = mix(clothDark, clothLight, 0.5 + 0.5 * std::sin(kTau * t));
                    break;
                }
            }
            low[static_cast<size_t>(j * lw + i)] = c;
        }

    // The card's shadow: its outline moved a little and blurred.
    std::vector<std::pair<double, double>> outline;
    for (int k = 0; k < 16; ++k) outline.push_back(pose.project(kCardW * k / 16, 0));
    for (int k = 0; k < 10; ++k) outline.push_back(pose.project(kCardW, kCardH * k / 10));
    for (int k = 16; k > 0; --k) outline.push_back(pose.project(kCardW * k / 16, kCardH));
    for (int k = 10; k > 0; --k) outline.push_back(pose.project(0, kCardH * k / 10));
    const double sx = rng.range(-8, 8) * scale, sy = rng.range(2, 12) * scale, soft = rng.range(5, 16) * scale;
    const auto dark = static_cast<float>(rng.range(0.15, 0.45));
    // The shadow is soft: its factor is computed every kShadowStep low-res samples and interpolated.
    constexpr int kShadowStep = 3;
    const int sw = lw / kShadowStep + 2, sh = lh / kShadowStep + 2;
    std::vector<float> shade(static_cast<size_t>(sw) * static_cast<size_t>(sh), 1.0f);
    double bx0 = 1e300, by0 = 1e300, bx1 = -1e300, by1 = -1e300;
    for (const auto& [px, py] : outline) bx0 = std::min(bx0, px), by0 = std::min(by0, py), bx1 = std::max(bx1, px), by1 = std::max(by1, py);
    const double reach = 3 * soft + kShadowStep * kStep;
    for (int j = 0; j < sh; ++j)
        for (int i = 0; i < sw; ++i) {
            const double x = (i * kShadowStep - 1) * kStep + 2 - sx, y = (j * kShadowStep - 1) * kStep + 2 - sy;
            if (x < bx0 - reach || x > bx1 + reach || y < by0 - reach || y > by1 + reach) continue;
            const double d = signed_distance(outline, x, y) / soft;
            if (d < -2.5) continue;
            const double t = std::clamp(0.5 + d / 2.5 * 0.5, 0.0, 1.0);
            shade[static_cast<size_t>(j * sw + i)] = 1 - dark * static_cast<float>(t * t * (3 - 2 * t));
        }
    for (int j = 0; j < lh; ++j)
        for (int i = 0; i < lw; ++i) {
            const int si = i / kShadowStep, sj = j / kShadowStep;
            const float fx = static_cast<float>(i % kShadowStep) / kShadowStep, fy = static_cast<float>(j % kShadowStep) / kShadowStep;
            const float* r0 = &shade[static_cast<size_t>(sj * sw + si)];
            const float* r1 = r0 + sw;
            const float k = (r0[0] + fx * (r0[1] - r0[0])) * (1 - fy) + (r1[0] + fx * (r1[1] - r1[0])) * fy;
            if (k >= 1) continue;
            Rgb& c = low[static_cast<size_t>(j * lw + i)];
            c = {c.r * k, c.g * k, c.b * k};
        }

    // Bilinear up to full size; the column taps are the same for every row.
    std::vector<int> ix(static_cast<size_t>(frame.width));
    std::vector<float> wx(static_cast<size_t>(frame.width));
    for (int x = 0; x < frame.width; ++x) {
        const double fx = (x + 0.5 - 2) / kStep + 1;
        ix[static_cast<size_t>(x)] = std::clamp(static_cast<int>(fx), 0, lw - 2);
        wx[static_cast<size_t>(x)] = static_cast<float>(fx - ix[static_cast<size_t>(x)]);
    }
    // Rows of the low-res grid widened to full width once each, then blended row by row (flat loops).
    const size_t n = static_cast<size_t>(frame.width) * 3;
    std::vector<float> upper(n), lower(n);
    auto widen = [&](int j, std::vector<float>& out) {
        const Rgb* r = &low[static_cast<size_t>(j * lw)];
        for (int x = 0; x < frame.width; ++x) {
            const Rgb &a = r[ix[static_cast<size_t>(x)]], &b = r[ix[static_cast<size_t>(x)] + 1];
            const float t = wx[static_cast<size_t>(x)];
            float* o = &out[static_cast<size_t>(x) * 3];
            o[0] = a.r + t * (b.r - a.r), o[1] = a.g + t * (b.g - a.g), o[2] = a.b + t * (b.b - a.b);
        }
    };
    int have = -1;
    for (int y = 0; y < frame.height; ++y) {
        const double fy = (y + 0.5 - 2) / kStep + 1;
        const int j = std::clamp(static_cast<int>(fy), 0, lh - 2);
        const auto ty = static_cast<float>(fy - j);
        if (j != have) {
            if (j == have + 1) upper.swap(lower), widen(j + 1, lower);
            else widen(j, upper), widen(j + 1, lower);
            have = j;
        }
        float* out = frame.at(0, y);
        for (size_t i = 0; i < n; ++i) out[i] = upper[i] + ty * (lower[i] - upper[i]);
    }
}

}  // namespace cccd::cardgen
