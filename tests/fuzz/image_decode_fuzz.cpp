// libFuzzer target: whole-image decoding, the path a camera frame or a dropped photo takes. Inputs that
// start like an image file (PNG, JPEG, GIF, BMP, PNM magic) are loaded by stb_image under tight limits;
// anything else is a raw luminance frame: two bytes of width (1..1024), the rest as rows, the last
// partial row dropped. Either way the frame goes through cccd::qr::Decoder with every retry on; a
// found symbol must carry valid UTF-8 text, four corners inside a sane box, and a positive module size.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "cccd/utf8.hpp"
#include "io/image_file.hpp"
#include "qr/decoder.hpp"

namespace {

bool looks_like_file(const uint8_t* d, size_t n) {
    if (n < 4) return false;
    return std::memcmp(d, "\x89PNG", 4) == 0 || (d[0] == 0xFF && d[1] == 0xD8) || std::memcmp(d, "GIF8", 4) == 0 ||
           (d[0] == 'B' && d[1] == 'M') || (d[0] == 'P' && d[1] >= '1' && d[1] <= '6');
}

void check(const cccd::qr::DecodeResult& r, int width, int height) {
    if (!r.found()) {
        if (r.status == cccd::qr::DecodeStatus::found || (r.status != cccd::qr::DecodeStatus::not_found && r.message.empty()))
            __builtin_trap();
        return;
    }
    for (const auto& s : r.symbols) {
        if (!cccd::is_valid_utf8(s.data.text) || !(s.moduleSize > 0)) __builtin_trap();
        for (const auto& c : s.corners)  // a symbol may stick out of the frame, but not by more than itself
            if (!std::isfinite(c.x) || !std::isfinite(c.y) || std::fabs(c.x) > 4.0 * (width + height) ||
                std::fabs(c.y) > 4.0 * (width + height))
                __builtin_trap();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static cccd::qr::Decoder decoder;  // reused like a camera loop reuses it: scratch from earlier frames
    if (looks_like_file(data, size)) {
        const auto img = cccd::io::load_image_from_memory(data, size, {1024, 512 * 512});
        if (!img.ok()) {
            if (img.error.empty()) __builtin_trap();
            return 0;
        }
        check(decoder.decode(img.view()), img.width, img.height);
        return 0;
    }
    if (size < 3) return 0;
    const int width = 1 + ((data[0] | data[1] << 8) % 1024);
    const int height = static_cast<int>((size - 2) / static_cast<size_t>(width));
    const cccd::image::ImageView frame{data + 2, width, height, width};
    const auto r = decoder.decode(frame);
    if (height == 0) {  // an empty frame is bad input, said so
        if (r.status != cccd::qr::DecodeStatus::invalid_input || r.message.empty()) __builtin_trap();
        return 0;
    }
    check(r, width, height);
    return 0;
}
