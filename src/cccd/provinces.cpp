#include "cccd/provinces.hpp"

#include <array>
#include <string>
#include <vector>

#include "cccd/nfc.hpp"

namespace cccd {
namespace {

constexpr std::array<Province, 63> kProvinces{{
    {"001", "Hà Nội", "Hà Nội"},
    {"002", "Hà Giang", "Tuyên Quang"},
    {"004", "Cao Bằng", "Cao Bằng"},
    {"006", "Bắc Kạn", "Thái Nguyên"},
    {"008", "Tuyên Quang", "Tuyên Quang"},
    {"010", "Lào Cai", "Lào Cai"},
    {"011", "Điện Biên", "Điện Biên"},
    {"012", "Lai Châu", "Lai Châu"},
    {"014", "Sơn La", "Sơn La"},
    {"015", "Yên Bái", "Lào Cai"},
    {"017", "Hòa Bình", "Phú Thọ"},
    {"019", "Thái Nguyên", "Thái Nguyên"},
    {"020", "Lạng Sơn", "Lạng Sơn"},
    {"022", "Quảng Ninh", "Quảng Ninh"},
    {"024", "Bắc Giang", "Bắc Ninh"},
    {"025", "Phú Thọ", "Phú Thọ"},
    {"026", "Vĩnh Phúc", "Phú Thọ"},
    {"027", "Bắc Ninh", "Bắc Ninh"},
    {"030", "Hải Dương", "Hải Phòng"},
    {"031", "Hải Phòng", "Hải Phòng"},
    {"033", "Hưng Yên", "Hưng Yên"},
    {"034", "Thái Bình", "Hưng Yên"},
    {"035", "Hà Nam", "Ninh Bình"},
    {"036", "Nam Định", "Ninh Bình"},
    {"037", "Ninh Bình", "Ninh Bình"},
    {"038", "Thanh Hóa", "Thanh Hóa"},
    {"040", "Nghệ An", "Nghệ An"},
    {"042", "Hà Tĩnh", "Hà Tĩnh"},
    {"044", "Quảng Bình", "Quảng Trị"},
    {"045", "Quảng Trị", "Quảng Trị"},
    {"046", "Thừa Thiên Huế", "Huế"},
    {"048", "Đà Nẵng", "Đà Nẵng"},
    {"049", "Quảng Nam", "Đà Nẵng"},
    {"051", "Quảng Ngãi", "Quảng Ngãi"},
    {"052", "Bình Định", "Gia Lai"},
    {"054", "Phú Yên", "Đắk Lắk"},
    {"056", "Khánh Hòa", "Khánh Hòa"},
    {"058", "Ninh Thuận", "Khánh Hòa"},
    {"060", "Bình Thuận", "Lâm Đồng"},
    {"062", "Kon Tum", "Quảng Ngãi"},
    {"064", "Gia Lai", "Gia Lai"},
    {"066", "Đắk Lắk", "Đắk Lắk"},
    {"067", "Đắk Nông", "Lâm Đồng"},
    {"068", "Lâm Đồng", "Lâm Đồng"},
    {"070", "Bình Phước", "Đồng Nai"},
    {"072", "Tây Ninh", "Tây Ninh"},
    {"074", "Bình Dương", "Hồ Chí Minh"},
    {"075", "Đồng Nai", "Đồng Nai"},
    {"077", "Bà Rịa - Vũng Tàu", "Hồ Chí Minh"},
    {"079", "Hồ Chí Minh", "Hồ Chí Minh"},
    {"080", "Long An", "Tây Ninh"},
    {"082", "Tiền Giang", "Đồng Tháp"},
    {"083", "Bến Tre", "Vĩnh Long"},
    {"084", "Trà Vinh", "Vĩnh Long"},
    {"086", "Vĩnh Long", "Vĩnh Long"},
    {"087", "Đồng Tháp", "Đồng Tháp"},
    {"089", "An Giang", "An Giang"},
    {"091", "Kiên Giang", "An Giang"},
    {"092", "Cần Thơ", "Cần Thơ"},
    {"093", "Hậu Giang", "Cần Thơ"},
    {"094", "Sóc Trăng", "Cần Thơ"},
    {"095", "Bạc Liêu", "Cà Mau"},
    {"096", "Cà Mau", "Cà Mau"},
}};

// Other spellings seen on cards and forms, mapped to a code. "Hòa"/"Hoà" differ only in tone-mark
// placement (old vs new style), which NFC does not unify, so both are listed.
struct Alias {
    std::string_view text;
    std::string_view code;
};
constexpr Alias kAliases[] = {
    {"Huế", "046"},           {"Thừa Thiên - Huế", "046"}, {"Hồ Chí Minh City", "079"},
    {"Sài Gòn", "079"},       {"HCM", "079"},              {"Bà Rịa Vũng Tàu", "077"},
    {"Bà Rịa-Vũng Tàu", "077"}, {"Hoà Bình", "017"},       {"Thanh Hoá", "038"},
    {"Khánh Hoà", "056"},     {"Đăk Lăk", "066"},          {"Đắc Lắc", "066"},
    {"Đắk Lắc", "066"},       {"Đăk Nông", "067"},         {"Đắc Nông", "067"},
    {"Kontum", "062"},        {"Hà Nội City", "001"},      {"Hanoi", "001"},
    {"TPHCM", "079"},         {"HCMC", "079"},             {"Saigon", "079"},
};

// Administrative prefixes written before a province name.
constexpr std::string_view kPrefixes[] = {"thành phố ", "tỉnh ", "tp. ", "tp.", "tp ", "t.p. ", "t.p.", "t.p ",
                                         "t. ",        "t."};

std::string strip_prefix(std::string key) {
    for (auto p : kPrefixes)
        if (key.starts_with(p)) return key.substr(p.size());  // prefixes are lower case, NFC already
    return key;
}

// Match keys of every name and alias, computed once: a lookup is then only string compares.
struct NameKey {
    std::string exact, loose;
    const Province* province;
};

const std::vector<NameKey>& name_keys() {
    static const std::vector<NameKey> keys = [] {
        std::vector<NameKey> k;
        for (const auto& p : kProvinces) k.push_back({match_key(p.name, false), match_key(p.name, true), &p});
        for (const auto& a : kAliases)
            k.push_back({match_key(a.text, false), match_key(a.text, true), province_by_code(a.code)});
        return k;
    }();
    return keys;
}

const Province* search(const std::string& key, bool strip_marks) {
    for (const auto& k : name_keys())
        if ((strip_marks ? k.loose : k.exact) == key) return k.province;
    return nullptr;
}

std::string trim_spaces(std::string s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '.')) s.pop_back();
    size_t b = s.find_first_not_of(' ');
    return b == std::string::npos ? std::string{} : s.substr(b);
}

}  // namespace

std::span<const Province> all_provinces() { return kProvinces; }

const Province* province_by_code(std::string_view code) {
    for (const auto& p : kProvinces)
        if (p.code == code) return &p;
    return nullptr;
}

ProvinceMatch province_by_name(std::string_view text) {
    const std::string exact = trim_spaces(strip_prefix(match_key(text, false)));
    if (const auto* p = search(exact, false)) return {p, true};
    const std::string loose = trim_spaces(strip_prefix(match_key(text, true)));
    // Without diacritics the prefixes read "thanh pho", "tinh".
    std::string l = loose;
    for (std::string_view p : {"thanh pho ", "tinh "})
        if (l.starts_with(p)) l = l.substr(p.size());
    if (const auto* p = search(l, true)) return {p, false};
    return {};
}

}  // namespace cccd
