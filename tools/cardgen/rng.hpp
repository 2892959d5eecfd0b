#pragma once
// A small seeded generator with its own distributions: std::uniform_real_distribution and friends differ
// between standard libraries, and the photos must not.
#include <cmath>
#include <cstddef>
#include <cstdint>

namespace cccd::cardgen {

// Finalizer of a 64-bit counter (the SplitMix construction): each call hashes the next counter value.
inline uint64_t mix64(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// Separate streams (person, layout, pose, noise...) so a change in one part leaves the others' draws alone.
enum class Stream : uint64_t { person = 1, spec, layout, art, pose, scene, noise, pattern };

class Rng {
public:
    Rng(uint64_t seed, Stream stream) : state_(mix64(seed * 0x9E3779B97F4A7C15ull + static_cast<uint64_t>(stream))) {}
    uint64_t next() { return mix64(state_ += 0x9E3779B97F4A7C15ull); }
    double uniform() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }  // [0, 1)
    double range(double a, double b) { return a + (b - a) * uniform(); }
    int below(int n) { return static_cast<int>(next() % static_cast<uint64_t>(n)); }  // [0, n)
    int between(int a, int b) { return a + below(b - a + 1); }                        // [a, b]
    bool chance(double p) { return uniform() < p; }
    double normal() {  // Box-Muller; one value per call keeps the stream simple
        const double u1 = 1.0 - uniform(), u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }
    template <class T, size_t N> const T& pick(const T (&items)[N]) { return items[below(static_cast<int>(N))]; }

private:
    uint64_t state_;
};

}  // namespace cccd::cardgen
