#pragma once
// A check of a PNG file's chunk sequence before stb_image decodes it. Debian's stb_image (2.27) copies a
// zero-length IDAT chunk into its image-data buffer before that buffer exists, i.e. memcpy to a null
// pointer (undefined behaviour that lets the compiler drop stb's later null checks), and grows that buffer
// to whatever length an IDAT chunk declares before reading it (2 GiB for a 705-byte file); both found by
// image_decode_fuzz, so such files are refused here first.
#include <cstdint>
#include <span>
#include <string>

namespace cccd::io {

// Walks the chunks of a PNG stream (ISO/IEC 15948 5.3: 4-byte length, 4-byte type, data, 4-byte CRC after
// the 8-byte signature) up to IEND. Returns an error message when an empty IDAT chunk comes before any
// IDAT data or an IDAT chunk declares more bytes than the file holds; empty when the file is fine in
// those respects, or is not a PNG (other checks belong to the decoder).
std::string check_png_chunks(std::span<const uint8_t> file);

}  // namespace cccd::io
