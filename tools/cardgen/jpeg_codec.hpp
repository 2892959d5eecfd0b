#pragma once
// JPEG through stb_image_write / stb_image (Debian's libstb-dev), private copies of both.
#include <cstdint>
#include <vector>

namespace cccd::cardgen {

std::vector<uint8_t> encode_jpeg(const std::vector<uint8_t>& rgb, int width, int height, int quality);
// RGB pixels of a JPEG that must have the given size; false when it does not decode.
bool decode_jpeg(const std::vector<uint8_t>& jpeg, int width, int height, std::vector<uint8_t>& rgb);

}  // namespace cccd::cardgen
