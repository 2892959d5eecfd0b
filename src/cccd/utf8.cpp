#include "cccd/utf8.hpp"

namespace cccd {

std::optional<std::u32string> decode_utf8(std::string_view bytes) {
    // Sized once and written by index: push_back per code point is a call each in the size-optimised WASM
    // build, and the card parser decodes every field several times.
    std::u32string out(bytes.size(), U'\0');
    size_t n = 0;
    for (size_t i = 0; i < bytes.size();) {
        const size_t len = utf8_sequence(bytes, i, out[n]);
        if (len == 0) return std::nullopt;
        ++n;
        i += len;
    }
    out.resize(n);
    return out;
}

bool is_valid_utf8(std::string_view bytes) {
    char32_t cp;
    for (size_t i = 0; i < bytes.size();) {
        // ASCII without the call: the size-optimised WASM build does not inline utf8_sequence.
        if (static_cast<unsigned char>(bytes[i]) < 0x80) {
            ++i;
            continue;
        }
        const size_t len = utf8_sequence(bytes, i, cp);
        if (len == 0) return false;
        i += len;
    }
    return true;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::string encode_utf8(std::u32string_view code_points) {
    std::string out;
    out.reserve(code_points.size());
    for (char32_t cp : code_points) append_utf8(out, cp);
    return out;
}

bool is_ascii(std::string_view bytes) {
    for (char c : bytes)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

}  // namespace cccd
