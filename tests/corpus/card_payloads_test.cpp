// Corpus test: every payload of the synthetic card photos (cccd-synth/normal and /hard, index.jsonl) parses
// to exactly the fields recorded next to it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cccd/card_json.hpp"
#include "cccd/parse_card.hpp"
#include "cccd/utf8.hpp"

#ifndef CCCD_CORPUS_DIR
#error "CCCD_CORPUS_DIR must be defined by the build"
#endif

namespace {

const cccd::Date kToday{2026, 11, 24};

// --- A small JSON string extractor for the index lines ----------------------------------------------------

// Reads the JSON string starting at text[pos] == '"'; advances pos past it. nullopt when malformed.
std::optional<std::string> read_string(std::string_view text, size_t& pos) {
    if (pos >= text.size() || text[pos] != '"') return std::nullopt;
    std::string out;
    for (++pos; pos < text.size();) {
        const char c = text[pos++];
        if (c == '"') return out;
        if (c != '\\') { out += c; continue; }
        if (pos >= text.size()) return std::nullopt;
        const char e = text[pos++];
        switch (e) {
            case '"': case '\\': case '/': out += e; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'u': {
                auto hex4 = [&](char32_t& v) {
                    if (pos + 4 > text.size()) return false;
                    v = 0;
                    for (int k = 0; k < 4; ++k) {
                        const char h = text[pos++];
                        v <<= 4;
                        if (h >= '0' && h <= '9') v |= static_cast<char32_t>(h - '0');
                        else if (h >= 'a' && h <= 'f') v |= static_cast<char32_t>(h - 'a' + 10);
                        else if (h >= 'A' && h <= 'F') v |= static_cast<char32_t>(h - 'A' + 10);
                        else return false;
                    }
                    return true;
                };
                char32_t cp;
                if (!hex4(cp)) return std::nullopt;
                if (cp >= 0xD800 && cp <= 0xDBFF) {  // surrogate pair
                    char32_t lo;
                    if (text.substr(pos, 2) != "\\u") return std::nullopt;
                    pos += 2;
                    if (!hex4(lo) || lo < 0xDC00 || lo > 0xDFFF) return std::nullopt;
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                }
                cccd::append_utf8(out, cp);
                break;
            }
            default: return std::nullopt;
        }
    }
    return std::nullopt;
}

void skip_ws(std::string_view text, size_t& pos) {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
}

// The string value of "key" inside the object that starts at text[start] == '{', looking only at that object's
// own members (string values; other values are skipped up to the next ',' or '}' at the same depth).
std::optional<std::string> string_member(std::string_view text, size_t start, std::string_view key) {
    size_t pos = start;
    if (pos >= text.size() || text[pos] != '{') return std::nullopt;
    ++pos;
    for (;;) {
        skip_ws(text, pos);
        const auto k = read_string(text, pos);
        if (!k) return std::nullopt;
        skip_ws(text, pos);
        if (pos >= text.size() || text[pos] != ':') return std::nullopt;
        ++pos;
        skip_ws(text, pos);
        if (pos < text.size() && text[pos] == '"') {
            auto v = read_string(text, pos);
            if (!v) return std::nullopt;
            if (*k == key) return v;
        } else {
            // A number, array or object: skip it, minding nested brackets and strings.
            int depth = 0;
            while (pos < text.size()) {
                const char c = text[pos];
                if (c == '"') {
                    if (!read_string(text, pos)) return std::nullopt;
                    continue;
                }
                if (c == '{' || c == '[') ++depth;
                else if (c == '}' || c == ']') {
                    if (depth == 0) break;
                    --depth;
                } else if (c == ',' && depth == 0) break;
                ++pos;
            }
        }
        skip_ws(text, pos);
        if (pos < text.size() && text[pos] == ',') { ++pos; continue; }
        return std::nullopt;  // '}' or end: key not found
    }
}

// Where the object value of "key" starts, for the top-level object of the line.
std::optional<size_t> object_member(std::string_view line, std::string_view key) {
    const std::string needle = "\"" + std::string(key) + "\":";
    size_t at = line.find(needle);
    if (at == std::string_view::npos) return std::nullopt;
    at += needle.size();
    skip_ws(line, at);
    if (at >= line.size() || line[at] != '{') return std::nullopt;
    return at;
}

TEST(CorpusJsonExtractor, ReadsStringsWithEscapes) {
    const std::string line =
        R"({"file": "a.jpg", "payload": "x|\"y\"|\\z|\u0110\u1ec5|\ud83d\ude00", "n": [1, {"payload": "no"}], )"
        R"("fields": {"id": "001", "nested": {"name": "inner"}, "name": "L\u00ea \"A\""}})";
    const auto payload = string_member(line, 0, "payload");
    ASSERT_TRUE(payload.has_value());
    EXPECT_EQ(*payload, "x|\"y\"|\\z|Đễ|\U0001F600");
    const auto fields = object_member(line, "fields");
    ASSERT_TRUE(fields.has_value());
    EXPECT_EQ(string_member(line, *fields, "id"), "001");
    EXPECT_EQ(string_member(line, *fields, "name"), "Lê \"A\"");  // not the nested one
    EXPECT_EQ(string_member(line, *fields, "missing"), std::nullopt);
}

// --- The corpus -----------------------------------------------------------------------------------------

struct Card {
    std::string file, payload, id, oldId, name, dob, gender, address, issued;
};

std::string iso_from_ddmmyyyy(const std::string& d) {
    return d.size() == 8 ? d.substr(4, 4) + "-" + d.substr(2, 2) + "-" + d.substr(0, 2) : "bad date " + d;
}

std::vector<Card> load(const std::string& path) {
    std::vector<Card> cards;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        ADD_FAILURE() << "cannot open " << path;
        return cards;
    }
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.empty()) continue;
        Card c;
        const auto fields = object_member(line, "fields");
        auto get = [&](size_t start, const char* key, std::string& out) {
            const auto v = string_member(line, start, key);
            if (!v) ADD_FAILURE() << path << ":" << number << ": no string \"" << key << "\"";
            else out = *v;
        };
        get(0, "file", c.file);
        get(0, "payload", c.payload);
        if (!fields) {
            ADD_FAILURE() << path << ":" << number << ": no \"fields\" object";
            continue;
        }
        get(*fields, "id", c.id);
        get(*fields, "oldId", c.oldId);
        get(*fields, "name", c.name);
        get(*fields, "dob", c.dob);
        get(*fields, "gender", c.gender);
        get(*fields, "address", c.address);
        get(*fields, "issued", c.issued);
        cards.push_back(std::move(c));
    }
    return cards;
}

const std::string kSynth = std::string(CCCD_CORPUS_DIR) + "/cccd-synth";

// Checks one card; records its file in `warned` when it carries the given warning code.
void check_card(const std::string& subset, const Card& c, const std::string& warning, std::set<std::string>& warned) {
    SCOPED_TRACE(subset + "/" + c.file + ": " + c.payload);
    const auto r = cccd::parse_card(c.payload, kToday);
    EXPECT_TRUE(r.ok) << cccd::to_json(r);
    EXPECT_EQ(r.format, "cccd-2021");
    EXPECT_FALSE(r.repaired);
    EXPECT_TRUE(r.errors.empty());
    const auto& f = r.fields;
    EXPECT_EQ(f.id, c.id);
    EXPECT_EQ(f.oldId, c.oldId);
    EXPECT_EQ(f.name, c.name);
    ASSERT_TRUE(f.dateOfBirth.has_value());
    EXPECT_EQ(cccd::to_iso(*f.dateOfBirth), iso_from_ddmmyyyy(c.dob));
    EXPECT_EQ(f.sexText, c.gender);
    EXPECT_EQ(f.sex, c.gender == "Nam" ? "male" : c.gender == "Nữ" ? "female" : "?");
    EXPECT_EQ(f.address, c.address);
    ASSERT_TRUE(f.issueDate.has_value());
    EXPECT_EQ(cccd::to_iso(*f.issueDate), iso_from_ddmmyyyy(c.issued));
    EXPECT_TRUE(f.extra.empty());
    EXPECT_FALSE(f.addressParts.provinceCode.empty()) << f.address;
    ASSERT_EQ(r.checks.size(), 12u);
    for (const auto& check : r.checks) EXPECT_TRUE(check.ok) << check.name << ": " << check.detail;
    for (const auto& w : r.warnings) {
        EXPECT_EQ(w.code, warning) << w.message;
        EXPECT_EQ(w.field, "issueDate");
        if (w.code == warning) warned.insert(c.file);
    }
}

// Checks every card of one index; returns the files that carried the given warning code.
std::set<std::string> check_corpus(const std::string& subset, size_t expectedCount, const std::string& warning) {
    const std::string path = kSynth + "/" + subset + "/index.jsonl";
    const auto cards = load(path);
    EXPECT_EQ(cards.size(), expectedCount) << path;
    std::set<std::string> warned;
    for (const auto& c : cards) check_card(subset, c, warning, warned);
    return warned;
}

bool corpus_present(const std::string& subset) {
    return std::filesystem::exists(kSynth + "/" + subset + "/index.jsonl");
}

TEST(CardPayloadCorpus, NormalCardsParseToTheirRecordedFields) {
    if (!corpus_present("normal"))
        GTEST_SKIP() << "corpus not found: " << kSynth << "/normal/index.jsonl (set CCCD_CORPUS_DIR)";
    const auto warned = check_corpus("normal", 150, "issued-under-14");
    EXPECT_TRUE(warned.empty()) << testing::PrintToString(warned);
}

TEST(CardPayloadCorpus, HardCardsParseToTheirRecordedFields) {
    if (!corpus_present("hard"))
        GTEST_SKIP() << "corpus not found: " << kSynth << "/hard/index.jsonl (set CCCD_CORPUS_DIR)";
    // Four invented people got their chip CCCD at 13 (before the 2014 law's age of 14): a warning, still ok.
    const auto warned = check_corpus("hard", 100, "issued-under-14");
    const std::set<std::string> expected = {"card-0023.jpg", "card-0043.jpg", "card-0076.jpg", "card-0082.jpg"};
    EXPECT_EQ(warned, expected);
}

}  // namespace
