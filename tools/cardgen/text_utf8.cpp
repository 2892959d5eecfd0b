#include "text_utf8.hpp"

namespace cccd::cardgen {

std::vector<uint32_t> utf8_decode(const std::string& s) {
    std::vector<uint32_t> out;
    size_t i = 0;
    while (i < s.size()) {
        const auto b = static_cast<unsigned char>(s[i]);
        int extra = b < 0x80 ? 0 : (b >> 5) == 6 ? 1 : (b >> 4) == 14 ? 2 : (b >> 3) == 30 ? 3 : -1;
        if (extra < 0 || i + static_cast<size_t>(extra) >= s.size()) {
            out.push_back(0xFFFD);
            ++i;
            continue;
        }
        uint32_t cp = extra == 0 ? b : static_cast<uint32_t>(b & (0x3F >> extra));
        bool good = true;
        for (int k = 1; k <= extra; ++k) {
            const auto c = static_cast<unsigned char>(s[i + static_cast<size_t>(k)]);
            if ((c & 0xC0) != 0x80) good = false;
            cp = (cp << 6) | (c & 0x3Fu);
        }
        out.push_back(good ? cp : 0xFFFD);
        i += good ? static_cast<size_t>(extra) + 1 : 1;
    }
    return out;
}

std::string utf8_encode(const std::vector<uint32_t>& cps) {
    std::string out;
    for (uint32_t cp : cps) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }
    return out;
}

namespace {

// The letters Vietnamese uses live in three Unicode blocks; their case pairs follow simple rules there.
uint32_t upper_cp(uint32_t cp) {
    if (cp >= 'a' && cp <= 'z') return cp - 0x20;
    if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7) return cp - 0x20;
    if (cp == 0x103 || cp == 0x111 || cp == 0x129 || cp == 0x169 || cp == 0x1A1) return cp - 1;
    if (cp == 0x1B0) return 0x1AF;                                  // ư -> Ư
    if (cp >= 0x1EA0 && cp <= 0x1EF9 && (cp & 1)) return cp - 1;  // Latin Extended Additional: odd = lower
    return cp;
}

char base_letter(uint32_t cp) {
    const uint32_t u = upper_cp(cp);
    if (u < 0x80) return static_cast<char>(u);
    if (u >= 0xC0 && u <= 0xC5) return 'A';
    if (u >= 0xC8 && u <= 0xCB) return 'E';
    if (u >= 0xCC && u <= 0xCF) return 'I';
    if (u >= 0xD2 && u <= 0xD6) return 'O';
    if (u >= 0xD9 && u <= 0xDC) return 'U';
    if (u == 0xDD) return 'Y';
    if (u == 0x102) return 'A';
    if (u == 0x110) return 'D';
    if (u == 0x128) return 'I';
    if (u == 0x168 || u == 0x1AF) return 'U';
    if (u == 0x1A0) return 'O';
    if (u >= 0x1EA0 && u <= 0x1EB7) return 'A';
    if (u >= 0x1EB8 && u <= 0x1EC7) return 'E';
    if (u >= 0x1EC8 && u <= 0x1ECB) return 'I';
    if (u >= 0x1ECC && u <= 0x1EE3) return 'O';
    if (u >= 0x1EE4 && u <= 0x1EF1) return 'U';
    if (u >= 0x1EF2 && u <= 0x1EF9) return 'Y';
    return '<';
}

}  // namespace

std::string vietnamese_upper(const std::string& s) {
    std::vector<uint32_t> cps = utf8_decode(s);
    for (uint32_t& cp : cps) cp = upper_cp(cp);
    return utf8_encode(cps);
}

std::string ascii_fold_upper(const std::string& s) {
    std::string out;
    for (uint32_t cp : utf8_decode(s)) out += base_letter(cp);
    return out;
}

}  // namespace cccd::cardgen
