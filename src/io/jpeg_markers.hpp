#pragma once
// A check of a JPEG file's Huffman tables before stb_image decodes it. Debian's stb_image (2.27) writes
// past a 257-entry array when a DHT segment declares more than 256 codes, and decodes a scan with tables
// no DHT segment defined (uncleared memory, read past its 256 values); both found by image_decode_fuzz,
// so such files are refused here first.
#include <cstdint>
#include <span>
#include <string>

namespace cccd::io {

// Walks the marker segments of a JPEG stream (ITU-T T.81 B.1.1: 0xFF, marker byte, 2-byte length for
// segments with parameters; entropy-coded data after SOS ends at the next marker that is not RSTn or a
// stuffed 0xFF00). Returns an error message for a DHT segment (B.2.4.2) whose code counts add up to
// more than 256 or to more values than the segment holds, or for a scan (B.2.3) of a SOF0-2 frame that
// decodes with a table no earlier DHT segment defined; empty when the tables are sound or the stream is
// not a JPEG (other checks belong to the decoder).
std::string check_jpeg_huffman_tables(std::span<const uint8_t> file);

}  // namespace cccd::io
