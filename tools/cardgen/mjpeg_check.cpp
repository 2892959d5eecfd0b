// What Chromium's fake camera accepts in an .mjpeg file. Its parser reads marker segments up to the scan
// header (every marker with a length; baseline SOF0 only; 8-bit quantization tables 0-3; Huffman tables
// 0-1 of either class with at most 162 codes; one scan of all components in frame order with Ss=0, Se=63,
// no point transform; a DQT somewhere), then looks for EOI past stuffed bytes, restart markers and other
// segments. The next frame must start right after that EOI, and the file must end there: a frame that does
// not parse stops the capture (CHECK failure), and playback loops back to the first frame.
#include "mjpeg_check.hpp"

#include "cardgen.hpp"

namespace cccd::cardgen {

namespace {

size_t be16(const uint8_t* p) { return static_cast<size_t>(p[0]) << 8 | p[1]; }

bool baseline_only_refuses(uint8_t m) {  // SOF1-3, 5-7, 9-11, 13-15 (C4 is DHT, C8 JPG, CC DAC)
    return m >= 0xC1 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
}

struct Frame {
    int width = 0, height = 0, components = 0;
    uint8_t ids[4] = {};
};

std::string check_sof(const uint8_t* s, size_t n, Frame& f) {
    if (n < 6) return "SOF0 segment is truncated";
    if (s[0] != 8) return "SOF0 precision is not 8 bits";
    f.height = static_cast<int>(be16(s + 1));
    f.width = static_cast<int>(be16(s + 3));
    f.components = s[5];
    if (f.components < 1 || f.components > 4) return "SOF0 has " + std::to_string(f.components) + " components";
    if (n < 6 + 3 * static_cast<size_t>(f.components)) return "SOF0 segment is truncated";
    for (int i = 0; i < f.components; ++i) {
        const uint8_t* c = s + 6 + 3 * i;
        if (c[0] > f.components) return "SOF0 component id above the component count";
        const int h = c[1] >> 4, v = c[1] & 15;
        if (h < 1 || h > 4 || v < 1 || v > 4) return "SOF0 sampling factor out of 1..4";
        f.ids[i] = c[0];
    }
    return "";
}

std::string check_dqt(const uint8_t* s, size_t n) {
    for (size_t at = 0; at < n;) {
        if (s[at] >> 4) return "DQT table is not 8-bit";
        if ((s[at] & 15) >= 4) return "DQT table id above 3";
        if (n - at < 65) return "DQT segment is truncated";
        at += 65;
    }
    return "";
}

std::string check_dht(const uint8_t* s, size_t n) {
    for (size_t at = 0; at < n;) {
        if ((s[at] >> 4) > 1) return "DHT table class above 1";
        if ((s[at] & 15) >= 2) return "DHT table id above 1 (baseline)";
        if (n - at < 17) return "DHT segment is truncated";
        size_t codes = 0;
        for (size_t i = 1; i <= 16; ++i) codes += s[at + i];
        if (codes > 162) return "DHT table has more than 162 codes";
        if (n - at - 17 < codes) return "DHT segment is truncated";
        at += 17 + codes;
    }
    return "";
}

std::string check_sos(const uint8_t* s, size_t n, const Frame& f) {
    if (n < 1 || s[0] != f.components) return "the scan does not hold every component (progressive or no SOF0)";
    if (n < 1 + 2 * static_cast<size_t>(f.components) + 3) return "SOS segment is truncated";
    for (int i = 0; i < f.components; ++i) {
        if (s[1 + 2 * i] != f.ids[i]) return "scan components out of frame order";
        if ((s[2 + 2 * i] >> 4) >= 2 || (s[2 + 2 * i] & 15) >= 2) return "scan uses a Huffman table above 1";
    }
    const uint8_t* tail = s + 1 + 2 * f.components;
    if (tail[0] != 0 || tail[1] != 63 || tail[2] != 0) return "scan is not baseline (Ss, Se, Ah/Al)";
    return "";
}

}  // namespace

std::string check_mjpeg_frame(const uint8_t* d, size_t n, size_t& frameBytes, int& width, int& height) {
    if (n < 2 || d[0] != 0xFF || d[1] != 0xD8) return "no SOI marker";
    Frame f;
    bool dqt = false, sof = false;
    size_t at = 2;
    for (bool scan = false; !scan;) {  // marker segments, up to and including SOS
        if (at >= n || d[at] != 0xFF) return "a marker was expected at byte " + std::to_string(at);
        while (at < n && d[at] == 0xFF) ++at;  // fill bytes
        if (n - at < 3) return "truncated header";
        const uint8_t m = d[at++];
        const size_t length = be16(d + at);
        if (length < 2 || n - at < length) return "bad segment length at byte " + std::to_string(at);
        const uint8_t* s = d + at + 2;
        const size_t sn = length - 2;
        at += length;
        std::string err;
        if (m == 0xC0) {
            err = check_sof(s, sn, f);
            sof = true;
        } else if (baseline_only_refuses(m)) {
            err = "not baseline (SOF" + std::to_string(m - 0xC0) + ")";
        } else if (m == 0xDB) {
            err = check_dqt(s, sn);
            dqt = true;
        } else if (m == 0xC4) {
            err = check_dht(s, sn);
        } else if (m == 0xDD && sn != 2) {
            err = "DRI segment is not 2 bytes";
        } else if (m == 0xDA) {
            err = sof ? check_sos(s, sn, f) : std::string("SOS before SOF0");
            scan = true;
        }  // APPn, COM and the rest are skipped
        if (!err.empty()) return err;
    }
    if (!dqt) return "no DQT segment";
    for (;;) {  // entropy-coded data: find EOI
        while (at < n && d[at] != 0xFF) ++at;
        if (at >= n) return "no EOI marker";
        while (at < n && d[at] == 0xFF) ++at;
        if (at >= n) return "no EOI marker";
        const uint8_t m = d[at++];
        if (m == 0x00 || (m >= 0xD0 && m <= 0xD7)) continue;  // stuffed byte, restart marker
        if (m == 0xD9) break;
        if (n - at < 2 || be16(d + at) < 2 || n - at < be16(d + at)) return "bad segment inside the scan data";
        at += be16(d + at);
    }
    frameBytes = at;
    width = f.width;
    height = f.height;
    if (width <= 0 || height <= 0) return "empty frame size";
    return "";
}

std::string check_mjpeg(const uint8_t* data, size_t size, int& frames, int& width, int& height) {
    frames = 0, width = 0, height = 0;
    if (size == 0) return "no frames";
    for (size_t at = 0; at < size;) {
        size_t bytes = 0;
        int w = 0, h = 0;
        if (std::string err = check_mjpeg_frame(data + at, size - at, bytes, w, h); !err.empty())
            return "frame " + std::to_string(frames) + " (byte " + std::to_string(at) + "): " + err;
        if (frames == 0) width = w, height = h;
        else if (w != width || h != height)
            return "frame " + std::to_string(frames) + " is " + std::to_string(w) + "x" + std::to_string(h) + ", not " +
                   std::to_string(width) + "x" + std::to_string(height);
        at += bytes;
        ++frames;
    }
    return "";
}

}  // namespace cccd::cardgen
