// Clip presets resembling the shared cccd-handheld clips: the same scene at any frame size (pixel
// quantities scale with the frame's height, 720 rows being the reference).
#include <algorithm>

#include "cardgen.hpp"

namespace cccd::cardgen {

ClipSpec clip_preset(Side side, uint32_t seed, ClipDifficulty difficulty, int width, int height) {
    ClipSpec s;
    s.side = side;
    s.seed = seed;
    s.width = width;
    s.height = height;
    const double k = height / 720.0;
    s.moduleStartPx = std::max(0.5, 1.0 * k);  // front-mild-720: 1.0 -> 2.2 px; front-mild-1080: 1.5 -> 3.3
    s.moduleEndPx = std::max(0.5, 2.2 * k);
    // Per difficulty: shake, blur streak, focus hunt and floor (px at 720 rows), noise, JPEG quality, glare.
    // hard = front-hard-720: a shakier hand, longer streaks, a softer lens that hunts further.
    struct Look {
        double shake, blurMax, focusHunt, focusFloor, noiseSigma;
        int jpegQuality;
        double glare;
    };
    constexpr Look kMild{1, 3, 1.5, 0.35, 2.5, 85, 0.5}, kHard{1.5, 6, 3.0, 0.9, 4, 80, 0.7};
    const Look& l = difficulty == ClipDifficulty::mild ? kMild : kHard;
    s.shake = l.shake;
    s.blurMax = l.blurMax * k;
    s.focusHunt = l.focusHunt * k;
    s.focusFloor = l.focusFloor * k;
    s.noiseSigma = l.noiseSigma;
    s.jpegQuality = l.jpegQuality;
    s.glare = l.glare;
    return s;
}

}  // namespace cccd::cardgen
