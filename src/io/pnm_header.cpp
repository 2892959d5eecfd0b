#include "io/pnm_header.hpp"

namespace cccd::io {
namespace {

bool is_pnm_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

}  // namespace

std::string check_pnm_header(std::span<const uint8_t> file) {
    if (file.size() < 2 || file[0] != 'P' || (file[1] != '5' && file[1] != '6')) return {};
    // The same walk as stb_image's pnm_info: `c` is the byte last read, reading past the end gives 0, and
    // the loops stop at the end even on a digit.
    size_t next = 2;
    const auto at_end = [&] { return next >= file.size(); };
    const auto read = [&] { return at_end() ? '\0' : static_cast<char>(file[next++]); };
    char c = read();
    const char* const names[3] = {"width", "height", "maximum value"};
    long value = 0;  // the last number read: the maximum value after the loop
    for (const char* name : names) {
        for (;;) {  // whitespace, then a comment line, again
            while (!at_end() && is_pnm_space(c)) c = read();
            if (at_end() || c != '#') break;
            while (!at_end() && c != '\n' && c != '\r') c = read();
        }
        int digits = 0;
        value = 0;
        while (!at_end() && c >= '0' && c <= '9') {
            if (++digits > 9) return std::string("PNM header ") + name + " has more than 9 digits";
            value = value * 10 + (c - '0');
            c = read();
        }
    }
    // 16-bit samples (maximum value 256..65535): stb_image 2.27 converts a colour PPM's to grey as if they
    // were 8-bit, then reads twice the bytes it wrote (heap overflow; fuzz finding stb-ppm16-convert.ppm),
    // and reads a PGM's in the machine's byte order instead of big-endian (Netpbm), i.e. noise.
    if (value > 255 && value <= 65535) return "16-bit PGM/PPM is not supported";
    return {};
}

}  // namespace cccd::io
