#include "qr/detect/fit.hpp"

#include <array>
#include <cmath>

#include "qr/detect/linear_solve.hpp"

namespace cccd::qr {
namespace {

struct Similarity {  // p -> s (p - c)
    double cx = 0, cy = 0, s = 1;
};

Similarity normaliser(std::span<const Point> pts) {
    Similarity t;
    for (const Point& p : pts) t.cx += p.x, t.cy += p.y;
    t.cx /= static_cast<double>(pts.size());
    t.cy /= static_cast<double>(pts.size());
    double mean = 0;
    for (const Point& p : pts) mean += std::hypot(p.x - t.cx, p.y - t.cy);
    mean /= static_cast<double>(pts.size());
    t.s = mean > 1e-12 ? std::sqrt(2.0) / mean : 1.0;
    return t;
}

}  // namespace

std::optional<Perspective> fit_perspective(std::span<const Point> src, std::span<const Point> dst) {
    if (src.size() != dst.size() || src.size() < 4) return std::nullopt;
    const Similarity ts = normaliser(src), td = normaliser(dst);
    SquareMatrix<8> ata{};
    std::array<double, 8> atb{};
    for (size_t i = 0; i < src.size(); ++i) {
        const double x = (src[i].x - ts.cx) * ts.s, y = (src[i].y - ts.cy) * ts.s;
        const double X = (dst[i].x - td.cx) * td.s, Y = (dst[i].y - td.cy) * td.s;
        // a x + b y + c - g x X - h y X = X ;  d x + e y + f - g x Y - h y Y = Y
        const double rows[2][8] = {{x, y, 1, 0, 0, 0, -x * X, -y * X}, {0, 0, 0, x, y, 1, -x * Y, -y * Y}};
        const double rhs[2] = {X, Y};
        for (int r = 0; r < 2; ++r)
            for (size_t j = 0; j < 8; ++j) {
                atb[j] += rows[r][j] * rhs[r];
                for (size_t k = 0; k < 8; ++k) ata[j][k] += rows[r][j] * rows[r][k];
            }
    }
    if (!solve_linear(ata, atb)) return std::nullopt;
    // H = Td^-1 * Hn * Ts
    const double hn[9] = {atb[0], atb[1], atb[2], atb[3], atb[4], atb[5], atb[6], atb[7], 1};
    const double tsm[9] = {ts.s, 0, -ts.s * ts.cx, 0, ts.s, -ts.s * ts.cy, 0, 0, 1};
    const double tdi[9] = {1 / td.s, 0, td.cx, 0, 1 / td.s, td.cy, 0, 0, 1};
    double tmp[9] = {}, h[9] = {};
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
            for (int k = 0; k < 3; ++k) tmp[i * 3 + j] += hn[i * 3 + k] * tsm[k * 3 + j];
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
            for (int k = 0; k < 3; ++k) h[i * 3 + j] += tdi[i * 3 + k] * tmp[k * 3 + j];
    if (std::abs(h[8]) < 1e-12) return std::nullopt;
    Perspective p;
    for (int i = 0; i < 9; ++i) {
        p.m[static_cast<size_t>(i)] = h[i] / h[8];
        if (!std::isfinite(p.m[static_cast<size_t>(i)])) return std::nullopt;
    }
    return p;
}

}  // namespace cccd::qr
