#include "qr/detect/geometry.hpp"

#include <cmath>

namespace cccd::qr {
namespace {

using Matrix = std::array<double, 9>;  // row-major 3x3

Matrix multiply(const Matrix& a, const Matrix& b) {
    Matrix r{};
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
            for (int k = 0; k < 3; ++k) r[i * 3 + j] += a[i * 3 + k] * b[k * 3 + j];
    return r;
}

double determinant(const Matrix& m) {
    return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
}

std::optional<Matrix> invert(const Matrix& m) {
    const double det = determinant(m);
    if (!std::isfinite(det) || std::abs(det) < 1e-12) return std::nullopt;
    const double k = 1.0 / det;
    return Matrix{(m[4] * m[8] - m[5] * m[7]) * k, (m[2] * m[7] - m[1] * m[8]) * k, (m[1] * m[5] - m[2] * m[4]) * k,
                  (m[5] * m[6] - m[3] * m[8]) * k, (m[0] * m[8] - m[2] * m[6]) * k, (m[2] * m[3] - m[0] * m[5]) * k,
                  (m[3] * m[7] - m[4] * m[6]) * k, (m[1] * m[6] - m[0] * m[7]) * k, (m[0] * m[4] - m[1] * m[3]) * k};
}

// The unit square (0,0) (1,0) (1,1) (0,1) onto a quadrilateral (Heckbert, "Fundamentals of Texture
// Mapping and Image Warping", 1989, section 2.2.3).
std::optional<Matrix> square_to_quad(const std::array<Point, 4>& q) {
    const double x0 = q[0].x, y0 = q[0].y, x1 = q[1].x, y1 = q[1].y, x2 = q[2].x, y2 = q[2].y, x3 = q[3].x,
                 y3 = q[3].y;
    const double dx3 = x0 - x1 + x2 - x3, dy3 = y0 - y1 + y2 - y3;
    if (std::abs(dx3) < 1e-9 && std::abs(dy3) < 1e-9)  // a parallelogram: affine
        return Matrix{x1 - x0, x3 - x0, x0, y1 - y0, y3 - y0, y0, 0, 0, 1};
    const double dx1 = x1 - x2, dx2 = x3 - x2, dy1 = y1 - y2, dy2 = y3 - y2;
    const double den = dx1 * dy2 - dx2 * dy1;
    if (std::abs(den) < 1e-12) return std::nullopt;
    const double g = (dx3 * dy2 - dx2 * dy3) / den, h = (dx1 * dy3 - dx3 * dy1) / den;
    return Matrix{x1 - x0 + g * x1, x3 - x0 + h * x3, x0, y1 - y0 + g * y1, y3 - y0 + h * y3, y0, g, h, 1};
}

}  // namespace

std::optional<Perspective> Perspective::quad_to_quad(const std::array<Point, 4>& src, const std::array<Point, 4>& dst) {
    const auto from = square_to_quad(src), to = square_to_quad(dst);
    if (!from || !to || std::abs(determinant(*to)) < 1e-12) return std::nullopt;  // dst collapsed to a line or point
    const auto inverse = invert(*from);
    if (!inverse) return std::nullopt;
    Matrix r = multiply(*to, *inverse);
    if (std::abs(r[8]) < 1e-12) return std::nullopt;
    for (double& v : r) v /= r[8];
    for (double v : r)
        if (!std::isfinite(v)) return std::nullopt;
    return Perspective{r};
}

}  // namespace cccd::qr
