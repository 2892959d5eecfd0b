#pragma once
// A whole file's bytes as a string (empty when it cannot be read), for tests that load data files.
#include <fstream>
#include <sstream>
#include <string>

namespace testsupport {

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace testsupport
