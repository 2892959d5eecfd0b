#include "support/zxing_reference.hpp"

#ifdef CCCD_HAVE_ZXING
#define ZX_USE_UTF8 1
#include <ZXing/ReadBarcode.h>
#endif

namespace testsupport {

#ifdef CCCD_HAVE_ZXING

bool zxing_available() { return true; }

ReferenceResult zxing_read(const cccd::image::ImageView& view) {
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setTryHarder(true);
    hints.setTryRotate(true);
    const ZXing::ImageView image(view.data, view.width, view.height, ZXing::ImageFormat::Lum, view.stride);
    const ZXing::Result r = ZXing::ReadBarcode(image, hints);
    ReferenceResult out;
    if (!r.isValid()) return out;
    out.found = true;
    out.text = r.text();
    out.bytes.assign(r.bytes().begin(), r.bytes().end());
    out.hasEci = r.hasECI();
    const auto& q = r.position();
    out.centreX = static_cast<float>(q.topLeft().x + q.topRight().x + q.bottomRight().x + q.bottomLeft().x) / 4.0f;
    out.centreY = static_cast<float>(q.topLeft().y + q.topRight().y + q.bottomRight().y + q.bottomLeft().y) / 4.0f;
    return out;
}

#else  // configured without ZXing-C++ (CMake said so): callers check zxing_available()

bool zxing_available() { return false; }

ReferenceResult zxing_read(const cccd::image::ImageView&) { return {}; }

#endif

}  // namespace testsupport
