#include "cccd/address.hpp"

#include <vector>

#include "cccd/nfc.hpp"
#include "cccd/provinces.hpp"

namespace cccd {
namespace {

enum class Level { none, street, ward, district };

// Prefixes of administrative units, compared on the lower-case NFC key, so "PHƯỜNG" counts but "Quán
// Thánh" (a ward's name) is not "Quận". Text written without any diacritics is compared on the
// diacritic-free forms instead ("Phuong 1", "Quan 3").
constexpr std::string_view kWardPrefixes[] = {"phường ", "xã ", "thị trấn ", "đặc khu ", "p.", "tt.", "x."};
constexpr std::string_view kDistrictPrefixes[] = {"quận ", "huyện ", "thị xã ", "thành phố ", "tp.", "tp ",
                                                  "q.",     "h.",     "tx."};
constexpr std::string_view kWardPrefixesPlain[] = {"phuong ", "xa ", "thi tran ", "dac khu "};
constexpr std::string_view kDistrictPrefixesPlain[] = {"quan ", "huyen ", "thi xa ", "thanh pho "};
// Parts that are visibly below the ward: house numbers, streets, alleys, hamlets, residential groups.
constexpr std::string_view kStreetPrefixes[] = {
    "số ", "đường ", "phố ", "ngõ ", "ngách ", "hẻm ", "kiệt ", "tổ ", "ấp ", "thôn ", "xóm ", "bản ",
    "khóm ", "khu ", "lô ", "căn ", "chung cư ", "tòa ", "km"};
constexpr std::string_view kCountry[] = {"việt nam", "viet nam", "vietnam", "vn"};

bool starts_with_any(const std::string& key, std::span<const std::string_view> prefixes) {
    for (auto p : prefixes)
        if (key.starts_with(p)) return true;
    return false;
}

Level level_of(std::string_view part) {
    const std::string key = match_key(part, false);
    if (starts_with_any(key, kWardPrefixes)) return Level::ward;
    if (starts_with_any(key, kDistrictPrefixes)) return Level::district;
    if (starts_with_any(key, kStreetPrefixes) || (!key.empty() && key[0] >= '0' && key[0] <= '9')) return Level::street;
    if (has_diacritics(part)) return Level::none;
    const std::string plain = match_key(part, true);
    if (starts_with_any(plain, kWardPrefixesPlain)) return Level::ward;
    if (starts_with_any(plain, kDistrictPrefixesPlain)) return Level::district;
    return Level::none;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

}  // namespace

bool is_country(std::string_view part) {
    const std::string key = match_key(part, false);
    for (auto c : kCountry)
        if (key == c) return true;
    return false;
}

std::vector<std::string_view> split_commas(std::string_view text) {
    std::vector<std::string_view> parts;
    size_t start = 0;
    for (size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == ',') {
            auto p = trim(text.substr(start, i - start));
            if (!p.empty()) parts.push_back(p);
            start = i + 1;
        }
    }
    return parts;
}

std::string join(std::span<const std::string_view> parts) {
    std::string out;
    for (auto p : parts) {
        if (!out.empty()) out += ", ";
        out += p;
    }
    return out;
}

AddressParts split_address(std::string_view address) {
    AddressParts out;
    auto parts = split_commas(address);
    if (!parts.empty() && is_country(parts.back())) parts.pop_back();
    if (parts.empty()) return out;

    // The province is the last part unless that part is visibly a ward or district.
    const Level last = level_of(parts.back());
    if (last == Level::none || province_by_name(parts.back()).province) {
        out.province = parts.back();
        parts.pop_back();
        if (auto m = province_by_name(out.province); m.province) {
            out.provinceCode = m.province->code;
            out.provinceName = m.province->name;
            out.provinceSince2025 = m.province->since2025;
            out.provinceExact = m.exact;
        }
    }

    bool any_prefix = false;
    for (auto p : parts) any_prefix = any_prefix || level_of(p) == Level::ward || level_of(p) == Level::district;

    if (any_prefix) {
        // Take the district and ward nearest the end; everything before the ward is the street.
        size_t end = parts.size();
        if (end > 0 && level_of(parts[end - 1]) == Level::district) {
            out.district = parts[--end];
            // A ward written without its prefix sits just before the district ("Bến Nghé, Quận 1"),
            // as long as something (a house or street) stands before it.
            if (end > 1 && level_of(parts[end - 1]) == Level::none) out.ward = parts[--end];
        }
        if (out.ward.empty() && end > 0 && level_of(parts[end - 1]) == Level::ward) out.ward = parts[--end];
        out.street = join(std::span(parts).first(end));
    } else {
        // No prefixes: the names after the last street-level part are, from the end, district and
        // ward; with only one, it is the ward (since 1 July 2025 addresses have no district).
        size_t end = parts.size();
        size_t named = 0;
        while (named < 2 && end > 0 && level_of(parts[end - 1]) == Level::none && (end > 1 || named == 0)) {
            --end;
            ++named;
        }
        if (named == 2) {
            out.district = parts[end + 1];
            out.ward = parts[end];
        } else if (named == 1 && end > 0) {
            out.ward = parts[end];
        } else {
            end += named;  // a single bare name is a street or hamlet, not a ward
        }
        out.street = join(std::span(parts).first(end));
    }
    return out;
}

}  // namespace cccd
