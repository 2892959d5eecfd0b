#pragma once
// A check of a PGM/PPM (binary PNM) header before stb_image reads it. Debian's stb_image (2.27) reads the
// width, height and maximum value as int without an overflow check (value * 10 + digit: undefined
// behaviour for a long enough number), and mishandles 16-bit samples (a heap overflow for colour PPM);
// both found by image_decode_fuzz, so such files are refused here first.
#include <cstdint>
#include <span>
#include <string>

namespace cccd::io {

// Reads the three header numbers of a P5 or P6 stream the way stb_image does (whitespace and '#' comment
// lines skipped, digits read while the file lasts). Returns an error message when one has more than nine
// digits (more could overflow stb's int; no image this scanner takes is that large) or when the samples
// are 16-bit (stb 2.27 overruns its buffer converting a colour PPM's to grey and reads a PGM's in the
// wrong byte order); empty when the header is fine in those respects, or the stream is not P5/P6 (other
// checks belong to the decoder).
std::string check_pnm_header(std::span<const uint8_t> file);

}  // namespace cccd::io
