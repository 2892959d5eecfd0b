#include "render.hpp"

#include <algorithm>
#include <cmath>

namespace cccd::cardgen {

namespace {

constexpr int kMeshU = 64, kMeshV = 40;  // cells of about 1.4 mm: affine within a cell is exact enough
constexpr double kBleed = 0.6;           // mesh margin (mm) beyond the card, for its anti-aliased outline
constexpr size_t kKeepFloats = 24u << 20;  // reused texture buffers up to 96 MB

struct Vertex {
    double x, y, u, v;
};

// Bilinear read at texel coordinates (texel centres at integers), which must lie inside the texture.
inline void sample_texture(const CardTexture& tex, float tu, float tv, float* acc) {
    const int x = static_cast<int>(tu), y = static_cast<int>(tv);
    const float ax = tu - static_cast<float>(x), ay = tv - static_cast<float>(y);
    const size_t stride = static_cast<size_t>(tex.img.width) * 3;
    const float* p00 = tex.img.px.data() + static_cast<size_t>(y) * stride + static_cast<size_t>(x) * 3;
    const float* p01 = p00 + stride;
    const float w00 = (1 - ax) * (1 - ay), w10 = ax * (1 - ay), w01 = (1 - ax) * ay, w11 = ax * ay;
    for (int c = 0; c < 3; ++c) acc[c] += w00 * p00[c] + w10 * p00[c + 3] + w01 * p01[c] + w11 * p01[c + 3];
}

void raster_triangle(const Vertex& a, const Vertex& b, const Vertex& c, const CardTexture& tex, FloatImage& frame,
                     std::vector<float>& coverage) {
    // Affine map image -> card mm for this triangle.
    const double e1x = b.x - a.x, e1y = b.y - a.y, e2x = c.x - a.x, e2y = c.y - a.y;
    const double det = e1x * e2y - e2x * e1y;
    if (std::fabs(det) < 1e-9) return;
    const double i00 = e2y / det, i01 = -e2x / det, i10 = -e1y / det, i11 = e1x / det;  // inverse of [e1 e2]
    const double du1 = b.u - a.u, du2 = c.u - a.u, dv1 = b.v - a.v, dv2 = c.v - a.v;
    const double mux = du1 * i00 + du2 * i10, muy = du1 * i01 + du2 * i11;  // du/dx, du/dy
    const double mvx = dv1 * i00 + dv2 * i10, mvy = dv1 * i01 + dv2 * i11;
    // Well inside the card (it is convex): no sample needs the outline test.
    const double pixelMm = std::max(std::hypot(mux, mvx), std::hypot(muy, mvy));
    const bool interior = inside_card(a.u, a.v, pixelMm) && inside_card(b.u, b.v, pixelMm) && inside_card(c.u, c.v, pixelMm);
    // The same map in texel coordinates (texel centres at integers), in float for the inner loop.
    const double t = tex.tpm;
    const auto tux = static_cast<float>(mux * t), tuy = static_cast<float>(muy * t);
    const auto tvx = static_cast<float>(mvx * t), tvy = static_cast<float>(mvy * t);
    const float sub[4][2] = {{tux * -0.25f + tuy * -0.25f, tvx * -0.25f + tvy * -0.25f},
                             {tux * 0.25f + tuy * -0.25f, tvx * 0.25f + tvy * -0.25f},
                             {tux * -0.25f + tuy * 0.25f, tvx * -0.25f + tvy * 0.25f},
                             {tux * 0.25f + tuy * 0.25f, tvx * 0.25f + tvy * 0.25f}};
    static const double kSub[4][2] = {{-0.25, -0.25}, {0.25, -0.25}, {-0.25, 0.25}, {0.25, 0.25}};
    // Where a pixel spans few texels, one bilinear read of the (area-sampled) texture is enough; where the
    // card is seen more obliquely, four.
    const bool single = std::max(std::hypot(tux, tvx), std::hypot(tuy, tvy)) <= 1.75f;

    const double sign = det > 0 ? 1 : -1;
    const Vertex* v[3] = {&a, &b, &c};
    const int y0 = std::max(0, static_cast<int>(std::floor(std::min({a.y, b.y, c.y}) - 0.5)));
    const int y1 = std::min(frame.height - 1, static_cast<int>(std::ceil(std::max({a.y, b.y, c.y}) - 0.5)));
    for (int y = y0; y <= y1; ++y) {
        const double py = y + 0.5;
        // The row's pixel centres inside all three edges: each edge is a half-line in x.
        double xl = -1e300, xr = 1e300;
        bool empty = false;
        for (int k = 0; k < 3; ++k) {
            const Vertex &p = *v[k], &q = *v[(k + 1) % 3];
            const double A = -sign * (q.y - p.y), B = sign * ((q.x - p.x) * (py - p.y) + (q.y - p.y) * p.x);
            if (A > 0) xl = std::max(xl, -B / A);
            else if (A < 0) xr = std::min(xr, -B / A);
            else if (B < 0) empty = true;
        }
        if (empty) continue;
        const int x0 = std::max(0, static_cast<int>(std::ceil(xl - 0.5)));
        const int x1 = std::min(frame.width - 1, static_cast<int>(std::floor(xr - 0.5)));
        float* out = frame.at(0, y);
        float* cov = coverage.data() + static_cast<size_t>(y) * static_cast<size_t>(frame.width);
        if (x0 > x1) continue;
        // Texel coordinates of the first pixel centre; then steps of (tux, tvx) along the row.
        const double px0 = x0 + 0.5;
        const double u0 = a.u + mux * (px0 - a.x) + muy * (py - a.y), v0 = a.v + mvx * (px0 - a.x) + mvy * (py - a.y);
        float tu = static_cast<float>((u0 - tex.u0) * t - 0.5), tv = static_cast<float>((v0 - tex.v0) * t - 0.5);
        const float maxU = static_cast<float>(tex.img.width) - 1.001f, maxV = static_cast<float>(tex.img.height) - 1.001f;
        for (int x = x0; x <= x1; ++x, tu += tux, tv += tvx) {
            if (cov[x] > 0) continue;  // on an edge shared with a triangle already drawn
            float sum[3] = {0, 0, 0};
            int inside = 4;
            if (interior && single) {
                sample_texture(tex, tu, tv, sum);
                sum[0] *= 4, sum[1] *= 4, sum[2] *= 4;
            } else if (interior) {
                for (const auto& o : sub) sample_texture(tex, tu + o[0], tv + o[1], sum);
            } else {
                const double u = u0 + mux * (x - x0), vv = v0 + mvx * (x - x0);
                inside = 0;
                for (int k = 0; k < 4; ++k) {
                    if (!inside_card(u + mux * kSub[k][0] + muy * kSub[k][1], vv + mvx * kSub[k][0] + mvy * kSub[k][1])) continue;
                    sample_texture(tex, std::clamp(tu + sub[k][0], 0.0f, maxU), std::clamp(tv + sub[k][1], 0.0f, maxV), sum);
                    ++inside;
                }
            }
            float* o = out + x * 3;
            const auto bg = static_cast<float>(4 - inside);
            for (int k = 0; k < 3; ++k) o[k] = (sum[k] + bg * o[k]) * 0.25f;
            cov[x] = static_cast<float>(inside) * 0.25f;
        }
    }
}

}  // namespace

std::string render_card(const Pose& pose, const CardLayout& layout, const std::vector<std::string>& fields,
                        const QrGrid& grid, uint32_t seed, FloatImage& frame, std::vector<float>& coverage) {
    coverage.assign(static_cast<size_t>(frame.width) * static_cast<size_t>(frame.height), 0.0f);
    std::vector<Vertex> mesh(static_cast<size_t>((kMeshU + 1) * (kMeshV + 1)));
    for (int j = 0; j <= kMeshV; ++j)
        for (int i = 0; i <= kMeshU; ++i) {
            const double u = -kBleed + (kCardW + 2 * kBleed) * i / kMeshU, v = -kBleed + (kCardH + 2 * kBleed) * j / kMeshV;
            const auto [x, y] = pose.project(u, v);
            mesh[static_cast<size_t>(j * (kMeshU + 1) + i)] = {x, y, u, v};
        }
    auto vert = [&](int i, int j) -> const Vertex& { return mesh[static_cast<size_t>(j * (kMeshU + 1) + i)]; };

    // Cells that reach into the frame: their card area decides the texture's extent, their finest
    // scale (pixels per mm) its resolution.
    std::vector<char> visible(static_cast<size_t>(kMeshU * kMeshV), 0);
    double u0 = 1e300, v0 = 1e300, u1 = -1e300, v1 = -1e300, pxPerMm = 0;
    for (int j = 0; j < kMeshV; ++j)
        for (int i = 0; i < kMeshU; ++i) {
            const Vertex *p[4] = {&vert(i, j), &vert(i + 1, j), &vert(i + 1, j + 1), &vert(i, j + 1)};
            double bx0 = 1e300, by0 = 1e300, bx1 = -1e300, by1 = -1e300;
            for (const Vertex* q : p) bx0 = std::min(bx0, q->x), by0 = std::min(by0, q->y), bx1 = std::max(bx1, q->x), by1 = std::max(by1, q->y);
            if (bx1 < -1 || by1 < -1 || bx0 > frame.width + 1 || by0 > frame.height + 1) continue;
            visible[static_cast<size_t>(j * kMeshU + i)] = 1;
            u0 = std::min(u0, p[0]->u), v0 = std::min(v0, p[0]->v), u1 = std::max(u1, p[2]->u), v1 = std::max(v1, p[2]->v);
            const double du = p[1]->u - p[0]->u, dv = p[3]->v - p[0]->v;
            pxPerMm = std::max({pxPerMm, std::hypot(p[1]->x - p[0]->x, p[1]->y - p[0]->y) / du,
                                std::hypot(p[3]->x - p[0]->x, p[3]->y - p[0]->y) / dv});
        }
    if (pxPerMm <= 0) return "cardgen: the card is outside the frame";

    thread_local CardTexture tex;  // reused: photos are made by the dozen
    tex.tpm = 1.25 * pxPerMm;
    // At most 12 M texels (144 MB), even for a huge card in a 4000x3000 frame.
    const double area = (u1 - u0) * (v1 - v0) * tex.tpm * tex.tpm;
    if (area > 12e6) tex.tpm *= std::sqrt(12e6 / area);
    // Two texels of margin: samples of interior triangles never need clamping.
    tex.u0 = u0 - 2 / tex.tpm;
    tex.v0 = v0 - 2 / tex.tpm;
    tex.img.reshape(static_cast<int>(std::ceil((u1 - u0) * tex.tpm)) + 5, static_cast<int>(std::ceil((v1 - v0) * tex.tpm)) + 5);
    if (std::string err = paint_card(tex, layout, fields, grid, seed); !err.empty()) return err;

    for (int j = 0; j < kMeshV; ++j)
        for (int i = 0; i < kMeshU; ++i) {
            if (!visible[static_cast<size_t>(j * kMeshU + i)]) continue;
            raster_triangle(vert(i, j), vert(i + 1, j), vert(i + 1, j + 1), tex, frame, coverage);
            raster_triangle(vert(i, j), vert(i + 1, j + 1), vert(i, j + 1), tex, frame, coverage);
        }
    if (tex.img.px.size() > kKeepFloats) tex.img.px = {};  // a huge card: do not hold on to it
    return "";
}

}  // namespace cccd::cardgen
