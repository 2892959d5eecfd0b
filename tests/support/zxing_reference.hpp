#pragma once
// ZXing-C++ 1.4 (Debian libzxing-dev) as a reference reader: for differential tests and side-by-side
// benchmarks only. Never linked into the product.
#include <cstdint>
#include <string>
#include <vector>

#include "image/image_view.hpp"

namespace testsupport {

struct ReferenceResult {
    bool found = false;
    std::string text;            // UTF-8
    std::vector<uint8_t> bytes;  // raw data bytes
    bool hasEci = false;         // the symbol carried an ECI designator
    float centreX = 0, centreY = 0;  // the mean of the symbol's four corners, in pixels
};

// Whether the build found ZXing-C++ (CMake's find_package); without it zxing_read finds nothing and the
// tests that compare against it skip, saying why.
bool zxing_available();
inline constexpr const char* kNoZxing = "ZXing-C++ not found at configure time (Debian: libzxing-dev): no reference reader";

// QR codes only, try-harder and try-rotate on (its most thorough settings).
ReferenceResult zxing_read(const cccd::image::ImageView& view);

}  // namespace testsupport
