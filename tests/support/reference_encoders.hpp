#pragma once
// Symbols made by independent QR encoders, for round-trip tests: Debian's `qrencode` and the npm `qrcode`
// package. They are kept as fixtures (tests/fixtures/grids, issue 19): tests/fixtures/grids/regenerate.mjs
// ran the encoders once, and the tests read the grids back here, keyed by the encoder and its whole input;
// no program runs at test time. A call whose fixture is missing (or unreadable, or made for another input)
// fails the test that made it, naming the input and the command that makes the fixture.
//
// A call is a request line: "qrencode\t<options>\t<input bytes in hex>", "qrencode-S\t<options>\t<hex>"
// (Structured Append) or "qrcode\t<job JSON>" (npm). Its fixture is <dir>/<stem>-<key>.txt, the stem
// <encoder>-v<version><level>[-m<mask>] and the key the FNV-1a 64 of the request line in 16 hex digits:
//   #cccd-grid <key> <encoder and its version>
//   #request <the request, abridged>                   for people; the key is what is checked
//   symbol size=<n> [version=<v> level=<L> mask=<m>]   then n rows, one per module row: the modules six
//   <row>                                              to a base64url digit (A-Z a-z 0-9 - _), the
//   ...                                                leftmost the top bit, dark = 1, the last digit
//                                                      padded with light modules
// (several symbol blocks for qrencode -S; "error <message>" where the encoder refused the input).
//
// Record mode, for regenerate.mjs: with CCCD_GRID_FIXTURES_RECORD=FILE every call appends
// "<fixture path>\t<test name>\t<request line>" to FILE, and a missing fixture gives a blank grid of the
// asked-for version instead of a failure.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "qr/grid/module_grid.hpp"

namespace testsupport {

namespace grid_fixtures {

inline std::filesystem::path dir() {
#ifdef CCCD_REPO_DIR
    return std::filesystem::path(CCCD_REPO_DIR) / "tests" / "fixtures" / "grids";
#else
    return std::filesystem::path(__FILE__).parent_path().parent_path() / "fixtures" / "grids";
#endif
}

inline constexpr const char* kRegenerate =
    "node tests/fixtures/grids/regenerate.mjs <build dir>/unit_tests (see docs/testing.md)";

inline std::string hex(std::string_view bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char c : bytes) {
        out += kDigits[c >> 4];
        out += kDigits[c & 15];
    }
    return out;
}

// Bytes as they can be shown in a message: control characters and DEL as \xNN.
inline std::string printable(std::string_view bytes) {
    std::string out;
    for (unsigned char c : bytes) {
        if (c < 0x20 || c == 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

inline std::string key_of(std::string_view request) {
    uint64_t h = 0xcbf29ce484222325ull;
    for (unsigned char c : request) {
        h ^= c;
        h *= 0x100000001b3ull;
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

// A request as people read it: tabs as " | ", cut at 100 characters.
inline std::string abridged(std::string_view request) {
    std::string out;
    for (char c : request.substr(0, 100)) out += c == '\t' ? std::string(" | ") : std::string(1, c);
    if (request.size() > 100) out += "... (" + std::to_string(request.size()) + " characters)";
    return out;
}

struct Symbol {
    cccd::qr::ModuleGrid grid;
    int version = 0;  // as the encoder reported it (npm), else 0
    char level = '?';
    int mask = -1;
};

struct Fixture {
    bool found = false;     // false: a test failure was already added
    std::string error;      // the encoder refused the input (its message)
    std::vector<Symbol> symbols;
};

inline int base64url_value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '-') return 62;
    if (c == '_') return 63;
    return -1;
}

// Parses a fixture file's text; on failure returns false with `problem` set.
inline bool parse(const std::string& text, const std::string& key, Fixture& out, std::string& problem) {
    std::istringstream in(text);
    std::string line;
    int lineNo = 0;
    const auto fail = [&](const std::string& why) {
        problem = "line " + std::to_string(lineNo) + ": " + why;
        return false;
    };
    if (!std::getline(in, line)) return fail("empty file");
    ++lineNo;
    if (line.rfind("#cccd-grid ", 0) != 0) return fail("no #cccd-grid header");
    if (line.compare(11, key.size(), key) != 0) return fail("made for another input (key is not " + key + ")");
    while (std::getline(in, line)) {
        ++lineNo;
        if (line.empty() || line[0] == '#') continue;
        if (line.rfind("error ", 0) == 0) {
            out.error = line.substr(6);
            continue;
        }
        Symbol s;
        int size = 0;
        if (std::sscanf(line.c_str(), "symbol size=%d version=%d level=%c mask=%d", &size, &s.version, &s.level,
                        &s.mask) < 1 ||
            size < 21 || size > 177)
            return fail("expected \"symbol size=N ...\", got \"" + line.substr(0, 40) + "\"");
        s.grid = cccd::qr::ModuleGrid::blank(size);
        const size_t digits = static_cast<size_t>(size + 5) / 6;
        for (int y = 0; y < size; ++y) {
            if (!std::getline(in, line)) return fail("the file ends in symbol row " + std::to_string(y));
            ++lineNo;
            if (line.size() != digits) {
                return fail("row of " + std::to_string(line.size()) + " digits, not " + std::to_string(digits));
            }
            for (int x = 0; x < size; ++x) {
                const char digit = line[static_cast<size_t>(x / 6)];
                const int v = base64url_value(digit);
                if (v < 0) return fail("not a base64url digit: '" + std::string(1, digit) + "'");
                s.grid.set(x, y, (v >> (5 - x % 6)) & 1);
            }
        }
        out.symbols.push_back(std::move(s));
    }
    if (out.symbols.empty() && out.error.empty()) return fail("no symbol");
    out.found = true;
    return true;
}

// The fixture for `request` (whose file is named `stem`-<key>.txt). A missing or unreadable one adds a
// test failure saying `what` was asked and how to make it, and gives found = false; in record mode a
// missing one gives one blank symbol of `placeholderSize` modules.
inline Fixture lookup(const std::string& request, const std::string& stem, int placeholderSize,
                      const std::string& what) {
    const std::string key = key_of(request);
    const std::string name = stem + "-" + key + ".txt";
    const auto path = dir() / name;
    const char* record = std::getenv("CCCD_GRID_FIXTURES_RECORD");
    if (record != nullptr && *record != '\0') {
        const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
        std::ofstream(record, std::ios::app) << path.string() << '\t'
                                             << (test ? std::string(test->test_suite_name()) + "." + test->name() : "")
                                             << '\t' << request << '\n';
    }
    std::ifstream f(path, std::ios::binary);
    Fixture fixture;
    if (!f) {
        if (record != nullptr && *record != '\0') {
            fixture.found = true;
            fixture.symbols.push_back({cccd::qr::ModuleGrid::blank(placeholderSize), 0, '?', -1});
            return fixture;
        }
        ADD_FAILURE() << "no reference grid fixture for " << what << "\n  request: " << abridged(request)
                      << "\n  expected file: " << path.string() << "\n  make it with: " << kRegenerate;
        return fixture;
    }
    std::stringstream text;
    text << f.rdbuf();
    std::string problem;
    if (!parse(text.str(), key, fixture, problem)) {
        ADD_FAILURE() << "unreadable reference grid fixture " << path.string() << " (" << problem << ") for "
                      << what << "\n  request: " << abridged(request) << "\n  make it again with: " << kRegenerate;
        return Fixture{};
    }
    return fixture;
}

// The value after `flag` among the space-separated `options` ("-v 5 -l Q -8", "-v" -> "5"), or "".
inline std::string option_value(const std::string& options, const std::string& flag) {
    std::istringstream in(options);
    std::string word;
    while (in >> word)
        if (word == flag && in >> word) return word;
    return {};
}

// File name stem of a qrencode call: "qrencode-v05Q" (version 0: qrencode chose it).
inline std::string qrencode_stem(const char* encoder, const std::string& options, int& version) {
    const std::string v = option_value(options, "-v"), l = option_value(options, "-l");
    version = v.empty() ? 0 : std::atoi(v.c_str());
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s-v%02d%s", encoder, version, l.empty() ? "L" : l.c_str());
    return buf;
}

}  // namespace grid_fixtures

// qrencode -t ASCII -m 0 OPTIONS on the bytes of `input` (e.g. options "-v 5 -l Q --strict-version -8").
inline std::optional<cccd::qr::ModuleGrid> qrencode_grid(std::string_view input, const std::string& options) {
    int version = 0;
    const std::string stem = grid_fixtures::qrencode_stem("qrencode", options, version);
    const std::string request = "qrencode\t" + options + "\t" + grid_fixtures::hex(input);
    const std::string what = "qrencode " + options + " on " + std::to_string(input.size()) + " bytes \"" +
                             grid_fixtures::printable(input.substr(0, 60)) + (input.size() > 60 ? "...\"" : "\"");
    auto f = grid_fixtures::lookup(request, stem, version > 0 ? 17 + 4 * version : 21, what);
    if (!f.found || f.symbols.size() != 1) return std::nullopt;
    return std::move(f.symbols.front().grid);
}

// qrencode -l LEVEL -v VERSION TEXT (version 0: the smallest that holds it), for the tests that draw or
// sample a symbol; an empty grid (size 0), and a test failure, when its fixture is missing.
inline cccd::qr::ModuleGrid qrencode_fixture(const std::string& text, char ecLevel = 'M', int version = 0) {
    std::string options = "-l " + std::string(1, ecLevel);
    if (version > 0) options += " -v " + std::to_string(version);
    return qrencode_grid(text, options).value_or(cccd::qr::ModuleGrid{});
}

// qrencode -S (Structured Append) -t ASCII -m 0 OPTIONS on the bytes of `input`: the symbols in order.
inline std::vector<cccd::qr::ModuleGrid> qrencode_structured(std::string_view input, const std::string& options) {
    int version = 0;
    const std::string stem = grid_fixtures::qrencode_stem("qrencode-S", options, version);
    const std::string request = "qrencode-S\t" + options + "\t" + grid_fixtures::hex(input);
    auto f = grid_fixtures::lookup(request, stem, version > 0 ? 17 + 4 * version : 21,
                                   "qrencode -S " + options + " on \"" + grid_fixtures::printable(input) + "\"");
    std::vector<cccd::qr::ModuleGrid> out;
    for (auto& s : f.symbols) out.push_back(std::move(s.grid));
    return out;
}

struct NodeGrid {
    bool ok = false;
    std::string error;
    cccd::qr::ModuleGrid grid;
    int version = 0;
    char level = '?';
    int mask = -1;
};

// The npm qrcode package's symbols for jobs, one result per job in order. A job is a JSON object (what
// tests/support/qrcode_grids.mjs takes): {"version":V,"level":"L","mask":M,"segments":[{"mode":"numeric",
// "data":"123"} | {"bytes":[..]}, ..]}.
inline std::vector<NodeGrid> node_grids(const std::vector<std::string>& jobs) {
    std::vector<NodeGrid> out;
    for (const std::string& job : jobs) {
        int version = 0, mask = -1;
        char level = '?';
        std::sscanf(job.c_str(), "{\"version\":%d,\"level\":\"%c\",\"mask\":%d", &version, &level, &mask);
        char stem[64];
        std::snprintf(stem, sizeof stem, "qrcode-v%02d%c-m%d", version, level, mask);
        auto f = grid_fixtures::lookup("qrcode\t" + job, stem, version > 0 ? 17 + 4 * version : 21,
                                       "npm qrcode job " + grid_fixtures::abridged(job));
        NodeGrid r;
        if (!f.found) {
            r.error = "no fixture";
        } else if (!f.error.empty()) {
            r.error = f.error;
        } else if (f.symbols.size() != 1) {
            r.error = "fixture holds " + std::to_string(f.symbols.size()) + " symbols";
        } else {
            grid_fixtures::Symbol& s = f.symbols.front();
            r.ok = true;
            r.grid = std::move(s.grid);
            r.version = s.version;
            r.level = s.level;
            r.mask = s.mask;
        }
        out.push_back(std::move(r));
    }
    return out;
}

// A JSON string literal (UTF-8 passes through; quotes, backslashes and control characters escaped).
inline std::string json_string(std::string_view s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out + "\"";
}

}  // namespace testsupport
