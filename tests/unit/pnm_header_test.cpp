// The PNM header check that guards stb_image (src/io/pnm_header), on headers written here and on the
// fuzzer's finding kept in tests/fuzz/regressions.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "io/image_file.hpp"
#include "io/pnm_header.hpp"
#include "support/fuzz_findings.hpp"

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

TEST(PnmHeader, SixteenBitSamplesAreRefused) {
    // stb_image 2.27 reads a 16-bit PGM's big-endian samples in the machine's byte order (0x1234 came out
    // as 0x34), and overruns its buffer on 16-bit colour PPM: neither is read.
    EXPECT_NE(cccd::io::check_pnm_header(bytes("P6 2 2 65535\n")).find("16-bit PGM/PPM"), std::string::npos);
    EXPECT_NE(cccd::io::check_pnm_header(bytes("P5 2 1 256\n")).find("16-bit PGM/PPM"), std::string::npos);
    EXPECT_EQ(cccd::io::check_pnm_header(bytes("P6 2 2 255\n")), "");
    Bytes pgm16 = bytes("P5 2 1 65535\n");
    pgm16.insert(pgm16.end(), {0x12, 0x34, 0xAB, 0xCD});
    const auto img = cccd::io::load_image_from_memory(pgm16.data(), pgm16.size());
    EXPECT_FALSE(img.ok());
    EXPECT_NE(img.error.find("16-bit PGM/PPM is not supported"), std::string::npos) << img.error;
}

// image_decode_fuzz's seventh finding: a 16-bit P6 header and one byte of pixels; stb_image 2.27 turned the
// samples to grey as 8-bit data, then read 16-bit samples from the smaller result (heap overflow).
TEST(PnmHeader, SixteenBitColourFindingIsRefusedByTheLoader) {
    testsupport::expect_finding_refused("stb-ppm16-convert.ppm", "16-bit PGM/PPM is not supported");
}

// image_decode_fuzz's fourth finding: "P5" and a 50-digit width; stb_image 2.27 multiplied it into an int
// past INT_MAX (undefined behaviour). Loading must fail with a message before stb reads the header.
TEST(PnmHeader, FuzzFindingIsRefusedByTheLoader) {
    testsupport::expect_finding_refused("stb-pnm-long-width.pgm", "PNM header width has more than 9 digits");
}

}  // namespace
