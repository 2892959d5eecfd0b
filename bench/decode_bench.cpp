// Whole-frame decode time (Google Benchmark): our decoder and ZXing-C++ 1.4 on the same corpus frames at
// 640x480, 1280x720 and 1920x1080, with and without a code in view. Compare the pairs in one run:
//   build/native/decode_bench --benchmark_filter=1280x720
#include <benchmark/benchmark.h>

#include <string>

#include "bench_frames.hpp"
#include "qr/decoder.hpp"
#include "support/zxing_reference.hpp"

namespace {

template <typename Read>
void run(benchmark::State& state, const std::vector<bench::Frame>& frames, Read read) {
    if (frames.empty()) {
        state.SkipWithError("no corpus frames of this size (set CCCD_CORPUS_DIR)");
        return;
    }
    size_t i = 0, found = 0;
    for (auto _ : state) {
        const auto& f = frames[i++ % frames.size()];
        found += read(f) ? 1 : 0;
    }
    state.counters["frames"] = static_cast<double>(frames.size());
    state.counters["found%"] = 100.0 * static_cast<double>(found) / static_cast<double>(state.iterations());
}

void register_size(int w, int h) {
    for (bool paint : {false, true}) {
        const std::string label = std::to_string(w) + "x" + std::to_string(h) + (paint ? "/no_code" : "/card");
        auto frames = std::make_shared<std::vector<bench::Frame>>(bench::corpus_frames(w, h, paint));
        auto decoder = std::make_shared<cccd::qr::Decoder>();
        benchmark::RegisterBenchmark(("ours/" + label).c_str(), [frames, decoder](benchmark::State& s) {
            run(s, *frames, [&](const bench::Frame& f) { return decoder->decode(f.image.view()).found(); });
        })->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark(("zxing_cpp_1_4/" + label).c_str(), [frames](benchmark::State& s) {
            run(s, *frames, [](const bench::Frame& f) { return testsupport::zxing_read(f.image.view()).found; });
        })->Unit(benchmark::kMillisecond);
    }
}

}  // namespace

int main(int argc, char** argv) {
    register_size(640, 480);
    register_size(1280, 720);
    register_size(1920, 1080);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
