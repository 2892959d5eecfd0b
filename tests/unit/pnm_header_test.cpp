// The PNM header check that guards stb_image (src/io/pnm_header), on headers written here and on the
// fuzzer's finding kept in tests/fuzz/regressions.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "io/image_file.hpp"
#include "io/pnm_header.hpp"

namespace {

using Bytes = std::vector<uint8_t>;

Bytes bytes(const std::string& s) { return Bytes(s.begin(), s.end()); }

// A P5 file: the header text, then width * height grey bytes.
Bytes pgm(const std::string& header, size_t pixels) {
    Bytes f = bytes(header);
    for (size_t i = 0; i < pixels; ++i) f.push_back(static_cast<uint8_t>(i * 37));
    return f;
}

TEST(PnmHeader, ASoundHeaderPassesAndDecodes) {
    const Bytes f = pgm("P5\n# made by hand 12345678901234567890\n4 3\n255\n", 12);
    EXPECT_EQ(cccd::io::check_pnm_header(f), "");
    const auto img = cccd::io::load_image_from_memory(f.data(), f.size());
    ASSERT_TRUE(img.ok()) << img.error;
    EXPECT_EQ(img.width, 4);
    EXPECT_EQ(img.height, 3);
    EXPECT_EQ(img.luma[5], static_cast<uint8_t>(5 * 37));
}

TEST(PnmHeader, NineDigitsPassTenDoNot) {
    EXPECT_EQ(cccd::io::check_pnm_header(bytes("P5 000000004 000000003 255\n")), "");
    EXPECT_NE(cccd::io::check_pnm_header(bytes("P6 4 3000000000 255\n")).find("height has more than 9 digits"),
              std::string::npos);
    EXPECT_NE(cccd::io::check_pnm_header(bytes("P5\n4 3\n#\n0000000000255\n")).find("maximum value"), std::string::npos);
}

TEST(PnmHeader, DigitsStbNeverReadsAreNotCounted) {
    // Comments are skipped, a fourth number is pixel data, and other formats are left to the decoder.
    EXPECT_EQ(cccd::io::check_pnm_header(bytes("P5 4 3 255 12345678901234\n")), "");
    EXPECT_EQ(cccd::io::check_pnm_header(bytes("P2 12345678901234 3 255\n")), "");
    EXPECT_EQ(cccd::io::check_pnm_header(bytes("P5")), "");
    EXPECT_EQ(cccd::io::check_pnm_header({}), "");
}

// image_decode_fuzz's fourth finding: "P5" and a 50-digit width; stb_image 2.27 multiplied it into an int
// past INT_MAX (undefined behaviour). Loading must fail with a message before stb reads the header.
TEST(PnmHeader, FuzzFindingIsRefusedByTheLoader) {
    std::ifstream in(CCCD_REPO_DIR "/tests/fuzz/regressions/image_decode/stb-pnm-long-width.pgm", std::ios::binary);
    ASSERT_TRUE(in) << "regression file missing";
    const Bytes file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto img = cccd::io::load_image_from_memory(file.data(), file.size());
    EXPECT_FALSE(img.ok());
    EXPECT_NE(img.error.find("PNM header width has more than 9 digits"), std::string::npos) << img.error;
}

}  // namespace
