// Differential test against ZXing-C++ 1.4 (Debian libzxing-dev, tests only): on every corpus image
// (zxing-samples, cccd-synth normal and hard) where both readers find a symbol, our data bytes must equal
// ZXing's, and so must the text wherever neither reader had to guess a character set (no byte data
// beyond ASCII without an ECI, nothing unconvertible). Where one of them guessed, differing texts are
// listed but not failed: that is a difference of opinion, not of reading.
//   build/native/corpus_tests --gtest_filter='QrDifferential.*'
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <string>
#include <vector>

#include "support/unavailable.hpp"
#include "io/image_file.hpp"
#include "qr/decoder.hpp"
#include "support/corpus_index.hpp"
#include "support/zxing_reference.hpp"


namespace {

struct Tally {
    int images = 0, both = 0, sameBytes = 0, textCompared = 0, guessedTextSame = 0, guessedTextDiffers = 0, nested = 0;
};

// Whether p lies inside the convex quadrilateral q (corners in order, either turn).
bool inside(const std::array<cccd::qr::Point, 4>& q, float x, float y) {
    int positive = 0, negative = 0;
    for (size_t i = 0; i < 4; ++i) {
        const cccd::qr::Point a = q[i], b = q[(i + 1) % 4];
        const float cross = (b.x - a.x) * (y - a.y) - (b.y - a.y) * (x - a.x);
        positive += cross > 0 ? 1 : 0;
        negative += cross < 0 ? 1 : 0;
    }
    return positive == 0 || negative == 0;
}

std::string hex_prefix(const std::vector<uint8_t>& bytes) {
    std::string s;
    char buf[4];
    for (size_t i = 0; i < bytes.size() && i < 24; ++i) {
        std::snprintf(buf, sizeof buf, "%02X ", bytes[i]);
        s += buf;
    }
    return s + (bytes.size() > 24 ? "..." : "") + "(" + std::to_string(bytes.size()) + " bytes)";
}

Tally compare_set(const std::vector<testsupport::CorpusImage>& images) {
    Tally t;
    cccd::qr::Decoder decoder;
    cccd::qr::DecodeOptions several;
    several.maxSymbols = 4;  // an image with several symbols: ZXing's must be one of ours
    for (const auto& img : images) {
        const auto loaded = cccd::io::load_image(img.path);
        if (!loaded.ok()) continue;
        ++t.images;
        auto ours = decoder.decode(loaded.view());
        const auto ref = testsupport::zxing_read(loaded.view());
        if (!ours.found() || !ref.found) continue;
        if (ours.symbols.front().data.bytes != ref.bytes) ours = decoder.decode(loaded.view(), several);
        ++t.both;
        const cccd::qr::GridDecodeResult* match = nullptr;
        for (const auto& s : ours.symbols)
            if (s.data.bytes == ref.bytes) match = &s.data;
        // A symbol printed inside another (zxing-samples qrcode-2/16.png, a "double QR"): each reader read
        // one of the two, and ours, asked for several, returns the outer one only. Listed, not failed.
        if (!match && inside(ours.symbols.front().corners, ref.centreX, ref.centreY)) {
            ++t.nested;
            std::printf("[   INFO   ] %s/%s: ZXing read the symbol inside ours\n", img.set.c_str(), img.name.c_str());
            continue;
        }
        if (!match) {
            ADD_FAILURE() << img.set << "/" << img.name << ": bytes differ\n  ours:  "
                          << hex_prefix(ours.symbols.front().data.bytes) << "\n  ZXing: " << hex_prefix(ref.bytes);
            continue;
        }
        ++t.sameBytes;
        const bool weAreSure = match->defaultCharset == cccd::qr::DefaultCharset::none && !match->textLossy;
        if (weAreSure) {
            ++t.textCompared;
            EXPECT_EQ(match->text, ref.text) << img.set << "/" << img.name << " (no charset guessed)";
        } else if (match->text == ref.text) {
            ++t.guessedTextSame;
        } else {
            ++t.guessedTextDiffers;
            std::printf("[   INFO   ] %s/%s: charset guessed (%s), texts differ: ours \"%s\", ZXing \"%s\"\n",
                        img.set.c_str(), img.name.c_str(), cccd::qr::charset_name(match->defaultCharset),
                        match->text.c_str(), ref.text.c_str());
        }
    }
    return t;
}

void check(const char* name, const std::vector<testsupport::CorpusImage>& images) {
    if (!testsupport::zxing_available()) CCCD_UNAVAILABLE() << testsupport::kNoZxing;
    if (images.empty()) CCCD_UNAVAILABLE() << "corpus absent: " << testsupport::corpus_dir() << " (set " << name << ")";
    const Tally t = compare_set(images);
    std::printf("[   INFO   ] %-18s %3d images, both read %3d, same bytes %3d; text: compared %3d, guessed and "
                "same %3d, guessed and different %d; ZXing read a symbol inside ours %d\n",
                name, t.images, t.both, t.sameBytes, t.textCompared, t.guessedTextSame, t.guessedTextDiffers, t.nested);
    EXPECT_GT(t.both, 0) << "no image was read by both decoders";
}

TEST(QrDifferential, ZxingSamples) { check("zxing-samples", testsupport::zxing_samples(testsupport::corpus_dir())); }
TEST(QrDifferential, CccdNormal) { check("cccd-synth/normal", testsupport::cccd_synth(testsupport::corpus_dir(), "normal")); }
TEST(QrDifferential, CccdHard) { check("cccd-synth/hard", testsupport::cccd_synth(testsupport::corpus_dir(), "hard")); }

}  // namespace
