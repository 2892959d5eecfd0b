#pragma once
// Finder patterns (ISO/IEC 18004:2015 6.3.3): the three 7x7 squares whose cross-sections read dark,
// light, dark, light, dark in the ratio 1:1:3:1:1 along any line through their centre, at any rotation.
#include <cstdint>
#include <vector>

#include "image/bit_matrix.hpp"
#include "qr/detect/geometry.hpp"

namespace cccd::qr {

struct FinderPattern {
    Point center;
    float moduleSize = 0;  // estimated pixels per module
    int hits = 0;          // how many scan lines confirmed it
    // Seen only with an outer ring that runs on into dark surroundings (no quiet zone: finder.cpp's
    // finder_runs_open). Such look-alikes are common in text and data, so these come after all others.
    bool open = false;
    float aspect = 0;  // its extent down over its extent across, through the centre (0: not measured)
};

struct FinderOptions {
    int rowStep = 1;           // scan every rowStep-th row
    bool scanColumns = false;  // also scan columns (finds finders whose rows are broken up)
    // Also open finders (FinderPattern::open): each run group that fails as it is is tried again with an
    // outer run clipped, and more look-alikes get confirmed, so this costs.
    bool open = false;
};

struct FinderCells {  // finder indices by centre, in square cells (finder.cpp)
    std::vector<std::vector<int>> cells;
    int cols = 0, rows = 0;
};

struct FinderScratch {  // reused between calls
    image::BitMatrix transposed;  // the column scan reads the columns as rows of this
    std::vector<uint64_t> rowBits;  // one row packed to bits
    FinderCells cells, openCells;
    std::vector<FinderPattern> whole;  // detections merged so far, in the order first seen
    std::vector<FinderPattern> open;   // detections that needed an open outer ring
    std::vector<FinderPattern> openByHits;  // `open` sorted (the cells index `open` as merged)
};

// Open finders find_finder_patterns appends at most.
inline constexpr int kMaxOpenFinders = 6;

// Clears `out` and fills it with merged detections, most confirmed first; then up to kMaxOpenFinders open
// ones (FinderPattern::open) that are not where a finder was seen whole, most confirmed first.
void find_finder_patterns(const image::BitMatrix& binary, const FinderOptions& options, FinderScratch& scratch,
                          std::vector<FinderPattern>& out);
// After find_finder_patterns on the same `binary` without scanColumns (scratch untouched since): scans the
// columns too, so that `out` becomes exactly what one call with scanColumns gives. A caller reads the rows'
// finders first and pays for the columns only when they read nothing.
void add_column_finders(const image::BitMatrix& binary, const FinderOptions& options, FinderScratch& scratch,
                        std::vector<FinderPattern>& out);
// The same with its own scratch (tests, tools).
void find_finder_patterns(const image::BitMatrix& binary, const FinderOptions& options, std::vector<FinderPattern>& out);

// The five run lengths dark, light, dark, light, dark fit 1:1:3:1:1 within tolerance.
bool finder_ratio_ok(const int runs[5]);

// The same, or so with one outer dark run that runs on into dark surroundings taken as one module (a finder
// with no quiet zone; modules of 2 px and more): `clipped` says whether that was needed.
bool finder_ratio_open_ok(const int runs[5], bool& clipped);

}  // namespace cccd::qr
