// Image files as users drop them on the page or pass them to the CLI (src/io/image_file): odd formats
// decode to the right text, and broken or hostile files give a clear error, never a crash. Under the
// asan preset the same cases also prove there is no out-of-bounds access.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "io/image_file.hpp"
#include "qr/decoder.hpp"

namespace {

const std::string kDir = CCCD_REPO_DIR "/tests/fixtures/images/";
const std::string kPayload =
    "001099012345|123456789|Nguyễn Văn A|01011990|Nam|12 Lê Lợi, Phường 1, Quận 3, TP. Hồ Chí Minh|15082021";

std::vector<uint8_t> read_file(const std::string& name) {
    std::ifstream in(kDir + name, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string decode_text(const cccd::io::LoadedImage& img) {
    cccd::qr::Decoder decoder;
    const auto r = decoder.decode(img.view());
    return r.found() ? r.symbols[0].data.text : "(" + r.message + ")";
}

class OddImage : public testing::TestWithParam<const char*> {};

TEST_P(OddImage, DecodesToThePayload) {
    const auto img = cccd::io::load_image(kDir + GetParam());
    ASSERT_TRUE(img.ok()) << img.error;
    EXPECT_EQ(decode_text(img), kPayload);
}

INSTANTIATE_TEST_SUITE_P(Files, OddImage, testing::Values("cmyk-qr.jpg", "gray16-qr.png", "large-8000.png"));

TEST(ImageFile, FormatsOutsideTheFuzzedFiveAreRefused) {
    // A valid 2x2 grey TGA (type 3, uncompressed) and a Radiance HDR header: stb_image reads both when
    // built with every format; ours takes only PNG, JPEG, BMP, GIF and PNM, the formats its fuzzer feeds.
    const std::vector<uint8_t> tga = {0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2, 0, 8, 0, 10, 200, 30, 40};
    const std::string hdr = "#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n-Y 1 +X 1\n\x80\x80\x80\x80";
    for (const auto& bytes : {tga, std::vector<uint8_t>(hdr.begin(), hdr.end())}) {
        const auto img = cccd::io::load_image_from_memory(bytes.data(), bytes.size());
        EXPECT_FALSE(img.ok());
        EXPECT_NE(img.error.find("not a readable image"), std::string::npos) << img.error;
    }
    // The same pixels as a binary PGM are read.
    const std::string pgm = "P5 2 2 255\n";
    std::vector<uint8_t> ok(pgm.begin(), pgm.end());
    ok.insert(ok.end(), {10, 200, 30, 40});
    const auto img = cccd::io::load_image_from_memory(ok.data(), ok.size());
    ASSERT_TRUE(img.ok()) << img.error;
    EXPECT_EQ(img.luma, (std::vector<uint8_t>{10, 200, 30, 40}));
}

TEST(ImageFile, LargeImageKeepsItsSize) {
    const auto img = cccd::io::load_image(kDir + "large-8000.png");
    ASSERT_TRUE(img.ok()) << img.error;
    EXPECT_EQ(img.width, 8000);
    EXPECT_EQ(img.height, 8000);
}

TEST(ImageFile, OnePixelIsReadAndHoldsNoSymbol) {
    const auto img = cccd::io::load_image(kDir + "1x1.png");
    ASSERT_TRUE(img.ok()) << img.error;
    ASSERT_EQ(img.width * img.height, 1);
    cccd::qr::Decoder decoder;
    const auto r = decoder.decode(img.view());
    EXPECT_EQ(r.status, cccd::qr::DecodeStatus::not_found);
    EXPECT_FALSE(r.message.empty());
}

TEST(ImageFile, LimitsAreCheckedBeforeDecoding) {
    const auto file = read_file("large-8000.png");
    const auto img = cccd::io::load_image_from_memory(file.data(), file.size(), {4096, 16'000'000});
    EXPECT_FALSE(img.ok());
    EXPECT_NE(img.error.find("8000x8000"), std::string::npos) << img.error;
}

TEST(ImageFile, MissingAndEmptyFilesSaySo) {
    EXPECT_EQ(cccd::io::load_image(kDir + "no-such-file.png").error, "cannot open file");
    EXPECT_EQ(cccd::io::load_image_from_memory(nullptr, 0).error, "empty file");
    const uint8_t text[] = "001099012345|123456789|";
    EXPECT_NE(cccd::io::load_image_from_memory(text, sizeof text).error.find("not a readable image"), std::string::npos);
}

// Every prefix length class of each file: header only, cut in the middle of the data, one byte short.
// Each gives an error with a message, or an image of the declared size (stb fills what is missing).
TEST(ImageFile, TruncatedFilesGiveAnErrorOrAnImage) {
    for (const char* name : {"cmyk-qr.jpg", "gray16-qr.png", "1x1.png"}) {
        const auto file = read_file(name);
        ASSERT_GT(file.size(), 40u) << name;
        for (const size_t keep : {size_t{8}, size_t{33}, file.size() / 2, file.size() - 1}) {
            const auto img = cccd::io::load_image_from_memory(file.data(), keep);
            if (img.ok()) {
                EXPECT_EQ(img.luma.size(), static_cast<size_t>(img.width) * static_cast<size_t>(img.height)) << name;
                cccd::qr::Decoder decoder;
                const auto r = decoder.decode(img.view());
                EXPECT_TRUE(r.found() || !r.message.empty()) << name << " cut at " << keep;
            } else {
                EXPECT_FALSE(img.error.empty()) << name << " cut at " << keep;
            }
        }
    }
}

}  // namespace
