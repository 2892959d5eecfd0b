#include "support/grid_standin.hpp"

#include <algorithm>
#include <cstdlib>
#include <vector>

#include "qr/grid/grid_decoder.hpp"
#include "qr/tables.hpp"

#define ZX_USE_UTF8 1
#include <ZXing/ReadBarcode.h>

namespace testsupport {
namespace {

// ZXing re-detects the symbol in the drawn image, so damage to the finder, timing and alignment patterns
// (which a grid decoder never reads) would fail it for the wrong reason: draw those afresh.
cccd::qr::ModuleGrid repaired(cccd::qr::ModuleGrid g) {
    const int n = g.size;
    const auto finder = [&](int ox, int oy) {
        for (int y = -1; y <= 7; ++y)
            for (int x = -1; x <= 7; ++x) {
                if (ox + x < 0 || oy + y < 0 || ox + x >= n || oy + y >= n) continue;
                const int r = std::max(std::abs(x - 3), std::abs(y - 3));
                g.set(ox + x, oy + y, r != 2 && r != 4);
            }
    };
    finder(0, 0);
    finder(n - 7, 0);
    finder(0, n - 7);
    for (int i = 8; i < n - 8; ++i) {
        g.set(i, 6, i % 2 == 0);
        g.set(6, i, i % 2 == 0);
    }
    const auto pos = cccd::qr::alignment_centers(cccd::qr::version_for_size(n));
    const int count = static_cast<int>(pos.size());
    for (int a = 0; a < count; ++a)
        for (int b = 0; b < count; ++b) {
            if ((a == 0 && b == 0) || (a == 0 && b == count - 1) || (a == count - 1 && b == 0)) continue;
            for (int y = -2; y <= 2; ++y)
                for (int x = -2; x <= 2; ++x) g.set(pos[static_cast<size_t>(a)] + x, pos[static_cast<size_t>(b)] + y, std::max(std::abs(x), std::abs(y)) != 1);
        }
    return g;
}

cccd::qr::GridDecodeResult zxing_grid(const cccd::qr::ModuleGrid& input) {
    if (input.size < 21 || (input.size - 17) % 4 != 0) return {cccd::qr::GridError::bad_size, "bad size"};
    const cccd::qr::ModuleGrid grid = repaired(input);
    constexpr int kScale = 3, kQuiet = 4;
    const int side = (grid.size + 2 * kQuiet) * kScale;
    std::vector<uint8_t> img(static_cast<size_t>(side) * static_cast<size_t>(side), 255);
    for (int y = 0; y < grid.size; ++y)
        for (int x = 0; x < grid.size; ++x)
            if (grid.dark(x, y))
                for (int dy = 0; dy < kScale; ++dy)
                    for (int dx = 0; dx < kScale; ++dx)
                        img[static_cast<size_t>((y + kQuiet) * kScale + dy) * static_cast<size_t>(side) +
                            static_cast<size_t>((x + kQuiet) * kScale + dx)] = 0;
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setIsPure(true);
    const ZXing::Result r = ZXing::ReadBarcode({img.data(), side, side, ZXing::ImageFormat::Lum}, hints);
    cccd::qr::GridDecodeResult out;
    if (!r.isValid()) {
        out.error = cccd::qr::GridError::too_many_errors;
        out.message = "stand-in decoder: unreadable";
        return out;
    }
    out.text = r.text();
    out.bytes.assign(r.bytes().begin(), r.bytes().end());
    return out;
}

}  // namespace

cccd::qr::GridDecodeFn grid_decode_for_tests() {
    return std::getenv("CCCD_QR_STANDIN") != nullptr ? &zxing_grid : &cccd::qr::decode_grid;
}

}  // namespace testsupport
