#include "live/live_scan.hpp"

#include <algorithm>
#include <cmath>

#include "image/binarize_local.hpp"
#include "qr/function_patterns.hpp"
#include "qr/tables.hpp"

namespace cccd::live {
namespace {

qr::Point centre_of(const std::array<qr::Point, 4>& q) {
    return {(q[0].x + q[1].x + q[2].x + q[3].x) / 4, (q[0].y + q[1].y + q[2].y + q[3].y) / 4};
}

float side_of(const std::array<qr::Point, 4>& q) {
    float sum = 0;
    for (size_t i = 0; i < 4; ++i) sum += std::hypot(q[(i + 1) % 4].x - q[i].x, q[(i + 1) % 4].y - q[i].y);
    return sum / 4;
}

// The same symbol as the track's, seen again: the same size in modules, about the same place and size.
bool same_place(const Track& t, const std::array<qr::Point, 4>& corners, int dimension, bool inverted) {
    if (t.dimension != dimension || t.inverted != inverted) return false;
    const float side = side_of(t.corners), now = side_of(corners);
    const qr::Point a = centre_of(t.corners), b = centre_of(corners);
    return std::hypot(a.x - b.x, a.y - b.y) < 0.4f * side && now > 0.7f * side && now < 1.43f * side;
}

// The bounding box of the corners grown by `margin` of the symbol's side each way, within the frame.
image::FrameRegion region_around(const std::array<qr::Point, 4>& q, float margin, int width, int height) {
    float x0 = q[0].x, x1 = x0, y0 = q[0].y, y1 = y0;
    for (const qr::Point& p : q) x0 = std::min(x0, p.x), x1 = std::max(x1, p.x), y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
    const float grow = margin * side_of(q) + 2;
    const auto clampi = [](float v, int hi) { return std::clamp(static_cast<int>(std::floor(v)), 0, hi); };
    return {clampi(y0 - grow, height), clampi(y1 + grow + 1, height), clampi(x0 - grow, width), clampi(x1 + grow + 1, width)};
}

image::ImageView crop(const image::ImageView& frame, const image::FrameRegion& r) {
    return {frame.data + static_cast<size_t>(r.firstRow) * static_cast<size_t>(frame.stride) + static_cast<size_t>(r.firstCol),
            r.endCol - r.firstCol, r.endRow - r.firstRow, frame.stride};
}

std::array<qr::Point, 4> moved(std::array<qr::Point, 4> q, float dx, float dy) {
    for (qr::Point& p : q) p = {p.x + dx, p.y + dy};
    return q;
}

qr::PipelineConfig region_config(const LiveConfig& lc) {
    qr::PipelineConfig c = qr::default_pipeline_config();
    c.firstLookFactor = 0;     // the region is small and its modules are
    c.downscaleCount = 0;
    c.smallFramePixels = 0;    // the region's own bounds, whatever its size
    c.maxGeometries = lc.regionGeometries;
    c.maxTemplateSearches = lc.regionTemplateSearches;
    c.maxOpenGeometries = lc.regionOpenGeometries;
    c.maxOpenTemplateSearches = lc.regionOpenTemplateSearches;
    return c;
}

void add(qr::DecodeResult& total, const qr::DecodeResult& r) {
    total.times.binarize += r.times.binarize, total.times.locate += r.times.locate;
    total.times.sample += r.times.sample, total.times.decode += r.times.decode;
    total.work.candidates += r.work.candidates, total.work.geometries += r.work.geometries;
    total.work.templateSearches += r.work.templateSearches, total.work.grids += r.work.grids;
    total.work.openGeometries += r.work.openGeometries, total.work.openTemplateSearches += r.work.openTemplateSearches;
}

// A symbol read in this frame: the track follows it (a new track if it is elsewhere).
void follow_read(LiveState& s, const qr::Symbol& symbol) {
    const int dimension = qr::symbol_size(symbol.data.version);
    if (!s.track || !same_place(*s.track, symbol.corners, dimension, s.track->inverted)) {
        s.track = Track{};
        s.track->dimension = dimension;
        s.track->samples.dimension = dimension;
    }
    s.track->corners = symbol.corners;
    s.track->lastSeen = s.frame;
    ++s.track->frames;
}

// This frame's grid of the located symbol (`g` in frame coordinates) with its margins, read from the
// region around it binarized again (the pipeline's last levels may belong to another step or scale).
void sample_located(const image::ImageView& frame, const qr::SymbolGeometry& g, bool inverted, LiveState& s) {
    const image::FrameRegion r = region_around(g.corners, 0.15f, frame.width, frame.height);
    const image::ImageView view = crop(frame, r);
    const qr::PipelineConfig base = qr::default_pipeline_config();
    image::binarize_local(view, base.steps[0].local, s.local, s.thresholds, s.binary);
    qr::SampleOptions so = base.sample;
    so.inverted = inverted;
    so.confidence = true;
    qr::sample_grid(view, s.thresholds, qr::translated_geometry(g, -static_cast<float>(r.firstCol), -static_cast<float>(r.firstRow)),
                    so, s.sample, s.grid);
}

qr::Symbol symbol_of(qr::GridDecodeResult data, const qr::SymbolGeometry& g) {
    qr::Symbol sym;
    sym.data = std::move(data);
    sym.corners = g.corners;
    sym.moduleSize = g.moduleSize;
    return sym;
}

}  // namespace

LiveResult scan_live(const image::ImageView& frame, LiveState& s, const LiveConfig& config) {
    LiveResult out;
    qr::DecodeResult& result = out.result;
    ++s.frame;
    if (s.track && (s.frame - s.track->lastSeen > config.lostAfter)) s.track.reset();

    qr::LocatedSymbol located;
    // 1. Around the tracked symbol, with every step: a small region costs little.
    if (s.track) {
        const image::FrameRegion r = region_around(s.track->corners, config.regionMargin, frame.width, frame.height);
        if (r.endRow - r.firstRow >= 21 && r.endCol - r.firstCol >= 21) {
            qr::DecodeResult rr = qr::run_pipeline(crop(frame, r), {true, true, 1}, region_config(config), s.scratch, qr::decode_grid);
            add(result, rr);
            const float dx = static_cast<float>(r.firstCol), dy = static_cast<float>(r.firstRow);
            if (rr.found()) {
                rr.symbols.resize(1);
                rr.symbols[0].corners = moved(rr.symbols[0].corners, dx, dy);
                follow_read(s, rr.symbols[0]);
                result.status = rr.status;
                result.symbols = std::move(rr.symbols);
                out.fusedFrames = 1;
                out.tracking = true;
                return out;
            }
            if (s.scratch.located.valid) {
                located = s.scratch.located;
                located.geometry = qr::translated_geometry(located.geometry, dx, dy);
            }
            result.status = rr.status;
            result.message = rr.message;
        }
    }
    // 2. The whole frame without the harder steps, when the track gave nothing (or there is none).
    if (!located.valid) {
        qr::DecodeResult rw = qr::run_pipeline(frame, {false, true, 1}, qr::default_pipeline_config(), s.scratch, qr::decode_grid);
        add(result, rw);
        result.status = rw.status;
        result.message = rw.message;
        if (rw.found()) {
            follow_read(s, rw.symbols[0]);
            result.symbols = std::move(rw.symbols);
            result.symbols.resize(1);
            out.fusedFrames = 1;
            out.tracking = true;
            return out;
        }
        if (rw.status == qr::DecodeStatus::invalid_input) return out;
        located = s.scratch.located;
    }
    if (!located.valid) {
        out.tracking = s.track.has_value();
        return out;
    }

    // 3. The located symbol joins its track (or starts one) and is read with what the track holds.
    const qr::SymbolGeometry& g = located.geometry;
    if (!s.track || !same_place(*s.track, g.corners, g.dimension, located.inverted)) {
        s.track = Track{};
        s.track->dimension = g.dimension;
        s.track->inverted = located.inverted;
        s.track->samples.dimension = g.dimension;
    }
    Track& t = *s.track;
    t.corners = g.corners;
    t.lastSeen = s.frame;
    ++t.frames;
    out.tracking = true;
    sample_located(frame, g, located.inverted, s);
    const std::vector<int8_t> colours = qr::function_pattern_colours(qr::version_for_size(g.dimension));
    const std::span<const float> margins(s.sample.margins);
    if (margins.size() != colours.size() || sharpness(margins, colours) < config.minSharpness) return out;
    if (agreement(t.samples, margins, colours) < config.minAgreement) {  // not what the track holds
        t.samples.frames.clear();
        t.blocks.clear();
    }
    t.samples.frames.push_back({std::vector<float>(margins.begin(), margins.end()), sharpness(margins, colours), s.frame});
    while (static_cast<int>(t.samples.frames.size()) > std::max(1, config.window)) t.samples.frames.pop_front();

    t.blocks.frame = s.frame;
    qr::GridDecodeResult own = qr::decode_grid_remembering(s.grid, t.blocks);
    if (own.ok()) {
        out.fusedFrames = own.sourceFrames;
        result.status = qr::DecodeStatus::found;
        result.message.clear();
        result.symbols.push_back(symbol_of(std::move(own), g));
        return out;
    }
    result.status = qr::DecodeStatus::unreadable;
    result.message = own.message;
    if (t.samples.frames.size() < 2) return out;
    fuse(t.samples, s.grid);
    qr::GridDecodeResult fused = qr::decode_grid_remembering(s.grid, t.blocks);
    if (!fused.ok()) return out;
    out.fusedFrames = std::max(static_cast<int>(t.samples.frames.size()), fused.sourceFrames);
    result.status = qr::DecodeStatus::found;
    result.message.clear();
    result.symbols.push_back(symbol_of(std::move(fused), g));
    return out;
}

}  // namespace cccd::live
