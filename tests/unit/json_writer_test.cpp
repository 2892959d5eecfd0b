// Tests for src/cccd/json_writer.cpp: a minimal JSON writer that always produces valid JSON.
#include "cccd/json_writer.hpp"

#include <gtest/gtest.h>

#include <cstdio>

#include <cctype>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "cccd/utf8.hpp"

namespace {

using cccd::JsonWriter;

std::string json_token(std::string_view s) {
    std::string out;
    cccd::append_json_string(out, s);
    return out;
}

// Validates one JSON string token as RFC 8259 allows it: no raw control characters, only the defined escapes.
bool is_valid_json_string(std::string_view t) {
    if (t.size() < 2 || t.front() != '"' || t.back() != '"') return false;
    if (!cccd::is_valid_utf8(t)) return false;
    for (size_t i = 1; i + 1 < t.size(); ++i) {
        const auto c = static_cast<unsigned char>(t[i]);
        if (c < 0x20) return false;
        if (c == '"') return false;  // unescaped quote inside
        if (c != '\\') continue;
        if (++i + 1 >= t.size()) return false;
        const char e = t[i];
        if (e == 'u') {
            if (i + 4 >= t.size()) return false;
            for (int k = 1; k <= 4; ++k)
                if (!std::isxdigit(static_cast<unsigned char>(t[i + k]))) return false;
            i += 4;
        } else if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
            return false;
        }
    }
    return true;
}

struct EscapeCase {
    const char* name;
    std::string input;
    std::string expected;  // the JSON token, quotes included
};

// Test names in ctest/gtest output show the case name, not the bytes of the struct.
void PrintTo(const EscapeCase& c, std::ostream* os) { *os << c.name; }

std::vector<EscapeCase> escape_cases() {
    return {
        {"Empty", "", R"("")"},
        {"Plain", "Nguyen Van An", R"("Nguyen Van An")"},
        {"VietnameseKeptAsUtf8", "Nguyễn Văn Đức", "\"Nguyễn Văn Đức\""},
        {"Quote", "say \"hi\"", R"("say \"hi\"")"},
        {"Backslash", "C:\\dir\\", R"("C:\\dir\\")"},
        {"SlashNotEscaped", "a/b</script>", R"("a/b</script>")"},
        {"Newline", "a\nb", R"("a\nb")"},
        {"CarriageReturn", "a\rb", R"("a\rb")"},
        {"Tab", "a\tb", R"("a\tb")"},
        {"Nul", std::string("a\0b", 3), R"("a\u0000b")"},
        {"Bell", "\x07", R"("\u0007")"},
        {"Backspace", "\b", R"("\u0008")"},
        {"FormFeed", "\f", R"("\u000c")"},
        {"Escape", "\x1B", R"("\u001b")"},
        {"UnitSeparator", "\x1F", R"("\u001f")"},
        {"Delete", "\x7F", R"("\u007f")"},
        {"SpaceAndTilde", " ~", R"(" ~")"},
        {"C1ControlAsUtf8Kept", "\xC2\x90", "\"\xC2\x90\""},
        {"Emoji", "\xF0\x9F\x98\x80", "\"\xF0\x9F\x98\x80\""},
        {"LoneContinuationByte", "a\x80z", "\"a\uFFFDz\""},
        {"InvalidByteFF", "\xFF", "\"\uFFFD\""},
        {"Latin1Byte", "Caf\xE9", "\"Caf\uFFFD\""},
        {"TruncatedAtEnd", "Nguy\xE1\xBB", "\"Nguy\uFFFD\uFFFD\""},
        {"LeadThenAscii", "\xC3" "A", "\"\uFFFD" "A\""},
        {"Overlong", "\xC0\xAF", "\"\uFFFD\uFFFD\""},
        {"Surrogate", "\xED\xA0\x80", "\"\uFFFD\uFFFD\uFFFD\""},
        {"AboveMaxCodePoint", "\xF4\x90\x80\x80", "\"\uFFFD\uFFFD\uFFFD\uFFFD\""},
        {"InvalidThenQuote", "\xFF\"", "\"\uFFFD\\\"\""},
    };
}

class AppendJsonString : public testing::TestWithParam<EscapeCase> {};

TEST_P(AppendJsonString, EscapesExactly) {
    const EscapeCase& c = GetParam();
    const std::string out = json_token(c.input);
    EXPECT_EQ(out, c.expected);
    EXPECT_TRUE(is_valid_json_string(out)) << out;
}

INSTANTIATE_TEST_SUITE_P(Table, AppendJsonString, testing::ValuesIn(escape_cases()),
                         [](const testing::TestParamInfo<EscapeCase>& i) { return std::string(i.param.name); });

TEST(AppendJsonString, AppendsToExistingText) {
    std::string out = "x:";
    cccd::append_json_string(out, "a");
    EXPECT_EQ(out, "x:\"a\"");
}

TEST(AppendJsonString, EverySingleByteAndBytePairGivesAValidToken) {
    for (int a = 0; a < 256; ++a) {
        const std::string one(1, static_cast<char>(a));
        EXPECT_TRUE(is_valid_json_string(json_token(one))) << a;
        for (int b = 0; b < 256; b += 3) {
            const std::string two = {static_cast<char>(a), static_cast<char>(b)};
            ASSERT_TRUE(is_valid_json_string(json_token(two))) << a << " " << b;
        }
    }
}

TEST(JsonWriter, WritesNestedStructuresWithCommasInTheRightPlaces) {
    JsonWriter w;
    w.begin_object()
        .key("a").value(1)
        .key("b").begin_array().value("x").value(true).null().begin_object().end_object().begin_array().end_array()
        .end_array()
        .key("c").begin_object().key("d").value(false).end_object()
        .key("e").value(static_cast<long long>(-9007199254740993LL))
        .end_object();
    EXPECT_EQ(w.str(), R"({"a":1,"b":["x",true,null,{},[]],"c":{"d":false},"e":-9007199254740993})");
}

TEST(JsonWriter, EmptyContainers) {
    EXPECT_EQ(JsonWriter().begin_object().end_object().str(), "{}");
    EXPECT_EQ(JsonWriter().begin_array().end_array().str(), "[]");
    EXPECT_EQ(JsonWriter().begin_array().begin_array().end_array().begin_array().end_array().end_array().str(),
              "[[],[]]");
}

TEST(JsonWriter, KeysAreEscapedLikeValues) {
    JsonWriter w;
    w.begin_object().key("we\"ird\\key\n").value("v").end_object();
    EXPECT_EQ(w.str(), R"({"we\"ird\\key\n":"v"})");
}

TEST(JsonWriter, StringOverloadsAgree) {
    const std::string s = "Hà Nội";
    JsonWriter a, b, c;
    a.value(s);
    b.value(s.c_str());
    c.value(std::string_view(s));
    EXPECT_EQ(a.str(), "\"Hà Nội\"");
    EXPECT_EQ(b.str(), a.str());
    EXPECT_EQ(c.str(), a.str());
}

TEST(JsonWriter, Numbers) {
    struct Case { double d; const char* json; };
    const std::vector<Case> cases = {
        {0.0, "0.000"}, {1.5, "1.500"}, {-2.25, "-2.250"}, {0.0004, "0.000"}, {123456.789, "123456.789"},
        {std::numeric_limits<double>::quiet_NaN(), "null"},
        {std::numeric_limits<double>::infinity(), "null"},
        {-std::numeric_limits<double>::infinity(), "null"},
    };
    for (const auto& c : cases) EXPECT_EQ(JsonWriter().value(c.d).str(), c.json) << c.d;
    EXPECT_EQ(JsonWriter().value(-0.0004).str(), "-0.000");
    EXPECT_EQ(JsonWriter().value(1e20).str(), "100000000000000000000.000");
}

// The writer formats by hand (no printf in the .wasm): the same text as printf's "%.3f" over the values a
// scan writes (frame coordinates and module sizes, as floats).
TEST(JsonWriter, NumbersAsPrintfWritesThem) {
    for (int i = -20000; i <= 200000; ++i) {
        const double d = static_cast<double>(static_cast<float>(i) / 7.3f);
        char expected[64];
        std::snprintf(expected, sizeof expected, "%.3f", d);
        ASSERT_EQ(JsonWriter().value(d).str(), expected) << i;
    }
    EXPECT_EQ(JsonWriter().value(0).str(), "0");
    EXPECT_EQ(JsonWriter().value(-42).str(), "-42");
    EXPECT_EQ(JsonWriter().value(std::numeric_limits<long long>::min()).str(), "-9223372036854775808");
}

TEST(JsonWriter, RawInsertsSerialisedJsonAsOneValue) {
    JsonWriter w;
    w.begin_array().value(1).raw(R"({"x":[1,2]})").value(2).end_array();
    EXPECT_EQ(w.str(), R"([1,{"x":[1,2]},2])");
    JsonWriter o;
    o.begin_object().key("inner").raw("[]").key("n").null().end_object();
    EXPECT_EQ(o.str(), R"({"inner":[],"n":null})");
}

TEST(JsonWriter, TopLevelSequenceOfValuesIsCommaSeparated) {
    // Not a JSON document on its own, but the writer's separator logic must still hold.
    JsonWriter w;
    w.value(1).value(2);
    EXPECT_EQ(w.str(), "1,2");
}

}  // namespace
