#pragma once
// Inside the clip generator: the clip's cards, the hand's path over time (clip_hand.cpp) and where each
// card is in each frame (clip_stage.cpp). make_clip (clip.cpp) renders what these decide.
#include <cstdint>
#include <string>
#include <vector>

#include "card_art.hpp"
#include "cardgen.hpp"
#include "pose.hpp"
#include "rng.hpp"

namespace cccd::cardgen {

// Clip-level draws (hand, scene) come from this, not from the seed itself: card A is the card of `seed`
// (random_spec), and its streams must not line up with the hand's.
inline uint64_t clip_seed(uint32_t seed) { return mix64(0x636c6970ull ^ (static_cast<uint64_t>(seed) << 20)); }

struct ClipCard {
    uint32_t seed = 1;  // the card's own seed: person, layout, pattern
    std::string payload;
    std::vector<std::string> fields;
    QrGrid grid;
    CardLayout layout;
    char ecLevel = 'M';
    double qrMm = 14;
    // How it is held (the hand adds its shake to these).
    double angleDeg = 0, tilt = 0, tiltDirDeg = 0, bend = 0;
};

// Checks the spec and makes its cards (A, and B for twoCards / swapMidClip). Empty with `error` on refusal.
std::vector<ClipCard> build_clip_cards(const ClipSpec& spec, std::string& error);

// The hand and the lens over time, one entry per frame.
struct HandFrame {
    double modulePx = 1;            // the approach, with the hand's to-and-fro
    double shakeX = 0, shakeY = 0;  // offset in card widths (image axes): tremor, sway and slips
    double angleDeg = 0;            // added to the cards' turn
    double tiltDirDeg = 0;          // added to the direction they lean
    double placeX = 0.5, placeY = 0.5;  // 0..1: where the cards sit among the places that keep them in view
    double defocus = 0;             // Gaussian sigma in pixels: the autofocus floor and its hunts
};

std::vector<HandFrame> hand_path(const ClipSpec& spec);

struct StagedCard {
    int card = 0;  // index into the clip's cards
    Pose pose;
};

struct StagedFrame {
    std::vector<StagedCard> cards;  // bottom to top; cards wholly outside the frame are left out
    int lead = 0;                     // the card the others are placed around (swap: A, then B)
    Pose leadPose;                    // even when it is out of the frame: the light aims at its symbol
    double centerX = 0, centerY = 0;  // where the lead card's centre is: its motion makes the blur
};

// Poses for every frame (a few projections each: cheap, and the blur needs the neighbours' positions).
std::vector<StagedFrame> stage_clip(const ClipSpec& spec, const std::vector<ClipCard>& cards,
                                    const std::vector<HandFrame>& hand, std::string& error);

}  // namespace cccd::cardgen
