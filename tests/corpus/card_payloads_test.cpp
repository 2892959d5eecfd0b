// Corpus test: every payload of the synthetic card photos (cccd-synth/normal and /hard, index.jsonl) parses
// to exactly the fields recorded next to it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "support/unavailable.hpp"
#include "cccd/card_json.hpp"
#include "cccd/parse_card.hpp"
#include "support/mini_json.hpp"

#ifndef CCCD_CORPUS_DIR
#error "CCCD_CORPUS_DIR must be defined by the build"
#endif

namespace {

const cccd::Date kToday{2026, 11, 24};

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
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        const testsupport::Json j = testsupport::parse_json(line);
        const auto& f = j["fields"];
        cards.push_back({j["file"].text, j["payload"].text, f["id"].text, f["oldId"].text, f["name"].text,
                         f["dob"].text, f["gender"].text, f["address"].text, f["issued"].text});
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
        CCCD_UNAVAILABLE() << "corpus not found: " << kSynth << "/normal/index.jsonl (set CCCD_CORPUS_DIR)";
    const auto warned = check_corpus("normal", 150, "issued-under-14");
    EXPECT_TRUE(warned.empty()) << testing::PrintToString(warned);
}

TEST(CardPayloadCorpus, HardCardsParseToTheirRecordedFields) {
    if (!corpus_present("hard"))
        CCCD_UNAVAILABLE() << "corpus not found: " << kSynth << "/hard/index.jsonl (set CCCD_CORPUS_DIR)";
    // Four invented people got their chip CCCD at 13 (before the 2014 law's age of 14): a warning, still ok.
    const auto warned = check_corpus("hard", 100, "issued-under-14");
    const std::set<std::string> expected = {"card-0023.jpg", "card-0043.jpg", "card-0076.jpg", "card-0082.jpg"};
    EXPECT_EQ(warned, expected);
}

}  // namespace
