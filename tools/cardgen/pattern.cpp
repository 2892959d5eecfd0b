#include "pattern.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "rng.hpp"

namespace cccd::cardgen {

namespace {

constexpr double kTau = 6.283185307179586;

// One family of parallel wavy lines: offset(s) = amp(s) * sin(tau * s / wavelength + phase) across the
// lines, spaced `spacing` apart, all in mm. `vertical` runs the lines down the card instead of across.
struct Family {
    bool vertical = false;
    double spacing = 0.4, amp = 0.3, ampSwing = 0.3, wavelength = 2.5, phase = 0, swingPeriod = 40, swingPhase = 0;
    double width = 0.08;  // line width in mm
    Rgb ink{};
    float strength = 0.4f;
};

// Per column (or row) of texels: the wave's offset in units of the spacing, and cos of its slope, which
// turns the distance along the texel column into the distance to the line.
void wave_table(const Family& f, int n, double start, double tpm, std::vector<float>& offset, std::vector<float>& cosSlope) {
    offset.resize(static_cast<size_t>(n));
    cosSlope.resize(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
        const double s = start + (i + 0.5) / tpm;
        const double amp = f.amp * (1 + f.ampSwing * std::sin(kTau * s / f.swingPeriod + f.swingPhase));
        const double arg = kTau * s / f.wavelength + f.phase;
        offset[static_cast<size_t>(i)] = static_cast<float>(amp * std::sin(arg) / f.spacing);
        const double slope = amp * kTau / f.wavelength * std::cos(arg);
        cosSlope[static_cast<size_t>(i)] = static_cast<float>(1 / std::sqrt(1 + slope * slope));
    }
}

// Distance (in spacings) from t to the nearest integer; t > -16384. Not std::nearbyint: without SSE4.1 that
// is a library call, and this runs for every texel of every family.
inline float frac_distance(float t) {
    const float n = static_cast<float>(static_cast<int>(t + 16384.5f) - 16384);
    return std::fabs(t - n);
}

// What one family needs per texel: the wave table for its direction and the constants of its lines.
struct FamilyPass {
    std::vector<float> offset, cosSlope;
    float spacingTexels, invSpacing, halfWidth, acrossStart;
    Rgb k;  // darkening per unit coverage

    FamilyPass(const Family& f, const CardTexture& tex) {
        const int along = f.vertical ? tex.img.height : tex.img.width;
        wave_table(f, along, f.vertical ? tex.v0 : tex.u0, tex.tpm, offset, cosSlope);
        spacingTexels = static_cast<float>(f.spacing * tex.tpm);
        invSpacing = 1.0f / spacingTexels;
        halfWidth = static_cast<float>(f.width * tex.tpm / 2);
        acrossStart = static_cast<float>((f.vertical ? tex.u0 : tex.v0) * tex.tpm) + 0.5f;
        k = {f.strength * (1 - f.ink.r), f.strength * (1 - f.ink.g), f.strength * (1 - f.ink.b)};
    }
    // Coverage of the texels of a row (horizontal family: across fixed, wave index x; vertical: across
    // = x, wave index fixed). Plain loops over arrays, so the compiler vectorizes them.
    void row_horizontal(float across, int n, float* cover) const {
        const float t0 = across * invSpacing;
        for (int x = 0; x < n; ++x) {
            const auto ux = static_cast<size_t>(x);
            const float d = frac_distance(t0 - offset[ux]) * spacingTexels * cosSlope[ux];
            cover[x] = std::min(std::max(halfWidth - d + 0.5f, 0.0f), 1.0f);
        }
    }
    void row_vertical(size_t y, float across0, int n, float* cover) const {
        const float o = offset[y], scale = spacingTexels * cosSlope[y];
        for (int x = 0; x < n; ++x) {
            const float d = frac_distance((across0 + static_cast<float>(x)) * invSpacing - o) * scale;
            cover[x] = std::min(std::max(halfWidth - d + 0.5f, 0.0f), 1.0f);
        }
    }
};

}  // namespace

void paint_pattern(CardTexture& tex, Side side, uint32_t seed) {
    Rng rng(seed, Stream::pattern);
    // Iridescent pastel tint: separable (a column term plus a row term) so it costs two lookups per texel.
    const double phaseR = rng.range(0, kTau), phaseG = rng.range(0, kTau), phaseB = rng.range(0, kTau);
    const double lu = rng.range(40, 90), lv = rng.range(30, 70);
    const Rgb paper = side == Side::front ? Rgb{0.93f, 0.965f, 0.975f} : Rgb{0.94f, 0.96f, 0.955f};
    // Column terms per channel (structure of arrays, so the per-row loops vectorize); row terms per row.
    const int w = tex.img.width;
    std::vector<float> colTint[3];
    const float paperC[3] = {paper.r, paper.g, paper.b};
    const double phases[3] = {phaseR, phaseG, phaseB}, colAmp[3] = {0.035, 0.025, 0.03}, rowAmp[3] = {0.025, 0.03, 0.02};
    for (int c = 0; c < 3; ++c) {
        colTint[c].resize(static_cast<size_t>(w));
        for (int x = 0; x < w; ++x) {
            const double u = tex.u0 + (x + 0.5) / tex.tpm;
            colTint[c][static_cast<size_t>(x)] = paperC[c] + static_cast<float>(colAmp[c] * std::sin(kTau * u / lu + phases[c]));
        }
    }
    auto row_tint = [&](int y, int c) {
        const double v = tex.v0 + (y + 0.5) / tex.tpm;
        return static_cast<float>(rowAmp[c] * std::sin(kTau * v / lv + phases[(c + 1) % 3]));
    };
    // Two interleaved families (the second half a wave out of phase) give the rope-like guilloche; a
    // fainter family across them fills the gaps.
    Family a;
    a.spacing = rng.range(0.32, 0.5);
    a.amp = rng.range(0.18, 0.4);
    a.ampSwing = rng.range(0.1, 0.5);
    a.wavelength = rng.range(1.4, 2.8);
    a.phase = rng.range(0, kTau);
    a.swingPeriod = rng.range(20, 60);
    a.swingPhase = rng.range(0, kTau);
    a.width = rng.range(0.07, 0.12);
    a.ink = side == Side::front ? Rgb{0.1f, 0.55f, 0.58f} : Rgb{0.2f, 0.58f, 0.45f};
    a.strength = static_cast<float>(rng.range(0.3, 0.55));
    Family b = a;
    b.phase += kTau / 2;
    b.strength *= 0.85f;
    Family c;
    c.vertical = true;
    c.spacing = rng.range(0.5, 0.9);
    c.amp = rng.range(0.2, 0.5);
    c.wavelength = rng.range(2.0, 4.0);
    c.phase = rng.range(0, kTau);
    c.swingPeriod = rng.range(25, 50);
    c.swingPhase = rng.range(0, kTau);
    c.width = rng.range(0.05, 0.09);
    c.ink = {0.45f, 0.6f, 0.35f};
    c.strength = static_cast<float>(rng.range(0.15, 0.3));
    // Per row: each family's coverage, then the tint darkened by all three (multiply), channel by channel.
    const FamilyPass pa(a, tex), pb(b, tex), pc(c, tex);
    std::vector<float> ca(static_cast<size_t>(w)), cb(static_cast<size_t>(w)), cc(static_cast<size_t>(w)), out(static_cast<size_t>(w));
    const float ka[3] = {pa.k.r, pa.k.g, pa.k.b}, kb[3] = {pb.k.r, pb.k.g, pb.k.b}, kc[3] = {pc.k.r, pc.k.g, pc.k.b};
    for (int y = 0; y < tex.img.height; ++y) {
        pa.row_horizontal(pa.acrossStart + static_cast<float>(y), w, ca.data());
        pb.row_horizontal(pb.acrossStart + static_cast<float>(y), w, cb.data());
        pc.row_vertical(static_cast<size_t>(y), pc.acrossStart, w, cc.data());
        float* p = tex.img.at(0, y);
        for (int ch = 0; ch < 3; ++ch) {
            const float rt = row_tint(y, ch), fa = ka[ch], fb = kb[ch], fc = kc[ch];
            const float* tint = colTint[ch].data();
            for (size_t x = 0; x < static_cast<size_t>(w); ++x)
                out[x] = (tint[x] + rt) * (1 - ca[x] * fa) * (1 - cb[x] * fb) * (1 - cc[x] * fc);
            for (size_t x = 0; x < static_cast<size_t>(w); ++x) p[x * 3 + static_cast<size_t>(ch)] = out[x];
        }
    }
}

}  // namespace cccd::cardgen
