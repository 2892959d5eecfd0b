#include "io/jpeg_markers.hpp"

#include <algorithm>
#include <cstddef>
#include <vector>

namespace cccd::io {
namespace {

using Bytes = std::vector<uint8_t>;

constexpr uint8_t kSoi = 0xD8, kEoi = 0xD9, kDht = 0xC4, kTem = 0x01;

bool is_rst(uint8_t m) { return m >= 0xD0 && m <= 0xD7; }

// B.2.4.2: each table is Tc/Th (1 byte), 16 counts L1..L16, then sum(L) values.
std::string check_dht(std::span<const uint8_t> segment) {
    size_t at = 0;
    while (at < segment.size()) {
        if (segment.size() - at < 17) return "JPEG Huffman table segment is truncated";
        size_t codes = 0;
        for (size_t i = 1; i <= 16; ++i) codes += segment[at + i];
        if (codes > 256) return "JPEG Huffman table declares " + std::to_string(codes) + " codes (at most 256)";
        at += 17;
        if (segment.size() - at < codes) return "JPEG Huffman table holds fewer values than it declares";
        at += codes;
    }
    return {};
}

}  // namespace

std::string check_jpeg_huffman_tables(std::span<const uint8_t> file) {
    if (file.size() < 2 || file[0] != 0xFF || file[1] != kSoi) return {};
    size_t at = 2;
    while (at + 1 < file.size()) {
        if (file[at] != 0xFF) {  // inside entropy-coded data: skip to the next real marker
            ++at;
            continue;
        }
        const uint8_t marker = file[at + 1];
        if (marker == 0xFF) {  // fill byte
            ++at;
            continue;
        }
        if (marker == 0x00 || is_rst(marker) || marker == kTem || marker == kSoi) {  // no length follows
            at += 2;
            continue;
        }
        if (marker == kEoi) return {};
        if (at + 3 >= file.size()) return {};
        const size_t length = static_cast<size_t>(file[at + 2]) << 8 | file[at + 3];  // includes itself
        if (length < 2) return {};  // stb reports it
        if (at + 2 + length > file.size()) {
            // Cut off by the end of the file: stb_image still reads the whole segment, getting zeros past
            // the end, so a table within what is there can still declare too many codes (fuzz findings
            // stb-dht-truncated-*.jpg). Check the segment as stb sees it; stb reports the truncation.
            if (marker != kDht) return {};
            Bytes seen(length - 2, 0);
            const std::span<const uint8_t> there = file.subspan(at + 4);  // shorter than length - 2
            std::copy(there.begin(), there.end(), seen.begin());
            return check_dht(seen);
        }
        if (marker == kDht) {
            std::string error = check_dht(file.subspan(at + 4, length - 2));
            if (!error.empty()) return error;
        }
        at += 2 + length;  // after SOS, the entropy-coded data is skipped byte by byte above
    }
    return {};
}

}  // namespace cccd::io
