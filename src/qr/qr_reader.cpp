// The public QR reader (include/cccd/qr.hpp) over the decoder: only plain result types cross it.
#include "cccd/qr.hpp"

#include "qr/decoder.hpp"

namespace cccd {
namespace {

QrStatus status_of(qr::DecodeStatus s) {
    switch (s) {
        case qr::DecodeStatus::found: return QrStatus::found;
        case qr::DecodeStatus::not_found: return QrStatus::not_found;
        case qr::DecodeStatus::unreadable: return QrStatus::unreadable;
        case qr::DecodeStatus::invalid_input: return QrStatus::invalid_input;
    }
    return QrStatus::not_found;
}

QrResult result_of(qr::DecodeResult&& r) {
    QrResult out;
    out.status = status_of(r.status);
    out.message = std::move(r.message);
    for (qr::Symbol& s : r.symbols) {
        QrCode c;
        c.text = std::move(s.data.text);
        c.bytes = std::move(s.data.bytes);
        c.version = s.data.version;
        c.ecLevel = s.data.ecLevel;
        c.mask = s.data.mask;
        c.correctedErrors = s.data.correctedErrors;
        c.mirrored = s.data.mirrored;
        for (size_t i = 0; i < c.corners.size(); ++i) c.corners[i] = {s.corners[i].x, s.corners[i].y};
        c.moduleSize = s.moduleSize;
        out.codes.push_back(std::move(c));
    }
    return out;
}

image::ImageView view_of(const LumaImage& image) { return {image.data, image.width, image.height, image.stride}; }

qr::DecodeOptions options_of(const QrOptions& o) {
    qr::DecodeOptions d;
    d.tryHarder = o.tryHarder;
    d.tryInverted = o.tryInverted;
    return d;
}

}  // namespace

QrReader::QrReader() : decoder_(std::make_unique<qr::Decoder>()) {}
QrReader::~QrReader() = default;
QrReader::QrReader(QrReader&&) noexcept = default;
QrReader& QrReader::operator=(QrReader&&) noexcept = default;

QrResult QrReader::read(const LumaImage& image, const QrOptions& options) {
    if (!decoder_) decoder_ = std::make_unique<qr::Decoder>();  // a moved-from reader stays usable
    return result_of(decoder_->decode(view_of(image), options_of(options)));
}

QrResult QrReader::readAll(const LumaImage& image, const QrOptions& options) {
    if (!decoder_) decoder_ = std::make_unique<qr::Decoder>();
    return result_of(decoder_->decodeAll(view_of(image), options_of(options)));
}

}  // namespace cccd
