// Tests for src/cccd/card_json.cpp: the stable JSON shape of a parsed card (docs/card-format.md, "Result JSON").
#include "cccd/card_json.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "cccd/parse_card.hpp"
#include "cccd/utf8.hpp"
#include "support/mini_json.hpp"
#include "support/read_file.hpp"

namespace {

using testsupport::Json;
using testsupport::JsonParser;
using testsupport::parse_json;
using cccd::CardResult;
using cccd::to_json;

TEST(JsonParserSelfTest, AcceptsValidAndRejectsInvalid) {
    for (const char* ok : {"{}", "[]", "null", "true", "-0.5e+3", R"({"a":[1,"x\u00e9\n",{"b":null}]})",
                           R"("\ud83d\ude00")", " { \"a\" : 1 } "})
        EXPECT_TRUE(JsonParser(ok).parse().has_value()) << ok;
    for (const char* bad : {"", "{", "{\"a\":1,}", "[1,]", "{'a':1}", "01", "1.", "\"a\nb\"", R"("\x")",
                            R"("\ud800")", "nul", "[1] 2", "{\"a\" 1}", "\"\xFF\""})
        EXPECT_FALSE(JsonParser(bad).parse().has_value()) << bad;
}

// --- The shape --------------------------------------------------------------------------------------------

const cccd::Date kToday{2026, 11, 24};
const std::string kValid =
    "001085012345|012345678|Nguyễn Văn An|15081985|Nam|Số 1, Đường Láng, Phường Láng Thượng, Quận Đống Đa, "
    "Thành phố Hà Nội|04102024||||";

const std::vector<std::string> kTopKeys = {"ok",       "format", "fields",   "checks",
                                           "warnings", "errors", "repaired", "rawFields"};
const std::vector<std::string> kFieldKeys = {"id",      "oldId",        "name",      "dateOfBirth", "sex",
                                             "sexText", "address",      "addressParts", "address2025", "issueDate", "extra"};
const std::vector<std::string> kAddressKeys = {"street",       "ward",         "district",         "province",
                                               "provinceCode", "provinceName", "provinceSince2025"};

void expect_shape(const Json& j) {
    ASSERT_EQ(j.type, Json::Type::object);
    EXPECT_EQ(j.keys(), kTopKeys);
    EXPECT_EQ(j["ok"].type, Json::Type::boolean);
    EXPECT_EQ(j["format"].type, Json::Type::string);
    const Json& f = j["fields"];
    ASSERT_EQ(f.type, Json::Type::object);
    EXPECT_EQ(f.keys(), kFieldKeys);
    EXPECT_EQ(f["addressParts"].keys(), kAddressKeys);
    EXPECT_EQ(f["extra"].type, Json::Type::array);
    EXPECT_EQ(j["checks"].type, Json::Type::array);
    for (const auto& c : j["checks"].items) {
        EXPECT_EQ(c.keys(), (std::vector<std::string>{"name", "ok", "code", "params", "detail", "skipped"}));
        EXPECT_FALSE(c["code"].text.empty());
        EXPECT_EQ(c["params"].type, Json::Type::object);
        EXPECT_EQ(c["ok"].type, Json::Type::boolean);
        EXPECT_EQ(c["skipped"].type, Json::Type::boolean);
    }
    for (const char* list : {"warnings", "errors"}) {
        ASSERT_EQ(j[list].type, Json::Type::array);
        for (const auto& p : j[list].items) {
            EXPECT_EQ(p.keys(), (std::vector<std::string>{"field", "code", "params", "message"}));
            EXPECT_EQ(p["params"].type, Json::Type::object);
        }
    }
    EXPECT_EQ(j["repaired"].type, Json::Type::boolean);
    EXPECT_EQ(j["rawFields"].type, Json::Type::array);
    for (const auto& s : j["rawFields"].items) EXPECT_EQ(s.type, Json::Type::string);
}

TEST(CardJson, ValidCardHasTheStableShapeAndValues) {
    const std::string out = to_json(cccd::parse_card(kValid, kToday));
    const Json j = parse_json(out);
    expect_shape(j);
    EXPECT_TRUE(j["ok"].b);
    EXPECT_EQ(j["format"].text, "can-cuoc-2024");
    const Json& f = j["fields"];
    EXPECT_EQ(f["id"].text, "001085012345");
    EXPECT_EQ(f["oldId"].text, "012345678");
    EXPECT_EQ(f["name"].text, "Nguyễn Văn An");
    EXPECT_EQ(f["dateOfBirth"].text, "1985-08-15");
    EXPECT_EQ(f["sex"].text, "male");
    EXPECT_EQ(f["sexText"].text, "Nam");
    EXPECT_EQ(f["address"].text, "Số 1, Đường Láng, Phường Láng Thượng, Quận Đống Đa, Thành phố Hà Nội");
    const Json& a = f["addressParts"];
    EXPECT_EQ(a["street"].text, "Số 1, Đường Láng");
    EXPECT_EQ(a["ward"].text, "Phường Láng Thượng");
    EXPECT_EQ(a["district"].text, "Quận Đống Đa");
    EXPECT_EQ(a["province"].text, "Thành phố Hà Nội");
    EXPECT_EQ(a["provinceCode"].text, "001");
    EXPECT_EQ(a["provinceName"].text, "Hà Nội");
    EXPECT_EQ(a["provinceSince2025"].text, "Hà Nội");
    EXPECT_EQ(f["issueDate"].text, "2024-10-04");
    ASSERT_EQ(f["extra"].items.size(), 4u);
    for (const auto& e : f["extra"].items) {
        EXPECT_EQ(e.type, Json::Type::string);
        EXPECT_EQ(e.text, "");
    }
    ASSERT_EQ(j["checks"].items.size(), 12u);
    EXPECT_EQ(j["checks"].items[0]["name"].text, "id.digits");
    EXPECT_TRUE(j["checks"].items[0]["ok"].b);
    EXPECT_EQ(j["checks"].items[0]["detail"].text, "12 digits");
    EXPECT_TRUE(j["warnings"].items.empty());
    EXPECT_TRUE(j["errors"].items.empty());
    EXPECT_FALSE(j["repaired"].b);
    ASSERT_EQ(j["rawFields"].items.size(), 11u);
    EXPECT_EQ(j["rawFields"].items[2].text, "Nguyễn Văn An");
}

TEST(CardJson, Address2025IsNullWithoutATableAndFilledWithOne) {
    EXPECT_TRUE(parse_json(to_json(cccd::parse_card(kValid, kToday)))["fields"]["address2025"].is_null());
    const std::string tsv = testsupport::read_file(std::string(CCCD_REPO_DIR) + "/data/address2025.tsv");
    cccd::Address2025Table table;
    std::string error;
    ASSERT_TRUE(cccd::load_address2025(tsv, table, error)) << error;
    const Json j = parse_json(to_json(cccd::parse_card(kValid, kToday, &table)));
    expect_shape(j);
    const Json& a = j["fields"]["address2025"];
    EXPECT_EQ(a.keys(), (std::vector<std::string>{"match", "commune", "communeCode", "province", "provinceCode", "address",
                                                  "candidates", "reason"}));
    // Phường Láng Thượng (Đống Đa) went whole into Phường Láng.
    EXPECT_EQ(a["match"].text, "one");
    EXPECT_EQ(a["commune"].text, "Phường Láng");
    EXPECT_EQ(a["province"].text, "Thành phố Hà Nội");
    EXPECT_EQ(a["provinceCode"].text, "01");
    EXPECT_EQ(a["address"].text, "Số 1, Đường Láng, Phường Láng, Thành phố Hà Nội");
    ASSERT_EQ(a["candidates"].items.size(), 1u);
    EXPECT_EQ(a["candidates"].items[0]["communeCode"].text, a["communeCode"].text);
    EXPECT_TRUE(a["reason"].is_null());
}

TEST(CardJson, MissingValuesAreNullAndProblemsAreListed) {
    // Unknown sex, an impossible birth date, an unknown province.
    const auto r = cccd::parse_card("001085012345||Nguyễn Văn An|32081985|X|Số 1, Atlantis|04102024", kToday);
    const Json j = parse_json(to_json(r));
    expect_shape(j);
    EXPECT_FALSE(j["ok"].b);
    const Json& f = j["fields"];
    EXPECT_TRUE(f["dateOfBirth"].is_null());
    EXPECT_TRUE(f["sex"].is_null());
    EXPECT_EQ(f["sexText"].text, "X");
    EXPECT_EQ(f["oldId"].type, Json::Type::string) << "an empty old number is \"\", not null";
    EXPECT_EQ(f["oldId"].text, "");
    EXPECT_EQ(f["issueDate"].text, "2024-10-04");
    const Json& a = f["addressParts"];
    EXPECT_EQ(a["province"].text, "Atlantis");
    EXPECT_TRUE(a["provinceCode"].is_null());
    EXPECT_TRUE(a["provinceName"].is_null());
    EXPECT_TRUE(a["provinceSince2025"].is_null());
    EXPECT_EQ(a["ward"].type, Json::Type::string);
    ASSERT_EQ(j["errors"].items.size(), r.errors.size());
    for (size_t i = 0; i < r.errors.size(); ++i) {
        EXPECT_EQ(j["errors"].items[i]["field"].text, r.errors[i].field);
        EXPECT_EQ(j["errors"].items[i]["code"].text, r.errors[i].code);
        EXPECT_EQ(j["errors"].items[i]["message"].text, r.errors[i].message);
    }
    ASSERT_EQ(j["warnings"].items.size(), 1u);
    EXPECT_EQ(j["warnings"].items[0]["code"].text, "unknown-province");
    // A failed check's problem names its check and carries its values, for pages to word it themselves.
    const Json& wp = j["warnings"].items[0]["params"];
    EXPECT_EQ(wp.keys(), (std::vector<std::string>{"check", "province"}));
    EXPECT_EQ(wp["check"].text, "address.province");
    EXPECT_EQ(wp["province"].text, "Atlantis");
    const Json& dob = j["checks"].items[6];
    EXPECT_EQ(dob["name"].text, "dateOfBirth.valid");
    EXPECT_EQ(dob["code"].text, "invalid-date");
    EXPECT_EQ(dob["params"]["problem"].text, "no-such-day");
    EXPECT_EQ(dob["params"]["day"].text, "32");
    for (size_t i = 0; i < r.checks.size(); ++i) {
        EXPECT_EQ(j["checks"].items[i]["name"].text, r.checks[i].name);
        EXPECT_EQ(j["checks"].items[i]["ok"].b, r.checks[i].ok);
        EXPECT_EQ(j["checks"].items[i]["detail"].text, r.checks[i].detail);
        EXPECT_EQ(j["checks"].items[i]["skipped"].b, r.checks[i].skipped);
    }
}

TEST(CardJson, RejectedPayloadStillHasTheFullShape) {
    const Json j = parse_json(to_json(cccd::parse_card("https://example.com", kToday)));
    expect_shape(j);
    EXPECT_FALSE(j["ok"].b);
    EXPECT_EQ(j["format"].text, "unknown");
    EXPECT_TRUE(j["fields"]["dateOfBirth"].is_null());
    EXPECT_TRUE(j["fields"]["issueDate"].is_null());
    EXPECT_TRUE(j["fields"]["sex"].is_null());
    EXPECT_EQ(j["fields"]["id"].text, "");
    EXPECT_TRUE(j["checks"].items.empty());
    ASSERT_EQ(j["errors"].items.size(), 1u);
    EXPECT_EQ(j["errors"].items[0]["field"].text, "payload");
    EXPECT_EQ(j["errors"].items[0]["code"].text, "not-a-card");
    ASSERT_EQ(j["rawFields"].items.size(), 1u);
    EXPECT_EQ(j["rawFields"].items[0].text, "https://example.com");
}

TEST(CardJson, DefaultResultIsValid) {
    const Json j = parse_json(to_json(CardResult{}));
    expect_shape(j);
    EXPECT_FALSE(j["ok"].b);
    EXPECT_EQ(j["format"].text, "");
}

// --- Escaping ---------------------------------------------------------------------------------------------

TEST(CardJson, EscapesQuotesBackslashesAndControlCharacters) {
    CardResult r;
    r.fields.name = "Nguyễn \"An\" \\ C:\\path";
    r.fields.address = std::string("line1\nline2\r\ttab \x01\x1F\x7F end", 24);
    r.fields.extra = {"{\"json\":1}", std::string("nul\0byte", 8)};
    r.rawFields = {"</script>", "a/b"};
    r.errors.push_back({"payload", "code\"q", "message with \\ and \""});
    const std::string out = to_json(r);
    const Json j = parse_json(out);
    expect_shape(j);
    EXPECT_EQ(j["fields"]["name"].text, r.fields.name);
    EXPECT_EQ(j["fields"]["address"].text, r.fields.address);
    EXPECT_EQ(j["fields"]["extra"].items[0].text, "{\"json\":1}");
    EXPECT_EQ(j["fields"]["extra"].items[1].text, std::string("nul\0byte", 8));
    EXPECT_EQ(j["rawFields"].items[0].text, "</script>");
    EXPECT_EQ(j["errors"].items[0]["code"].text, "code\"q");
    EXPECT_EQ(j["errors"].items[0]["message"].text, "message with \\ and \"");
    // The literal escapes in the output.
    EXPECT_NE(out.find(R"("Nguyễn \"An\" \\ C:\\path")"), std::string::npos);
    EXPECT_NE(out.find(R"(line1\nline2\r\ttab \u0001\u001f\u007f end)"), std::string::npos);
    EXPECT_NE(out.find(R"(nul\u0000byte)"), std::string::npos);
}

TEST(CardJson, InvalidUtf8BecomesReplacementCharacter) {
    CardResult r;
    r.fields.name = "Nguy\xE1\xBB" "n";      // truncated ễ
    r.fields.address = "Caf\xE9 \xFF\xC0\xAF";  // Latin-1 byte, invalid byte, overlong '/'
    r.fields.extra = {"\xED\xA0\x80"};         // surrogate
    r.rawFields = {"ok \xF0\x9F\x98\x80"};     // valid 4-byte sequence kept
    const std::string out = to_json(r);
    ASSERT_TRUE(cccd::is_valid_utf8(out));
    const Json j = parse_json(out);
    EXPECT_EQ(j["fields"]["name"].text, "Nguy\uFFFD\uFFFDn");
    EXPECT_EQ(j["fields"]["address"].text, "Caf\uFFFD \uFFFD\uFFFD\uFFFD");
    EXPECT_EQ(j["fields"]["extra"].items[0].text, "\uFFFD\uFFFD\uFFFD");
    EXPECT_EQ(j["rawFields"].items[0].text, "ok \U0001F600");
}

// --- Every kind of input gives valid JSON --------------------------------------------------------------

TEST(CardJson, EveryParseResultIsValidJson) {
    std::vector<std::string> inputs = {
        "", "   ", std::string("\0\x01\x02", 3), "\xFF\xFE", std::string(1 << 20, 'x'), "https://x.vn/?a=\"b\"",
        "GD4797933123456|x", "a|b", "||||||", kValid, kValid + "|x|\"y\"|\\z",
        "001085012345|\"|Nguyễn \\ An|15081985|Nam|Hà Nội|04102024",
        "001085012345||Nguyá»…n VÄƒn An|15081985|Nam|HÃ  Ná»™i|04102024",
        "001085012345||Nguyễn\tAn|15081985|Nam|Hà\nNội|04102024",
    };
    std::mt19937 rng(7);
    for (int i = 0; i < 300; ++i) {
        std::string s(rng() % 200, '\0');
        for (auto& ch : s) ch = static_cast<char>(rng() % 256);
        inputs.push_back(s);
        std::string t = kValid;
        for (int k = 0; k < 3; ++k) t[rng() % t.size()] = static_cast<char>(rng() % 256);
        inputs.push_back(t);
    }
    for (const auto& in : inputs) {
        const std::string out = to_json(cccd::parse_card(in, kToday));
        JsonParser p(out);
        const auto j = p.parse();
        ASSERT_TRUE(j.has_value()) << p.error() << "\n" << out.substr(0, 300);
        expect_shape(*j);
    }
}

}  // namespace
