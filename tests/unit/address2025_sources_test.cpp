// The shipped table (from zindont/vietnam-address-kit) against a second, independent source
// (dvhcvn/20250701's mapping/splits.json, as data/address2025-dvhcvn.tsv): both are compiled from the
// same resolutions by different people. The test lists every old commune on which they differ, so that
// a rebuild that changes them shows up in review, and holds them to agreeing on almost all.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>

#include "cccd/address2025.hpp"
#include "support/read_file.hpp"

namespace cccd {
namespace {

std::set<std::string> split_codes(const std::string& list) {
    std::set<std::string> out;
    std::stringstream s(list);
    for (std::string code; std::getline(s, code, ',');)
        if (!code.empty()) out.insert(code);
    return out;
}

TEST(Address2025Sources, TwoSourcesAgreeAndTheirDifferencesAreListed) {
    Address2025Table kit;
    std::string error;
    ASSERT_TRUE(load_address2025(testsupport::read_file(std::string(CCCD_REPO_DIR) + "/data/address2025.tsv"), kit, error)) << error;
    std::map<std::string, std::set<std::string>> other;
    std::stringstream lines(testsupport::read_file(std::string(CCCD_REPO_DIR) + "/data/address2025-dvhcvn.tsv"));
    for (std::string line; std::getline(lines, line);) {
        if (line.empty() || line[0] == '#') continue;
        const size_t tab = line.find('\t');
        ASSERT_NE(tab, std::string::npos) << line;
        other[line.substr(0, tab)] = split_codes(line.substr(tab + 1));
    }
    ASSERT_GE(other.size(), 10000u);
    std::map<std::string, std::string> newNames;
    for (const AdminUnit& c : kit.newCommunes) newNames[c.code] = c.name;
    const auto names = [&](const std::set<std::string>& codes) {
        std::string out;
        for (const std::string& c : codes) out += (out.empty() ? "" : ", ") + newNames[c] + " " + c;
        return out;
    };
    int same = 0, missing = 0, differ = 0;
    for (const OldCommune& c : kit.oldCommunes) {
        const auto it = other.find(c.unit.code);
        if (it == other.end()) {
            ++missing;
            std::printf("[sources] %s %s: only in the shipped table\n", c.unit.code.c_str(), c.unit.name.c_str());
            continue;
        }
        const std::set<std::string> ours(c.newCodes.begin(), c.newCodes.end());
        if (ours == it->second) {
            ++same;
            continue;
        }
        ++differ;
        std::printf("[sources] %s %s: shipped {%s}, dvhcvn {%s}\n", c.unit.code.c_str(), c.unit.name.c_str(), names(ours).c_str(),
                    names(it->second).c_str());
    }
    std::printf("[sources] %zu old communes: %d the same, %d differ, %d only in the shipped table\n", kit.oldCommunes.size(), same,
                differ, missing);
    EXPECT_EQ(missing, 0);
    // 10,002 of 10,033 agree (2026-12-04); a rebuild that loses agreement needs a look.
    EXPECT_GE(same * 1000, static_cast<int>(kit.oldCommunes.size()) * 995);
}

}  // namespace
}  // namespace cccd
