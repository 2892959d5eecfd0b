// Whole-frame decode time (Google Benchmark): our decoder and ZXing-C++ 1.4 on the same corpus frames at
// 640x480, 1280x720 and 1920x1080, with and without a code in view. One iteration decodes every frame of the
// set once; the counters give the per-frame mean and median (ms) and the share of frames read. At the end a
// table puts each pair side by side with the ratio ours / ZXing (median and mean per frame):
//   build/native/decode_bench [--benchmark_filter=1280x720]
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <string>

#include "bench_frames.hpp"
#include "qr/decoder.hpp"
#include "support/zxing_reference.hpp"

namespace {

using Clock = std::chrono::steady_clock;

struct FrameTimes {
    double medianMs = 0, meanMs = 0, foundPct = 0;
};
std::map<std::string, FrameTimes> g_results;  // "ours/1280x720/card" -> last run's per-frame times

template <typename Read>
void run(benchmark::State& state, const std::string& name, const std::vector<bench::Frame>& frames, Read read) {
    if (frames.empty()) {
        state.SkipWithError("no corpus frames of this size (set CCCD_CORPUS_DIR)");
        return;
    }
    std::vector<double> ms;
    size_t found = 0;
    for (auto _ : state) {
        for (const auto& f : frames) {
            const auto t0 = Clock::now();
            found += read(f) ? 1 : 0;
            ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        }
    }
    FrameTimes t;
    for (double v : ms) t.meanMs += v / static_cast<double>(ms.size());
    std::nth_element(ms.begin(), ms.begin() + static_cast<long>(ms.size() / 2), ms.end());
    t.medianMs = ms[ms.size() / 2];
    t.foundPct = 100.0 * static_cast<double>(found) / static_cast<double>(ms.size());
    g_results[name] = t;
    state.counters["frames"] = static_cast<double>(frames.size());
    state.counters["found%"] = t.foundPct;
    state.counters["frame_ms_median"] = t.medianMs;
    state.counters["frame_ms_mean"] = t.meanMs;
}

const char* const kDecoders[] = {"ours", "zxing_cpp_1_4"};

void register_size(int w, int h) {
    for (bool paint : {false, true}) {
        const std::string label = std::to_string(w) + "x" + std::to_string(h) + (paint ? "/no_code" : "/card");
        auto frames = std::make_shared<std::vector<bench::Frame>>(bench::corpus_frames(w, h, paint));
        auto decoder = std::make_shared<cccd::qr::Decoder>();
        const std::string ours = std::string(kDecoders[0]) + "/" + label, zx = std::string(kDecoders[1]) + "/" + label;
        benchmark::RegisterBenchmark(ours.c_str(), [frames, decoder, ours](benchmark::State& s) {
            run(s, ours, *frames, [&](const bench::Frame& f) { return decoder->decode(f.image.view()).found(); });
        })->Unit(benchmark::kMillisecond);
        if (!testsupport::zxing_available()) continue;  // built without ZXing-C++: ours alone
        benchmark::RegisterBenchmark(zx.c_str(), [frames, zx](benchmark::State& s) {
            run(s, zx, *frames, [](const bench::Frame& f) { return testsupport::zxing_read(f.image.view()).found; });
        })->Unit(benchmark::kMillisecond);
    }
}

void print_ratios() {
    std::printf("\n%-20s %10s %10s %8s   %10s %10s %8s   %7s %7s\n", "frames", "ours-med", "zxing-med", "ratio", "ours-mean",
                "zxing-mean", "ratio", "ours%", "zxing%");
    for (const auto& [name, ours] : g_results) {
        if (name.rfind(kDecoders[0], 0) != 0) continue;
        const std::string label = name.substr(std::string(kDecoders[0]).size() + 1);
        const auto zx = g_results.find(std::string(kDecoders[1]) + "/" + label);
        if (zx == g_results.end()) continue;
        const FrameTimes& z = zx->second;
        std::printf("%-20s %8.3fms %8.3fms %8.2f   %8.3fms %8.3fms %8.2f   %6.1f%% %6.1f%%\n", label.c_str(), ours.medianMs,
                    z.medianMs, ours.medianMs / z.medianMs, ours.meanMs, z.meanMs, ours.meanMs / z.meanMs, ours.foundPct,
                    z.foundPct);
    }
}

}  // namespace

int main(int argc, char** argv) {
    register_size(640, 480);
    register_size(1280, 720);
    register_size(1920, 1080);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    print_ratios();
    benchmark::Shutdown();
    return 0;
}
