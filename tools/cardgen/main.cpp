// cccd-cardgen: writes synthetic card photos and their index.jsonl (the corpus harness's format).
// Card i of a run uses seed S + i, so `--seed S+i --count 1` makes that one card again.
// With --clip: a handheld MJPEG clip and its JSON (frame-by-frame ground truth) instead.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "cardgen.hpp"

namespace {

namespace cg = cccd::cardgen;

const char kUsage[] =
    "usage: cccd-cardgen --out DIR --side front|back --count N --seed S\n"
    "                    [--difficulty normal|hard|ladder] [--module-px X] [--size WxH] [--tilt T]\n"
    "Writes DIR/card-0000.jpg ... and DIR/index.jsonl. Card i uses seed S+i.\n"
    "--module-px sets the module size (required by ladder: other conditions mild);\n"
    "--size sets the frame (e.g. 1280x720); --tilt T leans every card by T (0..0.3: opposite card edges\n"
    "differ in scale by that share; 0.3 is a lean of about 64 degrees).\n"
    "\n"
    "       cccd-cardgen --clip OUT.mjpeg --side front|back --seed S [--size 1280x720] [--frames 90]\n"
    "                    [--scenario single|two-cards|swap] [--difficulty mild|hard]\n"
    "Writes a handheld clip (MJPEG, Chromium's fake camera plays it) and OUT.mjpeg.json.\n";

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

int run_clip(const std::string& path, const std::string& side, unsigned long long seed, const std::string& difficulty,
             int width, int height, int frames, const std::string& scenario) {
    if (side != "front" && side != "back") fail("--side wants front or back", 2);
    if (difficulty != "mild" && difficulty != "hard") fail("--difficulty wants mild or hard with --clip", 2);
    cg::ClipSpec spec = cg::clip_preset(side == "front" ? cg::Side::front : cg::Side::back, static_cast<uint32_t>(seed),
                                        difficulty == "hard" ? cg::ClipDifficulty::hard : cg::ClipDifficulty::mild,
                                        width > 0 ? width : 1280, height > 0 ? height : 720);
    if (frames > 0) spec.frames = frames;
    if (scenario == "single") spec.scenario = cg::ClipSpec::single;
    else if (scenario == "two-cards") spec.scenario = cg::ClipSpec::twoCards;
    else if (scenario == "swap") spec.scenario = cg::ClipSpec::swapMidClip;
    else fail("--scenario wants single, two-cards or swap", 2);
    const auto start = std::chrono::steady_clock::now();
    if (const std::string err = cg::write_clip(spec, path); !err.empty()) fail(err);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr, "cccd-cardgen: %d frames %dx%d (%s, %s) in %s and %s.json, %.0f ms a frame\n", spec.frames,
                 spec.width, spec.height, scenario.c_str(), difficulty.c_str(), path.c_str(), path.c_str(), ms / spec.frames);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::string out, side, difficulty = "normal", clip, scenario = "single";
    bool haveDifficulty = false;
    unsigned long long frames = 0;
    unsigned long long count = 0, seed = 0;
    bool haveCount = false, haveSeed = false;
    double modulePx = 0, tilt = -1;
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
        else if (arg == "--difficulty") difficulty = value, haveDifficulty = true;
        else if (arg == "--clip") clip = value;
        else if (arg == "--scenario") scenario = value;
        else if (arg == "--frames") {
            if (!parse_u32(value, 100000, frames) || frames == 0) fail("--frames wants a whole number in 1..100000", 2);
        }
        else if (arg == "--count") {
            if (!parse_u32(value, 1000000, count)) fail("--count wants a whole number up to 1000000", 2);
            haveCount = true;
        } else if (arg == "--seed") {
            if (!parse_u32(value, 0xFFFFFFFFull, seed)) fail("--seed wants a whole number below 2^32", 2);
            haveSeed = true;
        } else if (arg == "--module-px") {
            if (!parse_double(value, modulePx) || !(modulePx > 0.3 && modulePx <= 60)) fail("--module-px wants a number in (0.3, 60]", 2);
        } else if (arg == "--tilt") {
            if (!parse_double(value, tilt) || !(tilt >= 0 && tilt <= 0.3)) fail("--tilt wants a number in [0, 0.3]", 2);
        } else if (arg == "--size") {
            if (std::sscanf(value, "%dx%d", &width, &height) != 2 || width < 32 || height < 32)
                fail("--size wants WxH, e.g. 1280x720", 2);
        } else {
            fail("unknown option " + arg, 2);
        }
    }
    if (!clip.empty()) {
        if (!haveSeed) fail("--seed is required", 2);
        if (!out.empty() || haveCount || modulePx > 0 || tilt >= 0)
            fail("--out, --count, --module-px and --tilt are for photos, not --clip", 2);
        return run_clip(clip, side, seed, haveDifficulty ? difficulty : "mild", width, height, static_cast<int>(frames), scenario);
    }
    if (frames > 0 || scenario != "single") fail("--frames and --scenario go with --clip", 2);
    if (out.empty() || !haveCount || !haveSeed) fail("--out, --count and --seed are required", 2);
    if (side != "front" && side != "back") fail("--side wants front or back", 2);
    cg::Difficulty level;
    if (difficulty == "normal") level = cg::Difficulty::normal();
    else if (difficulty == "hard") level = cg::Difficulty::hard();
    else if (difficulty == "ladder") {
        if (modulePx <= 0) fail("--difficulty ladder needs --module-px", 2);
        level = cg::Difficulty::ladder(modulePx);
    } else fail("--difficulty wants normal, hard or ladder", 2);

    cg::PhotoSet set{out, side == "front" ? cg::Side::front : cg::Side::back, level, static_cast<uint32_t>(seed),
                     static_cast<int>(count), modulePx, {}};
    if (width > 0) set.sizes = {{width, height}};
    set.tilt = tilt;
    if (const std::string err = cg::write_photo_set(set); !err.empty()) fail(err);
    std::fprintf(stderr, "cccd-cardgen: %llu %s card(s) in %s\n", count, side.c_str(), out.c_str());
    return 0;
}
