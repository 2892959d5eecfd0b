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
    if (difficulty == ClipDifficulty::mild) {
        s.shake = 1;
        s.blurMax = 3 * k;
        s.focusHunt = 1.5 * k;
        s.focusFloor = 0.35 * k;
        s.noiseSigma = 2.5;
        s.jpegQuality = 85;
        s.glare = 0.5;
    } else {  // front-hard-720: a shakier hand, longer streaks, a softer lens that hunts further
        s.shake = 1.5;
        s.blurMax = 6 * k;
        s.focusHunt = 3.0 * k;
        s.focusFloor = 0.9 * k;
        s.noiseSigma = 4;
        s.jpegQuality = 80;
        s.glare = 0.7;
    }
    return s;
}

}  // namespace cccd::cardgen
