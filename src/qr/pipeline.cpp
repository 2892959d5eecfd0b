#include "qr/pipeline.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "image/binarize_global.hpp"
#include "image/threshold_pass.hpp"
#include "qr/fast_path.hpp"

namespace cccd::qr {
namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

void invert(image::BitMatrix& b) {
    for (uint8_t& v : b.bits) v ^= 1;
}

bool inside(const std::array<Point, 4>& q, Point p) {
    bool sign = false;
    for (int i = 0; i < 4; ++i) {
        const Point a = q[static_cast<size_t>(i)], b = q[static_cast<size_t>((i + 1) % 4)];
        const bool s = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x) > 0;
        if (i == 0) sign = s;
        else if (s != sign) return false;
    }
    return true;
}

Point centre_of(const std::array<Point, 4>& q) {
    return {(q[0].x + q[1].x + q[2].x + q[3].x) / 4, (q[0].y + q[1].y + q[2].y + q[3].y) / 4};
}

bool already_found(const std::vector<Symbol>& found, const SymbolGeometry& g) {
    const Point c = centre_of(g.corners);
    for (const Symbol& s : found)
        if (inside(s.corners, c)) return true;
    return false;
}

}  // namespace

PipelineConfig default_pipeline_config() {
    PipelineConfig c;
    c.steps[0] = {false, {8, 2, 24, 8, 3, 8}, false};
    c.steps[1] = {true, {}, true};
    c.steps[2] = {false, {4, 2, 24, 8, 3, 14}, true};
    c.stepCount = 3;
    c.sample.mapWeight = 0.25f;
    c.sample.neighbourRadius = 1;
    return c;
}

DecodeResult run_pipeline(const image::ImageView& frame, const DecodeOptions& options, const PipelineConfig& config,
                          DecoderScratch& s, GridDecodeFn decodeGrid) {
    DecodeResult result;
    if (frame.data == nullptr) {
        result.status = DecodeStatus::invalid_input;
        result.message = "no pixel data";
        return result;
    }
    if (frame.width <= 0 || frame.height <= 0) {
        result.status = DecodeStatus::invalid_input;
        result.message = "width and height must be positive";
        return result;
    }
    if (frame.stride < frame.width) {
        result.status = DecodeStatus::invalid_input;
        result.message = "stride is smaller than the width";
        return result;
    }
    if (frame.width > kMaxFrameSide || frame.height > kMaxFrameSide) {
        result.status = DecodeStatus::invalid_input;
        result.message = "frame larger than 16384 pixels a side";
        return result;
    }
    const int maxSymbols = std::max(1, options.maxSymbols);
    bool located = false;
    std::string lastError;
    // Cheap first try (fast_path.hpp) when one symbol is wanted; if it reads nothing, step 0 below starts
    // from its block-only bits and adds the fine refinement, which gives exactly step 0's binarization.
    const bool fast = maxSymbols == 1 && config.stepCount > 0 && fast_path_applies(config.steps[0]);
    if (fast && try_fast_path(frame, config.steps[0], config, s, decodeGrid, result)) {
        result.status = DecodeStatus::found;
        return result;
    }
    for (int step = 0; step < std::min(config.stepCount, static_cast<int>(config.steps.size())); ++step) {
        const BinarizerStep& b = config.steps[static_cast<size_t>(step)];
        if (b.harderOnly && !options.tryHarder) continue;
        auto t0 = Clock::now();
        if (fast && step == 0) image::fine_override_pass(frame, b.local.fineRadius, s.local.fineMargin, s.local.pass, s.binary);
        else if (b.global) image::binarize_global(frame, s.thresholds, s.binary);
        else image::binarize_local(frame, b.local, s.local, s.thresholds, s.binary);
        result.times.binarize += ms_since(t0);
        for (int pass = 0; pass < (options.tryInverted ? 2 : 1); ++pass) {
            const bool inverted = pass == 1;
            if (inverted) {
                t0 = Clock::now();
                invert(s.binary);
                result.times.binarize += ms_since(t0);
            }
            t0 = Clock::now();
            find_finder_patterns(s.binary, {1, options.tryHarder && step > 0}, s.finder, s.finders);
            LocateOptions lo;
            lo.inverted = inverted;
            propose_symbols(frame, s.binary, s.finders, lo, s.locate, s.candidates);
            result.times.locate += ms_since(t0);
            for (const SymbolCandidate& c : s.candidates) {
                // Cheap geometries first: before refinement, and after one pass, most symbols read already.
                // Only the complete geometry (kRefinePasses) counts as "located" and keeps its error, as
                // when it was the only one tried; the earlier ones can only read a symbol sooner.
                for (int passes = 0; passes <= kRefinePasses; ++passes) {
                    const bool complete = passes == kRefinePasses;
                    t0 = Clock::now();
                    bool built = true;
                    if (passes == 0) built = build_geometry(frame, c, inverted, s.geometry, 0);
                    else refine_geometry(frame, c, inverted, s.geometry);
                    result.times.locate += ms_since(t0);
                    if (!built) break;
                    const SymbolGeometry& g = s.geometry;
                    if (g.timing < config.minTiming) continue;  // timing patterns do not alternate: not a symbol
                    if (already_found(result.symbols, g)) continue;
                    if (complete) located = true;
                    t0 = Clock::now();
                    SampleOptions so = config.sample;
                    so.inverted = inverted;
                    sample_grid(frame, s.thresholds, g, so, s.sample, s.grid);
                    result.times.sample += ms_since(t0);
                    t0 = Clock::now();
                    GridDecodeResult r = decodeGrid(s.grid);
                    result.times.decode += ms_since(t0);
                    if (!r.ok()) {
                        if (complete) lastError = r.message;
                        continue;
                    }
                    Symbol sym;
                    sym.data = std::move(r);
                    sym.corners = g.corners;
                    sym.moduleSize = g.moduleSize;
                    bool duplicate = false;
                    for (const Symbol& other : result.symbols)
                        duplicate = duplicate || (other.data.bytes == sym.data.bytes && inside(other.corners, centre_of(g.corners)));
                    if (!duplicate) result.symbols.push_back(std::move(sym));
                    break;
                }
                if (static_cast<int>(result.symbols.size()) >= maxSymbols) break;
            }
            if (inverted) invert(s.binary);  // leave the scratch as binarized
            if (static_cast<int>(result.symbols.size()) >= maxSymbols) break;
        }
        if (static_cast<int>(result.symbols.size()) >= maxSymbols) break;
    }
    if (!result.symbols.empty()) {
        result.status = DecodeStatus::found;
    } else if (located) {
        result.status = DecodeStatus::unreadable;
        result.message = lastError.empty() ? "symbol located but not decodable" : lastError;
    } else {
        result.status = DecodeStatus::not_found;
        result.message = "no QR symbol found";
    }
    return result;
}

}  // namespace cccd::qr
