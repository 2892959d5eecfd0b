#pragma once
// cccd_cardgen: deterministic camera photos of Vietnamese chip ID cards (CCCD fronts, 2024 Thẻ căn cước
// backs) whose QR is printed straight over the card's guilloche pattern, with no quiet zone. For tests and
// benchmarks only, never the product. Everything is drawn from the seed: the same spec gives the same bytes
// (same binary). Coordinates: pixel (x, y) covers [x, x+1) x [y, y+1), so its centre is (x+0.5, y+0.5).
#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace cccd::cardgen {

enum class Side { front, back };
enum class Background { desk, gradient, cloth };

struct CardSpec {
    Side side = Side::front;
    uint32_t seed = 1;
    std::string payload;    // empty: an invented person drawn from the seed
    int version = 0;        // the smallest allowed; raised when the payload does not fit (0: smallest fit)
    char ecLevel = 'M';     // L, M, Q or H
    double qrMm = 0;        // printed symbol side in mm; 0: front 14, back 11

    // Frame and pose.
    int width = 1280, height = 720;
    double modulePx = 3;    // mean symbol side / modules, in pixels (lowered if the symbol cannot fit)
    double angleDeg = 0;    // rotation in the image, clockwise on screen
    double tilt = 0;        // perspective: opposite card edges differ in scale by this share (0..0.2)
    double tiltDirDeg = 0;  // direction, on the card, in which the card leans away
    double bend = 0;        // cylindrical bow: sag as a share of the card's width (0..0.02), sign = side
    double placeX = -1, placeY = -1;  // where the symbol sits among the positions allowed (0..1); -1: seeded

    // Scene and light.
    Background background = Background::desk;
    double illumination = 0;  // uneven light: 0 flat .. 1 strong gradient and vignette
    int glareStripes = 0;     // soft near-white bands on the laminate (0..3)
    int hotSpots = 0;         // saturated blobs on the laminate
    double glareStrength = 0.6;

    // Optics, sensor, file.
    double blurSigma = 0;      // defocus, Gaussian sigma in pixels (0..1.5)
    double motionPx = 0;       // motion blur, line kernel length in pixels (0..6)
    double motionAngleDeg = 0;
    double noiseSigma = 0;     // sensor noise at mid grey, in 8-bit levels
    int jpegQuality = 90;      // 1..100; 0 keeps the raw pixels (no JPEG)
    double thumbnailFactor = 1;  // > 1: scaled down by this, then back up (messaging apps)
};

struct CardPhoto {
    std::string error;  // empty when the photo was made
    std::vector<uint8_t> rgb;  // width * height * 3, what decoding `jpeg` gives (or the raw pixels)
    int width = 0, height = 0;
    std::string payload;
    // TL, TR, BR, BL outer corners of the symbol (module space (0,0), (N,0), (N,N), (0,N)), in pixels.
    std::array<std::pair<double, double>, 4> qrCorners{};
    double modulePx = 0;  // as placed: mean side of the corner quadrilateral / N
    int version = 0;
    char ecLevel = 'M';
    std::vector<uint8_t> jpeg;  // empty when jpegQuality == 0
    CardSpec spec;              // the spec as used (version, modulePx after fitting, payload filled in)
    bool ok() const { return error.empty(); }
};

CardPhoto make_card_photo(const CardSpec& spec);

// Rec. 601 luma of the photo's pixels (width * height).
std::vector<uint8_t> luma(const CardPhoto& photo);

struct Difficulty {
    enum class Kind { normal, hard, ladder } kind = Kind::normal;
    double modulePx = 0;  // ladder: this module size, other conditions mild
    static Difficulty normal() { return {Kind::normal, 0}; }
    static Difficulty hard() { return {Kind::hard, 0}; }
    static Difficulty ladder(double px) { return {Kind::ladder, px}; }
};

// A spec with its person, symbol and camera drawn from ranges (payload, version and level filled in).
CardSpec random_spec(Side side, uint32_t seed, Difficulty difficulty = Difficulty::normal());

// --- People and payloads ------------------------------------------------------------------------------------
struct Person {
    std::string id;     // 12 digits: province, century/sex, year of birth, 6 random
    std::string oldId;  // 9-digit CMND number or empty
    std::string name;
    std::string dob;    // ddmmyyyy
    std::string sex;    // "Nam" or "Nữ"
    std::string address;
    std::string issued;  // ddmmyyyy
    std::string birthProvince;
};

Person random_person(Side side, uint32_t seed);
// front: id|oldId|name|dob|sex|address|issued; back: the same followed by "||||" (11 fields).
std::string payload_of(const Person& person, Side side);
std::vector<std::string> split_fields(const std::string& payload);

// --- The symbol ----------------------------------------------------------------------------------------
struct QrGrid {
    std::string error;
    int version = 0;
    int size = 0;                  // modules per side, 17 + 4 * version
    std::vector<uint8_t> modules;  // size * size, row-major, 1 = dark
    bool dark(int x, int y) const { return modules[static_cast<size_t>(y) * static_cast<size_t>(size) + static_cast<size_t>(x)] != 0; }
};

// Byte mode (libqrencode, case-sensitive 8-bit) at `version` or the smallest larger one that fits.
QrGrid encode_qr(const std::string& payload, int version, char ecLevel);

// --- The test harness's index.jsonl ---------------------------------------------------------------------
std::string index_json_line(const std::string& file, const CardPhoto& photo);

// A folder of photos: card i (0..count-1) is random_spec(side, seed + i, difficulty), with the module size
// and frame size overridden when given (card i gets sizes[i % sizes.size()]).
struct PhotoSet {
    std::string dir;
    Side side = Side::front;
    Difficulty difficulty = Difficulty::normal();
    uint32_t seed = 0;
    int count = 0;
    double modulePx = 0;                     // > 0: every card at this module size
    std::vector<std::pair<int, int>> sizes;  // empty: each spec's own frame size
    double tilt = -1;                        // >= 0: every card leans this much (CardSpec::tilt)
};

// Writes dir/card-0000.jpg ... and dir/index.jsonl (index_json_line per card). Returns an error or "".
std::string write_photo_set(const PhotoSet& set);

// --- Handheld clips (clip*.cpp) ---------------------------------------------------------------------------
// A card held at arm's length in front of a camera and slowly brought closer: hand shake (smooth), motion
// blur along the motion on the faster frames, autofocus hunting, the QR printed on the card's pattern. The
// frames are JPEGs (baseline, 4:2:0 up to quality 90), concatenated they make an MJPEG file that ffmpeg and
// Chromium's fake camera (--use-file-for-fake-video-capture=FILE.mjpeg) play.
struct ClipSpec {
    enum Scenario {
        single,       // one card approaching
        twoCards,     // two different cards side by side, partly overlapping, both symbols always in view
        swapMidClip,  // card A for the first half; it leaves the frame and card B comes in
    };
    Side side = Side::front;
    uint32_t seed = 1;
    int width = 1280, height = 720, frames = 90;
    double fps = 30;
    double moduleStartPx = 1.0, moduleEndPx = 2.2;  // each symbol's side / modules at the first and last frame
    double shake = 1;         // hand shake: 0 still, 1 a card held at arm's length, 2 a shaky hand
    double blurMax = 3;       // longest motion-blur streak, pixels (on the fastest frames)
    double focusHunt = 1.2;   // peak defocus (Gaussian sigma, pixels) while the autofocus hunts; 0 never hunts
    double focusFloor = 0.3;  // defocus between hunts
    Scenario scenario = single;
    double noiseSigma = 2.5;  // sensor noise at mid grey, in 8-bit levels
    int jpegQuality = 85;     // 1..100; up to 90 the chroma is 4:2:0, as webcams send it
    double glare = 0.5;       // 0 none .. 1 strong: uneven light, hot spots and stripes on the laminate
    std::string payload, secondPayload;  // empty: invented people drawn from the seed (card B: two/swap)
};

struct CardTruth {
    std::string payload;
    std::array<std::pair<double, double>, 4> qrCorners{};  // TL, TR, BR, BL in pixels (centres at +0.5)
    double modulePx = 0;                                    // mean side of the corner quadrilateral / N
};

struct ClipFrame {
    std::vector<uint8_t> jpeg;
    std::vector<CardTruth> cards;  // the cards whose whole symbol is inside the frame, bottom to top
    double motionPx = 0, motionAngleDeg = 0;  // the motion-blur streak applied to this frame
    double blurSigma = 0;                     // and the defocus
};

// The cards of a clip, in order (A, then B for twoCards and swapMidClip).
struct ClipCardInfo {
    std::string payload;
    int version = 0;
    char ecLevel = 'M';
    double qrMm = 0;
};

enum class ClipDifficulty { mild, hard };

// Like the shared cccd-handheld clips: mild = front-mild-720 / back-mild-720 (modules 1.0 -> 2.2 px at
// 1280x720, scaled with the frame's height: 1.5 -> 3.3 at 1920x1080), hard = front-hard-720 (more blur).
ClipSpec clip_preset(Side side, uint32_t seed, ClipDifficulty difficulty, int width = 1280, int height = 720);

// Makes the frames one at a time and hands each to `onFrame` (index 0..frames-1); stops early when it
// returns false. Returns true when every frame was made and taken; otherwise false with `error` set. The
// same spec gives the same bytes (same binary).
bool make_clip(const ClipSpec& spec, const std::function<bool(int index, const ClipFrame& frame)>& onFrame,
               std::string& error);

// The clip's cards (payloads, symbols); empty with `error` set when the spec is refused.
std::vector<ClipCardInfo> clip_cards(const ClipSpec& spec, std::string& error);

// NAME.mjpeg.json: the keys of the shared clips' JSON (payload, fields, size, back, module_px) for card A,
// and per frame the ground truth: "frames": [{"cards": [{"payload", "qr_corners", "module_px"}], ...}].
// `frames` are the clip's frames (their jpeg may be empty). Empty string when it cannot be made.
std::string clip_json(const ClipSpec& spec, const std::vector<ClipFrame>& frames);

// Writes the clip to `path` (MJPEG: the frames' JPEGs back to back, nothing between or after) and its JSON
// to `path` + ".json". Each frame is checked as Chromium's fake camera parses it. Returns an error or "".
std::string write_clip(const ClipSpec& spec, const std::string& path);

// Checks an MJPEG file's bytes the way Chromium's fake camera reads them (media/parsers/jpeg_parser:
// each frame starts right where the previous one's EOI ended, baseline SOF0 with 8-bit tables, one scan of
// all components, Huffman tables 0-1; the file ends at the last EOI). Counts the frames and gives their
// size (all frames must share it). Returns an error or "".
std::string check_mjpeg(const uint8_t* data, size_t size, int& frames, int& width, int& height);

}  // namespace cccd::cardgen
