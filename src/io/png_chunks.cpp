#include "io/png_chunks.hpp"

#include <cstring>
#include <string>

namespace cccd::io {

std::string check_png_chunks(std::span<const uint8_t> file) {
    static constexpr uint8_t kSignature[8] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    if (file.size() < 8 || std::memcmp(file.data(), kSignature, 8) != 0) return {};
    size_t at = 8;
    bool dataBegun = false;
    while (file.size() - at >= 8) {
        const uint32_t length = static_cast<uint32_t>(file[at]) << 24 | static_cast<uint32_t>(file[at + 1]) << 16 |
                                static_cast<uint32_t>(file[at + 2]) << 8 | file[at + 3];
        if (std::memcmp(file.data() + at + 4, "IEND", 4) == 0) return {};
        const bool past_end = length > file.size() - at - 8;
        if (std::memcmp(file.data() + at + 4, "IDAT", 4) == 0) {
            if (length == 0 && !dataBegun) return "PNG image data starts with an empty IDAT chunk (not supported)";
            // stb grows its buffer to the declared length before reading: a few hundred bytes could make it
            // allocate 2 GiB (fuzz finding stb-png-idat-past-end.png).
            if (past_end)
                return "PNG IDAT chunk declares " + std::to_string(length) + " bytes, more than the file holds";
            dataBegun = true;
        }
        if (past_end) return {};  // truncated: stb reports it
        at += 12 + static_cast<size_t>(length);  // length, type, data, CRC
        if (at > file.size()) return {};
    }
    return {};
}

}  // namespace cccd::io
