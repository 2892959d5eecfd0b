// Real symbols whose text depends on the character set rules: zxing-samples photos (../shared/corpus only,
// like named_photos_test) holding Japanese Shift_JIS byte data without an ECI (charset_guess.hpp) and one in
// GB/T 18284 Hanzi mode. Each must decode to exactly its expected text (.txt beside the image).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "support/unavailable.hpp"
#include "io/image_file.hpp"
#include "qr/decoder.hpp"


namespace {

namespace fs = std::filesystem;

std::string read_text(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void expect_image(const std::string& name, cccd::qr::DefaultCharset charset) {
    const fs::path png = fs::path(CCCD_SHARED_CORPUS_DIR) / "zxing-samples" / "qrcode-2" / (name + ".png");
    if (!fs::exists(png)) CCCD_UNAVAILABLE() << "corpus absent: " << png;
    const auto image = cccd::io::load_image(png.string());
    ASSERT_TRUE(image.ok()) << png;
    cccd::qr::Decoder decoder;
    const auto r = decoder.decode(image.view());
    ASSERT_TRUE(r.found()) << name << ": " << r.message;
    const auto& d = r.symbols.front().data;
    EXPECT_EQ(d.text, read_text(fs::path(png).replace_extension(".txt"))) << name;
    EXPECT_EQ(d.defaultCharset, charset) << name;
    EXPECT_FALSE(d.textLossy) << name;
}

TEST(SharedPhotos, ShiftJisWithoutEci) {
    // 10, 29: katakana (C1 lead bytes); 17-27: half-width katakana runs; 26 also has kanji-mode segments.
    for (const char* name : {"10", "17", "18", "19", "20", "21", "24", "26", "27", "29"}) {
        expect_image(name, cccd::qr::DefaultCharset::shift_jis);
    }
}

TEST(SharedPhotos, HanziMode) {
    // "\x01\x10AD:SUB:阿;;", the 阿 in Hanzi mode (GB 2312 0xB0A2); the rest is ASCII.
    expect_image("33", cccd::qr::DefaultCharset::none);
}

}  // namespace
