#pragma once
// One MJPEG frame as Chromium's fake camera parses it (media/parsers/jpeg_parser.cc, read by
// FileVideoCaptureDevice's MjpegFileParser): the whole file is checked with check_mjpeg (cardgen.hpp).
#include <cstddef>
#include <cstdint>
#include <string>

namespace cccd::cardgen {

// The frame starting at `data`: its length through the EOI marker and its size, or an error.
std::string check_mjpeg_frame(const uint8_t* data, size_t size, size_t& frameBytes, int& width, int& height);

}  // namespace cccd::cardgen
