#pragma once
// Live scanning: successive calls are frames of one video. A symbol located but not decoded is tracked
// from frame to frame (searched again in a small region around where it was), and each frame's reading of
// it is kept: its soft module samples (soft_grid.hpp) over the last few frames, and the Reed-Solomon blocks
// any frame corrected (qr::BlockMemory). A frame that cannot be read alone is read with them. Every text
// returned passed Reed-Solomon; samples and blocks of two symbols are never mixed: a track is one place in
// the frame, and it starts again whenever a frame's grid disagrees with what it holds.
// Live mode looks for dark-on-light symbols only (ID cards print them so): the light-on-dark pass would
// double the search per frame for symbols a card never has.
#include <optional>

#include "image/image_view.hpp"
#include "live/soft_grid.hpp"
#include "qr/decoder.hpp"
#include "qr/grid/grid_decoder.hpp"
#include "qr/pipeline.hpp"

namespace cccd::live {

struct LiveConfig {
    // A finder seen within this many modules of where the last frame's geometry puts it is taken as moved
    // there (hand shake at 30 fps moves a card a few pixels).
    float finderReach = 4;
    int window = 3;           // frames whose soft samples are fused
    int lostAfter = 10;       // frames in a row without the symbol before its track is dropped
    // While a track was seen in the last `freshFor` frames, the whole frame is searched only every
    // `wholeEvery`-th frame (another card coming into view); the rest of the time only the tracked region.
    int freshFor = 3;
    int wholeEvery = 4;
    // ... and on every frame in which the track was not seen in its region (the card moved out of it, as
    // between two frames of a slow device, or left); docs/live-scanning.md has what it gains and costs.
    bool wholeWhenRegionEmpty = true;
    float regionMargin = 0.6f;  // the region searched: the symbol's bounding box grown by this share of its side
    // Frames whose grid shows the fixed patterns less clearly than this (sharpness) are not fused: blurred
    // or misregistered.
    float minSharpness = 0.12f;
    // A frame whose data modules agree with the window less than this is another symbol (or misplaced):
    // the track's samples and blocks start again from it.
    float minAgreement = 0.65f;
    // Work per frame (pipeline.hpp's counted bounds). A tracked symbol is first sought where its finders
    // were (one geometry); failing that, its region is searched with every step under the `region` bounds;
    // the whole frame with its first binarization only under the `whole` bounds (6 geometries and 32
    // searches read the generated clips as well, but the shared back-mild-720 clip first at frame 45
    // instead of 37; 16 and 96 read nothing more).
    qr::WorkBudget whole{12, 64, 4, 24};   // geometries, template searches; the same for open finders
    qr::WorkBudget region{16, 96, 6, 40};
    // Frames whose shorter side is at least aimFromSide (1080p cameras) are searched halved everywhere and
    // at full size only in the aiming region: the centre, aimWidth x aimHeight of the frame (the page's
    // aiming frame is 40-44 % x 70-76 %).
    int aimFromSide = 1080;
    float aimWidth = 0.8f;
    float aimHeight = 1.0f;
    // Smaller frames in which no symbol was seen: the centre, enlargeWidth x enlargeHeight of the frame,
    // enlarged 2x and searched under enlargedBudget, on every enlargeEvery-th frame. A card at arm's length
    // in 720p has modules of 1-1.4 px, whose finders show only enlarged. Its grids whose format information
    // reads the same in both copies get the fitted equalizer (pipeline.hpp): at 1.3-1.4 px the enlarged
    // modules carry a share of their neighbours that the fixed equalizer does not take out.
    bool enlarge = true;
    float enlargeWidth = 0.5f;
    float enlargeHeight = 0.8f;
    int enlargeEvery = 1;
    qr::WorkBudget enlargedBudget{12, 64, 4, 24};
    bool enlargedFitEqualizer = true;
    // ID cards' symbols are versions 6-10 (ISO/IEC 18004 6.3.1: 21 + 4 (v - 1) modules): candidates above
    // version 20 are look-alikes here, and a large one costs a frame's budget to refine and sample.
    int maxDimension = 97;
    // Symbols whose region covers more than this share of the frame are not tracked: their modules are
    // large enough for single frames, and searching such a region with every step costs a whole frame's.
    float maxRegionShare = 0.2f;
};

struct Track {
    int dimension = 0;
    bool inverted = false;
    qr::SymbolGeometry geometry;        // where it was last seen, in the frame
    int lastSeen = 0;                   // frame number
    int frames = 0;                     // frames it was located in
    SoftWindow samples;
    qr::BlockMemory blocks;
};

// One video's state. Not shared between videos: reset() (or a new LiveState) starts a new one.
struct LiveState {
    int frame = 0;
    std::optional<Track> track;
    qr::DecoderScratch scratch;
    qr::ModuleGrid grid;                 // this frame's grid of the tracked symbol
    image::ThresholdMap thresholds;      // of the tracked region
    image::BitMatrix binary;
    image::LocalBinarizeScratch local;
    qr::SampleScratch sample;
    std::vector<uint8_t> halved;         // a 1080p frame halved (LiveConfig::aimFromSide)
    std::vector<uint8_t> enlarged;       // a smaller frame's centre enlarged (LiveConfig::enlarge)
    std::vector<float> fused;            // the track's fused margins
    qr::FittedEqualizerScratch fitted;
    void reset() {
        frame = 0;
        track.reset();
    }
};

struct LiveResult {
    qr::DecodeResult result;  // as Decoder::decode; symbols[0] is the read, when found
    int fusedFrames = 0;      // frames whose samples or blocks made the read (1: this frame alone)
    bool tracking = false;    // a symbol is being tracked after this frame
};

// The next frame of the video. Frames may change size (the track is then dropped).
LiveResult scan_live(const image::ImageView& frame, LiveState& state, const LiveConfig& config = {});

}  // namespace cccd::live
