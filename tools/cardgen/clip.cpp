// make_clip: the staged cards rendered one frame at a time through the photo pipeline's stages (the
// background with each card's shadow, the printed cards, light and glare, motion blur, defocus, noise,
// JPEG). The card art is painted again for each frame at that frame's scale: a few milliseconds, and the
// texture stays area-sampled at every distance. Only the current frame is held.
#include <algorithm>
#include <cmath>
#include <exception>

#include "background.hpp"
#include "clip_stage.hpp"
#include "jpeg_codec.hpp"
#include "optics.hpp"
#include "render.hpp"

namespace cccd::cardgen {

namespace {

// Share of the frame interval the shutter is open (indoor webcams expose long): the streak per pixel of
// motion between frames.
constexpr double kExposure = 0.5;

struct Scene {
    Background background = Background::desk;
    CardSpec light;  // only its light and glare fields are read
};

Scene draw_scene(const ClipSpec& spec) {
    Rng rng(clip_seed(spec.seed), Stream::art);
    static const Background kKinds[] = {Background::desk, Background::gradient, Background::cloth};
    Scene s;
    s.background = rng.pick(kKinds);
    const double g = spec.glare;
    s.light.illumination = g * rng.range(0.2, 0.8);
    s.light.hotSpots = rng.chance(0.7 * g) ? 1 : 0;
    s.light.glareStripes = rng.chance(0.4 * g) ? 1 : 0;
    s.light.glareStrength = 0.2 + 0.6 * g * rng.range(0.6, 1.0);
    return s;
}

struct Streak {
    double length = 0, angleDeg = 0;
};

// Motion blur along the lead card's motion (central difference, within the card's own stretch of frames).
std::vector<Streak> streaks(const ClipSpec& spec, const std::vector<StagedFrame>& staged) {
    const auto n = static_cast<int>(staged.size());
    std::vector<Streak> out(staged.size());
    for (int i = 0; i < n; ++i) {
        auto same = [&](int j) { return j >= 0 && j < n && staged[static_cast<size_t>(j)].lead == staged[static_cast<size_t>(i)].lead; };
        const int prev = same(i - 1) ? i - 1 : i, next = same(i + 1) ? i + 1 : i;
        if (prev == next) continue;
        const StagedFrame &a = staged[static_cast<size_t>(prev)], &b = staged[static_cast<size_t>(next)];
        const double vx = (b.centerX - a.centerX) / (next - prev), vy = (b.centerY - a.centerY) / (next - prev);
        out[static_cast<size_t>(i)] = {std::min(spec.blurMax, kExposure * std::hypot(vx, vy)), std::atan2(vy, vx) * 180 / 3.141592653589793};
    }
    return out;
}

bool inside(const Corners& q, int width, int height) {
    return std::all_of(q.begin(), q.end(), [&](const auto& p) { return p.first >= 0 && p.second >= 0 && p.first <= width && p.second <= height; });
}

double module_px(const Corners& q, int modules) {
    double side = 0;
    for (size_t i = 0; i < 4; ++i) side += std::hypot(q[(i + 1) % 4].first - q[i].first, q[(i + 1) % 4].second - q[i].second);
    return side / 4 / modules;
}

bool make(const ClipSpec& spec, const std::function<bool(int, const ClipFrame&)>& onFrame, std::string& error) {
    const std::vector<ClipCard> cards = build_clip_cards(spec, error);
    if (cards.empty()) return false;
    const std::vector<HandFrame> hand = hand_path(spec);
    const std::vector<StagedFrame> staged = stage_clip(spec, cards, hand, error);
    if (staged.empty()) return false;
    const std::vector<Streak> streak = streaks(spec, staged);
    const Scene scene = draw_scene(spec);
    const uint64_t seed = clip_seed(spec.seed);
    const size_t pixelCount = static_cast<size_t>(spec.width) * static_cast<size_t>(spec.height);

    FloatImage frame, shadowed;
    std::vector<float> coverage, cardCoverage;
    std::vector<uint8_t> pixels;
    ClipFrame out;
    for (int i = 0; i < spec.frames; ++i) {
        const StagedFrame& f = staged[static_cast<size_t>(i)];
        // The same background every frame (same draws); each card's shadow darkens it where it falls.
        frame.reshape(spec.width, spec.height);
        Rng ground(seed, Stream::scene);
        paint_background(frame, scene.background, f.leadPose, ground);
        for (const StagedCard& c : f.cards) {
            if (c.card == f.lead) continue;
            shadowed.reshape(spec.width, spec.height);
            Rng again(seed, Stream::scene);
            paint_background(shadowed, scene.background, c.pose, again);
            for (size_t k = 0; k < frame.px.size(); ++k) frame.px[k] = std::min(frame.px[k], shadowed.px[k]);
        }
        coverage.assign(pixelCount, 0.0f);
        for (const StagedCard& c : f.cards) {
            const ClipCard& card = cards[static_cast<size_t>(c.card)];
            if (std::string err = render_card(c.pose, card.layout, card.fields, card.grid, card.seed, frame, cardCoverage); !err.empty()) {
                error = err;
                return false;
            }
            for (size_t k = 0; k < pixelCount; ++k) coverage[k] += (1 - coverage[k]) * cardCoverage[k];
        }
        // The light stays put relative to the lead card's symbol (same draws every frame).
        Rng light(seed + 1, Stream::scene);
        apply_light(frame, coverage, scene.light, qr_corners(f.leadPose, cards[static_cast<size_t>(f.lead)].layout), light);
        const Streak& s = streak[static_cast<size_t>(i)];
        motion_blur(frame, s.length, s.angleDeg);
        const HandFrame& h = hand[static_cast<size_t>(i)];
        gaussian_blur(frame, h.defocus);
        Rng noise(mix64(seed + static_cast<uint64_t>(i) + 1), Stream::noise);
        add_noise(frame, spec.noiseSigma, noise, &pixels);
        out.jpeg = encode_jpeg(pixels, spec.width, spec.height, spec.jpegQuality);
        if (out.jpeg.empty()) {
            error = "cardgen: JPEG encoding failed";
            return false;
        }

        out.cards.clear();
        for (const StagedCard& c : f.cards) {
            const ClipCard& card = cards[static_cast<size_t>(c.card)];
            const Corners q = qr_corners(c.pose, card.layout);
            if (inside(q, spec.width, spec.height)) out.cards.push_back({card.payload, q, module_px(q, card.grid.size)});
        }
        out.motionPx = s.length >= 0.5 ? s.length : 0.0;  // motion_blur leaves shorter streaks out
        out.motionAngleDeg = out.motionPx > 0 ? s.angleDeg : 0.0;
        out.blurSigma = h.defocus >= 0.05 ? h.defocus : 0.0;
        if (!onFrame(i, out)) {
            error = "cardgen: stopped by the caller";
            return false;
        }
    }
    return true;
}

}  // namespace

bool make_clip(const ClipSpec& spec, const std::function<bool(int, const ClipFrame&)>& onFrame, std::string& error) {
    error.clear();
    try {
        return make(spec, onFrame, error);
    } catch (const std::exception& e) {  // allocation failures (or the caller's): reported, never thrown
        error = std::string("cardgen: ") + e.what();
        return false;
    }
}

std::vector<ClipCardInfo> clip_cards(const ClipSpec& spec, std::string& error) {
    error.clear();
    try {
        std::vector<ClipCardInfo> out;
        for (const ClipCard& c : build_clip_cards(spec, error)) out.push_back({c.payload, c.grid.version, c.ecLevel, c.qrMm});
        return out;
    } catch (const std::exception& e) {
        error = std::string("cardgen: ") + e.what();
        return {};
    }
}

}  // namespace cccd::cardgen
