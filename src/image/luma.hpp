#pragma once
// RGBA (canvas ImageData) or BGRA (a VideoFrame of a canvas stream, in Firefox and WebKit) to an 8-bit
// luminance plane. Integer weights close to ITU-R BT.601 (0.299, 0.587, 0.114 scaled by 256):
// Y = (77 R + 150 G + 29 B + 128) >> 8. The WASM SIMD path and the scalar path give the same bytes.
#include <cstdint>
#include <span>

namespace cccd::image {

// Where red is in a 4-byte pixel: first (RGBA, RGBX) or third (BGRA, BGRX). Alpha is ignored.
enum class PixelOrder { Rgba, Bgra };

// rgba: height rows of rgbaStride bytes (>= 4 * width); luma: width * height bytes, row-major.
// Returns false (and writes nothing) when the sizes do not fit the spans.
bool rgba_to_luma(std::span<const uint8_t> rgba, int width, int height, int rgbaStride, std::span<uint8_t> luma,
                  PixelOrder order = PixelOrder::Rgba);

// The plain loop, always available: the reference the SIMD path is tested against.
void rgba_to_luma_scalar(const uint8_t* rgba, int width, int height, int rgbaStride, uint8_t* luma,
                         PixelOrder order = PixelOrder::Rgba);

// The luminance plane reduced by 2 in one pass over the RGBA: each output is the luma of its 2x2 block's mean
// colour (each channel averaged down the rows, then across, rounding up), within 2 levels of
// image::downscale(factor 2) of rgba_to_luma's plane and equal to it where a block is one colour.
// (width / 2) * (height / 2) bytes.
// Returns false (and writes nothing) when the sizes do not fit the spans or the frame is under 2x2.
bool rgba_to_luma_halved(std::span<const uint8_t> rgba, int width, int height, int rgbaStride, std::span<uint8_t> halved,
                         PixelOrder order = PixelOrder::Rgba);

}  // namespace cccd::image
