// The hand and the lens over a clip. Everything is a smooth function of time (seconds, so the motion looks
// the same at any frame rate): tremor and sway are sums of sines, a slip is a quick move and a slower
// return, the approach is an eased ramp of the module size, and the autofocus hunts now and then (the lens
// runs out of focus, back through it, overshoots a little and settles).
#include <algorithm>
#include <cmath>

#include "clip_stage.hpp"

namespace cccd::cardgen {

namespace {

constexpr double kTau = 6.283185307179586;

double smoothstep(double x) {
    x = std::clamp(x, 0.0, 1.0);
    return x * x * (3 - 2 * x);
}

struct Waves {
    double amp[4] = {}, freq[4] = {}, phase[4] = {};
    int count = 0;

    // `count` sines with frequencies in [f0, f1] Hz whose summed amplitude is about `rms` (root mean square).
    Waves(Rng& rng, int n, double f0, double f1, double rms) : count(n) {
        for (int i = 0; i < n; ++i) {
            amp[i] = rms * std::sqrt(2.0 / n) * rng.range(0.7, 1.3);
            freq[i] = rng.range(f0, f1);
            phase[i] = rng.range(0, kTau);
        }
    }
    double at(double t) const {
        double sum = 0;
        for (int i = 0; i < count; ++i) sum += amp[i] * std::sin(kTau * freq[i] * t + phase[i]);
        return sum;
    }
};

// A slip: out along (dx, dy) in `rise` seconds, back in `fall`.
struct Slip {
    double t0 = 0, rise = 0.1, fall = 0.5, dx = 0, dy = 0;
    double share(double t) const {
        if (t <= t0) return 0;
        if (t <= t0 + rise) return smoothstep((t - t0) / rise);
        return 1 - smoothstep((t - t0 - rise) / fall);
    }
};

// One autofocus hunt: defocus over its duration, two lobes (away from focus, then the overshoot).
struct Hunt {
    double t0 = 0, duration = 0.4, peak = 1;
    double at(double t) const {
        const double p = (t - t0) / duration;
        if (p <= 0 || p >= 1) return 0;
        return peak * std::fabs(std::sin(kTau * p)) * (p < 0.5 ? 1.0 : 0.55);
    }
};

}  // namespace

std::vector<HandFrame> hand_path(const ClipSpec& spec) {
    Rng rng(clip_seed(spec.seed), Stream::pose);
    const int n = spec.frames;
    const double seconds = n / spec.fps, k = spec.shake;

    // Shake in card widths (hand tremor in millimetres is the same at any distance, so it scales with the
    // card): a fast tremor and a slow sway; the turn and the distance wobble with it.
    const Waves tremorX(rng, 3, 2.5, 6.0, 0.003 * k), tremorY(rng, 3, 2.5, 6.0, 0.003 * k);
    const Waves swayX(rng, 2, 0.25, 1.0, 0.012 * k), swayY(rng, 2, 0.25, 1.0, 0.012 * k);
    const Waves turn(rng, 3, 0.3, 4.0, 0.8 * k), lean(rng, 2, 0.1, 0.5, 8 * k);
    const Waves distance(rng, 2, 0.3, 1.0, 0.025 * k);  // log of the scale
    // Where the cards drift in the frame (0..1 of the room there is), with a slow wander.
    const double px0 = rng.range(0.25, 0.75), py0 = rng.range(0.25, 0.75);
    const double px1 = std::clamp(px0 + rng.range(-0.25, 0.25), 0.1, 0.9), py1 = std::clamp(py0 + rng.range(-0.25, 0.25), 0.1, 0.9);
    const Waves wanderX(rng, 1, 0.1, 0.3, 0.06), wanderY(rng, 1, 0.1, 0.3, 0.06);

    // Slips: about one every 1.5 s for a steady hand, more for a shaky one.
    std::vector<Slip> slips(static_cast<size_t>(std::lround(k * seconds / 1.5)));
    for (Slip& s : slips) {
        const double a = rng.range(0, kTau), size = rng.range(0.02, 0.05);
        s = {rng.range(0, seconds), rng.range(0.06, 0.12), rng.range(0.3, 0.6), size * std::cos(a), size * std::sin(a)};
    }
    // Autofocus hunts: about two in three seconds, one in each stretch of the clip (so no long stretch is
    // without one), starting anywhere in its first four fifths.
    std::vector<Hunt> hunts(spec.focusHunt > 0 ? static_cast<size_t>(std::max(1L, std::lround(seconds * 0.6))) : 0u);
    for (size_t j = 0; j < hunts.size(); ++j) {
        const double stretch = seconds / static_cast<double>(hunts.size());
        hunts[j] = {stretch * (static_cast<double>(j) + rng.range(-0.1, 0.8)), rng.range(0.3, 0.6), spec.focusHunt * rng.range(0.6, 1.0)};
    }

    const double logStart = std::log(spec.moduleStartPx), logEnd = std::log(spec.moduleEndPx);
    std::vector<HandFrame> out(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
        const double t = i / spec.fps, u = n > 1 ? static_cast<double>(i) / (n - 1) : 0.0;
        HandFrame& f = out[static_cast<size_t>(i)];
        // Brought closer steadily, easing at both ends; the wobble vanishes there so the ends are as asked.
        const double ease = 0.5 * u + 0.5 * smoothstep(u);
        f.modulePx = std::exp(logStart + (logEnd - logStart) * ease + std::sin(3.141592653589793 * u) * distance.at(t));
        f.shakeX = tremorX.at(t) + swayX.at(t);
        f.shakeY = tremorY.at(t) + swayY.at(t);
        for (const Slip& s : slips) {
            const double w = s.share(t);
            f.shakeX += w * s.dx, f.shakeY += w * s.dy;
        }
        f.angleDeg = turn.at(t);
        f.tiltDirDeg = lean.at(t);
        const double drift = smoothstep(u);
        f.placeX = std::clamp(px0 + (px1 - px0) * drift + wanderX.at(t), 0.0, 1.0);
        f.placeY = std::clamp(py0 + (py1 - py0) * drift + wanderY.at(t), 0.0, 1.0);
        double hunt = 0;
        for (const Hunt& h : hunts) hunt = std::max(hunt, h.at(t));
        f.defocus = std::sqrt(spec.focusFloor * spec.focusFloor + hunt * hunt);
    }
    return out;
}

}  // namespace cccd::cardgen
