#include "io/image_file.hpp"

#include <cstdio>

#include "io/jpeg_markers.hpp"
#include "io/png_chunks.hpp"
#include "io/pnm_header.hpp"

#define STB_IMAGE_IMPLEMENTATION
#define STBI_NO_STDIO  // we read files ourselves, so size limits apply before decoding
// Only the formats image_decode_fuzz feeds it (tests/fuzz): stb's TGA, PSD, HDR and PIC readers would take
// hostile files unfuzzed, and no camera or scanner writes them.
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_ONLY_BMP
#define STBI_ONLY_GIF
#define STBI_ONLY_PNM
#define STBI_FAILURE_USERMSG
#include <stb/stb_image.h>

namespace cccd::io {
namespace {

LoadedImage fail(std::string message) {
    LoadedImage img;
    img.error = std::move(message);
    return img;
}

}  // namespace

LoadedImage load_image_from_memory(const uint8_t* data, size_t size, const ImageLimits& limits) {
    if (data == nullptr || size == 0) return fail("empty file");
    if (size > static_cast<size_t>(1) << 31) return fail("file larger than 2 GiB");
    const int len = static_cast<int>(size);
    // Before stb reads any header: its JPEG header parser already builds the Huffman tables.
    if (std::string bad = check_jpeg_huffman_tables({data, size}); !bad.empty()) return fail("cannot decode image: " + bad);
    if (std::string bad = check_png_chunks({data, size}); !bad.empty()) return fail("cannot decode image: " + bad);
    if (std::string bad = check_pnm_header({data, size}); !bad.empty()) return fail("cannot decode image: " + bad);
    int w = 0, h = 0, channels = 0;
    if (!stbi_info_from_memory(data, len, &w, &h, &channels))
        return fail(std::string("not a readable image: ") + stbi_failure_reason());
    if (w <= 0 || h <= 0) return fail("image has no pixels");
    if (w > limits.maxSide || h > limits.maxSide || static_cast<long long>(w) * h > limits.maxPixels)
        return fail("image is " + std::to_string(w) + "x" + std::to_string(h) + ", larger than " +
                    std::to_string(limits.maxSide) + " px a side or " + std::to_string(limits.maxPixels) +
                    " pixels");
    // stb converts any channel count and 16-bit samples to 8-bit grey.
    unsigned char* pixels = stbi_load_from_memory(data, len, &w, &h, &channels, 1);
    if (!pixels) return fail(std::string("cannot decode image: ") + stbi_failure_reason());
    LoadedImage img;
    img.width = w;
    img.height = h;
    img.luma.assign(pixels, pixels + static_cast<size_t>(w) * static_cast<size_t>(h));
    stbi_image_free(pixels);
    return img;
}

LoadedImage load_image(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return fail("cannot open file");
    std::vector<uint8_t> bytes;
    uint8_t buf[65536];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
        bytes.insert(bytes.end(), buf, buf + n);
        if (bytes.size() > (static_cast<size_t>(1) << 31)) break;
    }
    const bool read_error = std::ferror(f) != 0;
    std::fclose(f);
    if (read_error) return fail("cannot read file");
    return load_image_from_memory(bytes.data(), bytes.size());
}

}  // namespace cccd::io
