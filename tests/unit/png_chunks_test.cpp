// The PNG chunk check that guards stb_image (src/io/png_chunks), on chunk streams built here and on the
// fuzzer's finding kept in tests/fuzz/regressions.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "io/image_file.hpp"
#include "io/png_chunks.hpp"
#include "support/fuzz_findings.hpp"

namespace {

using Bytes = std::vector<uint8_t>;

Bytes read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return Bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// The position of the first chunk of this type in a PNG file (its length field), or 0.
size_t find_chunk(const Bytes& png, const char* type) {
    for (size_t at = 8; at + 8 <= png.size();) {
        const size_t length = static_cast<size_t>(png[at]) << 24 | static_cast<size_t>(png[at + 1]) << 16 |
                              static_cast<size_t>(png[at + 2]) << 8 | png[at + 3];
        if (std::string(png.begin() + static_cast<long>(at) + 4, png.begin() + static_cast<long>(at) + 8) == type) return at;
        at += 12 + length;
    }
    return 0;
}

// An empty IDAT chunk (the CRC is not checked by stb_image) inserted at byte `at`.
Bytes with_empty_idat(Bytes png, size_t at) {
    const Bytes chunk = {0, 0, 0, 0, 'I', 'D', 'A', 'T', 0x35, 0xAF, 0x06, 0x1E};
    png.insert(png.begin() + static_cast<long>(at), chunk.begin(), chunk.end());
    return png;
}

const std::string kPng = CCCD_REPO_DIR "/tests/fixtures/images/gray16-qr.png";

TEST(PngChunks, ASoundFilePasses) {
    const Bytes png = read_file(kPng);
    ASSERT_FALSE(png.empty()) << kPng;
    EXPECT_EQ(cccd::io::check_png_chunks(png), "");
}

TEST(PngChunks, AnEmptyIdatBeforeTheDataIsRefused) {
    const Bytes png = read_file(kPng);
    const size_t idat = find_chunk(png, "IDAT");
    ASSERT_GT(idat, 0u);
    const Bytes bad = with_empty_idat(png, idat);
    EXPECT_NE(cccd::io::check_png_chunks(bad).find("empty IDAT"), std::string::npos);
    const auto img = cccd::io::load_image_from_memory(bad.data(), bad.size());
    EXPECT_FALSE(img.ok());
    EXPECT_NE(img.error.find("empty IDAT"), std::string::npos) << img.error;
}

TEST(PngChunks, AnEmptyIdatAfterTheDataStillDecodes) {
    const Bytes png = read_file(kPng);
    const size_t iend = find_chunk(png, "IEND");
    ASSERT_GT(iend, 0u);
    const Bytes late = with_empty_idat(png, iend);
    EXPECT_EQ(cccd::io::check_png_chunks(late), "");
    EXPECT_TRUE(cccd::io::load_image_from_memory(late.data(), late.size()).ok());
}

TEST(PngChunks, OtherFilesAreLeftToTheDecoder) {
    EXPECT_EQ(cccd::io::check_png_chunks(Bytes{0xFF, 0xD8, 0xFF}), "");
    EXPECT_EQ(cccd::io::check_png_chunks({}), "");
    Bytes cut = read_file(kPng);
    cut.resize(40);  // inside a chunk
    EXPECT_EQ(cccd::io::check_png_chunks(cut), "");
}

// image_decode_fuzz's finding: an indexed PNG whose first IDAT chunk is empty made stb_image 2.27 memcpy
// zero bytes to a null pointer. Loading must now fail with a message before stb sees it.
TEST(PngChunks, FuzzFindingIsRefusedByTheLoader) {
    testsupport::expect_finding_refused("stb-png-empty-idat.png", "empty IDAT");
}

TEST(PngChunks, AnIdatLongerThanTheFileIsRefused) {
    Bytes png = read_file(kPng);
    const size_t idat = find_chunk(png, "IDAT");
    ASSERT_GT(idat, 0u);
    png[idat] = 0x40;  // the length field now says 1 GiB and more
    EXPECT_NE(cccd::io::check_png_chunks(png).find("more than the file holds"), std::string::npos);
    // A file cut off inside its image data is refused the same way; one cut off inside another chunk
    // (here IHDR) is left to stb, which allocates nothing for it and reports the truncation.
    Bytes cut = read_file(kPng);
    cut.resize(find_chunk(cut, "IDAT") + 20);
    EXPECT_NE(cccd::io::check_png_chunks(cut).find("more than the file holds"), std::string::npos);
    cut.resize(8 + 8 + 5);
    EXPECT_EQ(cccd::io::check_png_chunks(cut), "");
    const auto img = cccd::io::load_image_from_memory(cut.data(), cut.size());
    EXPECT_FALSE(img.ok());
}

// image_decode_fuzz's eighth finding: a second IDAT chunk declaring 1.18 GB in a 705-byte file; stb_image
// 2.27 asked for 2 GiB before finding the data missing. Loading must fail before stb allocates.
TEST(PngChunks, OversizedIdatFindingIsRefusedByTheLoader) {
    testsupport::expect_finding_refused("stb-png-idat-past-end.png", "more than the file holds");
}

}  // namespace
