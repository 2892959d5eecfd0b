#pragma once
// Small dense linear systems, such as the normal equations of the least-squares fits (fit.cpp,
// fitted_equalizer.cpp): Gaussian elimination with partial pivoting.
#include <array>
#include <cmath>
#include <cstddef>
#include <utility>

namespace cccd::qr {

template <size_t N>
using SquareMatrix = std::array<std::array<double, N>, N>;

// Solves a x = b in place: `b` becomes x, `a` is overwritten. False when a is singular (a pivot under 1e-12).
template <size_t N>
bool solve_linear(SquareMatrix<N>& a, std::array<double, N>& b) {
    for (size_t col = 0; col < N; ++col) {
        size_t pivot = col;
        for (size_t r = col + 1; r < N; ++r)
            if (std::abs(a[r][col]) > std::abs(a[pivot][col])) pivot = r;
        if (std::abs(a[pivot][col]) < 1e-12) return false;
        if (pivot != col) {
            std::swap(a[col], a[pivot]);
            std::swap(b[col], b[pivot]);
        }
        for (size_t r = col + 1; r < N; ++r) {
            const double f = a[r][col] / a[col][col];
            for (size_t k = col; k < N; ++k) a[r][k] -= f * a[col][k];
            b[r] -= f * b[col];
        }
    }
    for (size_t r = N; r-- > 0;) {
        double v = b[r];
        for (size_t k = r + 1; k < N; ++k) v -= a[r][k] * b[k];
        b[r] = v / a[r][r];
    }
    return true;
}

}  // namespace cccd::qr
