#pragma once
// A per-symbol equalizer. sample.hpp's fixed equalizer assumes one blur, the same each way, for every
// frame; this one measures it. Each sample's margin is modelled as a weighed sum of its own module, its
// left, right, upper and lower neighbours (apart: motion blur and a grid sampled off the module centres
// are not the same each way), the two diagonal pairs (upper left with lower right, upper right with lower
// left: motion blur along one diagonal weighs one pair only) and a bias, modules as +1 dark, -1
// light. Least squares fits the weights, first on the modules whose colours the standard fixes (finders,
// separators, timing and alignment patterns: ISO/IEC 18004:2015 6.3), then on every module with the
// previous pass's decisions. Decision feedback undoes each fit: a module's own share is what is left of
// its margin once its neighbours' shares, at their decided colours, are taken out.
// On card photos with 1.8 px modules and 2.5 px motion blur, at the true corners, it read 23 of 24 where
// the fixed one read 6 (tests/unit/fitted_equalizer_test.cpp).
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "qr/grid/module_grid.hpp"

namespace cccd::qr {

// The model's weights: own module, left, right, up, down, upper left + lower right, upper right + lower
// left, bias. Split diagonals: cccd-synth/hard read 74 where one weight for all four read 73; no other
// set changed.
inline constexpr size_t kEqualizerWeights = 8;
using EqualizerWeights = std::array<float, kEqualizerWeights>;

struct FittedEqualizerScratch {
    int version = 0;
    std::vector<int8_t> colours;  // function_pattern_colours(version), kept while the version is the same
    std::vector<float> estimate, next, decided;  // padded by one module of 0
    // Per region: the normal equations' matrix, their right-hand sides (then solutions), the weights.
    std::vector<std::array<std::array<double, kEqualizerWeights>, kEqualizerWeights>> normal;
    std::vector<std::array<double, kEqualizerWeights>> right, weights;
};

// `margins` as SampleScratch::margins (dimension x dimension, positive = darker than its level). Fills
// `out` (modules; confidence from how far each module's own share is from 0; the fixed modules as the
// standard has them) and returns true; false when the dimension is not a symbol's or a fit gives the
// module's own share no positive weight (the grid is not a symbol, or light-on-dark). `weights`, if given,
// gets the last fit.
bool fitted_equalized_grid(std::span<const float> margins, int dimension, FittedEqualizerScratch& scratch,
                           ModuleGrid& out, EqualizerWeights* weights = nullptr);

}  // namespace cccd::qr
