// The C++ API as a user of the library meets it: this target sees include/cccd only (and the card
// generator under tools/, which draws the symbols), never src/, so an internal type leaking into a public
// header fails to compile here.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "cardgen/cardgen.hpp"
#include "cccd/card_json.hpp"
#include "cccd/parse_card.hpp"
#include "cccd/qr.hpp"

namespace {

const std::string kPayload =
    "001085012345|012345678|Nguyễn Văn An|15081985|Nam|Số 1, Đường Láng, Phường Láng Thượng, Quận Đống Đa, "
    "Thành phố Hà Nội|04102024";

struct Page {  // white luminance pixels with symbols drawn on them
    int width, height;
    std::vector<std::uint8_t> pixels;
    Page(int w, int h) : width(w), height(h), pixels(static_cast<size_t>(w) * static_cast<size_t>(h), 235) {}
    void draw(const cccd::cardgen::QrGrid& g, int left, int top, int module) {
        for (int y = 0; y < g.size * module; ++y)
            for (int x = 0; x < g.size * module; ++x)
                if (g.dark(x / module, y / module))
                    pixels[static_cast<size_t>(top + y) * static_cast<size_t>(width) + static_cast<size_t>(left + x)] = 20;
    }
    cccd::LumaImage image() const { return {pixels.data(), width, height, width}; }
};

cccd::cardgen::QrGrid card_symbol(const std::string& text) {
    const cccd::cardgen::QrGrid g = cccd::cardgen::encode_qr(text, 7, 'M');
    EXPECT_TRUE(g.error.empty()) << g.error;
    return g;
}

TEST(PublicApi, ReadsACardsQrCodeAndParsesItsPayload) {
    const auto g = card_symbol(kPayload);
    Page page(400, 300);
    page.draw(g, 60, 40, 4);
    cccd::QrReader reader;
    const cccd::QrResult r = reader.read(page.image());
    ASSERT_TRUE(r.found()) << r.message;
    ASSERT_EQ(r.codes.size(), 1u);
    const cccd::QrCode& code = r.codes[0];
    EXPECT_EQ(code.text, kPayload);
    EXPECT_EQ(std::string(code.bytes.begin(), code.bytes.end()), kPayload);  // byte mode, UTF-8
    EXPECT_EQ(code.version, g.version);
    EXPECT_EQ(code.ecLevel, 'M');
    EXPECT_GE(code.mask, 0);
    EXPECT_LE(code.mask, 7);
    EXPECT_EQ(code.correctedErrors, 0);
    EXPECT_FALSE(code.mirrored);
    EXPECT_NEAR(code.moduleSize, 4.0f, 0.2f);
    const float side = static_cast<float>(g.size * 4);
    const cccd::QrPoint want[4] = {{60, 40}, {60 + side, 40}, {60 + side, 40 + side}, {60, 40 + side}};
    for (int i = 0; i < 4; ++i) {
        EXPECT_NEAR(code.corners[static_cast<size_t>(i)].x, want[i].x, 1.5f) << "corner " << i;
        EXPECT_NEAR(code.corners[static_cast<size_t>(i)].y, want[i].y, 1.5f) << "corner " << i;
    }

    const cccd::CardResult card = cccd::parse_card(code.text, cccd::Date{2026, 12, 5});
    EXPECT_TRUE(card.ok);
    EXPECT_EQ(card.format, "cccd-2021");
    EXPECT_EQ(card.fields.id, "001085012345");
    EXPECT_EQ(card.fields.name, "Nguyễn Văn An");
    EXPECT_NE(cccd::to_json(card).find("\"id\":\"001085012345\""), std::string::npos);
}

TEST(PublicApi, ReadAllGivesEveryCodeOnce) {
    const auto a = card_symbol(kPayload);
    const auto b = card_symbol("079303001234|123456789|Trần Thị Bích Ngọc|05062003|Nữ|Số 12 Lê Lợi|20072021");
    Page page(700, 300);
    page.draw(a, 30, 40, 4);
    page.draw(b, 380, 40, 4);
    cccd::QrReader reader;
    const cccd::QrResult all = reader.readAll(page.image());
    ASSERT_TRUE(all.found()) << all.message;
    ASSERT_EQ(all.codes.size(), 2u);
    EXPECT_NE(all.codes[0].text, all.codes[1].text);
    for (const auto& c : all.codes) EXPECT_TRUE(c.text == kPayload || c.text.rfind("079303001234|", 0) == 0) << c.text;
    const cccd::QrResult first = reader.read(page.image());  // read stops at one
    ASSERT_EQ(first.codes.size(), 1u);
}

TEST(PublicApi, BadImagesAreRefusedWithAReasonAndBlankOnesHoldNothing) {
    cccd::QrReader reader;
    std::vector<std::uint8_t> px(100 * 100, 235);
    for (const cccd::LumaImage bad : {cccd::LumaImage{nullptr, 100, 100, 100}, cccd::LumaImage{px.data(), 0, 100, 100},
                                      cccd::LumaImage{px.data(), 100, 100, 50}, cccd::LumaImage{px.data(), 100, -1, 100}}) {
        const cccd::QrResult r = reader.read(bad);
        EXPECT_EQ(r.status, cccd::QrStatus::invalid_input);
        EXPECT_FALSE(r.message.empty());
        EXPECT_TRUE(r.codes.empty());
    }
    const cccd::QrResult blank = reader.read({px.data(), 100, 100, 100});
    EXPECT_EQ(blank.status, cccd::QrStatus::not_found);
    EXPECT_FALSE(blank.found());
}

TEST(PublicApi, AMovedFromReaderStillReads) {
    const auto g = card_symbol(kPayload);
    Page page(400, 300);
    page.draw(g, 60, 40, 4);
    cccd::QrReader a;
    cccd::QrReader b = std::move(a);
    EXPECT_TRUE(b.read(page.image()).found());
    EXPECT_TRUE(a.read(page.image()).found());  // NOLINT(bugprone-use-after-move): documented to work
}

}  // namespace
