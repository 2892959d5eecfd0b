#include "jpeg_codec.hpp"

// Static copies: the test binaries also link src/io's stb_image, whose symbols must not clash with these.
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_WRITE_STATIC
#define STBI_WRITE_NO_STDIO
#include <stb/stb_image_write.h>

#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_STATIC
#define STBI_NO_STDIO
#define STBI_ONLY_JPEG
#include <stb/stb_image.h>

#include <cstring>

namespace cccd::cardgen {

namespace {

void append(void* context, void* data, int size) {
    auto* out = static_cast<std::vector<uint8_t>*>(context);
    const auto* bytes = static_cast<const uint8_t*>(data);
    out->insert(out->end(), bytes, bytes + size);
}

}  // namespace

std::vector<uint8_t> encode_jpeg(const std::vector<uint8_t>& rgb, int width, int height, int quality) {
    std::vector<uint8_t> out;
    out.reserve(rgb.size() / 6);  // typical photo sizes: few regrowths
    if (!stbi_write_jpg_to_func(append, &out, width, height, 3, rgb.data(), quality)) out.clear();
    return out;
}

bool decode_jpeg(const std::vector<uint8_t>& jpeg, int width, int height, std::vector<uint8_t>& rgb) {
    int w = 0, h = 0, n = 0;
    stbi_uc* px = stbi_load_from_memory(jpeg.data(), static_cast<int>(jpeg.size()), &w, &h, &n, 3);
    if (!px) return false;
    const bool ok = w == width && h == height;
    if (ok) rgb.assign(px, px + static_cast<size_t>(w) * static_cast<size_t>(h) * 3);
    stbi_image_free(px);
    return ok;
}

}  // namespace cccd::cardgen
