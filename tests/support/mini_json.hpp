#pragma once
// A tiny strict JSON parser (RFC 8259) for tests: checks the shape and values of our JSON output and reads
// the corpora's index.jsonl lines. Test-only; the product writes JSON but never parses it.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cccd/utf8.hpp"

namespace testsupport {

struct Json {
    enum class Type { null, boolean, number, string, array, object } type = Type::null;
    bool b = false;
    std::string text;  // number literal or decoded string
    std::vector<Json> items;
    std::vector<std::pair<std::string, Json>> members;  // in document order

    const Json& operator[](const std::string& key) const {
        for (const auto& [k, v] : members)
            if (k == key) return v;
        static const Json missing{};
        ADD_FAILURE() << "no key " << key;
        return missing;
    }
    std::vector<std::string> keys() const {
        std::vector<std::string> out;
        for (const auto& m : members) out.push_back(m.first);
        return out;
    }
    bool is_null() const { return type == Type::null; }
};

class JsonParser {
public:
    explicit JsonParser(std::string_view s) : s_(s) {}

    // nullopt with error() set when the text is not exactly one valid JSON value.
    std::optional<Json> parse() {
        Json v;
        ws();
        if (!value(v, 0)) return std::nullopt;
        ws();
        if (i_ != s_.size()) return fail("trailing characters"), std::nullopt;
        if (!cccd::is_valid_utf8(s_)) return fail("not UTF-8"), std::nullopt;
        return v;
    }
    const std::string& error() const { return error_; }

private:
    bool fail(const std::string& why) {
        if (error_.empty()) error_ = why + " at byte " + std::to_string(i_);
        return false;
    }
    void ws() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
    }
    bool lit(std::string_view w) {
        if (s_.substr(i_, w.size()) != w) return false;
        i_ += w.size();
        return true;
    }
    bool value(Json& v, int depth) {
        if (depth > 64) return fail("too deep");
        if (i_ >= s_.size()) return fail("unexpected end");
        const char c = s_[i_];
        if (c == '{') return object(v, depth);
        if (c == '[') return array(v, depth);
        if (c == '"') { v.type = Json::Type::string; return string(v.text); }
        if (lit("true")) { v.type = Json::Type::boolean; v.b = true; return true; }
        if (lit("false")) { v.type = Json::Type::boolean; v.b = false; return true; }
        if (lit("null")) { v.type = Json::Type::null; return true; }
        if (c == '-' || (c >= '0' && c <= '9')) { v.type = Json::Type::number; return number(v.text); }
        return fail(std::string("unexpected character '") + c + "'");
    }
    bool object(Json& v, int depth) {
        v.type = Json::Type::object;
        ++i_;
        ws();
        if (i_ < s_.size() && s_[i_] == '}') { ++i_; return true; }
        for (;;) {
            ws();
            std::string k;
            if (i_ >= s_.size() || s_[i_] != '"' || !string(k)) { fail("expected key"); return false; }
            ws();
            if (i_ >= s_.size() || s_[i_] != ':') { fail("expected ':'"); return false; }
            ++i_;
            ws();
            Json member;
            if (!value(member, depth + 1)) return false;
            v.members.emplace_back(std::move(k), std::move(member));
            ws();
            if (i_ < s_.size() && s_[i_] == ',') { ++i_; continue; }
            if (i_ < s_.size() && s_[i_] == '}') { ++i_; return true; }
            fail("expected ',' or '}'");
            return false;
        }
    }
    bool array(Json& v, int depth) {
        v.type = Json::Type::array;
        ++i_;
        ws();
        if (i_ < s_.size() && s_[i_] == ']') { ++i_; return true; }
        for (;;) {
            ws();
            Json item;
            if (!value(item, depth + 1)) return false;
            v.items.push_back(std::move(item));
            ws();
            if (i_ < s_.size() && s_[i_] == ',') { ++i_; continue; }
            if (i_ < s_.size() && s_[i_] == ']') { ++i_; return true; }
            fail("expected ',' or ']'");
            return false;
        }
    }
    static int hex(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }
    bool hex4(char32_t& out) {
        if (i_ + 4 > s_.size()) return false;
        out = 0;
        for (int k = 0; k < 4; ++k) {
            const int h = hex(s_[i_ + k]);
            if (h < 0) return false;
            out = out * 16 + static_cast<char32_t>(h);
        }
        i_ += 4;
        return true;
    }
    bool string(std::string& out) {
        ++i_;  // opening quote
        while (i_ < s_.size()) {
            const auto c = static_cast<unsigned char>(s_[i_]);
            if (c == '"') { ++i_; return true; }
            if (c < 0x20) { fail("raw control character in string"); return false; }
            if (c != '\\') { out.push_back(static_cast<char>(c)); ++i_; continue; }
            if (++i_ >= s_.size()) break;
            const char e = s_[i_++];
            switch (e) {
                case '"': out += '"'; break;
                case '\\': out += '\\'; break;
                case '/': out += '/'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u': {
                    char32_t cp;
                    if (!hex4(cp)) { fail("bad \\u escape"); return false; }
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        char32_t lo;
                        if (!lit("\\u") || !hex4(lo) || lo < 0xDC00 || lo > 0xDFFF) { fail("lone surrogate"); return false; }
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                        fail("lone surrogate");
                        return false;
                    }
                    cccd::append_utf8(out, cp);
                    break;
                }
                default: fail("bad escape"); return false;
            }
        }
        fail("unterminated string");
        return false;
    }
    bool number(std::string& out) {
        const size_t start = i_;
        if (s_[i_] == '-') ++i_;
        if (i_ < s_.size() && s_[i_] == '0') ++i_;
        else if (i_ < s_.size() && s_[i_] >= '1' && s_[i_] <= '9') while (i_ < s_.size() && isdigit(s_[i_])) ++i_;
        else { fail("bad number"); return false; }
        if (i_ < s_.size() && s_[i_] == '.') {
            ++i_;
            if (i_ >= s_.size() || !isdigit(s_[i_])) { fail("bad fraction"); return false; }
            while (i_ < s_.size() && isdigit(s_[i_])) ++i_;
        }
        if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
            ++i_;
            if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
            if (i_ >= s_.size() || !isdigit(s_[i_])) { fail("bad exponent"); return false; }
            while (i_ < s_.size() && isdigit(s_[i_])) ++i_;
        }
        out = std::string(s_.substr(start, i_ - start));
        return true;
    }
    static bool isdigit(char c) { return c >= '0' && c <= '9'; }

    std::string_view s_;
    size_t i_ = 0;
    std::string error_;
};

inline Json parse_json(const std::string& text) {
    JsonParser p(text);
    auto v = p.parse();
    if (!v) {
        ADD_FAILURE() << "invalid JSON (" << p.error() << "): " << text.substr(0, 300);
        return {};
    }
    return *v;
}

}  // namespace testsupport
