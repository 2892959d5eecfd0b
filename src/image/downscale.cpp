#include "image/downscale.hpp"

namespace cccd::image {

ImageView downscale(const ImageView& gray, int factor, std::vector<uint8_t>& pixels) {
    if (factor < 1 || gray.width < factor || gray.height < factor) return {};
    const int w = gray.width / factor, h = gray.height / factor;
    pixels.resize(static_cast<size_t>(w) * static_cast<size_t>(h));
    const unsigned area = static_cast<unsigned>(factor * factor);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            unsigned sum = 0;
            for (int j = 0; j < factor; ++j) {
                const uint8_t* row = gray.row(y * factor + j) + x * factor;
                for (int i = 0; i < factor; ++i) sum += row[i];
            }
            pixels[static_cast<size_t>(y) * static_cast<size_t>(w) + static_cast<size_t>(x)] =
                static_cast<uint8_t>((sum + area / 2) / area);
        }
    return {pixels.data(), w, h, w};
}

}  // namespace cccd::image
