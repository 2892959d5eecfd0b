// map_address_2025 over the whole shipped table (data/address2025.tsv): every old commune, as cards print
// it, maps to the communes the official conversion table says; spellings, splits, new-style addresses
// and garbage.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "cccd/address2025.hpp"
#include "support/read_file.hpp"
#include "cccd/nfc.hpp"

namespace cccd {
namespace {

const Address2025Table& table() {
    static const Address2025Table t = [] {
        Address2025Table loaded;
        std::string error;
        const bool ok = load_address2025(testsupport::read_file(std::string(CCCD_REPO_DIR) + "/data/address2025.tsv"), loaded, error);
        EXPECT_TRUE(ok) << error;
        return loaded;
    }();
    return t;
}

std::string word(const std::string& type) {
    static const std::map<std::string, std::string> words = {
        {"xa", "Xã"}, {"phuong", "Phường"}, {"tt", "Thị trấn"}, {"dackhu", "Đặc khu"}, {"huyen", "Huyện"},
        {"quan", "Quận"}, {"tx", "Thị xã"}, {"tp", "Thành phố"}, {"tinh", "Tỉnh"}};
    return words.at(type);
}

const AdminUnit& find(const std::vector<AdminUnit>& units, const std::string& code) {
    for (const AdminUnit& u : units)
        if (u.code == code) return u;
    ADD_FAILURE() << "no unit " << code;
    return units.front();
}

std::set<std::string> codes_of(const Address2025& r) {
    std::set<std::string> out;
    for (const NewCommune& c : r.candidates) out.insert(c.communeCode);
    return out;
}

// Communes of one district whose names read alike (without marks when `plain`), so that an address
// naming one of them without its unit word may mean any.
std::set<std::string> expected_for(const OldCommune& c, bool typed, bool plain) {
    std::set<std::string> out;
    for (const OldCommune& o : table().oldCommunes) {
        if (o.unit.parent != c.unit.parent) continue;
        if (plain ? o.unit.key != c.unit.key : o.unit.exactKey != c.unit.exactKey) continue;
        if (typed && o.unit.type != c.unit.type) continue;
        out.insert(o.newCodes.begin(), o.newCodes.end());
    }
    return out;
}

TEST(Address2025, TableHoldsTheWholeReform) {
    EXPECT_EQ(table().newProvinces.size(), 34u);
    EXPECT_EQ(table().oldProvinces.size(), 63u);
    EXPECT_GE(table().newCommunes.size(), 3300u);
    EXPECT_GE(table().oldCommunes.size(), 10000u);
    EXPECT_GE(table().oldDistricts.size(), 690u);
}

// Every old commune, written in full as the card prints it ("Thôn 3, Xã X, Huyện Y, Tỉnh Z"), bare
// ("X, Y, Z"), and bare in lower case without diacritics ("x, y, z"): the new communes the table gives it, all of them, nothing else.
TEST(Address2025, EveryOldCommuneMapsAsTheTableSays) {
    int checked = 0, ambiguous = 0, failures = 0;
    for (const OldCommune& c : table().oldCommunes) {
        const AdminUnit& d = find(table().oldDistricts, c.unit.parent);
        const AdminUnit& p = find(table().oldProvinces, d.parent);
        const std::string full = "Thôn 3, " + word(c.unit.type) + " " + c.unit.name + ", " + word(d.type) + " " + d.name + ", " +
                                 word(p.type) + " " + p.name;
        const std::string bare = c.unit.name + ", " + d.name + ", " + p.name;
        struct Form {
            std::string text;
            std::set<std::string> want;
        };
        const Form forms[] = {{full, expected_for(c, true, false)},
                              {bare, expected_for(c, false, false)},
                              {match_key(bare, true), expected_for(c, false, true)}};
        for (const Form& f : forms) {
            const Address2025 r = map_address_2025(table(), f.text);
            const bool ok = r.match == (f.want.size() == 1 ? Address2025Match::one : Address2025Match::ambiguous) && codes_of(r) == f.want;
            if (!ok && ++failures <= 20)
                ADD_FAILURE() << f.text << ": " << to_string(r.match) << " " << r.reason << " (" << r.candidates.size() << " candidates, want "
                              << f.want.size() << ")";
            ++checked;
            ambiguous += r.match == Address2025Match::ambiguous;
        }
    }
    EXPECT_EQ(failures, 0);
    std::printf("[address2025] %d addresses checked, %d ambiguous\n", checked, ambiguous);
}

TEST(Address2025, OneMatchGivesTheNewAddress) {
    // Phường Phúc Xá, Quận Ba Đình became part of Phường Hồng Hà (table: 00001 -> 00097).
    const Address2025 r = map_address_2025(table(), "Số 12, Ngõ 5, Phường Phúc Xá, Quận Ba Đình, Thành phố Hà Nội");
    ASSERT_EQ(r.match, Address2025Match::one) << r.reason;
    EXPECT_EQ(r.place.communeCode, "00097");
    EXPECT_EQ(r.place.commune, "Phường Hồng Hà");
    EXPECT_EQ(r.place.province, "Thành phố Hà Nội");
    EXPECT_EQ(r.place.provinceCode, "01");
    EXPECT_EQ(r.address, "Số 12, Ngõ 5, Phường Hồng Hà, Thành phố Hà Nội");
}

TEST(Address2025, SpellingsCardsUse) {
    const std::string want = map_address_2025(table(), "Phường Phúc Xá, Quận Ba Đình, Thành phố Hà Nội").place.communeCode;
    ASSERT_EQ(want, "00097");
    for (const char* text : {"P. Phúc Xá, Q. Ba Đình, TP. Hà Nội", "P.Phúc Xá, Q.Ba Đình, Hà Nội", "Phúc Xá, Ba Đình, Hà Nội",
                             "PHUONG PHUC XA, QUAN BA DINH, HA NOI", "phuc xa, ba dinh, ha noi", "Phường  Phúc Xá ,Quận Ba Đình,Hà Nội, Việt Nam"}) {
        const Address2025 r = map_address_2025(table(), text);
        EXPECT_EQ(r.match, Address2025Match::one) << text << ": " << r.reason;
        EXPECT_EQ(r.place.communeCode, want) << text;
    }
}

TEST(Address2025, NumberedWardsAndAbbreviatedCities) {
    for (const char* text : {"Phường 1, Quận 3, Thành phố Hồ Chí Minh", "P.1, Q.3, TP.HCM", "Phường 01, Quận 3, TPHCM", "Phuong 1, Quan 3, Ho Chi Minh"}) {
        const Address2025 r = map_address_2025(table(), text);
        EXPECT_NE(r.match, Address2025Match::unknown) << text << ": " << r.reason;
        EXPECT_EQ(r.place.provinceCode, "79") << text;
    }
    // Phường 1 of Quận 3 and Phường 1 of Quận 10 are different communes.
    EXPECT_NE(codes_of(map_address_2025(table(), "Phường 1, Quận 3, TP. Hồ Chí Minh")),
              codes_of(map_address_2025(table(), "Phường 1, Quận 10, TP. Hồ Chí Minh")));
}

TEST(Address2025, SplitCommuneListsEveryCandidateAndGuessesNone) {
    // Phường Ngọc Hà (Ba Đình) was split between Phường Ba Đình and Phường Ngọc Hà (table: 00016).
    const Address2025 r = map_address_2025(table(), "Phường Ngọc Hà, Quận Ba Đình, Hà Nội");
    ASSERT_EQ(r.match, Address2025Match::ambiguous);
    EXPECT_TRUE(r.place.commune.empty());
    EXPECT_TRUE(r.place.communeCode.empty());
    EXPECT_EQ(r.place.provinceCode, "01");
    EXPECT_TRUE(r.address.empty());
    std::set<std::string> want;
    for (const OldCommune& c : table().oldCommunes)
        if (c.unit.code == "00016") want.insert(c.newCodes.begin(), c.newCodes.end());
    EXPECT_GE(want.size(), 2u);
    EXPECT_EQ(codes_of(r), want);
}

TEST(Address2025, SameNameInTwoDistrictsTakesTheDistrictWritten) {
    // Many districts have a commune of the same name; the district decides.
    std::map<std::pair<std::string, std::string>, std::vector<const OldCommune*>> byProvinceAndName;
    for (const OldCommune& c : table().oldCommunes)
        byProvinceAndName[{find(table().oldDistricts, c.unit.parent).parent, c.unit.exactKey}].push_back(&c);
    int tried = 0;
    for (const auto& [key, list] : byProvinceAndName) {
        if (list.size() < 2 || list[0]->newCodes == list[1]->newCodes || list[0]->unit.parent == list[1]->unit.parent) continue;
        for (const OldCommune* c : {list[0], list[1]}) {
            const AdminUnit& d = find(table().oldDistricts, c->unit.parent);
            const AdminUnit& p = find(table().oldProvinces, d.parent);
            const Address2025 r = map_address_2025(table(), word(c->unit.type) + " " + c->unit.name + ", " + word(d.type) + " " + d.name + ", " + p.name);
            EXPECT_EQ(codes_of(r), expected_for(*c, true, false)) << c->unit.name << ", " << d.name;
        }
        if (++tried == 50) break;
    }
    EXPECT_EQ(tried, 50);
}

TEST(Address2025, AlreadyNewAddressIsRecognised) {
    for (const char* text : {"Số 5, Phường Hồng Hà, Thành phố Hà Nội", "Thôn 2, Hồng Hà, Hà Nội"}) {
        const Address2025 r = map_address_2025(table(), text);
        ASSERT_EQ(r.match, Address2025Match::already_new) << text << ": " << r.reason;
        EXPECT_EQ(r.place.communeCode, "00097");
        EXPECT_EQ(r.place.commune, "Phường Hồng Hà");
        EXPECT_EQ(r.place.province, "Thành phố Hà Nội");
    }
    // Every new commune, written the new way with its province.
    int failures = 0;
    for (const AdminUnit& c : table().newCommunes) {
        const AdminUnit& p = find(table().newProvinces, c.parent);
        const Address2025 r = map_address_2025(table(), "Thôn 1, " + word(c.type) + " " + c.name + ", " + word(p.type) + " " + p.name);
        const bool ok = (r.match == Address2025Match::already_new && r.place.communeCode == c.code) ||
                        (r.match == Address2025Match::ambiguous && codes_of(r).count(c.code) == 1);
        if (!ok && ++failures <= 10) ADD_FAILURE() << c.name << ", " << p.name << ": " << to_string(r.match) << " " << r.reason;
    }
    EXPECT_EQ(failures, 0);
}

TEST(Address2025, RenamedCommunesAreFoundByTheirFormerName) {
    int tried = 0;
    for (const OldCommune& c : table().oldCommunes) {
        if (c.formerKeys.empty()) continue;
        // A former name that another commune of the district bears today means that one.
        if (std::any_of(table().oldCommunes.begin(), table().oldCommunes.end(),
                        [&](const OldCommune& o) { return o.unit.parent == c.unit.parent && o.unit.key == c.formerKeys[0]; }))
            continue;
        const AdminUnit& d = find(table().oldDistricts, c.unit.parent);
        const AdminUnit& p = find(table().oldProvinces, d.parent);
        const Address2025 r = map_address_2025(table(), c.formerKeys[0] + ", " + d.name + ", " + p.name);
        EXPECT_NE(r.match, Address2025Match::unknown) << c.formerKeys[0] << ", " << d.name << ": " << r.reason;
        for (const std::string& code : c.newCodes) EXPECT_EQ(codes_of(r).count(code), 1u) << c.formerKeys[0];
        ++tried;
    }
    EXPECT_GE(tried, 400);
}

TEST(Address2025, ACommuneMovedToANewDistrictIsFoundWhenItsNameIsUniqueInTheProvince) {
    // Thị xã Chũ was made from Huyện Lục Ngạn in 2025; a 2021 card still says Xã Phượng Sơn, Huyện Lục Ngạn.
    const Address2025 moved = map_address_2025(table(), "Thôn Kép, Xã Phượng Sơn, Huyện Lục Ngạn, Tỉnh Bắc Giang");
    const Address2025 now = map_address_2025(table(), "Thôn Kép, Phường Phượng Sơn, Thị xã Chũ, Tỉnh Bắc Giang");
    ASSERT_EQ(moved.match, Address2025Match::one) << moved.reason;
    EXPECT_EQ(codes_of(moved), codes_of(now));
    EXPECT_EQ(moved.address, now.address);
    // A name borne by several communes of the province is not taken from another district.
    std::map<std::string, int> perProvince;
    const OldCommune* repeated = nullptr;
    for (const OldCommune& c : table().oldCommunes)
        if (++perProvince[find(table().oldDistricts, c.unit.parent).parent + c.unit.exactKey] == 2 && !repeated) repeated = &c;
    ASSERT_NE(repeated, nullptr);
    const AdminUnit& d = find(table().oldDistricts, repeated->unit.parent);
    for (const AdminUnit& other : table().oldDistricts) {
        if (other.parent != d.parent || other.code == d.code) continue;
        bool has = false;
        for (const OldCommune& c : table().oldCommunes) has = has || (c.unit.parent == other.code && c.unit.exactKey == repeated->unit.exactKey);
        if (has) continue;
        const Address2025 r = map_address_2025(table(), repeated->unit.name + ", " + word(other.type) + " " + other.name + ", " +
                                                            find(table().oldProvinces, d.parent).name);
        EXPECT_EQ(r.match, Address2025Match::unknown) << repeated->unit.name << " in " << other.name;
        break;
    }
}

TEST(Address2025, ADistrictNotInTheProvinceIsNotGuessedAround) {
    // Phường Xuân Khánh exists in Hà Nội (Sơn Tây), Quận Hải Châu does not (it is in Đà Nẵng): a made-up
    // or mistyped address, not a reason to pick the Xuân Khánh of Sơn Tây.
    const Address2025 r = map_address_2025(table(), "Tổ 12, Phường Xuân Khánh, Quận Hải Châu, Hà Nội");
    EXPECT_EQ(r.match, Address2025Match::unknown);
    EXPECT_EQ(r.reason, "no district Quận Hải Châu in Hà Nội");
    // Without a district, a commune named with its unit word is sought in the whole province.
    const Address2025 alone = map_address_2025(table(), "Tổ 12, Phường Xuân Khánh, Hà Nội");
    EXPECT_NE(alone.match, Address2025Match::unknown) << alone.reason;
    // A commune not in the district written.
    EXPECT_EQ(map_address_2025(table(), "Phường Hải Châu I, Quận Ba Đình, Hà Nội").reason,
              "no commune Phường Hải Châu I in Quận Ba Đình, Hà Nội");
}

TEST(Address2025, GarbageIsUnknownWithAReason) {
    for (const char* text : {"", "   ", ",,,", "Số 1, Đường Lê Lợi", "Phường Không Có, Quận 1, TP. Hồ Chí Minh", "Xã A, Huyện B, Tỉnh Không Có",
                             "\xff\xfe", "Phường Phúc Xá, Quận Không Có, Thành phố Hồ Chí Minh"}) {
        const Address2025 r = map_address_2025(table(), text);
        EXPECT_EQ(r.match, Address2025Match::unknown) << text;
        EXPECT_FALSE(r.reason.empty()) << text;
        EXPECT_TRUE(r.candidates.empty()) << text;
    }
}

TEST(Address2025, MalformedTableIsRefusedWithAMessage) {
    Address2025Table t;
    std::string error;
    EXPECT_FALSE(load_address2025("", t, error));
    EXPECT_FALSE(error.empty());
    EXPECT_FALSE(load_address2025("P\t01\tHà Nội\ttp\nX\tnonsense\n", t, error));
    EXPECT_NE(error.find("line 2"), std::string::npos) << error;
    EXPECT_TRUE(t.empty());
    const Address2025 r = map_address_2025(t, "Phường Phúc Xá, Quận Ba Đình, Hà Nội");
    EXPECT_EQ(r.match, Address2025Match::unknown);
    EXPECT_EQ(r.reason, "the address table is not loaded");
}

}  // namespace
}  // namespace cccd
