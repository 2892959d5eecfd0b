#include "qr/detect/timing_period.hpp"

#include <algorithm>
#include <cmath>

#include "image/bilinear.hpp"

namespace cccd::qr {

float timing_period_score(const image::ImageView& gray, const Perspective& h, int d) {
    // Two samples a module, half a module apart: the period is two modules, so four samples make a cycle
    // and cos and sin of pi x take the values 1, 0, -1, 0 and 0, 1, 0, -1.
    constexpr int kPerModule = 2;
    const int first = 8 * kPerModule, last = (d - 8) * kPerModule;
    if (last - first < 8 * kPerModule) return 0.0f;
    // The window is not a whole number of cycles: the mean's own share of the coefficient is taken out.
    const int n = last - first + 1;
    float cosSum = 0, sinSum = 0;
    for (int k = first; k <= last; ++k) ((k & 1) ? sinSum : cosSum) += (k & 2) ? -1.0f : 1.0f;
    float score = 0.0f;
    for (int line = 0; line < 2; ++line) {
        float sum = 0, sumSq = 0, re = 0, im = 0;
        for (int k = first; k <= last; ++k) {
            const float x = static_cast<float>(k) / kPerModule;
            const Point p = line == 0 ? h.map({x, 6.5f}) : h.map({6.5f, x});
            const float g = image::bilinear(gray, p.x, p.y);
            sum += g;
            sumSq += g * g;
            // k mod 4: 0 -> cos 1, 1 -> sin 1, 2 -> cos -1, 3 -> sin -1
            ((k & 1) ? im : re) += (k & 2) ? -g : g;
        }
        const float fn = static_cast<float>(n);
        const float mean = sum / fn;
        re -= mean * cosSum;
        im -= mean * sinSum;
        const float spread = sumSq - fn * mean * mean;
        // A square wave's fundamental carries 8/pi^2 of its power: sqrt(2) scales a pure sinusoid to 1.
        if (spread > 1e-3f) score += std::sqrt(2.0f * (re * re + im * im) / (fn * spread));
    }
    return std::min(1.0f, score * 0.5f);
}

}  // namespace cccd::qr
