// cccd-cardgen: writes synthetic card photos and their index.jsonl (the corpus harness's format).
// Card i of a run uses seed S + i, so `--seed S+i --count 1` makes that one card again.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include "cardgen.hpp"

namespace {

namespace cg = cccd::cardgen;

const char kUsage[] =
    "usage: cccd-cardgen --out DIR --side front|back --count N --seed S\n"
    "                    [--difficulty normal|hard|ladder] [--module-px X] [--size WxH]\n"
    "Writes DIR/card-0000.jpg ... and DIR/index.jsonl. Card i uses seed S+i.\n"
    "--module-px sets the module size (required by ladder: other conditions mild);\n"
    "--size sets the frame (e.g. 1280x720).\n";

[[noreturn]] void fail(const std::string& message, int code = 1) {
    std::fprintf(stderr, "cccd-cardgen: %s\n", message.c_str());
    if (code == 2) std::fputs(kUsage, stderr);
    std::exit(code);
}

bool parse_double(const char* s, double& out) {
    char* end = nullptr;
    out = std::strtod(s, &end);
    return end != s && *end == 0;
}

bool parse_u32(const char* s, unsigned long long limit, unsigned long long& out) {
    char* end = nullptr;
    if (!*s || *s == '-') return false;
    out = std::strtoull(s, &end, 10);
    return *end == 0 && out <= limit;
}

}  // namespace

int main(int argc, char** argv) {
    std::string out, side, difficulty = "normal";
    unsigned long long count = 0, seed = 0;
    bool haveCount = false, haveSeed = false;
    double modulePx = 0;
    int width = 0, height = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "-h" || arg == "--help") {
            std::fputs(kUsage, stdout);
            return 0;
        }
        if (i + 1 >= argc) fail("missing value after " + arg, 2);
        const char* value = argv[++i];
        if (arg == "--out") out = value;
        else if (arg == "--side") side = value;
        else if (arg == "--difficulty") difficulty = value;
        else if (arg == "--count") {
            if (!parse_u32(value, 1000000, count)) fail("--count wants a whole number up to 1000000", 2);
            haveCount = true;
        } else if (arg == "--seed") {
            if (!parse_u32(value, 0xFFFFFFFFull, seed)) fail("--seed wants a whole number below 2^32", 2);
            haveSeed = true;
        } else if (arg == "--module-px") {
            if (!parse_double(value, modulePx) || !(modulePx > 0.3 && modulePx <= 60)) fail("--module-px wants a number in (0.3, 60]", 2);
        } else if (arg == "--size") {
            if (std::sscanf(value, "%dx%d", &width, &height) != 2 || width < 32 || height < 32)
                fail("--size wants WxH, e.g. 1280x720", 2);
        } else {
            fail("unknown option " + arg, 2);
        }
    }
    if (out.empty() || !haveCount || !haveSeed) fail("--out, --count and --seed are required", 2);
    if (side != "front" && side != "back") fail("--side wants front or back", 2);
    cg::Difficulty level;
    if (difficulty == "normal") level = cg::Difficulty::normal();
    else if (difficulty == "hard") level = cg::Difficulty::hard();
    else if (difficulty == "ladder") {
        if (modulePx <= 0) fail("--difficulty ladder needs --module-px", 2);
        level = cg::Difficulty::ladder(modulePx);
    } else fail("--difficulty wants normal, hard or ladder", 2);

    std::error_code ec;
    std::filesystem::create_directories(out, ec);
    if (ec) fail("cannot create " + out + ": " + ec.message());
    std::ofstream index(std::filesystem::path(out) / "index.jsonl", std::ios::binary | std::ios::trunc);
    if (!index) fail("cannot write " + out + "/index.jsonl");

    const cg::Side cardSide = side == "front" ? cg::Side::front : cg::Side::back;
    for (unsigned long long i = 0; i < count; ++i) {
        cg::CardSpec spec = cg::random_spec(cardSide, static_cast<uint32_t>(seed + i), level);
        if (modulePx > 0) spec.modulePx = modulePx;
        if (width > 0) spec.width = width, spec.height = height;
        const cg::CardPhoto photo = cg::make_card_photo(spec);
        if (!photo.ok()) fail(photo.error + " (seed " + std::to_string(seed + i) + ")");
        char name[32];
        std::snprintf(name, sizeof name, "card-%04llu.jpg", i);
        std::ofstream file(std::filesystem::path(out) / name, std::ios::binary | std::ios::trunc);
        file.write(reinterpret_cast<const char*>(photo.jpeg.data()), static_cast<std::streamsize>(photo.jpeg.size()));
        if (!file) fail(std::string("cannot write ") + out + "/" + name);
        index << cg::index_json_line(name, photo) << '\n';
    }
    index.flush();
    if (!index) fail("cannot write " + out + "/index.jsonl");
    std::fprintf(stderr, "cccd-cardgen: %llu %s card(s) in %s\n", count, side.c_str(), out.c_str());
    return 0;
}
