// Corpus test: every payload of the synthetic card photos (cccd-synth/normal and /hard, index.jsonl) parses
// to exactly the fields recorded next to it, and warns "issued-under-14" exactly where the recorded dates
// say the card was issued before its holder turned 14.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "support/unavailable.hpp"
#include "cccd/card_json.hpp"
#include "cccd/parse_card.hpp"
#include "cccd/date.hpp"
#include "support/corpus_index.hpp"
#include "support/mini_json.hpp"

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

const std::string kSynth = testsupport::corpus_dir() + "/cccd-synth";

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

// The cards whose recorded dates put the issue before the holder's 14th birthday (the 2014 law's age for a
// CCCD): the parser must warn on exactly these, and still accept them.
std::set<std::string> issued_under_14(const std::vector<Card>& cards) {
    std::set<std::string> files;
    for (const auto& c : cards) {
        const auto dob = cccd::parse_ddmmyyyy(c.dob), issued = cccd::parse_ddmmyyyy(c.issued);
        if (dob && issued && cccd::whole_years_between(*dob, *issued) < 14) files.insert(c.file);
    }
    return files;
}

// Checks every card of one index (as many as the corpus's floors say it holds), and where it warns.
void check_corpus(const std::string& subset, size_t expectedCount) {
    const std::string path = kSynth + "/" + subset + "/index.jsonl";
    if (!std::filesystem::exists(path)) CCCD_UNAVAILABLE() << "corpus not found: " << path << " (set CCCD_CORPUS_DIR)";
    const auto cards = load(path);
    EXPECT_EQ(cards.size(), expectedCount) << path;
    std::set<std::string> warned;
    for (const auto& c : cards) check_card(subset, c, "issued-under-14", warned);
    EXPECT_EQ(warned, issued_under_14(cards));
}

TEST(CardPayloadCorpus, NormalCardsParseToTheirRecordedFields) {
    check_corpus("normal", testsupport::corpus_floors(testsupport::corpus_dir()).normalCards);
}

// In the shared corpus four invented people got their chip CCCD at 13: a warning, still ok.
TEST(CardPayloadCorpus, HardCardsParseToTheirRecordedFields) {
    check_corpus("hard", testsupport::corpus_floors(testsupport::corpus_dir()).hardCards);
}

}  // namespace
