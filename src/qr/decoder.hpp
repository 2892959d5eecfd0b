#pragma once
// The QR reader's decoder (internal; the public API over it is include/cccd/qr.hpp): a luminance frame in,
// the symbols it holds out. A Decoder owns the scratch memory (binarized image, candidate lists, module
// grid) and reuses it from frame to frame, so a camera loop allocates nothing per frame once the frame
// size is stable.
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "image/image_view.hpp"
#include "qr/detect/geometry.hpp"
#include "qr/grid/grid_decoder.hpp"

namespace cccd::qr {

struct DecodeOptions {
    bool tryHarder = true;    // more binarizations and candidate triples before giving up
    bool tryInverted = true;  // light-on-dark symbols
    int maxSymbols = 1;       // stop after this many symbols (decodeAll: kDecodeAllMaxSymbols unless larger than 1)
};

enum class DecodeStatus {
    found,
    not_found,      // no symbol located
    unreadable,     // located but could not be decoded (see message)
    invalid_input,  // null data, zero or negative size, stride < width, absurd size
};

struct Symbol {
    GridDecodeResult data;          // text, bytes, version, EC level, mask, corrected errors, …
    std::array<Point, 4> corners{}; // image corners: top-left, top-right, bottom-right, bottom-left of the symbol
    float moduleSize = 0;           // pixels per module
};

struct StageTimes {  // milliseconds spent per stage for the last call
    double binarize = 0, locate = 0, sample = 0, decode = 0;
};

// Work done for the last call, in deterministic units (tests bound it; times vary with the machine).
struct WorkCounts {
    int candidates = 0;        // finder triple + dimension hypotheses offered
    int geometries = 0;        // geometries built from them
    int templateSearches = 0;  // finder / alignment template searches on the grey image
    int grids = 0;             // module grids sampled and decoded
    // Of the geometries and template searches, those of candidates with open finders (finder.hpp): they
    // have a budget of their own, so that a symbol with a quiet zone is read with the same work as before.
    int openGeometries = 0;
    int openTemplateSearches = 0;
    // And those of candidates with a finder placed by prediction (qr/detect/pair_candidates.hpp), the last
    // resort of a frame's last step: a budget of their own too, so that later looks (reduced frames) find
    // the open budget as it was. Not counted as open.
    int pairGeometries = 0;
    int pairTemplateSearches = 0;
};

struct DecodeResult {
    DecodeStatus status = DecodeStatus::not_found;
    std::string message;
    std::vector<Symbol> symbols;
    StageTimes times;
    WorkCounts work;
    bool found() const { return status == DecodeStatus::found; }
};

// decodeAll's bound on symbols per frame when DecodeOptions::maxSymbols is left at 1.
inline constexpr int kDecodeAllMaxSymbols = 32;

struct DecoderScratch;  // defined in pipeline.hpp (internal)

class Decoder {
public:
    Decoder();
    ~Decoder();
    Decoder(Decoder&&) noexcept;
    Decoder& operator=(Decoder&&) noexcept;

    // Never throws; bad input gives DecodeStatus::invalid_input with a message.
    DecodeResult decode(const image::ImageView& frame, const DecodeOptions& options = {});

    // Every symbol in the frame (up to options.maxSymbols, or kDecodeAllMaxSymbols when that is 1), in the
    // order found; a symbol is reported once however many binarizations see it.
    DecodeResult decodeAll(const image::ImageView& frame, DecodeOptions options = {});

private:
    std::unique_ptr<DecoderScratch> scratch_;
};

}  // namespace cccd::qr
