// NAME.mjpeg.json for a clip: the shared cccd-handheld clips' keys (payload, fields, size, back, module_px)
// for card A, what the clip holds (its cards, scenario, seed), and the ground truth of every frame. One
// frame per line: long clips stay readable and diff well.
#include <cstdio>
#include <exception>

#include "cardgen.hpp"
#include "json_text.hpp"

namespace cccd::cardgen {

namespace {

// Shortest of up to 3 decimals, keeping one: 1.0, 2.2, 1.25 (as the shared files write module sizes).
std::string short_number(double v) {
    std::string s = json_fixed(v, 3);
    if (s.find('.') == std::string::npos) return s + ".0";
    while (s.back() == '0' && s[s.size() - 2] != '.') s.pop_back();
    return s;
}

const char* scenario_name(ClipSpec::Scenario s) {
    switch (s) {
        case ClipSpec::single: return "single";
        case ClipSpec::twoCards: return "two-cards";
        case ClipSpec::swapMidClip: return "swap";
    }
    return "?";
}

std::string frame_json(const ClipFrame& f) {
    std::string j = "{\"cards\": [";
    for (size_t c = 0; c < f.cards.size(); ++c) {
        const CardTruth& t = f.cards[c];
        j += std::string(c ? ", " : "") + "{\"payload\": " + json_string(t.payload) + ", \"qr_corners\": [";
        for (size_t i = 0; i < 4; ++i)
            j += std::string(i ? ", [" : "[") + json_fixed(t.qrCorners[i].first, 2) + ", " + json_fixed(t.qrCorners[i].second, 2) + "]";
        j += "], \"module_px\": " + json_fixed(t.modulePx, 3) + "}";
    }
    return j + "], \"motion_px\": " + json_fixed(f.motionPx, 2) + ", \"motion_angle_deg\": " + json_fixed(f.motionAngleDeg, 1) +
           ", \"blur_sigma\": " + json_fixed(f.blurSigma, 2) + "}";
}

std::string make(const ClipSpec& spec, const std::vector<ClipFrame>& frames) {
    std::string error;
    const std::vector<ClipCardInfo> cards = clip_cards(spec, error);
    if (cards.empty()) return "";
    std::string j = "{\"payload\": " + json_string(cards[0].payload) + ", \"fields\": " + fields_json(cards[0].payload) +
                    ", \"size\": [" + std::to_string(spec.width) + ", " + std::to_string(spec.height) + "], \"back\": " +
                    (spec.side == Side::back ? "true" : "false") + ", \"module_px\": [" + short_number(spec.moduleStartPx) +
                    ", " + short_number(spec.moduleEndPx) + "],\n \"frames\": " + std::to_string(frames.size()) +
                    ", \"fps\": " + short_number(spec.fps) + ", \"scenario\": \"" + scenario_name(spec.scenario) +
                    "\", \"seed\": " + std::to_string(spec.seed) + ", \"shake\": " + short_number(spec.shake) +
                    ", \"blur_max\": " + short_number(spec.blurMax) + ", \"focus_hunt\": " + short_number(spec.focusHunt) +
                    ", \"jpeg_q\": " + std::to_string(spec.jpegQuality) + ",\n \"cards\": [";
    for (size_t c = 0; c < cards.size(); ++c)
        j += std::string(c ? ",\n  " : "\n  ") + "{\"payload\": " + json_string(cards[c].payload) + ", \"fields\": " +
             fields_json(cards[c].payload) + ", \"qr_version\": " + std::to_string(cards[c].version) + ", \"ec_level\": \"" +
             std::string(1, cards[c].ecLevel) + "\", \"qr_mm\": " + json_fixed(cards[c].qrMm, 2) + "}";
    j += "],\n \"frame_truth\": [";
    for (size_t i = 0; i < frames.size(); ++i) j += std::string(i ? ",\n  " : "\n  ") + frame_json(frames[i]);
    return j + "]}\n";
}

}  // namespace

std::string clip_json(const ClipSpec& spec, const std::vector<ClipFrame>& frames) {
    try {
        return make(spec, frames);
    } catch (const std::exception&) {  // out of memory: no JSON, said by the empty string
        return "";
    }
}

}  // namespace cccd::cardgen
