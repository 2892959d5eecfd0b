#pragma once
// The projective map of the unit square onto a quadrilateral: (0,0) (1,0) (1,1) (0,1) -> q[0..3] (TL, TR,
// BR, BL), in closed form, and how well samples taken through it agree with a grid: the generator's tests
// check that a photo's QR is where its corners say.
#include <algorithm>
#include <array>
#include <utility>
#include <vector>

namespace testsupport {

struct SquareToQuad {
    double a, b, c, d, e, f, g, h;
    explicit SquareToQuad(const std::array<std::pair<double, double>, 4>& q) {
        const double x0 = q[0].first, y0 = q[0].second, x1 = q[1].first, y1 = q[1].second;
        const double x2 = q[2].first, y2 = q[2].second, x3 = q[3].first, y3 = q[3].second;
        const double sx = x0 - x1 + x2 - x3, sy = y0 - y1 + y2 - y3;
        const double dx1 = x1 - x2, dx2 = x3 - x2, dy1 = y1 - y2, dy2 = y3 - y2;
        const double den = dx1 * dy2 - dx2 * dy1;
        g = (sx * dy2 - dx2 * sy) / den;
        h = (dx1 * sy - sx * dy1) / den;
        a = x1 - x0 + g * x1, b = x3 - x0 + h * x3, c = x0;
        d = y1 - y0 + g * y1, e = y3 - y0 + h * y3, f = y0;
    }
    std::pair<double, double> map(double u, double v) const {
        const double w = g * u + h * v + 1;
        return {(a * u + b * v + c) / w, (d * u + e * v + f) / w};
    }
};

// Share of an n x n grid's modules whose sample (row-major grey values) falls on the grid's side of the
// threshold halfway between the 10th and 90th percentile samples: dark(column, row) says which side.
template <typename Dark>
double share_agreeing(const std::vector<double>& samples, int n, Dark dark) {
    std::vector<double> sorted = samples;
    std::sort(sorted.begin(), sorted.end());
    const double threshold = (sorted[sorted.size() / 10] + sorted[sorted.size() * 9 / 10]) / 2;
    int agree = 0;
    for (int r = 0; r < n; ++r)
        for (int c = 0; c < n; ++c) agree += (samples[static_cast<size_t>(r * n + c)] < threshold) == dark(c, r);
    return static_cast<double>(agree) / (n * n);
}

}  // namespace testsupport
