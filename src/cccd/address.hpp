#pragma once
// Splits a Vietnamese address into its administrative parts, read from the end:
// "Số 1, Đường X, Phường Y, Quận Z, Thành phố Hà Nội" -> street, ward, district, province.
// Since 1 July 2025 there is no district level; such addresses give an empty district.
#include <string>
#include <string_view>

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

}  // namespace cccd
