// Tests for src/cccd/provinces.cpp: the 63 province codes (Thông tư 07/2016/TT-BCA) and the 2025 merger
// into 34 provinces (Nghị quyết 202/2025/QH15).
#include "cccd/provinces.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "cccd/nfc.hpp"

namespace {

using cccd::province_by_code;
using cccd::province_by_name;

// The codes of Thông tư 07/2016/TT-BCA, Phụ lục (written out independently of the source table).
const std::vector<std::string> kOfficialCodes = {
    "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022", "024", "025",
    "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042", "044", "045", "046", "048",
    "049", "051", "052", "054", "056", "058", "060", "062", "064", "066", "067", "068", "070", "072", "074", "075",
    "077", "079", "080", "082", "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096"};

// The 34 provinces from 1 July 2025.
const std::set<std::string> kProvinces2025 = {
    "Hà Nội",     "Huế",        "Lai Châu",    "Điện Biên",   "Sơn La",      "Lạng Sơn",   "Quảng Ninh",
    "Thanh Hóa",  "Nghệ An",    "Hà Tĩnh",     "Cao Bằng",    "Tuyên Quang", "Lào Cai",    "Thái Nguyên",
    "Phú Thọ",    "Bắc Ninh",   "Hưng Yên",    "Hải Phòng",   "Ninh Bình",   "Quảng Trị",  "Đà Nẵng",
    "Quảng Ngãi", "Gia Lai",    "Khánh Hòa",   "Lâm Đồng",    "Đắk Lắk",     "Hồ Chí Minh", "Đồng Nai",
    "Tây Ninh",   "Cần Thơ",    "Vĩnh Long",   "Đồng Tháp",   "Cà Mau",      "An Giang"};

TEST(Provinces, ListHas63EntriesWithTheOfficialCodesInOrder) {
    const auto all = cccd::all_provinces();
    ASSERT_EQ(all.size(), 63u);
    std::vector<std::string> codes;
    for (const auto& p : all) codes.emplace_back(p.code);
    EXPECT_EQ(codes, kOfficialCodes);
}

TEST(Provinces, CodesAndNamesAreUnique) {
    std::set<std::string_view> codes, names;
    for (const auto& p : cccd::all_provinces()) {
        EXPECT_TRUE(codes.insert(p.code).second) << "duplicate code " << p.code;
        EXPECT_TRUE(names.insert(p.name).second) << "duplicate name " << p.name;
        EXPECT_EQ(p.code.size(), 3u);
        EXPECT_EQ(p.code.find_first_not_of("0123456789"), std::string_view::npos);
    }
    EXPECT_EQ(codes.size(), 63u);
}

TEST(Provinces, Since2025TakesExactlyThe34MergedProvinces) {
    std::set<std::string> since;
    for (const auto& p : cccd::all_provinces()) since.emplace(p.since2025);
    EXPECT_EQ(since.size(), 34u);
    EXPECT_EQ(since, kProvinces2025);
}

TEST(Provinces, ElevenProvincesWereNotMerged) {
    std::map<std::string, int> members;
    for (const auto& p : cccd::all_provinces()) ++members[std::string(p.since2025)];
    std::set<std::string> alone;
    for (const auto& [name, n] : members)
        if (n == 1) alone.insert(name);
    const std::set<std::string> expected = {"Hà Nội",  "Huế",        "Lai Châu",  "Điện Biên", "Sơn La", "Lạng Sơn",
                                            "Quảng Ninh", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Cao Bằng"};
    EXPECT_EQ(alone, expected);
}

TEST(Provinces, EveryMergedProvinceNameIsRecognisedAndMapsToItself) {
    for (const auto& name : kProvinces2025) {
        SCOPED_TRACE(name);
        const auto m = province_by_name(name);
        ASSERT_NE(m.province, nullptr);
        EXPECT_TRUE(m.exact);
        EXPECT_EQ(m.province->since2025, name);
    }
}

TEST(ProvinceByCode, FindsEveryProvinceAndNothingElse) {
    for (const auto& p : cccd::all_provinces()) EXPECT_EQ(province_by_code(p.code), &p);
    for (const char* bad : {"000", "003", "005", "097", "099", "100", "", "01", "0011", "01a", " 01"})
        EXPECT_EQ(province_by_code(bad), nullptr) << '"' << bad << '"';
}

TEST(ProvinceByCode, KnownMappings) {
    struct Case { const char* code; const char* name; const char* since2025; };
    const std::vector<Case> cases = {
        {"001", "Hà Nội", "Hà Nội"},           {"079", "Hồ Chí Minh", "Hồ Chí Minh"},
        {"074", "Bình Dương", "Hồ Chí Minh"},  {"077", "Bà Rịa - Vũng Tàu", "Hồ Chí Minh"},
        {"046", "Thừa Thiên Huế", "Huế"},      {"049", "Quảng Nam", "Đà Nẵng"},
        {"052", "Bình Định", "Gia Lai"},       {"062", "Kon Tum", "Quảng Ngãi"},
        {"036", "Nam Định", "Ninh Bình"},      {"030", "Hải Dương", "Hải Phòng"},
        {"096", "Cà Mau", "Cà Mau"},           {"095", "Bạc Liêu", "Cà Mau"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.code);
        const auto* p = province_by_code(c.code);
        ASSERT_NE(p, nullptr);
        EXPECT_EQ(p->name, c.name);
        EXPECT_EQ(p->since2025, c.since2025);
    }
}

struct NameCase {
    const char* name;
    std::string text;
    const char* code;  // nullptr: not recognised
    bool exact;
};

// Test names in ctest/gtest output show the case name, not the bytes of the struct.
void PrintTo(const NameCase& c, std::ostream* os) { *os << c.name; }

std::vector<NameCase> name_cases() {
    return {
        {"PlainName", "Hà Nội", "001", true},
        {"CityPrefixAbbreviated", "TP. Hồ Chí Minh", "079", true},
        {"CityPrefixAbbreviatedNoSpace", "TP.Hồ Chí Minh", "079", true},
        {"CityPrefixSpelledOut", "Thành phố Hà Nội", "001", true},
        {"CityPrefixLowerCase", "thành phố Hà Nội", "001", true},
        {"ProvincePrefix", "Tỉnh Nam Định", "036", true},
        {"ProvincePrefixAbbreviated", "T. Sóc Trăng", "094", true},
        {"HueAlone", "Huế", "046", true},
        {"HueCity", "Thành phố Huế", "046", true},
        {"HueFullName", "Tỉnh Thừa Thiên Huế", "046", true},
        {"HueHyphenated", "Thừa Thiên - Huế", "046", true},
        {"UpperCaseWithMarks", "HÀ NỘI", "001", true},
        {"DecomposedInput", "Ha\xCC\x80 No\xCC\xA3\xCC\x82i", "001", true},
        {"DecomposedWithPrefix", "Tha\xCC\x80nh pho\xCC\x82\xCC\x81 Hu\xE1\xBA\xBF", "046", true},
        {"SurroundingSpacesAndFinalDot", "  Hà Nội. ", "001", true},
        {"NoDiacriticsUpperCase", "HA NOI", "001", false},
        {"NoDiacriticsLowerCase", "ha noi", "001", false},
        {"NoDiacriticsWithProvincePrefix", "Tinh Nam Dinh", "036", false},
        {"NoDiacriticsWithCityPrefix", "THANH PHO HO CHI MINH", "079", false},
        {"NoDiacriticsHyphenated", "Ba Ria - Vung Tau", "077", false},
        {"HyphenWithoutSpaces", "Bà Rịa-Vũng Tàu", "077", true},
        {"HoChiMinhAbbreviation", "TP.HCM", "079", true},
        {"HoChiMinhAbbreviationSpaced", "TP. HCM", "079", true},
        {"HoChiMinhAbbreviationNoDot", "TP HCM", "079", true},
        {"SaiGon", "Sài Gòn", "079", true},
        {"OldTonePlacementHoa", "Hoà Bình", "017", true},
        {"NewTonePlacementHoa", "Hòa Bình", "017", true},
        {"OldTonePlacementThanhHoa", "Thanh Hoá", "038", true},
        {"DakLakVariantSpelling", "Đăk Lăk", "066", true},
        {"DakLak", "Đắk Lắk", "066", true},
        {"DakNong", "Đắk Nông", "067", true},
        {"KontumOneWord", "Kontum", "062", true},
        {"HaNamIsNotHaNoi", "Hà Nam", "035", true},
        {"HaNamWithoutMarks", "Ha Nam", "035", false},
        {"UnknownPlace", "Atlantis", nullptr, false},
        {"Empty", "", nullptr, false},
        {"OnlyPrefix", "Tỉnh ", nullptr, false},
        {"PartialName", "Hà", nullptr, false},
        {"District", "Quận 1", nullptr, false},
        {"NameWithExtraWord", "Hà Nội Mới", nullptr, false},
        {"Country", "Việt Nam", nullptr, false},
    };
}

class ProvinceByName : public testing::TestWithParam<NameCase> {};

TEST_P(ProvinceByName, Recognises) {
    const NameCase& c = GetParam();
    const auto m = province_by_name(c.text);
    if (!c.code) {
        EXPECT_EQ(m.province, nullptr) << "matched " << m.province->name;
        return;
    }
    ASSERT_NE(m.province, nullptr);
    EXPECT_EQ(m.province->code, c.code);
    EXPECT_EQ(m.exact, c.exact);
}

INSTANTIATE_TEST_SUITE_P(Table, ProvinceByName, testing::ValuesIn(name_cases()),
                         [](const testing::TestParamInfo<NameCase>& i) { return std::string(i.param.name); });

TEST(ProvinceByName, EveryCanonicalNameIsRecognisedExactlyWithAndWithoutPrefix) {
    for (const auto& p : cccd::all_provinces()) {
        SCOPED_TRACE(std::string(p.name));
        const std::string name(p.name);
        for (const std::string& text : {name, "Tỉnh " + name, "Thành phố " + name, "TP. " + name}) {
            const auto m = province_by_name(text);
            ASSERT_NE(m.province, nullptr) << text;
            EXPECT_EQ(m.province, &p) << text;
            EXPECT_TRUE(m.exact) << text;
        }
    }
}

TEST(ProvinceByName, NoTwoProvincesCollideWithoutDiacritics) {
    // A name stripped of its marks (as keyboards without Vietnamese input send it) still finds the same
    // province, never a different one, and says whether the match was exact.
    for (const auto& p : cccd::all_provinces()) {
        const std::string plain = cccd::match_key(p.name, true);
        SCOPED_TRACE(plain);
        const auto m = province_by_name(plain);
        ASSERT_NE(m.province, nullptr);
        EXPECT_EQ(m.province->code, p.code);
        EXPECT_EQ(m.exact, cccd::match_key(p.name, false) == plain) << "only names without marks match exactly";
    }
    EXPECT_EQ(province_by_name("QUANG NAM").province->code, "049");
    EXPECT_EQ(province_by_name("QUANG NINH").province->code, "022");
    EXPECT_EQ(province_by_name("QUANG NGAI").province->code, "051");
    EXPECT_EQ(province_by_name("DONG NAI").province->code, "075");
    EXPECT_EQ(province_by_name("DONG THAP").province->code, "087");
    EXPECT_EQ(province_by_name("LAM DONG").province->code, "068");
    EXPECT_EQ(province_by_name("BINH DINH").province->code, "052");
    EXPECT_EQ(province_by_name("BINH DUONG").province->code, "074");
}

// Spellings a clerk would type that the table does not know yet. Enable once supported.
TEST(ProvinceByName, CommonSpellingsNotYetRecognised) {
    EXPECT_NE(province_by_name("TPHCM").province, nullptr);
    EXPECT_NE(province_by_name("Hanoi").province, nullptr);
    EXPECT_NE(province_by_name("T.P Hồ Chí Minh").province, nullptr);
}

}  // namespace
