#pragma once
// Corpus frames turned by right angles, for the rotated corpus tests and the corpus report.
#include "io/image_file.hpp"

namespace testsupport {

// The luminance image turned clockwise by 90 degrees `turns` times.
cccd::io::LoadedImage rotated(const cccd::io::LoadedImage& src, int turns);

}  // namespace testsupport
