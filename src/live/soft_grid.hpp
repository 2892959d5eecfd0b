#pragma once
// Soft module samples of one symbol over recent frames of a video, fused into one grid. Each frame's samples
// are its margins (sample.hpp: how far darker than its level each module was, in shares of the contrast);
// a frame weighs by how clearly it shows the modules the standard fixes (finders, timing, alignment), so
// blurred or badly registered frames count less, and the fused grid's confidence gives the erasures.
#include <cstdint>
#include <deque>
#include <span>
#include <vector>


namespace cccd::live {

struct SoftFrame {
    std::vector<float> margins;  // dimension * dimension, row-major
    float weight = 0;
    int frame = 0;
};

struct SoftWindow {
    int dimension = 0;
    std::deque<SoftFrame> frames;  // oldest first
};

// Mean of colour * margin over the modules whose colour the standard fixes (qr::function_pattern_colours):
// about 0.4-0.5 for a sharp, well placed grid, near 0 for a blurred or misplaced one, negative when wrong.
float sharpness(std::span<const float> margins, std::span<const int8_t> colours);

// Of the data modules the window is sure of (fused margin beyond 0.1), the share on which `margins` agree
// in sign: about 0.5 for another symbol, well above for the same one. 1 when the window is sure of none.
float agreement(const SoftWindow& window, std::span<const float> margins, std::span<const int8_t> colours);

// The weighted mean of the window's margins (empty when the window is): a grid of it is
// qr::equalized_grid's, plain (strength 0) or equalized.
void fused_margins(const SoftWindow& window, std::vector<float>& out);

}  // namespace cccd::live
