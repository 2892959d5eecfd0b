#include "io/jpeg_markers.hpp"

#include <algorithm>
#include <cstddef>
#include <vector>

namespace cccd::io {
namespace {

using Bytes = std::vector<uint8_t>;

constexpr uint8_t kSoi = 0xD8, kEoi = 0xD9, kDht = 0xC4, kSos = 0xDA, kTem = 0x01;

bool is_rst(uint8_t m) { return m >= 0xD0 && m <= 0xD7; }

// Which Huffman tables (class 0 DC, 1 AC; ids 0..3) DHT segments have defined so far, and the frame type.
struct TableState {
    bool defined[2][4] = {};
    bool frame = false;  // a SOF0-2 segment came: stb_image decodes scans only after one (else "no SOF")
    bool progressive = false;
};

// B.2.4.2: each table is Tc/Th (1 byte), 16 counts L1..L16, then sum(L) values.
std::string check_dht(std::span<const uint8_t> segment, TableState& state) {
    size_t at = 0;
    while (at < segment.size()) {
        if (segment.size() - at < 17) return "JPEG Huffman table segment is truncated";
        const int tc = segment[at] >> 4, th = segment[at] & 15;
        size_t codes = 0;
        for (size_t i = 1; i <= 16; ++i) codes += segment[at + i];
        if (codes > 256) return "JPEG Huffman table declares " + std::to_string(codes) + " codes (at most 256)";
        at += 17;
        if (segment.size() - at < codes) return "JPEG Huffman table holds fewer values than it declares";
        at += codes;
        if (tc <= 1 && th <= 3) state.defined[tc][th] = true;  // stb_image refuses other ids itself
    }
    return {};
}

// B.2.3: Ns, Ns x (Cs, Td/Ta), Ss, Se, Ah/Al. stb_image 2.27 decodes with whatever a table selector
// names, defined or not: its tables live in memory it never cleared, so a scan naming a table no DHT
// segment defined reads garbage code lengths and indexes past its 256 values (fuzz finding
// stb-jpeg-undefined-table.jpg). Webcam MJPEG frames that rely on the standard's example tables
// (Annex K) without a DHT segment are refused for the same reason: stb does not supply them.
std::string check_sos(std::span<const uint8_t> segment, const TableState& state) {
    if (segment.empty() || !state.frame) return {};
    const size_t n = segment[0];
    if (n == 0 || segment.size() < 1 + 2 * n + 3) return {};  // stb_image reports a bad scan header
    const int ss = segment[1 + 2 * n], ah = segment[3 + 2 * n] >> 4;
    // Which classes this scan decodes with (G.1.2: progressive DC refinement reads raw bits, AC scans
    // only the AC table).
    const bool dc = !state.progressive || (ss == 0 && ah == 0);
    const bool ac = !state.progressive || ss > 0;
    for (size_t i = 0; i < n; ++i) {
        const int td = segment[2 + 2 * i] >> 4, ta = segment[2 + 2 * i] & 15;
        if (td > 3 || ta > 3) return {};  // stb_image refuses these itself
        if (dc && !state.defined[0][td]) return "JPEG scan uses DC Huffman table " + std::to_string(td) + ", which no DHT segment defines";
        if (ac && !state.defined[1][ta]) return "JPEG scan uses AC Huffman table " + std::to_string(ta) + ", which no DHT segment defines";
    }
    return {};
}

std::string check_segment(uint8_t marker, std::span<const uint8_t> segment, TableState& state) {
    if (marker == kDht) return check_dht(segment, state);
    if (marker == kSos) return check_sos(segment, state);
    if (marker == 0xC0 || marker == 0xC1 || marker == 0xC2) {  // SOF0-2, the frames stb_image decodes
        state.frame = true;
        state.progressive = marker == 0xC2;
    }
    return {};
}

}  // namespace

std::string check_jpeg_huffman_tables(std::span<const uint8_t> file) {
    if (file.size() < 2 || file[0] != 0xFF || file[1] != kSoi) return {};
    TableState state;
    size_t at = 2;
    while (at + 1 < file.size()) {
        if (file[at] != 0xFF) {  // entropy-coded data, or padding stb_image skips: on to the next marker
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
            Bytes seen(length - 2, 0);
            const std::span<const uint8_t> there = file.subspan(at + 4);  // shorter than length - 2
            std::copy(there.begin(), there.end(), seen.begin());
            return check_segment(marker, seen, state);
        }
        if (std::string error = check_segment(marker, file.subspan(at + 4, length - 2), state); !error.empty())
            return error;
        at += 2 + length;  // after SOS, the entropy-coded data is skipped byte by byte above
    }
    return {};
}

}  // namespace cccd::io
