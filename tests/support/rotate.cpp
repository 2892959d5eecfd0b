#include "support/rotate.hpp"

#include <utility>

namespace testsupport {

cccd::io::LoadedImage rotated(const cccd::io::LoadedImage& src, int turns) {
    cccd::io::LoadedImage img = src;
    for (int t = 0; t < turns; ++t) {
        cccd::io::LoadedImage r;
        r.width = img.height;
        r.height = img.width;
        r.luma.resize(img.luma.size());
        for (int y = 0; y < img.height; ++y)
            for (int x = 0; x < img.width; ++x)
                r.luma[static_cast<size_t>(x) * static_cast<size_t>(r.width) + static_cast<size_t>(img.height - 1 - y)] =
                    img.luma[static_cast<size_t>(y) * static_cast<size_t>(img.width) + static_cast<size_t>(x)];
        img = std::move(r);
    }
    return img;
}

}  // namespace testsupport
