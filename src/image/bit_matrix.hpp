#pragma once
// A binarized image: one byte per pixel, 1 = dark (a QR module colour), 0 = light.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace cccd::image {

struct BitMatrix {
    int width = 0;
    int height = 0;
    std::vector<uint8_t> bits;  // row-major, width * height

    // Reuses the allocation when the size does not grow (frames of one camera keep their size).
    void reset(int w, int h) {
        width = w;
        height = h;
        bits.assign(static_cast<size_t>(w) * static_cast<size_t>(h), 0);
    }
    // The same without clearing, for passes that write every pixel.
    void reshape(int w, int h) {
        width = w;
        height = h;
        bits.resize(static_cast<size_t>(w) * static_cast<size_t>(h));
    }
    bool in_bounds(int x, int y) const { return x >= 0 && y >= 0 && x < width && y < height; }
    bool get(int x, int y) const { return bits[static_cast<size_t>(y) * static_cast<size_t>(width) + static_cast<size_t>(x)] != 0; }
    void set(int x, int y, bool dark) {
        bits[static_cast<size_t>(y) * static_cast<size_t>(width) + static_cast<size_t>(x)] = dark ? 1 : 0;
    }
};

}  // namespace cccd::image
