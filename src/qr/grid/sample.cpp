#include "qr/grid/sample.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <span>
#include <utility>

#include "image/bilinear.hpp"

namespace cccd::qr {

namespace {

// Large modules: average five points around the centre to ride over noise and JPEG blocks.
float spread_of(const SymbolGeometry& g) { return g.moduleSize >= 4.0f ? 0.2f : 0.0f; }

// The corners of the square the samples come from, mapped to the image, and whether the perspective keeps
// the square convex (its denominator has one sign at the four corners): then every sample lies within the
// mapped corners.
struct SampledSquare {
    std::array<Point, 4> corners;
    bool convex = false;
};

SampledSquare sampled_square(const SymbolGeometry& g) {
    const float spread = spread_of(g);
    const float lo = 0.5f - spread, hi = static_cast<float>(g.dimension) - 0.5f + spread;
    const auto& m = g.moduleToImage.m;
    SampledSquare q;
    int positive = 0, k = 0;
    for (const auto& [cx, cy] : {std::pair{lo, lo}, {hi, lo}, {lo, hi}, {hi, hi}}) {
        positive += m[6] * cx + m[7] * cy + m[8] > 0 ? 1 : 0;
        q.corners[static_cast<size_t>(k++)] = g.moduleToImage.map({cx, cy});
    }
    q.convex = positive == 0 || positive == 4;
    return q;
}

// The lo-th and hi-th smallest of `values` (grey samples, 0 <= v <= 255 give or take rounding), exactly
// what std::nth_element would leave there: one histogram of the integer parts finds the bin holding each,
// and nth_element orders only that bin's values (a tenth of a whole-grid sort's work).
std::pair<float, float> order_statistics(std::span<const float> values, size_t lo, size_t hi, std::vector<float>& bin) {
    const auto bin_of = [](float v) { return std::clamp(static_cast<int>(v), 0, 255); };
    std::array<uint32_t, 256> count{};
    for (float v : values) ++count[static_cast<size_t>(bin_of(v))];
    const auto kth = [&](size_t k) {
        int b = 0;
        for (; b < 255 && k >= count[static_cast<size_t>(b)]; ++b) k -= count[static_cast<size_t>(b)];
        bin.clear();
        for (float v : values)
            if (bin_of(v) == b) bin.push_back(v);
        std::nth_element(bin.begin(), bin.begin() + static_cast<long>(k), bin.end());
        return bin[k];
    };
    return {kth(lo), kth(hi)};
}

}  // namespace

image::FrameRegion sampled_region(const SymbolGeometry& g, int width, int height) {
    const image::FrameRegion whole{0, height, 0, width};
    const SampledSquare q = sampled_square(g);
    if (!q.convex) return whole;
    float x0 = q.corners[0].x, x1 = x0, y0 = q.corners[0].y, y1 = y0;
    for (const Point& p : q.corners) x0 = std::min(x0, p.x), x1 = std::max(x1, p.x), y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
    if (!std::isfinite(x0) || !std::isfinite(x1) || !std::isfinite(y0) || !std::isfinite(y1)) return whole;
    // bilinear reads the pixels either side of x - 0.5 (y - 0.5); a pixel more covers rounding, and edge
    // clamps read the first or last row or column.
    const auto span = [](float lo, float hi, int size) {
        const float first = std::clamp(std::floor(lo) - 2.0f, 0.0f, static_cast<float>(size));
        const float end = std::clamp(std::ceil(hi) + 3.0f, 0.0f, static_cast<float>(size));
        return std::pair{static_cast<int>(first), std::max(static_cast<int>(first), static_cast<int>(end))};
    };
    const auto [firstRow, endRow] = span(y0, y1, height);
    const auto [firstCol, endCol] = span(x0, x1, width);
    return {firstRow, endRow, firstCol, endCol};
}

void sample_grid(const image::ImageView& gray, const image::ThresholdMap& map, const SymbolGeometry& g,
                 const SampleOptions& options, SampleScratch& s, ModuleGrid& out) {
    const int d = g.dimension;
    const size_t n = static_cast<size_t>(d) * static_cast<size_t>(d);
    s.values.resize(n);
    s.levels.resize(n);
    const float spread = spread_of(g);
    // When the sampled square maps well inside the frame, no sample needs bilinear's edge clamps (a pixel
    // of margin covers rounding).
    bool inside = true;
    {
        const SampledSquare q = sampled_square(g);
        for (const Point& p : q.corners)
            inside = inside && p.x >= 1.5f && p.y >= 1.5f && p.x < static_cast<float>(gray.width) - 2.5f &&
                     p.y < static_cast<float>(gray.height) - 2.5f;
        inside = inside && q.convex;
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
    if (options.confidence) out.confidence.assign(n, 255);
    else out.confidence.clear();
    float stray = 1e9f;
    float contrast = 0;
    if (options.maxStray >= 0) {
        const auto [lo, hi] = order_statistics(s.values, n / 10, n - 1 - n / 10, s.bin);
        contrast = hi - lo;
        stray = options.maxStray * contrast;
    }
    // A module's confidence: its distance from its level, full at half the symbol's contrast.
    const float perLevel = options.confidence && contrast > 0 ? 255.0f / (0.5f * contrast) : 0.0f;
    s.margins.assign(perLevel > 0 ? n : 0, 0.0f);
    const float perContrast = perLevel > 0 ? (options.inverted ? -1.0f : 1.0f) / contrast : 0.0f;
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
            if (perLevel > 0) {
                out.confidence[i] = static_cast<uint8_t>(std::min(255.0f, std::abs(s.values[i] - level) * perLevel));
                s.margins[i] = (level - s.values[i]) * perContrast;
            }
        }
    }
}

void equalized_grid(std::span<const float> margins, int d, float strength, ModuleGrid& out) {
    const size_t n = static_cast<size_t>(d) * static_cast<size_t>(d);
    out.size = d;
    out.modules.assign(n, 0);
    out.confidence.assign(n, 0);
    if (margins.size() != n) {
        out.confidence.clear();
        return;
    }
    const auto at = [d](int x, int y) { return static_cast<size_t>(y) * static_cast<size_t>(d) + static_cast<size_t>(x); };
    for (int y = 0; y < d; ++y)
        for (int x = 0; x < d; ++x) {
            float sum = 0;
            int count = 0;
            for (const auto& [dx, dy] : {std::pair{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) {
                const int nx = x + dx, ny = y + dy;
                if (nx < 0 || ny < 0 || nx >= d || ny >= d) continue;
                sum += margins[at(nx, ny)];
                ++count;
            }
            const float m = margins[at(x, y)];
            const float e = m + strength * (m - sum / static_cast<float>(count));
            out.modules[at(x, y)] = e > 0 ? 1 : 0;
            // sample_grid's scale: full confidence at half the contrast, here at (1 + strength) times that.
            out.confidence[at(x, y)] = static_cast<uint8_t>(std::min(255.0f, std::abs(e) * 510.0f / (1.0f + strength)));
        }
}

}  // namespace cccd::qr
