#pragma once
// Synthetic camera images of a module grid, for the QR reader's tests: a known grid drawn through a known
// perspective (scale, rotation, tilt), then blur, uneven light, noise, inversion or mirroring. Also
// ground-truth grids from Debian's qrencode.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "image/image_view.hpp"
#include "qr/detect/geometry.hpp"
#include "qr/grid/module_grid.hpp"

namespace testsupport {

struct RenderParams {
    int width = 320, height = 320;
    float moduleSize = 4;        // pixels per module (before tilt)
    float angleDeg = 0;          // rotation, clockwise on screen
    float tilt = 0;              // perspective: the right edge is (1 + tilt) as long as the left one
    float squash = 1;            // the image's x scaled by this after rotating: a symbol seen obliquely from
                                 // afar (its sides no longer square nor equally long)
    float centerX = -1, centerY = -1;  // symbol centre; -1: the image centre
    float blurSigma = 0;         // Gaussian blur, pixels
    float noise = 0;             // Gaussian noise sigma, grey levels
    float illumination = 0;      // light falls off by this share from left to right (0..1)
    bool invert = false;         // light modules on dark
    bool mirror = false;         // the grid is drawn transposed (a symbol seen from behind)
    uint8_t dark = 30, light = 220, background = 160;
    int quietZone = 4;           // light modules around the symbol; beyond is `background`
    uint32_t seed = 1;
};

struct Rendered {
    std::vector<uint8_t> pixels;
    int width = 0, height = 0;
    cccd::qr::Perspective moduleToImage;          // of the grid as drawn (after mirroring)
    std::array<cccd::qr::Point, 4> corners{};     // image corners of module-space (0,0) (d,0) (d,d) (0,d)
    cccd::image::ImageView view() const { return {pixels.data(), width, height, width}; }
};

Rendered render(const cccd::qr::ModuleGrid& grid, const RenderParams& params);

// Draws into an existing image (several symbols in one frame); `out` must already have its size.
void render_into(const cccd::qr::ModuleGrid& grid, const RenderParams& params, Rendered& out);

cccd::qr::ModuleGrid transposed(const cccd::qr::ModuleGrid& grid);

}  // namespace testsupport
