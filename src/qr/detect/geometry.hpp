#pragma once
// Points and the perspective (projective) transform between module space and image space.
#include <array>
#include <cmath>
#include <optional>

namespace cccd::qr {

struct Point {
    float x = 0;
    float y = 0;
};

inline float distance(Point a, Point b) { return std::hypot(a.x - b.x, a.y - b.y); }

// The mean of a quadrilateral's corners (a symbol's centre, near enough under mild perspective).
inline Point centre_of(const std::array<Point, 4>& q) {
    return {(q[0].x + q[1].x + q[2].x + q[3].x) / 4, (q[0].y + q[1].y + q[2].y + q[3].y) / 4};
}

// (b - a) x (c - a): positive when a, b, c turn as a triple's top-left, top-right and bottom-left do in
// image coordinates (y down) for a symbol seen from the front (triples.hpp).
inline float turn(Point a, Point b, Point c) {
    return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
}

// x' = (a x + b y + c) / (g x + h y + 1), y' = (d x + e y + f) / (g x + h y + 1)
struct Perspective {
    std::array<double, 9> m{};  // a b c d e f g h 1, row-major 3x3
    // Inline: sampling maps every module of a grid, and a WASM build did not inline it across files.
    Point map(Point p) const {
        const double w = m[6] * p.x + m[7] * p.y + m[8];
        return {static_cast<float>((m[0] * p.x + m[1] * p.y + m[2]) / w),
                static_cast<float>((m[3] * p.x + m[4] * p.y + m[5]) / w)};
    }
    // The transform taking src[i] to dst[i] for four points; nullopt when degenerate.
    static std::optional<Perspective> quad_to_quad(const std::array<Point, 4>& src, const std::array<Point, 4>& dst);
};

}  // namespace cccd::qr
