// The clip's cards: A is the card random_spec makes for the clip's seed (so a photo of seed S shows the same
// card), B another person. Also the checks on a ClipSpec, since every clip starts here.
#include <string>

#include "clip_stage.hpp"
#include "image.hpp"

namespace cccd::cardgen {

namespace {

std::string check(const ClipSpec& s) {
    if (std::string size = frame_size_error(s.width, s.height); !size.empty()) return size;
    if (s.frames < 1 || s.frames > 100000) return "frames must be in 1..100000";
    if (!(s.fps > 0 && s.fps <= 1000)) return "fps must be in (0, 1000]";
    if (!(s.moduleStartPx >= 0.5 && s.moduleStartPx <= 60) || !(s.moduleEndPx >= 0.5 && s.moduleEndPx <= 60))
        return "module sizes must be in [0.5, 60]";
    if (!(s.shake >= 0 && s.shake <= 10)) return "shake must be in [0, 10]";
    if (!(s.blurMax >= 0 && s.blurMax <= 50)) return "blurMax must be in [0, 50]";
    if (!(s.focusHunt >= 0 && s.focusHunt <= 20) || !(s.focusFloor >= 0 && s.focusFloor <= 20))
        return "focusHunt and focusFloor must be in [0, 20]";
    if (!(s.noiseSigma >= 0 && s.noiseSigma <= 100)) return "noiseSigma must be in [0, 100]";
    if (s.jpegQuality < 1 || s.jpegQuality > 100) return "jpegQuality must be in 1..100 (each frame is a JPEG)";
    if (!(s.glare >= 0 && s.glare <= 1)) return "glare must be in [0, 1]";
    if (s.scenario != ClipSpec::single && s.scenario != ClipSpec::twoCards && s.scenario != ClipSpec::swapMidClip)
        return "unknown scenario";
    return "";
}

ClipCard make_card(Side side, uint32_t seed, const std::string& payload, std::string& error) {
    CardSpec s = random_spec(side, seed);  // the symbol's version, level and printed size, as on such cards
    if (!payload.empty()) s.payload = payload;
    ClipCard c;
    c.seed = seed;
    c.payload = s.payload;
    c.fields = split_fields(s.payload);
    c.grid = encode_qr(s.payload, s.version, s.ecLevel);
    if (!c.grid.error.empty() && error.empty()) error = c.grid.error;
    c.ecLevel = s.ecLevel;
    c.qrMm = s.qrMm;
    c.layout = card_layout(side, s.qrMm, seed);
    return c;
}

}  // namespace

std::vector<ClipCard> build_clip_cards(const ClipSpec& spec, std::string& error) {
    error = check(spec);
    if (!error.empty()) {
        error = "cardgen: " + error;
        return {};
    }
    std::vector<ClipCard> cards;
    cards.push_back(make_card(spec.side, spec.seed, spec.payload, error));
    if (spec.scenario != ClipSpec::single) {
        auto seedB = static_cast<uint32_t>(clip_seed(spec.seed) >> 32);
        ClipCard b = make_card(spec.side, seedB, spec.secondPayload, error);
        // Invented people can coincide only in theory; move on if they do.
        for (int tries = 0; spec.secondPayload.empty() && b.payload == cards[0].payload && tries < 8; ++tries)
            b = make_card(spec.side, ++seedB, "", error);
        if (b.payload == cards[0].payload && error.empty()) error = "cardgen: the two cards need different payloads";
        cards.push_back(b);
    }
    if (!error.empty()) return {};

    // How they are held: a small turn and lean; B turned a little differently from A.
    Rng rng(clip_seed(spec.seed), Stream::spec);
    for (size_t i = 0; i < cards.size(); ++i) {
        ClipCard& c = cards[i];
        if (i == 0) {
            c.angleDeg = rng.range(-8, 8);
        } else {
            const double turn = rng.range(3, 10);
            c.angleDeg = cards[0].angleDeg + (rng.chance(0.5) ? turn : -turn);
        }
        c.tilt = rng.range(0.02, 0.08);
        c.tiltDirDeg = rng.range(0, 360);
        c.bend = rng.range(-0.004, 0.004);
    }
    return cards;
}

}  // namespace cccd::cardgen
