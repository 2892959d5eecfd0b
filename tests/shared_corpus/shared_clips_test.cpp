// The MJPEG checker (tools/cardgen/mjpeg_check) against the shared cccd-handheld clips, which are known to
// play as Chromium's fake camera (../shared/corpus only: the sample corpus's clips are cardgen's own).
//   build/native/shared_corpus_tests --gtest_filter='SharedClips.*'
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "cardgen/cardgen.hpp"
#include "support/unavailable.hpp"

namespace {

namespace cg = cccd::cardgen;

TEST(SharedClips, MjpegCheckerAcceptsThem) {
    // The checker against clips known to play as Chromium's fake camera.
    int checked = 0;
    for (const char* name : {"front-mild-720", "front-mild-1080", "back-mild-720", "front-hard-720"}) {
        std::ifstream file(std::string(CCCD_SHARED_CORPUS_DIR) + "/cccd-handheld/" + name + ".mjpeg", std::ios::binary);
        if (!file) continue;
        const std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
        int n = 0, w = 0, h = 0;
        EXPECT_EQ(cg::check_mjpeg(bytes.data(), bytes.size(), n, w, h), "") << name;
        EXPECT_EQ(n, 90) << name;
        EXPECT_EQ(h, std::string(name).find("1080") != std::string::npos ? 1080 : 720) << name;
        ++checked;
    }
    if (checked == 0) CCCD_UNAVAILABLE() << "no cccd-handheld corpus at " << CCCD_SHARED_CORPUS_DIR;
}

}  // namespace
