#pragma once
// A minimal JSON writer (RFC 8259): the caller emits keys and values in order; strings are escaped and
// any invalid UTF-8 byte becomes U+FFFD so the output is always valid JSON.
#include <string>
#include <string_view>

namespace cccd {

class JsonWriter {
public:
    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view k);
    JsonWriter& value(std::string_view s);
    JsonWriter& value(const char* s) { return value(std::string_view(s)); }
    JsonWriter& value(bool b);
    JsonWriter& value(long long n);
    JsonWriter& value(int n) { return value(static_cast<long long>(n)); }
    JsonWriter& value(double d);
    JsonWriter& null();
    // Inserts already-serialised JSON as one value.
    JsonWriter& raw(std::string_view json);
    const std::string& str() const { return out_; }

private:
    void separate();
    std::string out_;
    bool need_comma_ = false;
};

void append_json_string(std::string& out, std::string_view s);

}  // namespace cccd
