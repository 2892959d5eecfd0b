#pragma once
// Splits a Vietnamese address into its administrative parts, read from the end:
// "Số 1, Đường X, Phường Y, Quận Z, Thành phố Hà Nội" -> street, ward, district, province.
// Since 1 July 2025 there is no district level; such addresses give an empty district.
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cccd {

struct AddressParts {
    std::string street;    // house number, street, hamlet, group: everything below the ward
    std::string ward;      // phường / xã / thị trấn / đặc khu
    std::string district;  // quận / huyện / thị xã / thành phố thuộc tỉnh
    std::string province;  // as written
    std::string provinceCode;       // "079" when recognised, else empty
    std::string provinceName;       // canonical name when recognised
    std::string provinceSince2025;  // the province it belongs to after the 2025 merger
    bool provinceExact = false;     // false when recognised only without diacritics
};

AddressParts split_address(std::string_view address);

// The address's comma-separated parts, trimmed, empty ones dropped; joined again with ", ".
std::vector<std::string_view> split_commas(std::string_view text);
std::string join(std::span<const std::string_view> parts);
// "Việt Nam", "Viet Nam", "VN": the country, written after the province on some cards.
bool is_country(std::string_view part);

}  // namespace cccd
