// random_spec: the person, the symbol and the camera drawn from the ranges of each difficulty.
#include <algorithm>
#include <cmath>

#include "cardgen.hpp"
#include "rng.hpp"

namespace cccd::cardgen {

namespace {

int smallest_version(const std::string& payload, char level) {
    const QrGrid g = encode_qr(payload, 1, level);
    return g.error.empty() ? g.version : 99;
}

struct Size {
    int w, h;
};

}  // namespace

CardSpec random_spec(Side side, uint32_t seed, Difficulty difficulty) {
    Rng rng(seed, Stream::spec);
    CardSpec s;
    s.side = side;
    s.seed = seed;
    s.payload = payload_of(random_person(side, seed), side);

    // Level as on real cards (mostly M); fronts keep to versions 6-10, backs take what fits.
    const double lv = rng.uniform();
    s.ecLevel = lv < 0.3 ? 'L' : lv < 0.8 ? 'M' : 'Q';
    int fit = smallest_version(s.payload, s.ecLevel);
    if (side == Side::front) {
        for (const char weaker : {'M', 'L'})
            if (fit > 10 && s.ecLevel != 'L') s.ecLevel = weaker, fit = smallest_version(s.payload, s.ecLevel);
        const int lo = std::max(6, fit);
        s.version = lo >= 10 ? lo : rng.between(lo, std::min(10, lo + 2));
    } else {
        s.version = fit + (rng.chance(0.25) ? 1 : 0);
    }
    s.qrMm = side == Side::front ? rng.range(12.5, 15.0) : 11.0;

    static const Background kBackgrounds[] = {Background::desk, Background::gradient, Background::cloth};
    s.background = rng.pick(kBackgrounds);
    s.tiltDirDeg = rng.range(0, 360);
    s.motionAngleDeg = rng.range(0, 180);
    const double sizeDraw = rng.uniform();
    Size size{1280, 720};

    switch (difficulty.kind) {
        case Difficulty::Kind::normal:
            size = sizeDraw < 0.25 ? Size{640, 480} : sizeDraw < 0.7 ? Size{1280, 720} : Size{1920, 1080};
            s.modulePx = rng.range(1.6, 5.0);
            s.angleDeg = rng.range(-35, 35);
            s.tilt = rng.range(0, 0.18);
            s.bend = rng.chance(0.5) ? rng.range(-0.01, 0.01) : 0.0;
            s.illumination = rng.range(0, 0.6);
            s.glareStripes = rng.chance(0.4) ? (rng.chance(0.3) ? 2 : 1) : 0;
            s.hotSpots = rng.chance(0.3) ? 1 : 0;
            s.glareStrength = rng.range(0.3, 0.7);
            s.blurSigma = rng.range(0, 1.0);
            s.motionPx = rng.chance(0.3) ? rng.range(0.5, 2.0) : 0.0;
            s.noiseSigma = rng.range(1, 4);
            s.jpegQuality = rng.between(60, 95);
            break;
        case Difficulty::Kind::hard: {
            size = sizeDraw < 0.25 ? Size{640, 480} : sizeDraw < 0.65 ? Size{1280, 720} : sizeDraw < 0.9 ? Size{1920, 1080} : Size{4000, 3000};
            const double u = rng.uniform();
            s.modulePx = 1.2 + 3.8 * u * u;  // mostly small
            s.angleDeg = rng.range(-180, 180);
            s.tilt = rng.range(0.05, 0.2);
            s.bend = rng.range(-0.02, 0.02);
            s.illumination = rng.range(0.3, 1.0);
            s.glareStripes = rng.chance(0.7) ? rng.between(1, 3) : 0;
            s.hotSpots = rng.between(0, 2);
            s.glareStrength = rng.range(0.5, 0.95);
            s.blurSigma = rng.range(0.3, 1.5);
            s.motionPx = rng.chance(0.6) ? rng.range(1.0, 6.0) : 0.0;
            s.noiseSigma = rng.range(3, 8);
            s.jpegQuality = rng.between(40, 85);
            s.thumbnailFactor = rng.chance(0.3) ? rng.range(1.5, 3.0) : 1.0;
            break;
        }
        case Difficulty::Kind::ladder:
            // One module size, everything else mild: for "smallest readable module" sweeps.
            s.modulePx = difficulty.modulePx > 0 ? difficulty.modulePx : 3.0;
            s.angleDeg = rng.range(-20, 20);
            s.tilt = rng.range(0, 0.1);
            s.illumination = rng.range(0, 0.3);
            s.glareStripes = rng.chance(0.3) ? 1 : 0;
            s.glareStrength = rng.range(0.2, 0.5);
            s.blurSigma = rng.range(0, 0.5);
            s.noiseSigma = 2;
            s.jpegQuality = rng.between(75, 95);
            break;
    }
    s.width = size.w;
    s.height = size.h;
    return s;
}

}  // namespace cccd::cardgen
