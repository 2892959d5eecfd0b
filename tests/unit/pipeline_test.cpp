// Tests for src/qr/pipeline.cpp with a stand-in grid decoder: the cheap binarizer comes first and the
// others only with tryHarder; located-but-undecodable is "unreadable", not "not found".
#include "qr/pipeline.hpp"

#include <gtest/gtest.h>

#include "support/reference_encoders.hpp"
#include "support/render.hpp"

namespace {

using namespace cccd;

int g_calls = 0;
qr::GridDecodeResult refuse(const qr::ModuleGrid&) {
    ++g_calls;
    qr::GridDecodeResult r;
    r.error = qr::GridError::too_many_errors;
    r.message = "refused by the test";
    return r;
}
qr::GridDecodeResult accept(const qr::ModuleGrid& g) {
    ++g_calls;
    qr::GridDecodeResult r;
    r.text = "size " + std::to_string(g.size);
    return r;
}

testsupport::Rendered frame() {
    const qr::ModuleGrid g = testsupport::qrencode_fixture("pipeline", 'M', 2);
    testsupport::RenderParams p;
    p.moduleSize = 4;
    p.angleDeg = 12;
    return testsupport::render(g, p);
}

TEST(Pipeline, LocatedButUndecodableIsUnreadable) {
    const auto r = frame();
    ASSERT_GT(r.width, 0);
    qr::DecoderScratch s;
    g_calls = 0;
    const auto res = qr::run_pipeline(r.view(), {}, qr::default_pipeline_config(), s, &refuse);
    EXPECT_EQ(res.status, qr::DecodeStatus::unreadable);
    EXPECT_EQ(res.message, "refused by the test");
    EXPECT_GT(g_calls, 0);
}

TEST(Pipeline, StopsAtTheFirstDecodedSymbol) {
    const auto r = frame();
    qr::DecoderScratch s;
    g_calls = 0;
    const auto res = qr::run_pipeline(r.view(), {}, qr::default_pipeline_config(), s, &accept);
    ASSERT_TRUE(res.found());
    EXPECT_EQ(res.symbols[0].data.text, "size 25");
    EXPECT_EQ(g_calls, 1);
}

TEST(Pipeline, TryHarderAddsBinarizations) {
    const auto r = frame();
    qr::DecoderScratch s;
    qr::DecodeOptions o;
    o.tryInverted = false;
    o.tryHarder = false;
    g_calls = 0;
    qr::run_pipeline(r.view(), o, qr::default_pipeline_config(), s, &refuse);
    const int fast = g_calls;
    o.tryHarder = true;
    g_calls = 0;
    qr::run_pipeline(r.view(), o, qr::default_pipeline_config(), s, &refuse);
    EXPECT_GT(g_calls, fast);
}

}  // namespace
