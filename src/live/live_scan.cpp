#include "live/live_scan.hpp"

#include <algorithm>
#include <cmath>

#include "image/binarize_local.hpp"
#include "image/downscale.hpp"
#include "image/upscale.hpp"
#include "qr/fast_path.hpp"
#include "qr/detect/finder.hpp"
#include "qr/grid/format.hpp"
#include "qr/grid/function_patterns.hpp"
#include "qr/tables.hpp"

namespace cccd::live {
namespace {

float side_of(const std::array<qr::Point, 4>& q) {
    float sum = 0;
    for (size_t i = 0; i < 4; ++i) sum += std::hypot(q[(i + 1) % 4].x - q[i].x, q[(i + 1) % 4].y - q[i].y);
    return sum / 4;
}

// The same symbol as the track's, seen again: the same size in modules, about the same place and size.
bool same_place(const Track& t, const std::array<qr::Point, 4>& corners, int dimension, bool inverted) {
    if (t.dimension != dimension || t.inverted != inverted) return false;
    const float side = side_of(t.geometry.corners), now = side_of(corners);
    const qr::Point a = qr::centre_of(t.geometry.corners), b = qr::centre_of(corners);
    return qr::distance(a, b) < 0.4f * side && now > 0.7f * side && now < 1.43f * side;
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

// The pipeline's per-frame bounds set to `b` (pipeline.hpp, WorkBudget).
void with_budget(qr::PipelineConfig& c, const qr::WorkBudget& b) {
    c.maxGeometries = b.geometries;
    c.maxTemplateSearches = b.templateSearches;
    c.maxOpenGeometries = b.openGeometries;
    c.maxOpenTemplateSearches = b.openTemplateSearches;
}

qr::PipelineConfig whole_config(const LiveConfig& lc) {
    qr::PipelineConfig c = qr::default_pipeline_config();
    // The first binarization only (with tryHarder, so that a finder broken by the card's text is sought
    // beside the two seen whole: missing_finder.hpp), no reduced passes.
    c.stepCount = 1;
    c.downscaleCount = 0;
    c.maxDimension = lc.maxDimension;
    c.fitEqualizer = false;  // read_located gives it to the tracked symbol, not to every candidate
    // No fast path: on the frames it does not read (most frames here) it scans for finders a second time.
    // Without it the live clips read the same frames, and the p90 per 720p frame is 1-2 ms lower natively.
    c.fastPath = false;
    with_budget(c, lc.whole);
    return c;
}

// Whether a symbol at these corners is small enough in the frame to track (LiveConfig::maxRegionShare).
bool trackable(const std::array<qr::Point, 4>& corners, const image::ImageView& frame, const LiveConfig& lc) {
    const image::FrameRegion r = region_around(corners, lc.regionMargin, frame.width, frame.height);
    const double area = static_cast<double>(r.endRow - r.firstRow) * (r.endCol - r.firstCol);
    return area <= static_cast<double>(lc.maxRegionShare) * frame.width * frame.height;
}

qr::PipelineConfig region_config(const LiveConfig& lc) {
    qr::PipelineConfig c = qr::default_pipeline_config();
    c.maxDimension = lc.maxDimension;
    c.firstLookFactor = 0;     // no reduced first look: the region is small, and so are its modules
    c.downscaleCount = 0;
    c.smallFramePixels = 0;    // the region's own bounds, whatever its size
    c.fitEqualizer = false;
    with_budget(c, lc.region);
    return c;
}

void add(qr::DecodeResult& total, const qr::DecodeResult& r) {
    total.times.binarize += r.times.binarize, total.times.locate += r.times.locate;
    total.times.sample += r.times.sample, total.times.decode += r.times.decode;
    total.work.candidates += r.work.candidates, total.work.geometries += r.work.geometries;
    total.work.templateSearches += r.work.templateSearches, total.work.grids += r.work.grids;
    total.work.openGeometries += r.work.openGeometries, total.work.openTemplateSearches += r.work.openTemplateSearches;
    total.work.pairGeometries += r.work.pairGeometries, total.work.pairTemplateSearches += r.work.pairTemplateSearches;
}

// A new track, holding nothing yet, for a symbol of this size.
void start_track(LiveState& s, int dimension, bool inverted) {
    s.track = Track{};
    s.track->dimension = dimension;
    s.track->inverted = inverted;
    s.track->samples.dimension = dimension;
}

// A symbol read in this frame: the track follows it (a new track if it is elsewhere; none if too large).
void follow_read(LiveState& s, const qr::Symbol& symbol, const image::ImageView& frame, const LiveConfig& lc) {
    if (!trackable(symbol.corners, frame, lc)) {
        s.track.reset();
        return;
    }
    const int dimension = qr::symbol_size(symbol.data.version);
    if (!s.track || !same_place(*s.track, symbol.corners, dimension, s.track->inverted)) {
        start_track(s, dimension, false);
    }
    const float d = static_cast<float>(dimension);
    const auto h = qr::Perspective::quad_to_quad({qr::Point{0, 0}, {d, 0}, {d, d}, {0, d}}, symbol.corners);
    if (!h) {
        s.track.reset();
        return;
    }
    s.track->geometry.dimension = dimension;
    s.track->geometry.moduleToImage = *h;
    s.track->geometry.corners = symbol.corners;
    s.track->geometry.moduleSize = symbol.moduleSize;
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

// The centre of the frame, widthShare x heightShare of it (at least 21 pixels a side): the aiming region
// (LiveConfig::aimWidth: the page's and the element's aiming frame, where the card is held, with room
// around it) or the part enlarged (LiveConfig::enlargeWidth).
image::FrameRegion centre_region(const image::ImageView& frame, float widthShare, float heightShare) {
    const int w = std::clamp(static_cast<int>(widthShare * static_cast<float>(frame.width)), 21, frame.width);
    const int h = std::clamp(static_cast<int>(heightShare * static_cast<float>(frame.height)), 21, frame.height);
    const int x0 = (frame.width - w) / 2, y0 = (frame.height - h) / 2;
    return {y0, y0 + h, x0, x0 + w};
}

// The tracked symbol in this frame, from where it was: the finders seen in the region near where the last
// geometry puts them (those not seen moved as the seen ones did), refined on the grey image like any
// geometry (locate.hpp). One geometry instead of a search. False when its timing patterns do not alternate.
bool relocate(const image::ImageView& frame, const Track& t, const LiveConfig& lc, LiveState& s, qr::SymbolGeometry& out) {
    const image::FrameRegion r = region_around(t.geometry.corners, 0.3f, frame.width, frame.height);
    if (r.endRow - r.firstRow < 21 || r.endCol - r.firstCol < 21) return false;
    const image::ImageView view = crop(frame, r);
    const float x0 = static_cast<float>(r.firstCol), y0 = static_cast<float>(r.firstRow);
    const qr::SymbolGeometry last = qr::translated_geometry(t.geometry, -x0, -y0);
    const qr::PipelineConfig base = qr::default_pipeline_config();
    image::binarize_local(view, base.steps[0].local, s.local, s.thresholds, s.binary);
    if (t.inverted)
        for (uint8_t& bit : s.binary.bits) bit ^= 1;
    qr::find_finder_patterns(s.binary, {1, false, true}, s.scratch.finder, s.scratch.finders);
    const float d = static_cast<float>(t.dimension), ms = last.moduleSize;
    const std::array<qr::Point, 3> predicted = {last.moduleToImage.map({3.5f, 3.5f}), last.moduleToImage.map({d - 3.5f, 3.5f}),
                                                last.moduleToImage.map({3.5f, d - 3.5f})};
    std::array<qr::Point, 3> centres = predicted;
    std::array<float, 3> modules{};
    std::array<bool, 3> seen{};
    qr::Point shift{0, 0};
    int nSeen = 0;
    for (size_t k = 0; k < 3; ++k) {
        float best = lc.finderReach * ms;
        for (const qr::FinderPattern& f : s.scratch.finders) {
            const float dist = std::hypot(f.center.x - predicted[k].x, f.center.y - predicted[k].y);
            if (dist >= best || f.moduleSize < 0.6f * ms || f.moduleSize > 1.6f * ms) continue;
            best = dist;
            centres[k] = f.center;
            modules[k] = f.moduleSize;
            seen[k] = true;
        }
        if (seen[k]) shift = {shift.x + centres[k].x - predicted[k].x, shift.y + centres[k].y - predicted[k].y}, ++nSeen;
    }
    if (nSeen > 0) shift = {shift.x / static_cast<float>(nSeen), shift.y / static_cast<float>(nSeen)};
    for (size_t k = 0; k < 3; ++k)
        if (!seen[k]) centres[k] = {predicted[k].x + shift.x, predicted[k].y + shift.y};
    if (nSeen < 3) modules = {};  // sizes of all three or none (fourth_corner.hpp)
    if (!qr::geometry_for_dimension(view, centres[0], centres[1], centres[2], t.dimension, t.inverted, out, modules))
        return false;
    if (out.timing < base.minTiming) return false;
    out = qr::translated_geometry(out, x0, y0);
    return true;
}

// A symbol the pipeline read in this frame (its corners in `dx, dy`-moved coordinates): the result.
void take_read(qr::DecodeResult&& r, float dx, float dy, const image::ImageView& frame, const LiveConfig& lc,
               LiveState& s, LiveResult& out) {
    r.symbols.resize(1);
    r.symbols[0].corners = moved(r.symbols[0].corners, dx, dy);
    follow_read(s, r.symbols[0], frame, lc);
    out.result.status = qr::DecodeStatus::found;
    out.result.message.clear();
    out.result.symbols = std::move(r.symbols);
    out.fusedFrames = 1;
}

// The located symbol joins its track (or starts one; another symbol there starts it again) and is read
// from this frame's grid with what the track holds: its remembered blocks, then the fused samples.
bool read_located(const image::ImageView& frame, const qr::LocatedSymbol& located, const LiveConfig& config,
                  LiveState& s, LiveResult& out) {
    const qr::SymbolGeometry& g = located.geometry;
    if (!trackable(g.corners, frame, config)) return false;
    if (!s.track || !same_place(*s.track, g.corners, g.dimension, located.inverted)) {
        start_track(s, g.dimension, located.inverted);
    }
    Track& t = *s.track;
    sample_located(frame, g, located.inverted, s);
    const std::vector<int8_t> colours = qr::function_pattern_colours(qr::version_for_size(g.dimension));
    const std::span<const float> margins(s.sample.margins);
    const float sharp = margins.size() == colours.size() ? sharpness(margins, colours) : 0.0f;
    // Blurred or misplaced, or three finder look-alikes whose format information does not hold together:
    // nothing to learn from it, and the track is not seen here (it ages and is dropped).
    if (sharp < config.minSharpness || !qr::information_consistent(s.grid)) return false;
    t.geometry = g;
    t.lastSeen = s.frame;
    ++t.frames;
    if (agreement(t.samples, margins, colours) < config.minAgreement) {  // not what the track holds
        t.samples.frames.clear();
        t.blocks.clear();
    }
    t.samples.frames.push_back({std::vector<float>(margins.begin(), margins.end()), sharp, s.frame});
    while (static_cast<int>(t.samples.frames.size()) > std::max(1, config.window)) t.samples.frames.pop_front();

    t.blocks.frame = s.frame;
    // This frame's grid, plain then equalized (sample.hpp); then the window's fused margins, likewise.
    qr::GridDecodeResult r = qr::decode_grid_remembering(s.grid, t.blocks);
    out.result.message = r.message;
    int frames = 0;
    const auto attempt = [&](std::span<const float> m, float strength, int window) {
        if (r.ok()) return;
        qr::equalized_grid(m, g.dimension, strength, s.grid);
        r = qr::decode_grid_remembering(s.grid, t.blocks);
        frames = window;
    };
    // The equalizer fitted to these samples (fitted_equalizer.hpp), after the fixed one.
    const auto attempt_fitted = [&](std::span<const float> m, int window) {
        if (r.ok() || !qr::fitted_equalized_grid(m, g.dimension, s.fitted, s.grid)) return;
        r = qr::decode_grid_remembering(s.grid, t.blocks);
        frames = window;
    };
    attempt(margins, qr::kEqualizerStrength, 1);
    attempt_fitted(margins, 1);
    if (t.samples.frames.size() >= 2) {
        fused_margins(t.samples, s.fused);
        const int window = static_cast<int>(t.samples.frames.size());
        attempt(s.fused, 0.0f, window);
        attempt(s.fused, qr::kEqualizerStrength, window);
        attempt_fitted(s.fused, window);
    }
    frames = std::max(frames, r.sourceFrames);
    if (!r.ok()) {
        out.result.status = qr::DecodeStatus::unreadable;
        if (out.result.message.empty()) out.result.message = r.message;
        return false;
    }
    out.fusedFrames = std::max(1, frames);
    out.result.status = qr::DecodeStatus::found;
    out.result.message.clear();
    out.result.symbols.push_back(symbol_of(std::move(r), g));
    return true;
}

}  // namespace

// The centre of the frame (enlargeWidth x enlargeHeight) enlarged 2x (image/upscale.hpp) and searched
// like the whole frame: a card at arm's length in 720p has 1-1.4 px modules, whose finders the 1:1:3:1:1
// test does not see at that size. A read or a located symbol is brought back to frame coordinates.
void search_enlarged(const image::ImageView& frame, const LiveConfig& config, bool fused, LiveState& s, LiveResult& out) {
    const image::FrameRegion r = centre_region(frame, config.enlargeWidth, config.enlargeHeight);
    const image::ImageView enlarged = image::upscale2(crop(frame, r), s.enlarged);
    qr::PipelineConfig c = whole_config(config);
    c.firstLookFactor = 0;  // the point is the larger size
    with_budget(c, config.enlargedBudget);
    c.fitEqualizer = config.enlargedFitEqualizer;
    qr::DecodeResult re = qr::run_pipeline(enlarged, {true, false, 1}, c, s.scratch, qr::decode_grid);
    add(out.result, re);
    const float dx = static_cast<float>(r.firstCol), dy = static_cast<float>(r.firstRow);
    if (re.found()) {
        for (qr::Point& p : re.symbols[0].corners) p = {p.x * 0.5f, p.y * 0.5f};
        take_read(std::move(re), dx, dy, frame, config, s, out);
        return;
    }
    if (!fused && s.scratch.located.valid) {
        qr::LocatedSymbol there = s.scratch.located;
        there.geometry = qr::translated_geometry(qr::scaled_geometry(there.geometry, 0.5f), dx, dy);
        read_located(frame, there, config, s, out);
    }
}

LiveResult scan_live(const image::ImageView& frame, LiveState& s, const LiveConfig& config) {
    LiveResult out;
    ++s.frame;
    if (s.track && (s.frame - s.track->lastSeen > config.lostAfter)) s.track.reset();
    const auto finish = [&]() {
        out.tracking = s.track.has_value();
        return std::move(out);
    };
    bool fused = false;  // read_located ran: once a frame

    // 1. The tracked symbol where it was (one geometry), read with what the track holds.
    if (s.track) {
        qr::LocatedSymbol here{true, s.track->inverted, {}};
        if (relocate(frame, *s.track, config, s, here.geometry)) {
            fused = true;
            if (read_located(frame, here, config, s, out)) return finish();
        }
    }
    // 2. Not read: the tracked region searched with every step, under the region bounds.
    if (s.track) {
        const image::FrameRegion r = region_around(s.track->geometry.corners, config.regionMargin, frame.width, frame.height);
        if (r.endRow - r.firstRow >= 21 && r.endCol - r.firstCol >= 21) {
            qr::DecodeResult rr = qr::run_pipeline(crop(frame, r), {true, false, 1}, region_config(config), s.scratch, qr::decode_grid);
            add(out.result, rr);
            const float dx = static_cast<float>(r.firstCol), dy = static_cast<float>(r.firstRow);
            if (rr.found()) {
                take_read(std::move(rr), dx, dy, frame, config, s, out);
                return finish();
            }
            if (!fused && s.scratch.located.valid) {
                qr::LocatedSymbol there = s.scratch.located;
                there.geometry = qr::translated_geometry(there.geometry, dx, dy);
                fused = true;
                if (read_located(frame, there, config, s, out)) return finish();
            }
            if (out.result.status != qr::DecodeStatus::unreadable) {
                out.result.status = rr.status;
                out.result.message = rr.message;
            }
        }
    }
    // 3. The whole frame: every frame while nothing is tracked, every wholeEvery-th while a track is fresh
    // (another card may come into view), and at once when the track was not seen in its region: the card
    // moved further than the region between two scanned frames (a slow device scans a few frames a second)
    // or left the view.
    const bool fresh = s.track && s.frame - s.track->lastSeen <= config.freshFor;
    if (fresh && s.frame % std::max(1, config.wholeEvery) != 0) {
        const bool seenInRegion = s.track->lastSeen == s.frame || out.result.status == qr::DecodeStatus::unreadable;
        if (seenInRegion || !config.wholeWhenRegionEmpty) return finish();
    }
    // Frames of aimFromSide and up: the frame halved (the decoder's first look) everywhere, full size only
    // in the aiming region, where the card is held; smaller frames at full size everywhere.
    qr::DecodeResult rw;
    image::FrameRegion searched{0, frame.height, 0, frame.width};
    const qr::PipelineConfig whole = whole_config(config);
    if (std::min(frame.width, frame.height) >= config.aimFromSide && whole.firstLookFactor > 1) {
        const image::ImageView halved = image::downscale(frame, whole.firstLookFactor, s.halved);
        const qr::FullFrameFn full = [&frame](const image::FrameRegion&) { return frame; };
        if (qr::try_first_look(halved, full, whole.firstLookFactor, frame.width, frame.height, whole.steps[0], whole,
                               s.scratch, qr::decode_grid, rw)) {
            rw.status = qr::DecodeStatus::found;
        } else {
            searched = centre_region(frame, config.aimWidth, config.aimHeight);
            qr::PipelineConfig aimed = whole;
            aimed.firstLookFactor = 0;  // the halved frame was just looked at
            const qr::DecodeResult ra = qr::run_pipeline(crop(frame, searched), {true, false, 1}, aimed, s.scratch, qr::decode_grid);
            add(rw, ra);
            rw.status = ra.status;
            rw.message = ra.message;
            rw.symbols = ra.symbols;
        }
    } else {
        rw = qr::run_pipeline(frame, {true, false, 1}, whole, s.scratch, qr::decode_grid);
    }
    add(out.result, rw);
    const float dx = static_cast<float>(searched.firstCol), dy = static_cast<float>(searched.firstRow);
    if (rw.found()) {
        take_read(std::move(rw), dx, dy, frame, config, s, out);
        return finish();
    }
    if (rw.status == qr::DecodeStatus::invalid_input) {
        out.result.status = rw.status;
        out.result.message = rw.message;
        return finish();
    }
    if (out.result.status != qr::DecodeStatus::unreadable) {
        out.result.status = rw.status;
        out.result.message = rw.message;
    }
    if (!fused && s.scratch.located.valid) {
        qr::LocatedSymbol there = s.scratch.located;
        there.geometry = qr::translated_geometry(there.geometry, dx, dy);
        fused = true;
        if (read_located(frame, there, config, s, out)) return finish();
    }
    // 4. Smaller frames where no symbol was seen: the centre enlarged (modules of 1-1.4 px).
    const bool seen = s.track && s.track->lastSeen == s.frame;
    if (config.enlarge && !seen && std::min(frame.width, frame.height) < config.aimFromSide &&
        s.frame % std::max(1, config.enlargeEvery) == 0)
        search_enlarged(frame, config, fused, s, out);
    return finish();
}

}  // namespace cccd::live
