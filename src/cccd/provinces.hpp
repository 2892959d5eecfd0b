#pragma once
// The 63 provinces and their codes (Thông tư 07/2016/TT-BCA, Phụ lục: mã tỉnh nơi đăng ký khai sinh, the
// first three digits of the 12-digit personal number), and the province each became part of in the
// 2025 merger (Nghị quyết 202/2025/QH15, 63 -> 34 provinces, in force 1 July 2025).
#include <span>
#include <string_view>

namespace cccd {

struct Province {
    std::string_view code;       // "001"
    std::string_view name;       // "Hà Nội" (without "Tỉnh"/"Thành phố")
    std::string_view since2025;  // the merged province it belongs to from 1 July 2025
};

std::span<const Province> all_provinces();
const Province* province_by_code(std::string_view three_digits);

struct ProvinceMatch {
    const Province* province = nullptr;
    bool exact = false;  // false: matched only without diacritics (e.g. "HA NOI")
};
// Recognises a province in an address part: "Hà Nội", "TP. Hồ Chí Minh", "Tỉnh Nam Định", "Huế",
// "Ba Ria - Vung Tau", decomposed or upper-case input.
ProvinceMatch province_by_name(std::string_view text);

}  // namespace cccd
