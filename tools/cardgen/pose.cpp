#include "pose.hpp"

#include <algorithm>
#include <cmath>

namespace cccd::cardgen {

namespace {

constexpr double kDeg = 3.141592653589793 / 180;

void mat_mul(const double a[3][3], const double b[3][3], double out[3][3]) {
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) out[i][j] = a[i][0] * b[0][j] + a[i][1] * b[1][j] + a[i][2] * b[2][j];
}

struct Box {
    double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
    void add(std::pair<double, double> p) {
        x0 = std::min(x0, p.first), y0 = std::min(y0, p.second), x1 = std::max(x1, p.first), y1 = std::max(y1, p.second);
    }
};

}  // namespace

std::pair<double, double> Pose::project(double u, double v) const {
    const double x = u - kCardW / 2, y = v - kCardH / 2, t = 2 * x / kCardW;
    const double z = sag * (1 - t * t);  // cylindrical bow across the width
    const double X = rot[0][0] * x + rot[0][1] * y + rot[0][2] * z;
    const double Y = rot[1][0] * x + rot[1][1] * y + rot[1][2] * z;
    const double Z = distance - (rot[2][0] * x + rot[2][1] * y + rot[2][2] * z);
    return {cx + focal * X / Z, cy + focal * Y / Z};
}

std::array<std::pair<double, double>, 4> qr_corners(const Pose& pose, const CardLayout& l) {
    return {pose.project(l.qrX, l.qrY), pose.project(l.qrX + l.qrMm, l.qrY), pose.project(l.qrX + l.qrMm, l.qrY + l.qrMm),
            pose.project(l.qrX, l.qrY + l.qrMm)};
}

Placement place_card(const CardSpec& spec, const CardLayout& lay, int modules, Rng& rng) {
    Placement out;
    Pose& pose = out.pose;
    pose.sag = spec.bend * kCardW;

    // Lean: rotate about the in-plane axis perpendicular to the lean direction, so that a card width along
    // that direction changes scale by `tilt` (sin(theta) * width / distance).
    const double s = std::clamp(spec.tilt * pose.distance / kCardW, 0.0, 0.95), c = std::sqrt(1 - s * s);
    const double ax = -std::sin(spec.tiltDirDeg * kDeg), ay = std::cos(spec.tiltDirDeg * kDeg);  // axis, z = 0
    const double lean[3][3] = {{c + ax * ax * (1 - c), ax * ay * (1 - c), ay * s},
                               {ax * ay * (1 - c), c + ay * ay * (1 - c), -ax * s},
                               {-ay * s, ax * s, c}};
    const double ca = std::cos(spec.angleDeg * kDeg), sa = std::sin(spec.angleDeg * kDeg);
    const double turn[3][3] = {{ca, -sa, 0}, {sa, ca, 0}, {0, 0, 1}};  // clockwise on screen (y down)
    mat_mul(turn, lean, pose.rot);

    // Scale: the mean side of the projected symbol is modulePx * modules.
    auto mean_side = [&] {
        const auto q = qr_corners(pose, lay);
        double sum = 0;
        for (int i = 0; i < 4; ++i)
            sum += std::hypot(q[static_cast<size_t>((i + 1) % 4)].first - q[static_cast<size_t>(i)].first,
                              q[static_cast<size_t>((i + 1) % 4)].second - q[static_cast<size_t>(i)].second);
        return sum / 4;
    };
    pose.focal = 1;
    pose.focal = spec.modulePx * modules / mean_side();
    out.modulePx = spec.modulePx;

    // The symbol must lie inside the frame with a little room; shrink it when the frame is too small.
    const double margin = 2 + 1.5 * out.modulePx;
    Box q;
    for (const auto& p : qr_corners(pose, lay)) q.add(p);
    const double fit = std::min((spec.width - 2 * margin) / (q.x1 - q.x0), (spec.height - 2 * margin) / (q.y1 - q.y0));
    if (fit < 1) {
        pose.focal *= fit;
        out.modulePx *= fit;
        q = Box{};
        for (const auto& p : qr_corners(pose, lay)) q.add(p);
    }
    if (out.modulePx < 0.5) {
        out.error = "cardgen: a " + std::to_string(spec.width) + "x" + std::to_string(spec.height) +
                    " frame is too small for the symbol";
        return out;
    }
    // Offsets (cx, cy) keeping the symbol inside, and those keeping the whole card inside.
    Box card;
    for (int i = 0; i <= 8; ++i) {
        const double u = kCardW * i / 8, v = kCardH * i / 8;
        card.add(pose.project(u, 0)), card.add(pose.project(u, kCardH)), card.add(pose.project(0, v)),
            card.add(pose.project(kCardW, v));
    }
    const double qx0 = margin - q.x0, qx1 = spec.width - margin - q.x1, qy0 = margin - q.y0, qy1 = spec.height - margin - q.y1;
    double lx0 = qx0, lx1 = qx1, ly0 = qy0, ly1 = qy1;
    const double cx0 = std::max(qx0, -card.x0), cx1 = std::min(qx1, spec.width - card.x1);
    const double cy0 = std::max(qy0, -card.y0), cy1 = std::min(qy1, spec.height - card.y1);
    // Mostly the whole card when it fits; sometimes cut by the frame's edge as in handheld photos.
    if (rng.chance(0.7) && cx0 <= cx1) lx0 = cx0, lx1 = cx1;
    if (rng.chance(0.7) && cy0 <= cy1) ly0 = cy0, ly1 = cy1;
    const double fx = spec.placeX >= 0 ? std::min(spec.placeX, 1.0) : rng.uniform();
    const double fy = spec.placeY >= 0 ? std::min(spec.placeY, 1.0) : rng.uniform();
    pose.cx = lx0 + (lx1 - lx0) * fx;
    pose.cy = ly0 + (ly1 - ly0) * fy;
    return out;
}

}  // namespace cccd::cardgen
