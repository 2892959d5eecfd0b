// Invented people and the chip card's QR payloads. The id, sex and date of birth agree the way real cards
// do (province code, century/sex digit, year of birth); the issue date falls after the birth and by 2025.
#include <cstdio>

#include "cardgen.hpp"
#include "rng.hpp"

namespace cccd::cardgen {

namespace {

struct Province {
    const char* code;
    const char* name;
};

const Province kProvinces[] = {
    {"001", "Hà Nội"},        {"004", "Cao Bằng"},       {"019", "Thái Nguyên"},   {"022", "Quảng Ninh"},
    {"027", "Bắc Ninh"},      {"031", "Hải Phòng"},      {"033", "Hưng Yên"},      {"034", "Thái Bình"},
    {"036", "Nam Định"},      {"038", "Thanh Hóa"},      {"040", "Nghệ An"},       {"042", "Hà Tĩnh"},
    {"046", "Thừa Thiên Huế"}, {"048", "Đà Nẵng"},        {"049", "Quảng Nam"},     {"051", "Quảng Ngãi"},
    {"052", "Bình Định"},     {"056", "Khánh Hòa"},      {"066", "Đắk Lắk"},       {"068", "Lâm Đồng"},
    {"074", "Bình Dương"},    {"075", "Đồng Nai"},       {"079", "Hồ Chí Minh"},   {"083", "Bến Tre"},
    {"089", "An Giang"},      {"092", "Cần Thơ"},        {"094", "Sóc Trăng"},     {"096", "Cà Mau"},
};

const char* const kFamily[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ",
                               "Võ",     "Đặng", "Bùi", "Đỗ",   "Hồ",    "Ngô",   "Dương", "Lý"};
const char* const kMiddleMale[] = {"Văn", "Hữu", "Đức", "Minh", "Quốc", "Xuân", "Thanh", "Công", "Ngọc"};
const char* const kMiddleFemale[] = {"Thị", "Ngọc", "Thanh", "Kim", "Thu", "Minh", "Phương", "Hồng"};
const char* const kGivenMale[] = {"Hải", "Hùng", "Dũng", "Tuấn", "Khánh", "Phúc", "Long", "Quang",
                                  "Thắng", "Hiếu", "Sơn", "Đạt", "Vĩnh", "Trường", "Nghĩa", "Lộc"};
const char* const kGivenFemale[] = {"Oanh", "Trang", "Yến", "Hương", "Lan", "Mai", "Thảo", "Hà",
                                    "Linh", "Nhung", "Ánh", "Diệp", "Huyền", "Ngân", "Loan", "Uyên"};
const char* const kStreets[] = {"Lý Thường Kiệt", "Phan Đình Phùng", "30 Tháng 4", "Nguyễn Trãi",
                                "Lê Lợi", "Trần Hưng Đạo", "Hai Bà Trưng", "Điện Biên Phủ",
                                "Nguyễn Văn Cừ", "Quang Trung", "Hùng Vương", "Võ Thị Sáu"};
const char* const kHamlets[] = {"Thôn Đông", "Thôn Trung", "Ấp Phú Hòa", "Ấp 3", "Xóm Mới", "Bản Nà Lừa",
                                "Tổ dân phố Hòa Bình"};
const char* const kCommunes[] = {"Phường Bến Nghé", "Xã Hòa Tú 1", "Phường 5",     "Xã Tân Phú Thạnh",
                                 "Phường An Hòa",   "Xã Đông Hưng", "Phường Tân Định", "Xã Mỹ Hương",
                                 "Thị trấn Cái Nhum", "Xã Nghĩa Trung", "Phường Hải Châu I"};
const char* const kDistricts[] = {"Quận Hải Châu", "Huyện Châu Thành", "Thị xã Vĩnh Châu", "Thành phố Sóc Trăng",
                                  "Huyện Mỹ Xuyên", "Quận 1",          "Huyện Đông Anh",   "Thị xã Sơn Tây",
                                  "Huyện Tư Nghĩa", "Quận Ninh Kiều"};

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int month_days(int y, int m) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : kDays[m - 1];
}

struct Date {
    int y, m, d;
};

// Days since 1900-01-01: a plain count is enough for drawing dates uniformly between two bounds.
int to_days(Date t) {
    int n = 0;
    for (int y = 1900; y < t.y; ++y) n += leap(y) ? 366 : 365;
    for (int m = 1; m < t.m; ++m) n += month_days(t.y, m);
    return n + t.d - 1;
}
Date from_days(int n) {
    Date t{1900, 1, 1};
    while (n >= (leap(t.y) ? 366 : 365)) n -= leap(t.y) ? 366 : 365, ++t.y;
    while (n >= month_days(t.y, t.m)) n -= month_days(t.y, t.m), ++t.m;
    t.d = n + 1;
    return t;
}
Date random_date(Rng& rng, Date a, Date b) { return from_days(rng.between(to_days(a), to_days(b))); }

std::string ddmmyyyy(Date t) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d%02d%04d", t.d, t.m, t.y);
    return buf;
}
std::string digits(Rng& rng, int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += static_cast<char>('0' + rng.below(10));
    return s;
}

}  // namespace

Person random_person(Side side, uint32_t seed) {
    Rng rng(static_cast<uint64_t>(seed) << 1 | (side == Side::back ? 1u : 0u), Stream::person);  // sides differ
    Person p;
    const bool female = rng.chance(0.5);
    p.sex = female ? "Nữ" : "Nam";
    p.name = std::string(rng.pick(kFamily)) + " " + (female ? rng.pick(kMiddleFemale) : rng.pick(kMiddleMale)) + " " +
             (female ? rng.pick(kGivenFemale) : rng.pick(kGivenMale));

    // Chip CCCDs (fronts) were issued 2021 to mid-2024; the Thẻ căn cước (backs) from July 2024.
    const Date issued = side == Side::front ? random_date(rng, {2021, 1, 1}, {2024, 6, 30})
                                            : random_date(rng, {2024, 7, 1}, {2025, 12, 31});
    const int minAge = side == Side::front ? 15 : 6;
    const Date dob = random_date(rng, {1940, 1, 1}, {issued.y - minAge, 12, 31});
    p.dob = ddmmyyyy(dob);
    p.issued = ddmmyyyy(issued);

    const Province& birth = rng.pick(kProvinces);
    p.birthProvince = birth.name;
    const int centurySex = (dob.y >= 2000 ? 2 : 0) + (female ? 1 : 0);
    char yy[8];
    std::snprintf(yy, sizeof yy, "%d%02d", centurySex, dob.y % 100);
    p.id = std::string(birth.code) + yy + digits(rng, 6);
    // Older people mostly still have their 9-digit CMND number on the chip.
    if (rng.chance(dob.y < 2000 ? 0.6 : 0.15)) p.oldId = digits(rng, 9);

    std::string street;
    switch (rng.below(3)) {
        case 0: street = "Số " + std::to_string(rng.between(1, 400)) + "/" + std::to_string(rng.between(2, 60)) +
                         ", Đường " + rng.pick(kStreets);
                break;
        case 1: street = rng.pick(kHamlets); break;
        default: street = "Khu phố " + std::to_string(rng.between(1, 12)); break;
    }
    const char* commune = rng.pick(kCommunes);
    const char* district = rng.pick(kDistricts);
    const char* province = rng.pick(kProvinces).name;
    // Districts were abolished on 1 July 2025: cards issued since then print commune and province only.
    const bool noDistrict = issued.y * 10000 + issued.m * 100 + issued.d >= 20250701;
    p.address = street + ", " + commune + (noDistrict ? "" : std::string(", ") + district) + ", " + province;
    return p;
}

std::string payload_of(const Person& p, Side side) {
    std::string s = p.id + "|" + p.oldId + "|" + p.name + "|" + p.dob + "|" + p.sex + "|" + p.address + "|" + p.issued;
    if (side == Side::back) s += "||||";
    return s;
}

std::vector<std::string> split_fields(const std::string& payload) {
    std::vector<std::string> out(1);
    for (char c : payload) {
        if (c == '|') out.emplace_back();
        else out.back() += c;
    }
    return out;
}

}  // namespace cccd::cardgen
