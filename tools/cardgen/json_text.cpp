#include "json_text.hpp"

#include <cstdio>

#include "cardgen.hpp"

namespace cccd::cardgen {

std::string json_string(const std::string& s) {
    std::string out = "\"";
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') out += '\\', out += ch;
        else if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else out += ch;
    }
    return out + "\"";
}

std::string json_fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    const std::string s = buf;
    return s.find_first_not_of("-0.") == std::string::npos ? std::string("0") : s;
}

std::string fields_json(const std::string& payload) {
    static const char* const kNames[] = {"id", "oldId", "name", "dob", "gender", "address", "issued"};
    const std::vector<std::string> f = split_fields(payload);
    std::string j = "{";
    for (size_t i = 0; i < 7; ++i)
        j += std::string(i ? ", " : "") + "\"" + kNames[i] + "\": " + json_string(i < f.size() ? f[i] : std::string());
    return j + "}";
}

}  // namespace cccd::cardgen
