// tests/support/unavailable.hpp: under CCCD_REQUIRE_ALL=1 (CI) a test whose input is missing fails.
#include "support/unavailable.hpp"

#include <cstdlib>
#include <string>

#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

namespace {

void missing_input() { CCCD_UNAVAILABLE() << "corpus absent: /nowhere"; }

struct RequireAll {  // sets CCCD_REQUIRE_ALL for one test and puts the old value back
    explicit RequireAll(const char* value) {
        if (const char* old = std::getenv("CCCD_REQUIRE_ALL")) saved = old, had = true;
        setenv("CCCD_REQUIRE_ALL", value, 1);
    }
    ~RequireAll() {
        if (had) setenv("CCCD_REQUIRE_ALL", saved.c_str(), 1);
        else unsetenv("CCCD_REQUIRE_ALL");
    }
    std::string saved;
    bool had = false;
};

TEST(Unavailable, FailsWhereEverythingIsRequired) {
    const RequireAll on("1");
    EXPECT_TRUE(testsupport::everything_required());
    EXPECT_FATAL_FAILURE(missing_input(), "corpus absent: /nowhere");
}

TEST(Unavailable, OnlyTheValueOneRequiresEverything) {
    for (const char* value : {"0", "", "yes", "true"}) {
        const RequireAll set(value);
        EXPECT_FALSE(testsupport::everything_required()) << "CCCD_REQUIRE_ALL=" << value;
    }
}

}  // namespace
