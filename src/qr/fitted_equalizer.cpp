#include "qr/fitted_equalizer.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

#include "qr/function_patterns.hpp"
#include "qr/sample.hpp"
#include "qr/tables.hpp"

namespace cccd::qr {

namespace {

constexpr int kWeights = 7;
// Fits and feedback passes: the first fit uses the fixed modules only, the later ones every module with
// the previous pass's decisions. On the corpora, at the true corners, reads stopped growing after four.
constexpr int kPasses = 4;
// Ridge term per fitted module: keeps the normal equations solvable when a pattern leaves a neighbour's
// weight undetermined (a symbol whose samples are all one colour).
constexpr double kRidge = 1e-3;

using Matrix = std::array<double, kWeights * kWeights>;
using Vector = std::array<double, kWeights>;

// Gaussian elimination with partial pivoting; false when singular.
bool solve(Matrix a, Vector b, Vector& x) {
    constexpr int n = kWeights;
    for (int c = 0; c < n; ++c) {
        int p = c;
        for (int r = c + 1; r < n; ++r)
            if (std::abs(a[static_cast<size_t>(r * n + c)]) > std::abs(a[static_cast<size_t>(p * n + c)])) p = r;
        if (std::abs(a[static_cast<size_t>(p * n + c)]) < 1e-12) return false;
        if (p != c) {
            for (int k = 0; k < n; ++k) std::swap(a[static_cast<size_t>(c * n + k)], a[static_cast<size_t>(p * n + k)]);
            std::swap(b[static_cast<size_t>(c)], b[static_cast<size_t>(p)]);
        }
        for (int r = c + 1; r < n; ++r) {
            const double f = a[static_cast<size_t>(r * n + c)] / a[static_cast<size_t>(c * n + c)];
            for (int k = c; k < n; ++k) a[static_cast<size_t>(r * n + k)] -= f * a[static_cast<size_t>(c * n + k)];
            b[static_cast<size_t>(r)] -= f * b[static_cast<size_t>(c)];
        }
    }
    for (int c = n - 1; c >= 0; --c) {
        double s = b[static_cast<size_t>(c)];
        for (int k = c + 1; k < n; ++k) s -= a[static_cast<size_t>(c * n + k)] * x[static_cast<size_t>(k)];
        x[static_cast<size_t>(c)] = s / a[static_cast<size_t>(c * n + c)];
    }
    return true;
}

// The model's inputs at module i of a padded grid (row length `row`): own, left, right, up, down,
// diagonals' sum, 1. The one-module border is 0: outside the symbol (no quiet zone on a card) a neighbour is
// unknown.
Vector inputs(const float* t, size_t row) {
    return {t[0], t[-1], t[1], t[-static_cast<ptrdiff_t>(row)], t[row],
            t[-static_cast<ptrdiff_t>(row) - 1] + t[-static_cast<ptrdiff_t>(row) + 1] + t[row - 1] + t[row + 1], 1.0};
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
    const auto padded = [row](size_t x, size_t y) { return (y + 1) * row + x + 1; };
    equalized_grid(margins, d, kEqualizerStrength, out);
    s.estimate.assign(row * row, 0.0f);
    s.decided.assign(row * row, 0.0f);
    for (size_t y = 0, i = 0; y < static_cast<size_t>(d); ++y)
        for (size_t x = 0; x < static_cast<size_t>(d); ++x, ++i)
            s.estimate[padded(x, y)] = s.colours[i] != 0 ? s.colours[i] : (out.modules[i] != 0 ? 1.0f : -1.0f);
    Vector w{};
    for (int pass = 0; pass < kPasses; ++pass) {
        Matrix a{};
        Vector b{};
        int used = 0;
        for (size_t k = 0; k < s.estimate.size(); ++k) s.decided[k] = s.estimate[k] > 0 ? 1.0f : s.estimate[k] < 0 ? -1.0f : 0.0f;
        for (size_t y = 0, i = 0; y < static_cast<size_t>(d); ++y)
            for (size_t x = 0; x < static_cast<size_t>(d); ++x, ++i) {
                if (pass == 0 && s.colours[i] == 0) continue;
                const Vector f = inputs(&s.decided[padded(x, y)], row);
                for (size_t r = 0; r < kWeights; ++r) {
                    b[r] += f[r] * margins[i];
                    for (size_t c = r; c < kWeights; ++c) a[r * kWeights + c] += f[r] * f[c];
                }
                ++used;
            }
        for (size_t r = 0; r < kWeights; ++r) {
            a[r * kWeights + r] += kRidge * used;
            for (size_t c = 0; c < r; ++c) a[r * kWeights + c] = a[c * kWeights + r];
        }
        if (!solve(a, b, w) || w[0] <= 1e-4) return false;
        s.next = s.estimate;
        for (size_t y = 0, i = 0; y < static_cast<size_t>(d); ++y)
            for (size_t x = 0; x < static_cast<size_t>(d); ++x, ++i) {
                if (s.colours[i] != 0) continue;
                const Vector f = inputs(&s.decided[padded(x, y)], row);
                double rest = margins[i] - w[6];
                for (size_t k = 1; k < 6; ++k) rest -= w[k] * f[k];
                s.next[padded(x, y)] = static_cast<float>(std::clamp(rest / w[0], -1.0, 1.0));
            }
        std::swap(s.estimate, s.next);
    }
    out.size = d;
    out.modules.assign(n, 0);
    out.confidence.assign(n, 0);
    for (size_t y = 0, i = 0; y < static_cast<size_t>(d); ++y)
        for (size_t x = 0; x < static_cast<size_t>(d); ++x, ++i) {
            const float e = s.estimate[padded(x, y)];
            out.modules[i] = e > 0 ? 1 : 0;
            out.confidence[i] = static_cast<uint8_t>(std::min(255.0f, std::abs(e) * 255.0f));
        }
    if (weights != nullptr)
        for (size_t k = 0; k < kWeights; ++k) (*weights)[k] = static_cast<float>(w[k]);
    return true;
}

}  // namespace cccd::qr
