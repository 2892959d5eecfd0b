// Tests for src/wasm/frame_scanner.cpp (natively: it has no Emscripten dependency): the frame buffer's
// limits and reuse, wiping, and the scan JSON for frames without a code. Decoding real photos through
// the WASM build is tested in tests/node.
#include "wasm/frame_scanner.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace {

using cccd::wasm::FrameScanner;

TEST(FrameScanner, RefusesBadSizesWithCodes) {
    FrameScanner s;
    const struct { int w, h, ch; double cap; const char* code; } bad[] = {
        {0, 10, 1, 0, "invalid-argument"},   {10, -1, 1, 0, "invalid-argument"}, {10, 10, 3, 0, "invalid-argument"},
        {8193, 10, 1, 0, "too-large"},       {8192, 8192, 4, 0, "too-large"},     {10, 10, 1, 401, "too-large"},
    };
    for (const auto& b : bad) {
        const auto f = s.prepare(b.w, b.h, b.ch, b.cap);
        EXPECT_FALSE(f.ok) << b.w << "x" << b.h;
        EXPECT_EQ(f.code, b.code) << b.w << "x" << b.h;
        EXPECT_FALSE(f.message.empty());
        EXPECT_EQ(f.data, nullptr);
    }
}

TEST(FrameScanner, ScanBeforePrepareIsAnError) {
    FrameScanner s;
    EXPECT_EQ(s.scan_json(), R"({"ok":false,"code":"no-frame","message":"no frame was prepared before scan"})");
}

TEST(FrameScanner, ReusesTheBufferAndHonoursCapacity) {
    FrameScanner s;
    const auto a = s.prepare(640, 480, 4, 0);
    ASSERT_TRUE(a.ok);
    EXPECT_EQ(a.bytes, 640u * 480 * 4);
    const auto b = s.prepare(320, 240, 1, 320.0 * 240 * 1.5);  // a smaller frame: same memory
    ASSERT_TRUE(b.ok);
    EXPECT_EQ(b.data, a.data);
    EXPECT_EQ(b.bytes, 320u * 240 * 3 / 2);
}

TEST(FrameScanner, BlankFramesAreNotFoundInBothFormats) {
    FrameScanner s;
    for (int channels : {1, 4}) {
        const auto f = s.prepare(64, 48, channels, 0);
        ASSERT_TRUE(f.ok);
        std::fill(f.data, f.data + f.bytes, uint8_t{220});
        const std::string json = s.scan_json();
        EXPECT_NE(json.find(R"("ok":true,"found":false,"status":"not-found","frame":{"width":64,"height":48},"text":null,"corners":null)"),
                  std::string::npos) << json;
        EXPECT_NE(json.find(R"("fusedFrames":0)"), std::string::npos) << json;
        EXPECT_NE(json.find(R"("card":null)"), std::string::npos) << json;
        EXPECT_EQ(json.find("tracking"), std::string::npos) << json;  // single frames say nothing of tracks
        const std::string live = s.scan_json(true);
        EXPECT_NE(live.find(R"("found":false)"), std::string::npos) << live;
        EXPECT_NE(live.find(R"("tracking":false)"), std::string::npos) << live;
    }
}

TEST(FrameScanner, WipeZeroesThePixelsAndForgetsTheFrame) {
    FrameScanner s;
    auto f = s.prepare(32, 32, 4, 0);
    std::fill(f.data, f.data + f.bytes, uint8_t{255});
    s.scan_json();  // also fills the luminance copy
    s.wipe();
    EXPECT_NE(s.scan_json().find("no-frame"), std::string::npos);
    f = s.prepare(32, 32, 4, 0);
    EXPECT_TRUE(std::all_of(f.data, f.data + f.bytes, [](uint8_t v) { return v == 0; }));
    s.release();
    EXPECT_NE(s.scan_json().find("no-frame"), std::string::npos);
}

}  // namespace
