#include "support/render.hpp"

#include <algorithm>
#include <cmath>

namespace testsupport {
namespace {

using cccd::qr::Point;

struct Rng {  // small deterministic generator (xorshift32) with Box-Muller normals
    uint32_t s;
    float uniform() {
        s ^= s << 13;
        s ^= s >> 17;
        s ^= s << 5;
        return (static_cast<float>(s >> 8) + 0.5f) / 16777216.0f;
    }
    float normal() {
        const float u = uniform(), v = uniform();
        return std::sqrt(-2.0f * std::log(u)) * std::cos(6.2831853f * v);
    }
};

void blur(std::vector<float>& img, int w, int h, float sigma) {
    const int r = static_cast<int>(std::ceil(3 * sigma));
    std::vector<float> k(static_cast<size_t>(2 * r + 1));
    float sum = 0;
    for (int i = -r; i <= r; ++i) sum += k[static_cast<size_t>(i + r)] = std::exp(-0.5f * static_cast<float>(i * i) / (sigma * sigma));
    for (float& v : k) v /= sum;
    std::vector<float> tmp(img.size());
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            float acc = 0;
            for (int i = -r; i <= r; ++i)
                acc += k[static_cast<size_t>(i + r)] * img[static_cast<size_t>(y * w + std::clamp(x + i, 0, w - 1))];
            tmp[static_cast<size_t>(y * w + x)] = acc;
        }
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            float acc = 0;
            for (int i = -r; i <= r; ++i)
                acc += k[static_cast<size_t>(i + r)] * tmp[static_cast<size_t>(std::clamp(y + i, 0, h - 1) * w + x)];
            img[static_cast<size_t>(y * w + x)] = acc;
        }
}

}  // namespace

cccd::qr::ModuleGrid transposed(const cccd::qr::ModuleGrid& g) {
    cccd::qr::ModuleGrid t = cccd::qr::ModuleGrid::blank(g.size);
    for (int y = 0; y < g.size; ++y)
        for (int x = 0; x < g.size; ++x) t.set(x, y, g.dark(y, x));
    return t;
}

void render_into(const cccd::qr::ModuleGrid& input, const RenderParams& p, Rendered& out) {
    const cccd::qr::ModuleGrid grid = p.mirror ? transposed(input) : input;
    const int w = out.width, h = out.height;
    const float d = static_cast<float>(grid.size);
    const float cx = p.centerX >= 0 ? p.centerX : static_cast<float>(w) / 2;
    const float cy = p.centerY >= 0 ? p.centerY : static_cast<float>(h) / 2;
    const float half = d * p.moduleSize / 2;
    const float a = p.angleDeg * 3.14159265f / 180.0f, ca = std::cos(a), sa = std::sin(a);
    const auto place = [&](float x, float y) {  // x, y in [-1, 1]; tilt stretches the right side
        const float s = 1 + p.tilt * x * 0.5f;
        const float px = x * half * s, py = y * half * s;
        return Point{cx + (px * ca - py * sa) * p.squash, cy + px * sa + py * ca};
    };
    out.corners = {place(-1, -1), place(1, -1), place(1, 1), place(-1, 1)};
    const std::array<Point, 4> square{{{0, 0}, {d, 0}, {d, d}, {0, d}}};
    out.moduleToImage = *cccd::qr::Perspective::quad_to_quad(square, out.corners);
    const auto toModule = *cccd::qr::Perspective::quad_to_quad(out.corners, square);
    std::vector<float> img(static_cast<size_t>(w) * static_cast<size_t>(h));
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) img[static_cast<size_t>(y * w + x)] = out.pixels[static_cast<size_t>(y * w + x)];
    const float q = static_cast<float>(p.quietZone);
    constexpr int kSuper = 4;  // 4x4 samples per pixel: anti-aliased edges
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            float acc = 0;
            int inside = 0;
            for (int sy = 0; sy < kSuper; ++sy)
                for (int sx = 0; sx < kSuper; ++sx) {
                    const Point m = toModule.map({static_cast<float>(x) + (static_cast<float>(sx) + 0.5f) / kSuper,
                                                  static_cast<float>(y) + (static_cast<float>(sy) + 0.5f) / kSuper});
                    if (m.x < -q || m.y < -q || m.x >= d + q || m.y >= d + q) continue;
                    ++inside;
                    const int mx = static_cast<int>(std::floor(m.x)), my = static_cast<int>(std::floor(m.y));
                    const bool darkModule = mx >= 0 && my >= 0 && mx < grid.size && my < grid.size && grid.dark(mx, my);
                    acc += darkModule ? p.dark : p.light;
                }
            if (inside == 0) continue;
            float& v = img[static_cast<size_t>(y * w + x)];
            v = (acc + v * static_cast<float>(kSuper * kSuper - inside)) / (kSuper * kSuper);
        }
    if (p.blurSigma > 0) blur(img, w, h, p.blurSigma);
    Rng rng{p.seed * 2654435761u + 1};
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            float v = img[static_cast<size_t>(y * w + x)];
            v *= 1 - p.illumination * static_cast<float>(x) / static_cast<float>(w);
            if (p.noise > 0) v += p.noise * rng.normal();
            if (p.invert) v = 255 - v;
            out.pixels[static_cast<size_t>(y * w + x)] = static_cast<uint8_t>(std::clamp(std::lround(v), 0L, 255L));
        }
}

Rendered render(const cccd::qr::ModuleGrid& grid, const RenderParams& p) {
    Rendered out;
    out.width = p.width;
    out.height = p.height;
    out.pixels.assign(static_cast<size_t>(p.width) * static_cast<size_t>(p.height), p.background);
    render_into(grid, p, out);
    return out;
}

}  // namespace testsupport
