#include "qr/detect/finder.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>

#include "image/bit_runs.hpp"
#include "image/transpose.hpp"

namespace cccd::qr {
namespace {

struct Cross {  // one cross-section through a candidate centre
    int runs[5] = {};
    float lo = 0, hi = 0;  // extent along the line, in steps from the start point
    int innerReach[2] = {0, 0};  // steps to the far end of each light run (the inner 5 modules' extent)
    int ranOn = -1;  // 0 or 4: that outer run reached the walk's bound (it runs on); -1: neither did
    int total() const { return runs[0] + runs[1] + runs[2] + runs[3] + runs[4]; }
};

// Integer pre-check of finder_ratio_ok: rejects only run groups that finder_ratio_ok rejects too (its
// bounds times 70, plus one of slack for float rounding), so most groups skip the float test.
// Branch-free: it runs on every dark run of the frame and fails unpredictably.
inline bool could_be_finder(const int runs[5]) {
    const int total = runs[0] + runs[1] + runs[2] + runs[3] + runs[4];
    const int side = 6 * total + 36;  // |7 r - T| <= 0.6 T + 3.5
    const auto near = [&](int r) { return static_cast<int>(10 * std::abs(7 * r - total) <= side); };
    const int centre = static_cast<int>(10 * std::abs(7 * runs[2] - 3 * total) <= 9 * total + 71);  // |7 r - 3T| <= 0.9 T + 7
    return (static_cast<int>(total >= 7) & near(runs[0]) & near(runs[1]) & near(runs[3]) & near(runs[4]) & centre) != 0;
}

// finder_ratio_ok, most rejections decided by the integer pre-check without a call (folded into
// finder_ratio_ok itself, the pre-check sat behind a call and the native decode of textured frames ran 4 %
// slower).
inline bool finder_runs(const int runs[5]) { return could_be_finder(runs) && finder_ratio_ok(runs); }

// Modules of at least this many pixels for an open reading (finder_runs_open).
constexpr int kOpenMinModule = 2;

// A finder with no quiet zone (a card's QR printed over its pattern, header text running up to the symbol):
// what lies outside the outer ring may be dark too, so an outer dark run can be any length. On a row,
// column or main diagonal through a finder's centre one side leads out of the symbol and the other into
// its separator (ISO/IEC 18004:2015 6.3.3: light on the symbol's side), so only one outer run may run on.
// The inner light-dark-light (1:3:1) then gives the module, and that run counts as one module.
// Returns whether the runs fit 1:1:3:1:1 as they are or so clipped; `clipped` says which was needed.
// ranOn: 0 or 4 when the line's walk stopped inside that outer run (it is longer than measured), else -1;
// allowed: false checks the runs as they are only.
inline bool finder_runs_open(int runs[5], bool& clipped, int ranOn = -1, bool allowed = true) {
    clipped = false;
    if (ranOn < 0 && finder_runs(runs)) return true;
    if (!allowed) return false;
    const int module = (runs[1] + runs[2] + runs[3] + 2) / 5;
    const int k = ranOn >= 0 ? ranOn : runs[0] > runs[4] ? 0 : 4;  // the longer outer run may run on
    // Under kOpenMinModule px a module the inner runs alone match too much: texture and dense symbols at
    // a pixel a module read 1:3:1 everywhere.
    if (module < kOpenMinModule || runs[k] <= module) return false;
    const int outer = runs[k];
    runs[k] = module;
    if (finder_runs(runs)) return clipped = true;
    runs[k] = outer;
    return false;
}

// Steps from coordinate v (of an axis `size` long) in direction s before leaving the image.
inline int steps_to_edge(int v, int s, int size) {
    return s > 0 ? size - 1 - v : s < 0 ? v : std::numeric_limits<int>::max();
}

// Walks from (x, y) (which must be dark) in direction (dx, dy) and its opposite, collecting the five runs.
// maxRun bounds each run so a wrong start gives up early. Textured frames send it a thousand row hits,
// so it steps through the bytes by index, the image edge precomputed as a step count.
bool cross_section(const image::BitMatrix& b, int x, int y, int dx, int dy, int maxRun, Cross& c) {
    if (!b.in_bounds(x, y) || !b.get(x, y)) return false;
    const uint8_t* const bits = b.bits.data();
    const ptrdiff_t centre = static_cast<ptrdiff_t>(y) * b.width + x;
    int reach[2] = {0, 0};
    int* const slots[2][2] = {{&c.runs[1], &c.runs[0]}, {&c.runs[3], &c.runs[4]}};
    c.runs[2] = 1;
    c.ranOn = -1;
    for (int side = 0; side < 2; ++side) {
        const int sx = side == 0 ? -dx : dx, sy = side == 0 ? -dy : dy;
        const int limit = std::min(steps_to_edge(x, sx, b.width), steps_to_edge(y, sy, b.height));
        const ptrdiff_t stride = static_cast<ptrdiff_t>(sy) * b.width + sx;
        ptrdiff_t at = centre + stride;
        int steps = 1;
        // The rest of the centre run, then light, then the outer dark ring.
        for (; steps <= limit && bits[at]; at += stride, ++steps) {
            if (++c.runs[2] > 3 * maxRun) return false;
        }
        int* light = slots[side][0];
        int* dark = slots[side][1];
        *light = 0;
        *dark = 0;
        for (; steps <= limit && !bits[at]; at += stride, ++steps)
            if (++*light > maxRun) return false;
        c.innerReach[side] = steps - 1;
        // The outer ring may run on into dark surroundings (finder_runs_open): counted up to the bound only.
        for (; steps <= limit && bits[at] && *dark < maxRun; at += stride, ++steps) ++*dark;
        if (*dark == maxRun && steps <= limit && bits[at]) {
            if (c.ranOn >= 0) return false;  // both sides run on: not a finder's edge
            c.ranOn = side == 0 ? 0 : 4;
        }
        // The image edge may end the outer ring: symbols are often cropped without their quiet zone.
        if (*light == 0 || *dark == 0) return false;
        reach[side] = steps - 1;
    }
    c.lo = static_cast<float>(-reach[0]);
    c.hi = static_cast<float>(reach[1]);
    return true;
}

struct Detection {
    Point center;
    float moduleSize;
    bool open;  // some line through it needed an open outer ring
    float aspect = 0;  // FinderPattern::aspect
};

// A cross-section that reads 1:1:3:1:1, its outer runs clipped where they run on (finder_runs_open); the
// centre along the line, from the outer ring's extent, or the inner five modules' when a run was clipped.
bool finder_cross(const image::BitMatrix& b, int x, int y, int dx, int dy, int maxRun, Cross& c, float& centre,
                  bool& open, bool allowOpen) {
    bool clipped = false;
    if (!cross_section(b, x, y, dx, dy, maxRun, c) || !finder_runs_open(c.runs, clipped, c.ranOn, allowOpen)) return false;
    open = open || clipped;
    centre = clipped ? (static_cast<float>(c.innerReach[1] - c.innerReach[0])) * 0.5f + 0.5f : (c.lo + c.hi) * 0.5f + 0.5f;
    return true;
}

// A finder's column total within [kUsualRatio, 1 / kUsualRatio] of its row total is confirmed as usual. A
// steep lean foreshortens one image axis more (a card at about 60 degrees: modules 5.9 px across, 2.5 px
// down), so totals down to kSquashedRatio of each other are taken too, but only as large as a readable
// symbol's (kSquashedMinPixels across 7 modules: 1.6 px a module) and reading 1:1:3:1:1 on both
// diagonals, as every line through the centre of an affine view of the finder does (ISO/IEC
// 18004:2015 6.3.3): small squashed look-alikes in text and guilloche otherwise compete in the triples.
constexpr float kUsualRatio = 0.5f;
constexpr float kSquashedRatio = 0.35f;
constexpr int kSquashedMinPixels = 11;

// Confirms a row hit around (cx, y) by crossing it vertically, horizontally again and diagonally;
// out.open when some cross-section needed an open outer ring.
bool confirm(const image::BitMatrix& b, float cx, int y, int rowTotal, bool allowOpen, Detection& out) {
    const int maxRun = std::max(3, rowTotal);  // generous: rotation and perspective change the widths
    Cross v;
    float along = 0;
    const int x = static_cast<int>(cx);
    if (!finder_cross(b, x, y, 0, 1, maxRun, v, along, out.open, allowOpen)) return false;
    const float ratioV = static_cast<float>(v.total()) / static_cast<float>(rowTotal);
    if (ratioV < kSquashedRatio || ratioV > 1.0f / kSquashedRatio) return false;
    const bool squashed = ratioV < kUsualRatio || ratioV > 1.0f / kUsualRatio;
    if (squashed && std::min(v.total(), rowTotal) < kSquashedMinPixels) return false;
    const float cy = static_cast<float>(y) + along;
    Cross h;
    const int yy = static_cast<int>(cy);
    if (!finder_cross(b, x, yy, 1, 0, maxRun, h, along, out.open, allowOpen)) return false;
    const float ncx = static_cast<float>(x) + along;
    const int xx = static_cast<int>(ncx);
    // Either diagonal (both, when squashed) must also read 1:1:3:1:1: rejects text and other look-alikes.
    Cross d;
    bool diagOpen = false;
    if (!finder_cross(b, xx, yy, 1, 1, maxRun, d, along, diagOpen, allowOpen)) {
        if (squashed) return false;
        diagOpen = false;
        if (!finder_cross(b, xx, yy, 1, -1, maxRun, d, along, diagOpen, allowOpen)) return false;
    } else if (squashed && !finder_cross(b, xx, yy, 1, -1, maxRun, d, along, diagOpen, allowOpen)) {
        return false;
    }
    out.open = out.open || diagOpen;
    out.center = {ncx, cy};
    out.moduleSize = static_cast<float>(h.total() + v.total()) / 14.0f;
    out.aspect = static_cast<float>(v.total()) / static_cast<float>(h.total());
    return true;
}

// Finders indexed by centre in square cells, so that a detection is compared with the finders near it
// only: noise and texture give thousands of look-alikes, and comparing each with all was quadratic.
constexpr int kCellPixels = 16;

int cell_of(float v, int count) {
    return std::clamp(static_cast<int>(std::floor(v / static_cast<float>(kCellPixels))), 0, count - 1);
}

int cell_index(const FinderCells& s, Point p) {
    return cell_of(p.y, s.rows) * s.cols + cell_of(p.x, s.cols);
}

void reset_cells(FinderCells& c, int width, int height) {
    c.cols = (width + kCellPixels - 1) / kCellPixels;
    c.rows = (height + kCellPixels - 1) / kCellPixels;
    c.cells.resize(static_cast<size_t>(c.cols * c.rows));
    for (std::vector<int>& cell : c.cells) cell.clear();
}

bool same_finder(const FinderPattern& f, const Detection& d) {
    const float dx = f.center.x - d.center.x, dy = f.center.y - d.center.y;
    const float lim = 2.0f * std::max(f.moduleSize, d.moduleSize);
    const float ratio = f.moduleSize / d.moduleSize;
    return dx * dx + dy * dy <= lim * lim && ratio > 0.5f && ratio < 2.0f;
}

// Merges d into the first finder in list order it matches (as a scan of the whole list would), or appends it.
void merge(std::vector<FinderPattern>& found, FinderCells& s, const Detection& d) {
    // A match has ratio < 2, so its distance is under 2 * 2 d.moduleSize: only cells that near can hold it.
    const float reach = 4.0f * d.moduleSize + 1.0f;
    const int x0 = cell_of(d.center.x - reach, s.cols), x1 = cell_of(d.center.x + reach, s.cols);
    const int y0 = cell_of(d.center.y - reach, s.rows), y1 = cell_of(d.center.y + reach, s.rows);
    int best = -1;
    if (static_cast<size_t>((x1 - x0 + 1) * (y1 - y0 + 1)) > found.size()) {
        for (size_t i = 0; i < found.size() && best < 0; ++i)
            if (same_finder(found[i], d)) best = static_cast<int>(i);
    } else {
        for (int cy = y0; cy <= y1; ++cy)
            for (int cx = x0; cx <= x1; ++cx)
                for (int i : s.cells[static_cast<size_t>(cy * s.cols + cx)])
                    if ((best < 0 || i < best) && same_finder(found[static_cast<size_t>(i)], d)) best = i;
    }
    if (best < 0) {
        s.cells[static_cast<size_t>(cell_index(s, d.center))].push_back(static_cast<int>(found.size()));
        found.push_back({d.center, d.moduleSize, 1, d.open, d.aspect});
        return;
    }
    FinderPattern& f = found[static_cast<size_t>(best)];
    const int before = cell_index(s, f.center);
    const float w = static_cast<float>(f.hits);
    f.center.x = (f.center.x * w + d.center.x) / (w + 1);
    f.center.y = (f.center.y * w + d.center.y) / (w + 1);
    f.moduleSize = (f.moduleSize * w + d.moduleSize) / (w + 1);
    f.aspect = (f.aspect * w + d.aspect) / (w + 1);
    ++f.hits;
    const int after = cell_index(s, f.center);
    if (after == before) return;
    std::vector<int>& old = s.cells[static_cast<size_t>(before)];
    old.erase(std::find(old.begin(), old.end(), best));
    s.cells[static_cast<size_t>(after)].push_back(best);
}

// Scans one row of 0/1 bytes run by run, reporting 1:1:3:1:1 run groups (centre, total length) as each
// group's last dark run ends (and whether it needed an open outer ring). `words`: scratch for the row's
// packed bits.
template <typename OnHit>
void scan_line(const uint8_t* row, int length, uint64_t* words, bool allowOpen, OnHit onHit) {
    int runs[5] = {};
    int completed = 0;
    image::for_each_run(row, length, words, [&](int start, int end, bool dark) {
        for (int k = 0; k < 4; ++k) runs[k] = runs[k + 1];
        runs[4] = end - start;
        ++completed;
        int group[5] = {runs[0], runs[1], runs[2], runs[3], runs[4]};
        bool clipped = false;
        if (dark && completed >= 5 && finder_runs_open(group, clipped, -1, allowOpen)) {
            const int centreStart = end - runs[4] - runs[3] - runs[2];
            onHit(static_cast<float>(centreStart) + static_cast<float>(runs[2]) * 0.5f,
                  group[0] + group[1] + group[2] + group[3] + group[4], clipped);
        }
    });
}

}  // namespace

bool finder_ratio_ok(const int runs[5]) {
    const int total = runs[0] + runs[1] + runs[2] + runs[3] + runs[4];
    if (total < 7) return false;
    const float m = static_cast<float>(total) / 7.0f;
    const float tol1 = 0.6f * m + 0.5f;  // half a pixel of quantisation at tiny sizes
    for (int k : {0, 1, 3, 4})
        if (std::abs(static_cast<float>(runs[k]) - m) > tol1) return false;
    return std::abs(static_cast<float>(runs[2]) - 3 * m) <= 0.9f * m + 1.0f;
}

bool finder_ratio_open_ok(const int runs[5], bool& clipped) {
    int copy[5] = {runs[0], runs[1], runs[2], runs[3], runs[4]};
    return finder_runs_open(copy, clipped);
}

void find_finder_patterns(const image::BitMatrix& binary, const FinderOptions& options, std::vector<FinderPattern>& out) {
    FinderScratch scratch;
    find_finder_patterns(binary, options, scratch, out);
}

namespace {

// Whole finders and open ones are merged apart, so that the finders seen whole, and their order, are what
// they would be without the open ones.
void add_detection(FinderScratch& scratch, Detection& det) {
    if (det.open) merge(scratch.open, scratch.openCells, det);
    else merge(scratch.whole, scratch.cells, det);
    det.open = false;
}

void scan_columns(const image::BitMatrix& binary, const FinderOptions& options, FinderScratch& scratch) {
    const int step = std::max(1, options.rowStep);
    uint64_t* const words = scratch.rowBits.data();
    Detection d{};
    image::transpose(binary, scratch.transposed);
    for (int x = 0; x < binary.width; x += step) {
        const uint8_t* column = scratch.transposed.bits.data() + static_cast<size_t>(x) * static_cast<size_t>(binary.height);
        scan_line(column, binary.height, words, options.open, [&](float cy, int total, bool hitOpen) {
            // Re-use the row confirmation from the column hit's centre.
            const int y = static_cast<int>(cy);
            Cross h;
            float along = 0;
            bool open = hitOpen;
            if (!finder_cross(binary, x, y, 1, 0, std::max(3, total), h, along, open, options.open)) return;
            const float cx = static_cast<float>(x) + along;
            d.open = open;
            if (confirm(binary, cx, y, h.total(), options.open, d)) add_detection(scratch, d);
            d.open = false;
        });
    }
}

// `out`: the whole finders most confirmed first, then open ones not where a whole one is.
void list_finders(FinderScratch& scratch, std::vector<FinderPattern>& out) {
    const auto by_hits = [](const FinderPattern& a, const FinderPattern& b) { return a.hits > b.hits; };
    out = scratch.whole;
    std::stable_sort(out.begin(), out.end(), by_hits);
    std::vector<FinderPattern>& open = scratch.openByHits;
    open = scratch.open;
    std::stable_sort(open.begin(), open.end(), by_hits);
    const size_t whole = out.size();
    for (const FinderPattern& f : open) {
        if (static_cast<int>(out.size() - whole) >= kMaxOpenFinders) break;
        const Detection seen{f.center, f.moduleSize, true};
        if (std::none_of(out.begin(), out.begin() + static_cast<long>(whole),
                         [&](const FinderPattern& w) { return same_finder(w, seen); }))
            out.push_back(f);
    }
}

}  // namespace

void find_finder_patterns(const image::BitMatrix& binary, const FinderOptions& options, FinderScratch& scratch,
                          std::vector<FinderPattern>& out) {
    out.clear();
    scratch.whole.clear();
    scratch.open.clear();
    if (binary.width < 7 || binary.height < 7) return;
    const int step = std::max(1, options.rowStep);
    scratch.rowBits.resize(static_cast<size_t>((std::max(binary.width, binary.height) + 63) / 64));
    reset_cells(scratch.cells, binary.width, binary.height);
    reset_cells(scratch.openCells, binary.width, binary.height);
    uint64_t* const words = scratch.rowBits.data();
    Detection d{};
    for (int y = 0; y < binary.height; y += step) {
        const uint8_t* row = binary.bits.data() + static_cast<size_t>(y) * static_cast<size_t>(binary.width);
        scan_line(row, binary.width, words, options.open, [&](float cx, int total, bool rowOpen) {
            d.open = rowOpen;
            if (confirm(binary, cx, y, total, options.open, d)) add_detection(scratch, d);
            d.open = false;
        });
    }
    if (options.scanColumns) scan_columns(binary, options, scratch);
    list_finders(scratch, out);
}

void add_column_finders(const image::BitMatrix& binary, const FinderOptions& options, FinderScratch& scratch,
                        std::vector<FinderPattern>& out) {
    if (binary.width < 7 || binary.height < 7) return;
    scan_columns(binary, options, scratch);
    list_finders(scratch, out);
}

}  // namespace cccd::qr
