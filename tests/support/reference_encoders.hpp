#pragma once
// Independent QR encoders for round-trip tests, run as processes: Debian's `qrencode` CLI and the npm
// `qrcode` package (through tests/support/qrcode_grids.mjs). Their text output becomes ModuleGrids.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "qr/grid/module_grid.hpp"

namespace cccd::testsupport {

inline std::filesystem::path support_dir() { return std::filesystem::path(__FILE__).parent_path(); }

// Runs `command` through the shell and returns its standard output, or nothing if it failed.
inline std::optional<std::string> run_capture(const std::string& command) {
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return std::nullopt;
    std::string out;
    char buffer[65536];
    size_t n = 0;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
    if (pclose(pipe) != 0) return std::nullopt;
    return out;
}

inline std::string shell_quote(std::string_view s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

inline bool write_file(const std::filesystem::path& path, std::string_view bytes) {
    std::ofstream f(path, std::ios::binary);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return static_cast<bool>(f);
}

// A fresh directory under the system temp directory, for one test's files.
inline std::filesystem::path scratch_dir(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() / ("cccd_qr_" + name + "_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

// qrencode -t ASCII -m 0: one text row per module row, "##" for dark and "  " for light.
inline std::optional<qr::ModuleGrid> parse_ascii_grid(std::string_view text) {
    std::vector<std::string_view> rows;
    for (size_t start = 0; start < text.size();) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        if (end > start) rows.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    const int n = static_cast<int>(rows.size());
    if (n == 0) return std::nullopt;
    qr::ModuleGrid grid = qr::ModuleGrid::blank(n);
    for (int y = 0; y < n; ++y) {
        const auto row = rows[static_cast<size_t>(y)];
        if (row.size() != static_cast<size_t>(2 * n)) return std::nullopt;
        for (int x = 0; x < n; ++x) grid.set(x, y, row[static_cast<size_t>(2 * x)] == '#');
    }
    return grid;
}

inline bool have_qrencode() { return run_capture("qrencode -V >/dev/null 2>&1 && echo ok").value_or("") == "ok\n"; }

// Encodes the bytes in `input` with qrencode and the given options (e.g. "-v 5 -l Q -8").
inline std::optional<qr::ModuleGrid> qrencode_grid(const std::filesystem::path& dir, std::string_view input,
                                                   const std::string& options) {
    const auto file = dir / "input.bin";
    if (!write_file(file, input)) return std::nullopt;
    const auto out =
        run_capture("qrencode -t ASCII -m 0 -o - " + options + " -r " + shell_quote(file.string()) + " 2>/dev/null");
    if (!out) return std::nullopt;
    return parse_ascii_grid(*out);
}

inline std::string node_script_command(const std::filesystem::path& jobs) {
    return "node " + shell_quote((support_dir() / "qrcode_grids.mjs").string()) + " " + shell_quote(jobs.string()) +
           " 2>/dev/null";
}

inline bool have_node_qrcode(const std::filesystem::path& dir) {
    const auto jobs = dir / "probe.json";
    write_file(jobs, R"([{"version":1,"level":"L","mask":0,"segments":[{"mode":"numeric","data":"1"}]}])");
    const auto out = run_capture(node_script_command(jobs));
    return out && out->rfind("0 21 ", 0) == 0;
}

struct NodeGrid {
    bool ok = false;
    std::string error;
    qr::ModuleGrid grid;
    int version = 0;
    char level = '?';
    int mask = -1;
};

// Runs qrcode_grids.mjs on a JSON job list; one result per job, in order (empty if node failed).
inline std::vector<NodeGrid> node_grids(const std::filesystem::path& dir, const std::string& jobsJson) {
    const auto jobs = dir / "jobs.json";
    if (!write_file(jobs, jobsJson)) return {};
    const auto out = run_capture(node_script_command(jobs));
    if (!out) return {};
    std::vector<NodeGrid> results;
    size_t start = 0;
    while (start < out->size()) {
        size_t end = out->find('\n', start);
        if (end == std::string::npos) end = out->size();
        const std::string line = out->substr(start, end - start);
        start = end + 1;
        if (line.empty()) continue;
        NodeGrid r;
        const size_t sp1 = line.find(' ');
        const std::string rest = line.substr(sp1 + 1);
        if (rest.rfind("ERROR", 0) == 0) {
            r.error = rest;
        } else {
            int size = 0;
            char level = '?';
            int version = 0, mask = 0, consumed = 0;
            if (std::sscanf(rest.c_str(), "%d %d %c %d %n", &size, &version, &level, &mask, &consumed) == 4) {
                const std::string bits = rest.substr(static_cast<size_t>(consumed));
                if (size > 0 && bits.size() == static_cast<size_t>(size) * static_cast<size_t>(size)) {
                    r.grid = qr::ModuleGrid::blank(size);
                    for (size_t i = 0; i < bits.size(); ++i) r.grid.modules[i] = bits[i] == '1' ? 1 : 0;
                    r.ok = true;
                    r.version = version;
                    r.level = level;
                    r.mask = mask;
                }
            }
            if (!r.ok) r.error = "unparsable line: " + line.substr(0, 80);
        }
        results.push_back(std::move(r));
    }
    return results;
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

}  // namespace cccd::testsupport
