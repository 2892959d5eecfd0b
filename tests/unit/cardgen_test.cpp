// tools/cardgen: the synthetic card photos the corpus-style tests and benchmarks are made from. Checked
// here without the project's QR decoder: the payloads' format (and the card parser's verdict on them),
// determinism, the reported geometry, and that the symbol really is where the corners say (module grid
// from libqrencode, sampled through the corners' homography on clean photos).
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cardgen/cardgen.hpp"
#include "cccd/parse_card.hpp"
#include "support/square_to_quad.hpp"

namespace {

namespace cg = cccd::cardgen;

bool all_digits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(const std::string& s) { return std::stoi(s); }

bool valid_ddmmyyyy(const std::string& s) {
    if (s.size() != 8 || !all_digits(s)) return false;
    const int d = to_int(s.substr(0, 2)), m = to_int(s.substr(2, 2)), y = to_int(s.substr(4));
    static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m >= 1 && m <= 12 && d >= 1 && d <= kDays[m - 1] && y >= 1900 && y <= 2100 &&
           !(m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
}

int yyyymmdd(const std::string& ddmmyyyy) {
    return to_int(ddmmyyyy.substr(4)) * 10000 + to_int(ddmmyyyy.substr(2, 2)) * 100 + to_int(ddmmyyyy.substr(0, 2));
}

using testsupport::SquareToQuad;

// Luma at a continuous position (pixel centres at +0.5), bilinear.
double luma_at(const std::vector<uint8_t>& luma, int width, int height, double x, double y) {
    const double fx = std::clamp(x - 0.5, 0.0, width - 1.001), fy = std::clamp(y - 0.5, 0.0, height - 1.001);
    const int ix = static_cast<int>(fx), iy = static_cast<int>(fy);
    const double ax = fx - ix, ay = fy - iy;
    auto at = [&](int px, int py) { return static_cast<double>(luma[static_cast<size_t>(py) * static_cast<size_t>(width) + static_cast<size_t>(px)]); };
    return (at(ix, iy) * (1 - ax) + at(ix + 1, iy) * ax) * (1 - ay) + (at(ix, iy + 1) * (1 - ax) + at(ix + 1, iy + 1) * ax) * ay;
}

// Share of modules whose sampled darkness agrees with the grid libqrencode makes for the same payload.
double module_agreement(const cg::CardPhoto& photo) {
    const cg::QrGrid grid = cg::encode_qr(photo.payload, photo.version, photo.ecLevel);
    EXPECT_TRUE(grid.error.empty()) << grid.error;
    EXPECT_EQ(grid.version, photo.version);
    if (!grid.error.empty()) return 0;
    const std::vector<uint8_t> y = cg::luma(photo);
    const SquareToQuad h(photo.qrCorners);
    const int n = grid.size;
    std::vector<double> samples;
    for (int r = 0; r < n; ++r)
        for (int c = 0; c < n; ++c) {
            const auto [px, py] = h.map((c + 0.5) / n, (r + 0.5) / n);
            samples.push_back(luma_at(y, photo.width, photo.height, px, py));
        }
    return testsupport::share_agreeing(samples, n, [&](int c, int r) { return grid.dark(c, r); });
}

cg::CardSpec clean_spec(cg::Side side, uint32_t seed) {
    cg::CardSpec s = cg::random_spec(side, seed, cg::Difficulty::normal());
    s.width = 1280;
    s.height = 720;
    s.modulePx = 6;
    s.bend = 0;
    s.blurSigma = 0;
    s.motionPx = 0;
    s.glareStripes = 0;
    s.hotSpots = 0;
    s.thumbnailFactor = 1;
    s.noiseSigma = 1;
    s.jpegQuality = 95;
    return s;
}

TEST(CardgenDeterminism, SameSpecSameBytes) {
    for (cg::Side side : {cg::Side::front, cg::Side::back}) {
        cg::CardSpec spec = cg::random_spec(side, 77, cg::Difficulty::hard());
        spec.width = 1280, spec.height = 720;  // hard may pick 4000x3000: keep the test quick
        const cg::CardPhoto a = cg::make_card_photo(spec);
        cg::CardSpec other = cg::random_spec(side, 5, cg::Difficulty::normal());  // scratch buffers get reused
        other.width = 1920, other.height = 1080, other.motionPx = 3;
        ASSERT_TRUE(cg::make_card_photo(other).ok());
        const cg::CardPhoto b = cg::make_card_photo(spec);
        ASSERT_TRUE(a.ok()) << a.error;
        ASSERT_TRUE(b.ok()) << b.error;
        EXPECT_EQ(a.jpeg, b.jpeg);
        EXPECT_EQ(a.rgb, b.rgb);
        EXPECT_EQ(a.payload, b.payload);
        EXPECT_EQ(a.qrCorners, b.qrCorners);
        EXPECT_EQ(cg::index_json_line("x.jpg", a), cg::index_json_line("x.jpg", b));

        const cg::CardSpec again = cg::random_spec(side, 77, cg::Difficulty::hard());
        EXPECT_EQ(again.payload, spec.payload);
        EXPECT_EQ(again.modulePx, spec.modulePx);

        spec.seed = 78;  // same camera, another card and scene
        const cg::CardPhoto c = cg::make_card_photo(spec);
        ASSERT_TRUE(c.ok()) << c.error;
        EXPECT_NE(a.jpeg, c.jpeg);
    }
}

TEST(CardgenPayload, FieldsAreConsistent) {
    for (cg::Side side : {cg::Side::front, cg::Side::back}) {
        for (uint32_t seed = 1; seed <= 300; ++seed) {
            const cg::Person p = cg::random_person(side, seed);
            const std::string payload = cg::payload_of(p, side);
            SCOPED_TRACE(payload);
            const std::vector<std::string> f = cg::split_fields(payload);
            ASSERT_EQ(f.size(), side == cg::Side::front ? 7u : 11u);
            for (size_t i = 7; i < f.size(); ++i) EXPECT_TRUE(f[i].empty());
            const std::string &id = f[0], &oldId = f[1], &name = f[2], &dob = f[3], &sex = f[4], &address = f[5], &issued = f[6];
            ASSERT_EQ(id.size(), 12u);
            ASSERT_TRUE(all_digits(id));
            EXPECT_TRUE(oldId.empty() || (oldId.size() == 9 && all_digits(oldId)));
            EXPECT_GE(std::count(name.begin(), name.end(), ' '), 2);
            ASSERT_TRUE(valid_ddmmyyyy(dob));
            ASSERT_TRUE(valid_ddmmyyyy(issued));
            ASSERT_TRUE(sex == "Nam" || sex == "Nữ");
            EXPECT_GE(std::count(address.begin(), address.end(), ','), 2);
            // Century/sex digit and year of birth agree with the other fields.
            const int year = to_int(dob.substr(4));
            const int centurySex = id[3] - '0';
            EXPECT_EQ(centurySex, (year >= 2000 ? 2 : 0) + (sex == "Nữ" ? 1 : 0));
            EXPECT_EQ(to_int(id.substr(4, 2)), year % 100);
            EXPECT_GT(yyyymmdd(issued), yyyymmdd(dob));
            EXPECT_LE(to_int(issued.substr(4)), 2025);
            EXPECT_LT(to_int(id.substr(0, 3)), 100);  // province codes run 001..096
            // The project's own payload checks find nothing wrong with it.
            const cccd::CardResult parsed = cccd::parse_card(payload, cccd::Date{2026, 1, 1});
            EXPECT_TRUE(parsed.ok);
            EXPECT_TRUE(parsed.errors.empty()) << parsed.errors[0].code;
            EXPECT_TRUE(parsed.warnings.empty()) << parsed.warnings[0].code;
            EXPECT_EQ(parsed.format, side == cg::Side::front ? "cccd-2021" : "can-cuoc-2024");
            if (yyyymmdd(issued) >= 20250701) {  // no districts any more
                for (const char* district : {"Quận ", "Huyện ", "Thị xã ", "Thành phố "})
                    EXPECT_EQ(address.find(district), std::string::npos);
            }
        }
    }
    // The example shapes from the card: 7 and 11 fields.
    cg::Person p;
    p.id = "049058661690", p.name = "Trần Xuân Hải", p.dob = "08071958", p.sex = "Nam";
    p.address = "Số 272/37, Đường 30 Tháng 4, Xã Hòa Tú 1, Thị xã Vĩnh Châu, Bình Định", p.issued = "21062025";
    EXPECT_EQ(cg::payload_of(p, cg::Side::back),
              "049058661690||Trần Xuân Hải|08071958|Nam|Số 272/37, Đường 30 Tháng 4, Xã Hòa Tú 1, Thị xã Vĩnh Châu, Bình Định|21062025||||");
    EXPECT_EQ(cg::split_fields(cg::payload_of(p, cg::Side::front)).size(), 7u);
}

TEST(CardgenGeometry, CornersInsideAndModuleSizeMatches) {
    int made = 0;
    for (uint32_t seed = 1; seed <= 16; ++seed) {
        const cg::Side side = seed % 2 ? cg::Side::front : cg::Side::back;
        cg::CardSpec spec = cg::random_spec(side, seed, seed % 4 < 2 ? cg::Difficulty::normal() : cg::Difficulty::hard());
        if (spec.width > 1920) spec.width = 1920, spec.height = 1080;  // speed
        const cg::CardPhoto photo = cg::make_card_photo(spec);
        ASSERT_TRUE(photo.ok()) << photo.error;
        SCOPED_TRACE(cg::index_json_line("seed " + std::to_string(seed), photo));
        ++made;
        EXPECT_EQ(photo.width, spec.width);
        EXPECT_EQ(photo.rgb.size(), static_cast<size_t>(photo.width) * static_cast<size_t>(photo.height) * 3);
        EXPECT_FALSE(photo.jpeg.empty());
        EXPECT_EQ(photo.payload, spec.payload);
        if (side == cg::Side::front) {
            EXPECT_GE(photo.version, 6);
            EXPECT_LE(photo.version, 10);
        }
        for (const auto& [x, y] : photo.qrCorners) {
            EXPECT_GE(x, 0);
            EXPECT_GE(y, 0);
            EXPECT_LE(x, photo.width);
            EXPECT_LE(y, photo.height);
        }
        const int n = 17 + 4 * photo.version;
        double side0 = 0;
        for (size_t i = 0; i < 4; ++i)
            side0 += std::hypot(photo.qrCorners[(i + 1) % 4].first - photo.qrCorners[i].first,
                                photo.qrCorners[(i + 1) % 4].second - photo.qrCorners[i].second);
        EXPECT_NEAR(side0 / 4 / n, photo.modulePx, 0.1 * photo.modulePx);
        EXPECT_NEAR(photo.modulePx, spec.modulePx, 0.1 * spec.modulePx);  // the frame was big enough
    }
    EXPECT_EQ(made, 16);
}

TEST(CardgenModules, SymbolIsWhereTheCornersSay) {
    for (uint32_t seed = 1; seed <= 6; ++seed) {
        const cg::Side side = seed % 2 ? cg::Side::front : cg::Side::back;
        const cg::CardSpec spec = clean_spec(side, seed * 31);
        const cg::CardPhoto photo = cg::make_card_photo(spec);
        ASSERT_TRUE(photo.ok()) << photo.error;
        SCOPED_TRACE(cg::index_json_line("seed " + std::to_string(seed * 31), photo));
        EXPECT_GE(module_agreement(photo), 0.98);
    }
}

TEST(CardgenModules, MisplacedCornersDisagree) {
    // The check above would catch a symbol that is not where the corners say: shift by two modules.
    cg::CardPhoto photo = cg::make_card_photo(clean_spec(cg::Side::front, 5));
    ASSERT_TRUE(photo.ok()) << photo.error;
    for (auto& [x, y] : photo.qrCorners) x += 2 * photo.modulePx;
    EXPECT_LT(module_agreement(photo), 0.8);
}

TEST(CardgenFront, HeaderRunsUpToTheSymbol) {
    // No quiet zone: on fronts the header's last letters sit within about a module of the top-left
    // finder, level with it. Look for dark text pixels just left of the finder, rows 1-5.
    int touching = 0;
    const int tries = 8;
    for (uint32_t seed = 1; seed <= tries; ++seed) {
        cg::CardSpec spec = clean_spec(cg::Side::front, seed);
        const cg::CardPhoto photo = cg::make_card_photo(spec);
        ASSERT_TRUE(photo.ok()) << photo.error;
        const std::vector<uint8_t> y = cg::luma(photo);
        const SquareToQuad h(photo.qrCorners);
        const double n = 17 + 4 * photo.version;
        double darkest = 255, finder = 255;
        for (double r = 1.5; r <= 5.5; r += 0.25)
            for (double c = -1.4; c <= -0.4; c += 0.2) {
                const auto [px, py] = h.map(c / n, r / n);
                darkest = std::min(darkest, luma_at(y, photo.width, photo.height, px, py));
            }
        const auto [fx, fy] = h.map(3.5 / n, 3.5 / n);  // the finder's centre
        finder = luma_at(y, photo.width, photo.height, fx, fy);
        touching += darkest < finder + 0.5 * (200 - finder);
    }
    EXPECT_GE(touching, tries * 3 / 4);
}

TEST(CardgenIndex, JsonLineFormat) {
    cg::CardSpec spec = cg::random_spec(cg::Side::back, 9, cg::Difficulty::normal());
    spec.payload = "049058661690||Trần \"Xuân\" \\Hải|08071958|Nam|Số 1, Xã A, Tỉnh B|21062025||||";
    spec.width = 640, spec.height = 480, spec.modulePx = 2;
    const cg::CardPhoto photo = cg::make_card_photo(spec);
    ASSERT_TRUE(photo.ok()) << photo.error;
    const std::string line = cg::index_json_line("card-0007.jpg", photo);
    EXPECT_EQ(line.rfind("{\"file\": \"card-0007.jpg\", \"payload\": \"049058661690||Trần \\\"Xuân\\\" \\\\Hải|", 0), 0u) << line;
    EXPECT_NE(line.find("\"fields\": {\"id\": \"049058661690\", \"oldId\": \"\", \"name\": \"Trần \\\"Xuân\\\" \\\\Hải\", "
                        "\"dob\": \"08071958\", \"gender\": \"Nam\", \"address\": \"Số 1, Xã A, Tỉnh B\", \"issued\": \"21062025\"}, "
                        "\"qr_corners\": [["),
              std::string::npos) << line;
    EXPECT_NE(line.find("\"params\": {\"module_px\": 2.000, \"angle_deg\": "), std::string::npos) << line;
    EXPECT_NE(line.find("\"jpeg_q\": " + std::to_string(spec.jpegQuality) + ", \"qr_version\": " + std::to_string(photo.version)),
              std::string::npos);
    EXPECT_NE(line.find("\"ec_level\": \"" + std::string(1, photo.ecLevel) + "\", \"size\": [640, 480]"), std::string::npos);
    EXPECT_EQ(line.find('\n'), std::string::npos);
    EXPECT_EQ(line.back(), '}');
}

std::string file_text(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The sample corpus (tests/sample_corpus) is photo sets like this one: the same set gives the same bytes.
TEST(CardgenPhotoSet, WritesEachCardAndItsIndexLineTheSameEveryTime) {
    namespace fs = std::filesystem;
    const fs::path root = fs::temp_directory_path() / ("cardgen-set-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
    fs::remove_all(root);
    cg::PhotoSet set{(root / "a").string(), cg::Side::back, cg::Difficulty::normal(), 77, 3, 0, {{640, 480}, {800, 600}}};
    ASSERT_EQ(cg::write_photo_set(set), "");
    set.dir = (root / "b").string();
    ASSERT_EQ(cg::write_photo_set(set), "");
    std::istringstream index(file_text(root / "a" / "index.jsonl"));
    std::string line;
    int lines = 0;
    for (; std::getline(index, line); ++lines) {
        char name[32];
        std::snprintf(name, sizeof name, "card-%04d.jpg", lines);
        const std::string jpeg = file_text(root / "a" / name);
        ASSERT_GT(jpeg.size(), 1000u) << name;
        EXPECT_EQ(jpeg, file_text(root / "b" / name)) << name;
        EXPECT_EQ(line.rfind(std::string("{\"file\": \"") + name + "\"", 0), 0u) << line;
        EXPECT_NE(line.find(lines == 1 ? "\"size\": [800, 600]" : "\"size\": [640, 480]"), std::string::npos) << line;
        EXPECT_NE(line.find("\"side\": \"back\", \"seed\": " + std::to_string(77 + lines)), std::string::npos) << line;
    }
    EXPECT_EQ(lines, 3);
    EXPECT_EQ(file_text(root / "a" / "index.jsonl"), file_text(root / "b" / "index.jsonl"));
    // A folder that cannot be made is an error, not a throw.
    set.dir = (root / "a" / "card-0000.jpg" / "x").string();
    EXPECT_NE(cg::write_photo_set(set), "");
    fs::remove_all(root);
}

TEST(CardgenErrors, ReportedNotThrown) {
    cg::CardSpec spec;
    spec.ecLevel = 'X';
    EXPECT_FALSE(cg::make_card_photo(spec).ok());
    spec = cg::CardSpec{};
    spec.payload = std::string(4000, 'a');  // more than version 40 holds
    EXPECT_FALSE(cg::make_card_photo(spec).ok());
    spec = cg::CardSpec{};
    spec.width = 8;
    EXPECT_FALSE(cg::make_card_photo(spec).ok());
    // Too big a module for the frame: the symbol is shrunk to fit, and says so.
    spec = cg::CardSpec{};
    spec.width = 320, spec.height = 240, spec.modulePx = 12;
    const cg::CardPhoto photo = cg::make_card_photo(spec);
    ASSERT_TRUE(photo.ok()) << photo.error;
    EXPECT_LT(photo.modulePx, 12);
    for (const auto& [x, y] : photo.qrCorners) {
        EXPECT_GE(x, 0);
        EXPECT_LE(y, 240);
    }
}

}  // namespace
