#include "optics.hpp"

#include <algorithm>
#include <cmath>

namespace cccd::cardgen {

namespace {

constexpr double kDeg = 3.141592653589793 / 180;

// exp(-t^2 / 2) for t in [0, 4), tabulated: glare evaluates it for many pixels.
struct Bell {
    float table[1025];
    Bell() {
        for (int i = 0; i <= 1024; ++i) table[i] = static_cast<float>(std::exp(-0.5 * (i / 256.0) * (i / 256.0)));
    }
    float operator()(float t) const {
        t = std::fabs(t) * 256;
        return t >= 1024 ? 0.0f : table[static_cast<int>(t)];
    }
};

// One dimension of a separable resampling: out[i] = sum of in[k] * w for the listed taps.
struct Taps {
    std::vector<int> start, count;
    std::vector<float> w;  // `count` weights per output, from `offset`
    std::vector<size_t> offset;
};

Taps area_taps(int inN, int outN) {  // box filter: each output averages its footprint
    Taps t;
    const double f = static_cast<double>(inN) / outN;
    for (int i = 0; i < outN; ++i) {
        const double a = i * f, b = (i + 1) * f;
        const int k0 = static_cast<int>(std::floor(a)), k1 = std::min(inN, static_cast<int>(std::ceil(b)));
        t.start.push_back(k0);
        t.count.push_back(k1 - k0);
        t.offset.push_back(t.w.size());
        for (int k = k0; k < k1; ++k) t.w.push_back(static_cast<float>((std::min(b, k + 1.0) - std::max(a, static_cast<double>(k))) / f));
    }
    return t;
}

Taps linear_taps(int inN, int outN) {  // bilinear, pixel centres aligned
    Taps t;
    const double f = static_cast<double>(inN) / outN;
    for (int i = 0; i < outN; ++i) {
        const double s = std::clamp((i + 0.5) * f - 0.5, 0.0, inN - 1.0);
        const int k = std::min(static_cast<int>(s), inN - 2 < 0 ? 0 : inN - 2);
        const auto a = static_cast<float>(s - k);
        t.start.push_back(k);
        t.offset.push_back(t.w.size());
        if (inN == 1) {
            t.count.push_back(1);
            t.w.push_back(1);
        } else {
            t.count.push_back(2);
            t.w.push_back(1 - a);
            t.w.push_back(a);
        }
    }
    return t;
}

FloatImage resample(const FloatImage& in, int outW, int outH, bool area) {
    const Taps tx = area ? area_taps(in.width, outW) : linear_taps(in.width, outW);
    const Taps ty = area ? area_taps(in.height, outH) : linear_taps(in.height, outH);
    FloatImage mid, out;
    mid.resize(outW, in.height);
    for (int y = 0; y < in.height; ++y) {
        const float* src = in.at(0, y);
        float* dst = mid.at(0, y);
        for (int x = 0; x < outW; ++x) {
            const size_t ux = static_cast<size_t>(x);
            float s0 = 0, s1 = 0, s2 = 0;
            for (int k = 0; k < tx.count[ux]; ++k) {
                const float w = tx.w[tx.offset[ux] + static_cast<size_t>(k)];
                const float* p = src + (tx.start[ux] + k) * 3;
                s0 += w * p[0], s1 += w * p[1], s2 += w * p[2];
            }
            dst[x * 3] = s0, dst[x * 3 + 1] = s1, dst[x * 3 + 2] = s2;
        }
    }
    out.resize(outW, outH);
    for (int y = 0; y < outH; ++y) {
        const size_t uy = static_cast<size_t>(y);
        float* dst = out.at(0, y);
        for (int k = 0; k < ty.count[uy]; ++k) {
            const float w = ty.w[ty.offset[uy] + static_cast<size_t>(k)];
            const float* src = mid.at(0, ty.start[uy] + k);
            for (int i = 0; i < outW * 3; ++i) dst[i] += w * src[i];
        }
    }
    return out;
}

void to_bytes(const float* in, size_t n, uint8_t* out) {
    for (size_t i = 0; i < n; ++i) {  // written to vectorize
        const float v = std::min(std::max(in[i] * 255.0f + 0.5f, 0.0f), 255.0f);
        out[i] = static_cast<uint8_t>(static_cast<int>(v));
    }
}

// Scratch pictures are kept per thread between photos, but not those of 4000x3000 frames.
void release_if_huge(FloatImage& img) {
    if (img.px.size() > (24u << 20)) img.px = {};
}

}  // namespace

void apply_light(FloatImage& img, const std::vector<float>& coverage, const CardSpec& spec, const Corners& qr, Rng& rng) {
    static const Bell bell;
    const double w = img.width, h = img.height, diag = std::hypot(w, h);
    // Uneven light: a linear fall-off in a random direction and a vignette, with a slight colour cast.
    const double il = std::clamp(spec.illumination, 0.0, 1.0);
    const double dir = rng.range(0, 6.283185307179586);
    const double gx = il * 0.7 * std::cos(dir) / diag, gy = il * 0.7 * std::sin(dir) / diag;
    const double vig = il * 0.45 / (0.25 * diag * diag);
    const double exposure = rng.range(0.88, 1.05), cast = il * rng.range(-0.06, 0.06);
    const auto kr = static_cast<float>(exposure * (1 + cast)), kg = static_cast<float>(exposure),
               kb = static_cast<float>(exposure * (1 - cast));

    // Glare, aimed at the symbol more often than not: that is where it hurts.
    double qx = 0, qy = 0;
    for (const auto& p : qr) qx += p.first / 4, qy += p.second / 4;
    const double qside = std::hypot(qr[1].first - qr[0].first, qr[1].second - qr[0].second);
    struct Stripe {
        double px, py, nx, ny, sigma, length;
        float strength;
    };
    struct Spot {
        double px, py, r;
        float strength;
    };
    std::vector<Stripe> stripes;
    std::vector<Spot> spots;
    auto aim = [&](double spread) -> std::pair<double, double> {
        if (rng.chance(0.6)) return {qx + rng.range(-spread, spread) * qside, qy + rng.range(-spread, spread) * qside};
        return {rng.range(0, w), rng.range(0, h)};
    };
    for (int i = 0; i < std::clamp(spec.glareStripes, 0, 8); ++i) {
        const auto [px, py] = aim(0.6);
        const double a = rng.range(0, 6.283185307179586);
        stripes.push_back({px, py, std::cos(a), std::sin(a), rng.range(0.06, 0.35) * qside, rng.range(1.5, 5) * qside,
                           static_cast<float>(spec.glareStrength * rng.range(0.6, 1.0))});
    }
    for (int i = 0; i < std::clamp(spec.hotSpots, 0, 8); ++i) {
        const auto [px, py] = aim(0.5);
        spots.push_back({px, py, rng.range(0.06, 0.3) * qside, static_cast<float>(spec.glareStrength * rng.range(1.2, 2.2))});
    }

    // Light is separable: a column term plus a row term (the vignette's r^2 splits into x^2 + y^2).
    std::vector<float> col(static_cast<size_t>(img.width));
    for (int x = 0; x < img.width; ++x) {
        const double dx = x + 0.5 - w / 2;
        col[static_cast<size_t>(x)] = static_cast<float>(gx * dx - vig * dx * dx);
    }
    for (int y = 0; y < img.height; ++y) {
        const double dy = y + 0.5 - h / 2;
        const auto row = static_cast<float>(1 + gy * dy - vig * dy * dy);
        float* p = img.at(0, y);
        for (int x = 0; x < img.width; ++x, p += 3) {
            const float light = std::max(0.15f, row + col[static_cast<size_t>(x)]);
            p[0] *= light * kr, p[1] *= light * kg, p[2] *= light * kb;
        }
    }
    if (stripes.empty() && spots.empty()) return;
    // Per row, each stripe and spot touches one interval of x (where its bell is not yet ~0): glare is
    // evaluated there only, into row buffers, then applied where the card is.
    std::vector<float> glareRow(static_cast<size_t>(img.width)), whiteRow(static_cast<size_t>(img.width));
    for (int y = 0; y < img.height; ++y) {
        const double py = y + 0.5;
        int lo = img.width, hi = -1;  // touched columns
        auto interval = [&](double c, double halfWidth, int& x0, int& x1) {
            x0 = std::max(0, static_cast<int>(std::floor(c - halfWidth)));
            x1 = std::min(img.width - 1, static_cast<int>(std::ceil(c + halfWidth)));
            if (x0 <= x1) lo = std::min(lo, x0), hi = std::max(hi, x1);
        };
        for (const Stripe& s : stripes) {
            // across(x) = (x + 0.5 - px) * nx + (py - sy) * ny: |across| < 4 sigma.
            const double ry = py - s.py;
            int x0 = 0, x1 = img.width - 1;
            if (std::fabs(s.nx) > 1e-6) interval(s.px - 0.5 - ry * s.ny / s.nx, 4 * s.sigma / std::fabs(s.nx), x0, x1);
            else if (std::fabs(ry * s.ny) >= 4 * s.sigma) continue;
            else lo = 0, hi = img.width - 1;
            for (int x = x0; x <= x1; ++x) {
                const double rx = x + 0.5 - s.px;
                const double across = rx * s.nx + ry * s.ny, along = -rx * s.ny + ry * s.nx;
                float& g = glareRow[static_cast<size_t>(x)];
                g = std::max(g, s.strength * bell(static_cast<float>(across / s.sigma)) * bell(static_cast<float>(along / s.length)));
            }
        }
        for (const Spot& s : spots) {
            const double dy = py - s.py;
            if (std::fabs(dy) >= 4 * s.r) continue;
            int x0, x1;
            interval(s.px - 0.5, 4 * s.r, x0, x1);
            for (int x = x0; x <= x1; ++x) {
                const double dx = x + 0.5 - s.px;
                whiteRow[static_cast<size_t>(x)] += s.strength * bell(static_cast<float>(std::sqrt(dx * dx + dy * dy) / s.r));
            }
        }
        float* p = img.at(0, y);
        const float* cov = coverage.data() + static_cast<size_t>(y) * static_cast<size_t>(img.width);
        for (int x = lo; x <= hi; ++x) {
            const auto ux = static_cast<size_t>(x);
            // glare blends toward white; the spots' light adds beyond it (and clips)
            const float g = std::min(glareRow[ux], 1.0f) * cov[x], wpl = whiteRow[ux] * cov[x];
            glareRow[ux] = whiteRow[ux] = 0;
            float* q = p + x * 3;
            for (int c = 0; c < 3; ++c) q[c] += g * (1.02f - q[c]) + wpl;
        }
    }
}

void motion_blur(FloatImage& img, double lengthPx, double angleDeg) {
    if (lengthPx < 0.5) return;
    const int n = static_cast<int>(std::ceil(lengthPx)) + 1;
    const double ux = std::cos(angleDeg * kDeg), uy = std::sin(angleDeg * kDeg);
    thread_local FloatImage src;  // reused, unless huge
    src = img;
    std::fill(img.px.begin(), img.px.end(), 0.0f);
    const int w = img.width, h = img.height;
    const float inv = 1.0f / static_cast<float>(n);
    // Each tap of the line kernel is a bilinear shift of the whole picture, added in: whole rows at a
    // time (vectorizable), with clamped reads only near the left and right edges.
    for (int k = 0; k < n; ++k) {
        const double t = -lengthPx / 2 + lengthPx * k / (n - 1);
        const double ox = t * ux, oy = t * uy, fx = std::floor(ox), fy = std::floor(oy);
        const int ix = static_cast<int>(fx), iy = static_cast<int>(fy);
        const auto ax = static_cast<float>(ox - fx), ay = static_cast<float>(oy - fy);
        const float w00 = (1 - ax) * (1 - ay) * inv, w10 = ax * (1 - ay) * inv, w01 = (1 - ax) * ay * inv, w11 = ax * ay * inv;
        // Columns whose taps need no clamping: x + ix >= 0 and x + ix + 1 <= w - 1.
        const int xa = std::clamp(-ix, 0, w), xb = std::max(xa, std::clamp(w - 1 - ix, 0, w));
        for (int y = 0; y < h; ++y) {
            const float* r0 = src.at(0, std::clamp(y + iy, 0, h - 1));
            const float* r1 = src.at(0, std::clamp(y + iy + 1, 0, h - 1));
            float* d = img.at(0, y);
            auto tap = [&](int x) {
                const int x0 = std::clamp(x + ix, 0, w - 1) * 3, x1 = std::clamp(x + ix + 1, 0, w - 1) * 3;
                for (int c = 0; c < 3; ++c)
                    d[x * 3 + c] += w00 * r0[x0 + c] + w10 * r0[x1 + c] + w01 * r1[x0 + c] + w11 * r1[x1 + c];
            };
            for (int x = 0; x < xa; ++x) tap(x);
            const int off = ix * 3;
            for (int i = xa * 3; i < xb * 3; ++i)
                d[i] += w00 * r0[i + off] + w10 * r0[i + off + 3] + w01 * r1[i + off] + w11 * r1[i + off + 3];
            for (int x = xb; x < w; ++x) tap(x);
        }
    }
    release_if_huge(src);
}

void gaussian_blur(FloatImage& img, double sigma) {
    if (sigma < 0.05) return;
    const int r = std::max(1, static_cast<int>(std::ceil(2.5 * sigma)));  // 99% of the mass
    std::vector<float> k(static_cast<size_t>(2 * r + 1));
    float sum = 0;
    for (int i = -r; i <= r; ++i) sum += k[static_cast<size_t>(i + r)] = static_cast<float>(std::exp(-0.5 * i * i / (sigma * sigma)));
    for (float& v : k) v /= sum;
    const int w = img.width, h = img.height;
    std::vector<float> line(static_cast<size_t>(w + 2 * r) * 3);
    // Rows through a padded copy (edges repeat), then columns; both as flat loops over floats.
    for (int y = 0; y < h; ++y) {
        float* row = img.at(0, y);
        for (int i = -r; i < w + r; ++i) {
            const float* p = row + std::clamp(i, 0, w - 1) * 3;
            std::copy(p, p + 3, line.begin() + (i + r) * 3);
        }
        for (int i = 0; i < w * 3; ++i) row[i] = k[0] * line[static_cast<size_t>(i)];
        for (int t = 1; t <= 2 * r; ++t) {
            const float kt = k[static_cast<size_t>(t)];
            const float* p = line.data() + t * 3;
            for (int i = 0; i < w * 3; ++i) row[i] += kt * p[i];
        }
    }
    thread_local FloatImage tmp;
    tmp.reshape(w, h);
    for (int y = 0; y < h; ++y) {
        float* dst = tmp.at(0, y);
        const float* first = img.at(0, std::clamp(y - r, 0, h - 1));
        for (int i = 0; i < w * 3; ++i) dst[i] = k[0] * first[i];
        for (int t = -r + 1; t <= r; ++t) {
            const float kt = k[static_cast<size_t>(t + r)];
            const float* src = img.at(0, std::clamp(y + t, 0, h - 1));
            for (int i = 0; i < w * 3; ++i) dst[i] += kt * src[i];
        }
    }
    img.px.swap(tmp.px);  // the old pixels become next call's scratch
    release_if_huge(tmp);
}

// Normal deviates, made once per process from a fixed seed: each row of a photo reads a stretch of them
// from a random offset, which costs far less than drawing every deviate (and nothing repeats visibly).
struct NoiseTables {
    static constexpr size_t kSpan = 65536, kRow = 3 * 12000;
    std::vector<float> luma, chroma;
    NoiseTables() : luma(kSpan + kRow), chroma(kSpan + kRow) {
        Rng rng(0x6361726467656eull, Stream::noise);
        for (float& v : luma) v = static_cast<float>(rng.normal());
        for (float& v : chroma) v = static_cast<float>(rng.normal());
    }
};

void add_noise(FloatImage& img, double sigma8bit, Rng& rng, std::vector<uint8_t>* rgb8) {
    if (sigma8bit <= 0) {
        if (rgb8) to_rgb8(img, *rgb8);
        return;
    }
    static const NoiseTables tables;
    const auto base = static_cast<float>(sigma8bit / 255.0);
    const size_t n = img.px.size(), rowFloats = static_cast<size_t>(img.width) * 3;
    if (rgb8) rgb8->resize(n);
    for (size_t row = 0; row < n; row += rowFloats) {
        float* p = img.px.data() + row;
        const uint64_t r = rng.next();
        const float* lumaDev = tables.luma.data() + (r & (NoiseTables::kSpan - 1));
        const float* chromaDev = tables.chroma.data() + ((r >> 20) & (NoiseTables::kSpan - 1));
        for (size_t x = 0, i = 0; i < rowFloats; ++x, i += 3) {
            // Shot noise grows with the signal; most of it is shared by the channels (luma), some is colour.
            const float v = std::min(std::max((p[i] + p[i + 1] + p[i + 2]) * (1.0f / 3), 0.0f), 1.5f);
            const float s = base * std::sqrt(0.3f + 1.4f * v), luma = 0.85f * lumaDev[x];
            p[i] += s * (luma + 0.5f * chromaDev[i]);
            p[i + 1] += s * (luma + 0.5f * chromaDev[i + 1]);
            p[i + 2] += s * (luma + 0.5f * chromaDev[i + 2]);
        }
        if (rgb8) to_bytes(p, rowFloats, rgb8->data() + row);  // while the row is in cache
    }
}

void thumbnail(FloatImage& img, double factor) {
    if (factor <= 1.01) return;
    const int w = std::max(1, static_cast<int>(std::lround(img.width / factor)));
    const int h = std::max(1, static_cast<int>(std::lround(img.height / factor)));
    const FloatImage small = resample(img, w, h, true);
    img = resample(small, img.width, img.height, false);
}

void to_rgb8(const FloatImage& img, std::vector<uint8_t>& out) {
    out.resize(img.px.size());
    to_bytes(img.px.data(), img.px.size(), out.data());
}

}  // namespace cccd::cardgen
