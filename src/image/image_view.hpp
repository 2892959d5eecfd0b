#pragma once
// What a frame is to the decoder: a borrowed 8-bit luminance plane (0 = black, 255 = white).
#include <cstdint>

namespace cccd::image {

struct ImageView {
    const uint8_t* data = nullptr;
    int width = 0;
    int height = 0;
    int stride = 0;  // bytes from one row to the next (>= width)

    bool valid() const { return data != nullptr && width > 0 && height > 0 && stride >= width; }
    uint8_t at(int x, int y) const { return data[static_cast<long>(y) * stride + x]; }
    const uint8_t* row(int y) const { return data + static_cast<long>(y) * stride; }
};

// Part of a frame: rows [firstRow, endRow) x columns [firstCol, endCol).
struct FrameRegion {
    int firstRow = 0, endRow = 0, firstCol = 0, endCol = 0;
};

}  // namespace cccd::image
