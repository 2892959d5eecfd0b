#pragma once
// A test whose input is not on this machine (a corpus, a tool, a reference reader) skips and says why;
// where everything must be present (CI: `.ci/test` sets CCCD_REQUIRE_ALL=1) the same statement fails the
// test instead, so a missing install step or corpus turns CI red rather than quietly green.
//   if (images.empty()) CCCD_UNAVAILABLE() << "corpus absent: " << dir;
#include <cstdlib>
#include <cstring>

#include <gtest/gtest.h>

namespace testsupport {

inline bool everything_required() {
    const char* v = std::getenv("CCCD_REQUIRE_ALL");
    return v != nullptr && std::strcmp(v, "1") == 0;
}

}  // namespace testsupport

// GTEST_SKIP() or GTEST_FAIL(), chosen at run time; both are `return AssertHelper(type, …) = Message()`
// underneath, which is what this spells out so that the message can be streamed either way.
#define CCCD_UNAVAILABLE()                                                                                    \
    return ::testing::internal::AssertHelper(testsupport::everything_required()                              \
                                                 ? ::testing::TestPartResult::kFatalFailure                  \
                                                 : ::testing::TestPartResult::kSkip,                         \
                                             __FILE__, __LINE__,                                              \
                                             testsupport::everything_required() ? "required here (CCCD_REQUIRE_ALL=1) but unavailable" : "") = \
               ::testing::Message()
