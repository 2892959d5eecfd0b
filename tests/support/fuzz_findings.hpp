#pragma once
// The image fuzzer's findings (tests/fuzz/regressions/image_decode), for the tests of the guards that
// now refuse them: each must fail to load, with the guard's message.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "io/image_file.hpp"

namespace testsupport {

// Loads the finding `name` through the image loader and checks it is refused with a message containing
// `fragment`.
inline void expect_finding_refused(const std::string& name, const std::string& fragment) {
    SCOPED_TRACE(name);
    std::ifstream in(CCCD_REPO_DIR "/tests/fuzz/regressions/image_decode/" + name, std::ios::binary);
    const std::vector<uint8_t> file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ASSERT_FALSE(file.empty()) << "regression file missing";
    const auto img = cccd::io::load_image_from_memory(file.data(), file.size());
    EXPECT_FALSE(img.ok());
    EXPECT_NE(img.error.find(fragment), std::string::npos) << img.error;
}

}  // namespace testsupport
