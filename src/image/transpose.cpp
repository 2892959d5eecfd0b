#include "image/transpose.hpp"

#include <algorithm>

namespace cccd::image {

void transpose(const BitMatrix& in, BitMatrix& out) {
    const int w = in.width, h = in.height;
    out.width = h;
    out.height = w;
    out.bits.resize(static_cast<size_t>(w) * static_cast<size_t>(h));
    constexpr int kTile = 32;
    const uint8_t* src = in.bits.data();
    uint8_t* dst = out.bits.data();
    for (int y0 = 0; y0 < h; y0 += kTile)
        for (int x0 = 0; x0 < w; x0 += kTile) {
            const int y1 = std::min(h, y0 + kTile), x1 = std::min(w, x0 + kTile);
            for (int x = x0; x < x1; ++x)
                for (int y = y0; y < y1; ++y)
                    dst[static_cast<size_t>(x) * static_cast<size_t>(h) + static_cast<size_t>(y)] =
                        src[static_cast<size_t>(y) * static_cast<size_t>(w) + static_cast<size_t>(x)];
        }
}

}  // namespace cccd::image
