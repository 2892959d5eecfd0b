#pragma once
// cccd-scanner's C++ API, the QR reader: a grey image in, the QR codes it holds out (ISO/IEC 18004).
// A QrReader keeps its scratch memory from call to call, so a camera loop allocates nothing per frame
// once the frame size is stable. The card payload's parser is cccd/parse_card.hpp.
//
//   cccd::QrReader reader;
//   const cccd::QrResult r = reader.read({pixels, width, height, width});
//   if (r.found()) std::cout << r.codes[0].text << '\n';
//   else std::cerr << r.message << '\n';
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace cccd {

namespace qr {
class Decoder;
}

// 8-bit luminance, row after row, `stride` bytes from one row to the next (>= width). Read during the
// call only.
struct LumaImage {
    const std::uint8_t* data = nullptr;
    int width = 0;
    int height = 0;
    int stride = 0;
};

struct QrPoint {
    float x = 0, y = 0;
};

struct QrCode {
    std::string text;                  // UTF-8 (ECI, Shift JIS and GB 2312 data converted)
    std::vector<std::uint8_t> bytes;   // the data as stored in the symbol
    int version = 0;                   // 1..40
    char ecLevel = '?';                // 'L', 'M', 'Q' or 'H'
    int mask = -1;                     // 0..7
    int correctedErrors = 0;           // codewords Reed-Solomon corrected
    bool mirrored = false;             // read from a mirror image of the symbol
    std::array<QrPoint, 4> corners{};  // top-left, top-right, bottom-right, bottom-left, in image pixels
    float moduleSize = 0;              // image pixels per module
};

enum class QrStatus {
    found,
    not_found,      // no symbol located
    unreadable,     // located, but it did not decode (see message)
    invalid_input,  // no pixels, a size of zero or over 16384 a side, stride < width
};

struct QrResult {
    QrStatus status = QrStatus::not_found;
    std::string message;        // why nothing was read, in words
    std::vector<QrCode> codes;  // in the order found
    bool found() const { return status == QrStatus::found; }
};

struct QrOptions {
    bool tryHarder = true;    // more binarizations, candidates and retries before giving up
    bool tryInverted = true;  // light-on-dark symbols too
};

class QrReader {
public:
    QrReader();
    ~QrReader();
    QrReader(QrReader&&) noexcept;
    QrReader& operator=(QrReader&&) noexcept;

    // The first QR code found. Never throws; bad input gives QrStatus::invalid_input and a message.
    QrResult read(const LumaImage& image, const QrOptions& options = {});

    // Every QR code in the image (up to 32), each once however many passes see it.
    QrResult readAll(const LumaImage& image, const QrOptions& options = {});

private:
    std::unique_ptr<qr::Decoder> decoder_;
};

}  // namespace cccd
