#include "qr/sample.hpp"

#include <algorithm>

#include "image/bilinear.hpp"

namespace cccd::qr {

void sample_grid(const image::ImageView& gray, const image::ThresholdMap& map, const SymbolGeometry& g,
                 const SampleOptions& options, SampleScratch& s, ModuleGrid& out) {
    const int d = g.dimension;
    const size_t n = static_cast<size_t>(d) * static_cast<size_t>(d);
    s.values.resize(n);
    s.levels.resize(n);
    // Large modules: average five points around the centre to ride over noise and JPEG blocks.
    const float spread = g.moduleSize >= 4.0f ? 0.2f : 0.0f;
    // When the sampled square maps well inside the frame, no sample needs bilinear's edge clamps: the
    // perspective keeps the square convex when its denominator has one sign at the four corners, so
    // every sample lies within the mapped corners (a pixel of margin covers rounding).
    bool inside = true;
    {
        const float lo = 0.5f - spread, hi = static_cast<float>(d) - 0.5f + spread;
        const auto& m = g.moduleToImage.m;
        int positive = 0;
        for (const auto& [cx, cy] : {std::pair{lo, lo}, {hi, lo}, {lo, hi}, {hi, hi}}) {
            positive += m[6] * cx + m[7] * cy + m[8] > 0 ? 1 : 0;
            const Point q = g.moduleToImage.map({cx, cy});
            inside = inside && q.x >= 1.5f && q.y >= 1.5f && q.x < static_cast<float>(gray.width) - 2.5f &&
                     q.y < static_cast<float>(gray.height) - 2.5f;
        }
        inside = inside && (positive == 0 || positive == 4);
    }
    const auto grey = [&](Point q) { return inside ? image::bilinear_inside(gray, q.x, q.y) : image::bilinear(gray, q.x, q.y); };
    for (int y = 0; y < d; ++y)
        for (int x = 0; x < d; ++x) {
            const float mx = static_cast<float>(x) + 0.5f, my = static_cast<float>(y) + 0.5f;
            const Point p = g.moduleToImage.map({mx, my});
            float v = grey(p);
            if (spread > 0) {
                for (const auto& [ox, oy] : {std::pair{-1, -1}, {1, -1}, {-1, 1}, {1, 1}}) {
                    const Point q = g.moduleToImage.map({mx + spread * static_cast<float>(ox), my + spread * static_cast<float>(oy)});
                    v += grey(q);
                }
                v /= 5.0f;
            }
            const size_t i = static_cast<size_t>(y) * static_cast<size_t>(d) + static_cast<size_t>(x);
            s.values[i] = v;
            s.levels[i] = map.at(p.x, p.y);
        }
    // Summed-area table of the samples for the neighbour means.
    const size_t w = static_cast<size_t>(d) + 1;
    s.integral.assign(w * w, 0.0);
    for (int y = 0; y < d; ++y) {
        double row = 0;
        for (int x = 0; x < d; ++x) {
            row += s.values[static_cast<size_t>(y) * static_cast<size_t>(d) + static_cast<size_t>(x)];
            s.integral[(static_cast<size_t>(y) + 1) * w + static_cast<size_t>(x) + 1] =
                s.integral[static_cast<size_t>(y) * w + static_cast<size_t>(x) + 1] + row;
        }
    }
    out.size = d;
    out.modules.assign(n, 0);
    float stray = 1e9f;
    if (options.maxStray >= 0) {
        s.sorted = s.values;
        const size_t loIndex = n / 10, hiIndex = n - 1 - n / 10;
        const auto first = s.sorted.begin();
        std::nth_element(first, first + static_cast<long>(loIndex), s.sorted.end());
        const float lo = s.sorted[loIndex];
        // Everything after loIndex is now at least lo, so the upper percentile is found among those alone.
        const auto from = hiIndex > loIndex ? first + static_cast<long>(loIndex + 1) : first;
        std::nth_element(from, first + static_cast<long>(hiIndex), s.sorted.end());
        const float hi = s.sorted[hiIndex];
        stray = options.maxStray * (hi - lo);
    }
    const int r = options.neighbourRadius;
    const float wm = std::clamp(options.mapWeight, 0.0f, 1.0f);
    for (int y = 0; y < d; ++y) {
        const int y0 = std::max(0, y - r), y1 = std::min(d, y + r + 1);
        for (int x = 0; x < d; ++x) {
            const int x0 = std::max(0, x - r), x1 = std::min(d, x + r + 1);
            const double sum = s.integral[static_cast<size_t>(y1) * w + static_cast<size_t>(x1)] -
                               s.integral[static_cast<size_t>(y0) * w + static_cast<size_t>(x1)] -
                               s.integral[static_cast<size_t>(y1) * w + static_cast<size_t>(x0)] +
                               s.integral[static_cast<size_t>(y0) * w + static_cast<size_t>(x0)];
            const float mean = static_cast<float>(sum / static_cast<double>((y1 - y0) * (x1 - x0)));
            const size_t i = static_cast<size_t>(y) * static_cast<size_t>(d) + static_cast<size_t>(x);
            const float local = std::clamp(mean, s.levels[i] - stray, s.levels[i] + stray);
            const float level = wm * s.levels[i] + (1 - wm) * local;
            const bool darker = s.values[i] < level;
            out.modules[i] = darker != options.inverted ? 1 : 0;
        }
    }
}

}  // namespace cccd::qr
