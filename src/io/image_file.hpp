#pragma once
// Image files (PNG, JPEG, BMP, GIF, binary PGM/PPM; no other format) to a luminance plane, for the CLI,
// tests and benchmarks.
// Native only: the browser decodes images itself and hands the WASM module pixels.
#include <cstdint>
#include <string>
#include <vector>

#include "image/image_view.hpp"

namespace cccd::io {

// Larger images are refused before decoding, so a hostile file cannot make us allocate gigabytes.
inline constexpr int kMaxImageSide = 16384;
inline constexpr long long kMaxImagePixels = 100'000'000;

// The limits checked against a file's header before any pixel is decoded.
struct ImageLimits {
    int maxSide = kMaxImageSide;
    long long maxPixels = kMaxImagePixels;
};

struct LoadedImage {
    std::vector<uint8_t> luma;  // width * height, row-major
    int width = 0;
    int height = 0;
    std::string error;          // empty on success

    bool ok() const { return error.empty(); }
    image::ImageView view() const { return {luma.data(), width, height, width}; }
};

LoadedImage load_image(const std::string& path);
LoadedImage load_image_from_memory(const uint8_t* data, size_t size, const ImageLimits& limits = {});

}  // namespace cccd::io
