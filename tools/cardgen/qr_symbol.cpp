// The printed symbol, from libqrencode: byte mode (8-bit, case kept) at a forced smallest version.
#include <qrencode.h>

#include <mutex>

#include "cardgen.hpp"

namespace cccd::cardgen {

QrGrid encode_qr(const std::string& payload, int version, char ecLevel) {
    QrGrid grid;
    QRecLevel level = QR_ECLEVEL_M;
    switch (ecLevel) {
        case 'L': level = QR_ECLEVEL_L; break;
        case 'M': level = QR_ECLEVEL_M; break;
        case 'Q': level = QR_ECLEVEL_Q; break;
        case 'H': level = QR_ECLEVEL_H; break;
        default: grid.error = std::string("cardgen: unknown EC level '") + ecLevel + "'"; return grid;
    }
    if (version < 0 || version > 40) {
        grid.error = "cardgen: QR version " + std::to_string(version) + " out of 1..40";
        return grid;
    }
    // libqrencode is only thread-safe when built with pthreads; one call at a time costs nothing here.
    static std::mutex mutex;
    QRcode* code = nullptr;
    {
        std::lock_guard<std::mutex> lock(mutex);
        // QRcode_encodeData always uses 8-bit mode; the version is a minimum (raised if the data needs it).
        code = QRcode_encodeData(static_cast<int>(payload.size()), reinterpret_cast<const unsigned char*>(payload.data()),
                                 version, level);
    }
    if (!code) {
        grid.error = "cardgen: libqrencode could not encode " + std::to_string(payload.size()) + " bytes at level " + ecLevel;
        return grid;
    }
    grid.version = code->version;
    grid.size = code->width;
    grid.modules.resize(static_cast<size_t>(grid.size) * static_cast<size_t>(grid.size));
    for (size_t i = 0; i < grid.modules.size(); ++i) grid.modules[i] = code->data[i] & 1;  // bit 0: dark
    QRcode_free(code);
    return grid;
}

}  // namespace cccd::cardgen
