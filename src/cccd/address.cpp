#include "cccd/address.hpp"

#include <vector>

#include "cccd/nfc.hpp"
#include "cccd/provinces.hpp"

namespace cccd {
namespace {

enum class Level { none, ward, district };

// Prefixes compared on the diacritic-free lower-case key, so "PHƯỜNG", "Phuong" and "P." all count.
constexpr std::string_view kWardPrefixes[] = {"phuong ", "xa ", "thi tran ", "dac khu ", "p.", "tt.", "x."};
constexpr std::string_view kDistrictPrefixes[] = {"quan ", "huyen ", "thi xa ", "thanh pho ", "tp.", "tp ",
                                                  "q.",    "h.",     "tx."};

bool starts_with_any(const std::string& key, std::span<const std::string_view> prefixes) {
    for (auto p : prefixes)
        if (key.rfind(p, 0) == 0) return true;
    return false;
}

Level level_of(std::string_view part) {
    const std::string key = match_key(part, true);
    if (starts_with_any(key, kWardPrefixes)) return Level::ward;
    if (starts_with_any(key, kDistrictPrefixes)) return Level::district;
    return Level::none;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
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

}  // namespace

AddressParts split_address(std::string_view address) {
    AddressParts out;
    auto parts = split_commas(address);
    if (parts.empty()) return out;

    // The province is the last part unless that part is visibly a ward or district.
    if (level_of(parts.back()) == Level::none || province_by_name(parts.back()).province) {
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
    for (auto p : parts) any_prefix = any_prefix || level_of(p) != Level::none;

    if (any_prefix) {
        // Take the district and ward nearest the end; everything before the ward is the street.
        size_t end = parts.size();
        if (end > 0 && level_of(parts[end - 1]) == Level::district) out.district = parts[--end];
        if (end > 0 && level_of(parts[end - 1]) == Level::ward) out.ward = parts[--end];
        out.street = join(std::span(parts).first(end));
    } else if (parts.size() >= 3) {
        // No prefixes at all: the usual order street…, ward, district.
        out.district = parts[parts.size() - 1];
        out.ward = parts[parts.size() - 2];
        out.street = join(std::span(parts).first(parts.size() - 2));
    } else if (parts.size() == 2) {
        out.ward = parts[1];
        out.street = parts[0];
    } else if (parts.size() == 1) {
        out.street = parts[0];
    }
    return out;
}

}  // namespace cccd
