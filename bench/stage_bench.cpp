// Per-stage time of our decoder on the 1280x720 corpus frames (Google Benchmark), to see where a frame's
// time goes: local binarization, the finder scan (rows; rows and columns), symbol location, and the whole
// decode. build/native/stage_bench
#include <benchmark/benchmark.h>

#include <memory>

#include "bench_frames.hpp"
#include "image/binarize_global.hpp"
#include "qr/pipeline.hpp"

namespace {

using namespace cccd;

const std::vector<bench::Frame>& frames() {
    static const auto f = bench::corpus_frames(1280, 720, false);
    return f;
}

template <typename Fn>
void each_frame(benchmark::State& state, Fn fn) {
    const auto& fs = frames();
    if (fs.empty()) {
        state.SkipWithError("no corpus frames (set CCCD_CORPUS_DIR)");
        return;
    }
    size_t i = 0;
    for (auto _ : state) fn(fs[i++ % fs.size()].image.view());
}

const qr::PipelineConfig& config() {
    static const qr::PipelineConfig c = qr::default_pipeline_config();
    return c;
}

void BM_binarize_local(benchmark::State& state) {  // arg: fine radius (the decoder's first step uses 3)
    qr::DecoderScratch s;
    image::LocalBinarizeParams p = config().steps[0].local;
    p.fineRadius = static_cast<int>(state.range(0));
    each_frame(state, [&](const image::ImageView& v) { image::binarize_local(v, p, s.local, s.thresholds, s.binary); });
}

void BM_binarize_global(benchmark::State& state) {
    qr::DecoderScratch s;
    each_frame(state, [&](const image::ImageView& v) { image::binarize_global(v, s.thresholds, s.binary); });
}

void BM_finders(benchmark::State& state) {
    qr::DecoderScratch s;
    const bool columns = state.range(0) != 0;
    each_frame(state, [&](const image::ImageView& v) {
        state.PauseTiming();
        image::binarize_local(v, config().steps[0].local, s.local, s.thresholds, s.binary);
        state.ResumeTiming();
        qr::find_finder_patterns(s.binary, {1, columns}, s.finder, s.finders);
    });
}

void BM_locate_first(benchmark::State& state) {  // candidates and the first (unrefined) geometry, as most found frames need
    qr::DecoderScratch s;
    each_frame(state, [&](const image::ImageView& v) {
        state.PauseTiming();
        image::binarize_local(v, config().steps[0].local, s.local, s.thresholds, s.binary);
        qr::find_finder_patterns(s.binary, {1, false}, s.finder, s.finders);
        state.ResumeTiming();
        qr::begin_proposals(s.binary, s.finders, {}, s.locate);
        qr::SymbolCandidate first;
        if (qr::next_proposal(v, s.binary, s.finders, {}, s.locate, first)) qr::build_geometry(v, first, false, s.geometry, 0);
    });
}

void BM_geometry_complete(benchmark::State& state) {  // the first candidate's complete (refined) geometry
    qr::DecoderScratch s;
    each_frame(state, [&](const image::ImageView& v) {
        state.PauseTiming();
        image::binarize_local(v, config().steps[0].local, s.local, s.thresholds, s.binary);
        qr::find_finder_patterns(s.binary, {1, false}, s.finder, s.finders);
        qr::begin_proposals(s.binary, s.finders, {}, s.locate);
        qr::SymbolCandidate first;
        const bool proposed = qr::next_proposal(v, s.binary, s.finders, {}, s.locate, first);
        state.ResumeTiming();
        if (proposed) qr::build_geometry(v, first, false, s.geometry);
    });
}

void BM_decode(benchmark::State& state) {
    qr::Decoder d;
    each_frame(state, [&](const image::ImageView& v) { benchmark::DoNotOptimize(d.decode(v)); });
}

BENCHMARK(BM_binarize_local)->Arg(3)->Arg(0)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_binarize_global)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_finders)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_locate_first)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_geometry_complete)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_decode)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
