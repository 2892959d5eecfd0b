#include "qr/grid/fitted_equalizer.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <vector>

#include "qr/grid/function_patterns.hpp"
#include "qr/detect/linear_solve.hpp"
#include "qr/grid/sample.hpp"
#include "qr/tables.hpp"

namespace cccd::qr {

namespace {

constexpr size_t kWeights = kEqualizerWeights;
// Fits and feedback passes: the first fit uses the fixed modules only, the later ones every module with
// the previous pass's decisions. On the corpora, at the true corners, reads stopped growing after four.
constexpr int kPasses = 4;
// Ridge term per fitted module: keeps the normal equations solvable when a pattern leaves a neighbour's
// weight undetermined (a symbol whose samples are all one colour).
constexpr double kRidge = 1e-3;
// Below this the fit found no share of a module in its own sample.
constexpr double kMinOwnWeight = 1e-4;
// Region-wise passes after the whole symbol's: 3 x 3 regions, each fit pulled towards the whole symbol's
// as if by 50 modules that agree with it. At the true corners of cccd-print and cccd-synth/hard they read
// 1-2 more per 100 than the whole symbol's fit alone.
constexpr int kRegions = 3;
constexpr int kRegionPasses = 2;
constexpr double kRegionPull = 50.0;

using Matrix = SquareMatrix<kWeights>;
using Vector = std::array<double, kWeights>;

// The model's inputs at module i of a padded grid (row length `row`): own, left, right, up, down, the two
// diagonal pairs' sums, 1. The one-module border is 0: outside the symbol (no quiet zone on a card) a
// neighbour is unknown.
Vector inputs(const float* t, size_t row) {
    const ptrdiff_t r = static_cast<ptrdiff_t>(row);
    return {t[0], t[-1], t[1], t[-r], t[r], t[-r - 1] + t[r + 1], t[-r + 1] + t[r - 1], 1.0};
}

// The symbol's modules split into `count` x `count` squares (the last ones take the remainder).
struct Regions {
    int count = 1;
    int dimension = 0;
};

// Which square each module of a row (or column) falls in: part[v] for v < dimension (no division per
// module in the fits' loops).
std::array<uint8_t, 178> region_parts(const Regions& r) {
    std::array<uint8_t, 178> part{};
    const size_t d = static_cast<size_t>(r.dimension), count = static_cast<size_t>(r.count);
    for (size_t v = 0; v < d && v < part.size(); ++v) part[v] = static_cast<uint8_t>(std::min(count - 1, v * count / d));
    return part;
}

// One least-squares fit per region of margin = weights . inputs, over the modules `use` admits, with the
// decided colours as inputs, each pulled towards `prior` by `pull` per weight (plus kRidge per module
// towards 0). A region whose fit fails or gives its own module no positive weight takes `prior`.
template <typename Use>
void fit(std::span<const float> margins, const std::vector<float>& decided, const Regions& regions, Use use,
         const Vector& prior, double pull, std::vector<Matrix>& a, std::vector<Vector>& b, std::vector<Vector>& weights) {
    const size_t d = static_cast<size_t>(regions.dimension), row = d + 2;
    const size_t count = static_cast<size_t>(regions.count * regions.count);
    a.assign(count, Matrix{});
    b.assign(count, Vector{});
    weights.assign(count, prior);
    std::vector<int> used(count, 0);
    const std::array<uint8_t, 178> part = region_parts(regions);
    // The current region's sums in locals (the compiler keeps them out of memory it must reload), written
    // back when the region changes: the same additions in the same order.
    Matrix sumA{};
    Vector sumB{};
    size_t current = count;
    const auto switch_to = [&](size_t g) {
        if (current < count) a[current] = sumA, b[current] = sumB;
        if (g < count) sumA = a[g], sumB = b[g];
        current = g;
    };
    for (size_t y = 0, i = 0; y < d; ++y)
        for (size_t x = 0; x < d; ++x, ++i) {
            if (!use(i)) continue;
            const size_t g = part[y] * static_cast<size_t>(regions.count) + part[x];
            if (g != current) switch_to(g);
            const Vector f = inputs(&decided[(y + 1) * row + x + 1], row);
            for (size_t r = 0; r < kWeights; ++r) {
                sumB[r] += f[r] * margins[i];
                for (size_t c = r; c < kWeights; ++c) sumA[r][c] += f[r] * f[c];
            }
            ++used[g];
        }
    switch_to(count);
    for (size_t g = 0; g < count; ++g) {
        for (size_t r = 0; r < kWeights; ++r) {
            a[g][r][r] += kRidge * used[g] + pull;
            b[g][r] += pull * prior[r];
            for (size_t c = 0; c < r; ++c) a[g][r][c] = a[g][c][r];
        }
        if (solve_linear(a[g], b[g]) && b[g][0] > kMinOwnWeight) weights[g] = b[g];
    }
}

void decide(FittedEqualizerScratch& s) {
    for (size_t k = 0; k < s.estimate.size(); ++k) s.decided[k] = s.estimate[k] > 0 ? 1.0f : s.estimate[k] < 0 ? -1.0f : 0.0f;
}

// Decision feedback: each data module's own share, from its margin less its neighbours' shares at their
// decided colours (s.decided), becomes its estimate; the fixed modules keep theirs.
void feed_back(std::span<const float> margins, const std::vector<int8_t>& colours, const Regions& regions,
               const std::vector<Vector>& weights, FittedEqualizerScratch& s) {
    const size_t d = static_cast<size_t>(regions.dimension), row = d + 2;
    s.next = s.estimate;
    const std::array<uint8_t, 178> part = region_parts(regions);
    for (size_t y = 0, i = 0; y < d; ++y)
        for (size_t x = 0; x < d; ++x, ++i) {
            if (colours[i] != 0) continue;
            const Vector& w = weights[part[y] * static_cast<size_t>(regions.count) + part[x]];
            const size_t at = (y + 1) * row + x + 1;
            const Vector f = inputs(&s.decided[at], row);
            double rest = margins[i] - w[kWeights - 1];
            for (size_t k = 1; k + 1 < kWeights; ++k) rest -= w[k] * f[k];
            s.next[at] = static_cast<float>(std::clamp(rest / w[0], -1.0, 1.0));
        }
    std::swap(s.estimate, s.next);
}

}  // namespace

bool fitted_equalized_grid(std::span<const float> margins, int d, FittedEqualizerScratch& s, ModuleGrid& out,
                           EqualizerWeights* weights) {
    const int version = d >= 21 && (d - 17) % 4 == 0 ? version_for_size(d) : 0;
    const size_t n = static_cast<size_t>(d) * static_cast<size_t>(d);
    if (version < 1 || version > 40 || margins.size() != n) return false;
    if (s.version != version) {
        s.colours = function_pattern_colours(version);
        s.version = version;
    }
    // Estimates on a grid with a one-module border of zeros. Start from the fixed equalizer's decisions,
    // with the fixed modules as the standard has them.
    const size_t row = static_cast<size_t>(d) + 2;
    equalized_grid(margins, d, kEqualizerStrength, out);
    s.estimate.assign(row * row, 0.0f);
    s.decided.assign(row * row, 0.0f);
    for (size_t y = 0, i = 0; y < static_cast<size_t>(d); ++y)
        for (size_t x = 0; x < static_cast<size_t>(d); ++x, ++i)
            s.estimate[(y + 1) * row + x + 1] = s.colours[i] != 0 ? s.colours[i] : (out.modules[i] != 0 ? 1.0f : -1.0f);
    const Regions whole{1, d};
    const Vector none{};
    for (int pass = 0; pass < kPasses; ++pass) {
        decide(s);
        const auto use = [&](size_t i) { return pass > 0 || s.colours[i] != 0; };
        fit(margins, s.decided, whole, use, none, 0.0, s.normal, s.right, s.weights);
        if (s.weights[0][0] <= kMinOwnWeight) return false;  // no fit, or not dark-on-light
        feed_back(margins, s.colours, whole, s.weights, s);
    }
    // Then per region, pulled towards the whole symbol's fit: the blur and the sampling's offset from the
    // module centres change across a tilted or bent symbol.
    const Regions parts{kRegions, d};
    const Vector global = s.weights[0];
    const auto all = [](size_t) { return true; };
    for (int pass = 0; pass < kRegionPasses; ++pass) {
        decide(s);
        fit(margins, s.decided, parts, all, global, kRegionPull, s.normal, s.right, s.weights);
        feed_back(margins, s.colours, parts, s.weights, s);
    }
    out.size = d;
    out.modules.assign(n, 0);
    out.confidence.assign(n, 0);
    for (size_t y = 0, i = 0; y < static_cast<size_t>(d); ++y)
        for (size_t x = 0; x < static_cast<size_t>(d); ++x, ++i) {
            const float e = s.estimate[(y + 1) * row + x + 1];
            out.modules[i] = e > 0 ? 1 : 0;
            out.confidence[i] = static_cast<uint8_t>(std::min(255.0f, std::abs(e) * 255.0f));
        }
    if (weights != nullptr)
        for (size_t k = 0; k < kWeights; ++k) (*weights)[k] = static_cast<float>(global[k]);
    return true;
}

}  // namespace cccd::qr
