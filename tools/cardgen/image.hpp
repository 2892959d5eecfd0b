#pragma once
// Float RGB pictures (display values, 0 = black, 1 = paper white; above 1 is light that will clip) and the
// card texture: the printed card drawn in millimetres at some texels per millimetre.
#include <cstddef>
#include <string>
#include <vector>

namespace cccd::cardgen {

// Why a width x height frame cannot be made (32..12000 a side, at most 50 megapixels), or empty.
inline std::string frame_size_error(int width, int height) {
    if (width < 32 || height < 32 || width > 12000 || height > 12000 || static_cast<double>(width) * height > 50e6)
        return "frame size " + std::to_string(width) + "x" + std::to_string(height) + " out of range";
    return {};
}

struct Rgb {
    float r = 0, g = 0, b = 0;
};

struct FloatImage {
    int width = 0, height = 0;
    std::vector<float> px;  // RGB interleaved, row-major

    void resize(int w, int h) {  // all black
        width = w;
        height = h;
        px.assign(static_cast<size_t>(w) * static_cast<size_t>(h) * 3, 0.0f);
    }
    // Any contents, for a caller that writes every pixel: a reused buffer costs no page faults or memset.
    void reshape(int w, int h) {
        width = w;
        height = h;
        px.resize(static_cast<size_t>(w) * static_cast<size_t>(h) * 3);
    }
    float* at(int x, int y) { return px.data() + (static_cast<size_t>(y) * static_cast<size_t>(width) + static_cast<size_t>(x)) * 3; }
    const float* at(int x, int y) const {
        return px.data() + (static_cast<size_t>(y) * static_cast<size_t>(width) + static_cast<size_t>(x)) * 3;
    }
};

// Texel (i, j) covers card millimetres [u0 + i/tpm, u0 + (i+1)/tpm) x [v0 + j/tpm, v0 + (j+1)/tpm).
struct CardTexture {
    FloatImage img;
    double u0 = 0, v0 = 0, tpm = 10;

    double tx(double u) const { return (u - u0) * tpm; }
    double ty(double v) const { return (v - v0) * tpm; }
    // Printing ink darkens what is under it (multiply blend); `a` is the ink's coverage of the texel.
    void multiply(int x, int y, float a, Rgb ink) {
        float* p = img.at(x, y);
        p[0] *= 1 - a * (1 - ink.r);
        p[1] *= 1 - a * (1 - ink.g);
        p[2] *= 1 - a * (1 - ink.b);
    }
    // Opaque paint (the photo, the emblem) replaces it.
    void paint(int x, int y, float a, Rgb c) {
        float* p = img.at(x, y);
        p[0] += a * (c.r - p[0]);
        p[1] += a * (c.g - p[1]);
        p[2] += a * (c.b - p[2]);
    }
};

}  // namespace cccd::cardgen
