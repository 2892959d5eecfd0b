#pragma once
// A minimal JSON writer (RFC 8259): the caller emits keys and values in order; strings are escaped and
// any invalid UTF-8 byte becomes U+FFFD so the output is always valid JSON.
#include <string>
#include <string_view>
#include <utility>

namespace cccd {

class JsonWriter {
public:
    // `capacity`: the bytes the output is expected to take (a card's JSON: about 2.5 KB), reserved once.
    explicit JsonWriter(size_t capacity = 0) { out_.reserve(capacity); }
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
    // The output, moved out: the writer is left empty.
    std::string take() { return std::move(out_); }

private:
    void separate();
    std::string out_;
    bool need_comma_ = false;
};

void append_json_string(std::string& out, std::string_view s);

}  // namespace cccd
