#include "cccd/json_writer.hpp"

#include <cmath>

#include "cccd/utf8.hpp"

namespace cccd {

namespace {

// ASCII bytes a JSON string cannot hold as they are (RFC 8259, section 7), and DEL.
bool needs_escape(unsigned char c) { return c < 0x20 || c == 0x7F || c == '"' || c == '\\'; }

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
    out += '"';
    // Bytes that need no escaping are copied a run at a time: one append per run rather than one call per
    // byte (a WASM build links std::string's members out of line, and a card's JSON is mostly such runs).
    size_t run = 0;
    const auto flush = [&](size_t end) { out.append(s.data() + run, end - run); };
    char32_t cp;
    for (size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            // One valid UTF-8 sequence stays in the run; an invalid byte becomes U+FFFD.
            if (const size_t len = utf8_sequence(s, i, cp); len > 1) {
                i += len;
                continue;
            }
            flush(i);
            out += "\xEF\xBF\xBD";
            run = ++i;
            continue;
        }
        if (!needs_escape(c)) {
            ++i;
            continue;
        }
        flush(i);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default: {
                static constexpr char kHex[] = "0123456789abcdef";
                const char escaped[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
                out.append(escaped, sizeof escaped);
            }
        }
        run = ++i;
    }
    flush(s.size());
    out += '"';
}

void JsonWriter::separate() {
    if (need_comma_) out_.push_back(',');
    need_comma_ = true;
}

JsonWriter& JsonWriter::begin_object() { separate(); out_.push_back('{'); need_comma_ = false; return *this; }
JsonWriter& JsonWriter::end_object() { out_.push_back('}'); need_comma_ = true; return *this; }
JsonWriter& JsonWriter::begin_array() { separate(); out_.push_back('['); need_comma_ = false; return *this; }
JsonWriter& JsonWriter::end_array() { out_.push_back(']'); need_comma_ = true; return *this; }

JsonWriter& JsonWriter::key(std::string_view k) {
    separate();
    append_json_string(out_, k);
    out_.push_back(':');
    need_comma_ = false;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) { separate(); append_json_string(out_, s); return *this; }
JsonWriter& JsonWriter::value(bool b) { separate(); out_ += b ? "true" : "false"; return *this; }
JsonWriter& JsonWriter::value(long long n) { separate(); out_ += std::to_string(n); return *this; }
JsonWriter& JsonWriter::null() { separate(); out_ += "null"; return *this; }
JsonWriter& JsonWriter::raw(std::string_view json) { separate(); out_ += json; return *this; }

// Three decimals, as printf's "%.3f" writes them, by hand: printf would bring its whole formatter (7 KB)
// into the .wasm for this one use (and to_iso's fallback, date.cpp). Exact while the whole part is under
// 2^53 (frame coordinates and module sizes are far under it); beyond, the last digits may differ.
JsonWriter& JsonWriter::value(double d) {
    separate();
    if (!std::isfinite(d)) { out_ += "null"; return *this; }
    if (d < 0) out_ += '-';
    const double a = std::fabs(d);
    double whole = std::floor(a);
    double thousandths = std::round((a - whole) * 1000.0);  // a - whole is exact
    if (thousandths >= 1000.0) whole += 1.0, thousandths = 0.0;
    char digits[400];  // DBL_MAX has 309 digits
    size_t n = 0;
    do {
        const double r = std::fmod(whole, 10.0);
        digits[n++] = static_cast<char>('0' + static_cast<int>(r));
        whole = (whole - r) / 10.0;
    } while (whole >= 1.0 && n < sizeof digits);
    while (n > 0) out_ += digits[--n];
    const int t = static_cast<int>(thousandths);
    out_ += '.';
    out_ += static_cast<char>('0' + t / 100);
    out_ += static_cast<char>('0' + t / 10 % 10);
    out_ += static_cast<char>('0' + t % 10);
    return *this;
}

}  // namespace cccd
