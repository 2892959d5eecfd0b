#pragma once
// Grey value between pixel centres: pixel (x, y) covers [x, x+1) x [y, y+1), so its centre is (x+.5, y+.5).
// Positions outside the image read the nearest edge pixel.
#include <algorithm>

#include "image/image_view.hpp"

namespace cccd::image {

inline float bilinear(const ImageView& img, float x, float y) {
    const float fx = std::clamp(x - 0.5f, 0.0f, static_cast<float>(img.width - 1));
    const float fy = std::clamp(y - 0.5f, 0.0f, static_cast<float>(img.height - 1));
    const int x0 = static_cast<int>(fx), y0 = static_cast<int>(fy);
    const int x1 = std::min(x0 + 1, img.width - 1), y1 = std::min(y0 + 1, img.height - 1);
    const float ax = fx - static_cast<float>(x0), ay = fy - static_cast<float>(y0);
    const float top = static_cast<float>(img.at(x0, y0)) * (1 - ax) + static_cast<float>(img.at(x1, y0)) * ax;
    const float bottom = static_cast<float>(img.at(x0, y1)) * (1 - ax) + static_cast<float>(img.at(x1, y1)) * ax;
    return top * (1 - ay) + bottom * ay;
}

// bilinear without the edge clamps, for positions whose 2x2 neighbourhood lies inside the image
// (0.5 <= x < width - 1.5, same for y): the same operations in the same order, so the same value.
inline float bilinear_inside(const ImageView& img, float x, float y) {
    const float fx = x - 0.5f, fy = y - 0.5f;
    const int x0 = static_cast<int>(fx), y0 = static_cast<int>(fy);
    const float ax = fx - static_cast<float>(x0), ay = fy - static_cast<float>(y0);
    const uint8_t* p = img.data + static_cast<long>(y0) * img.stride + x0;
    const float top = static_cast<float>(p[0]) * (1 - ax) + static_cast<float>(p[1]) * ax;
    const float bottom = static_cast<float>(p[img.stride]) * (1 - ax) + static_cast<float>(p[img.stride + 1]) * ax;
    return top * (1 - ay) + bottom * ay;
}

}  // namespace cccd::image
