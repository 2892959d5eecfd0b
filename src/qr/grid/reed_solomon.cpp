// Reed-Solomon decoding (ISO/IEC 18004:2015 7.5.2; the algorithm is the textbook one: syndromes,
// Berlekamp-Massey for the error locator, Chien search for its roots, Forney for the magnitudes).
// Codeword i of an n-codeword block is the coefficient of x^(n-1-i), so its error locator is a^(n-1-i).
#include "qr/grid/reed_solomon.hpp"

#include <algorithm>
#include <array>

namespace cccd::qr {
namespace {

constexpr int kPrimitive = 0x11D;  // 7.5.2: x^8 + x^4 + x^3 + x^2 + 1
constexpr int kMaxBlock = 255;     // a GF(256) code has at most 255 symbols

struct GfTables {
    std::array<uint8_t, 512> exp{};  // a^i for i in 0..511, doubled so exp[log a + log b] needs no modulo
    std::array<uint8_t, 256> log{};  // log[0] is unused
};

constexpr GfTables make_tables() {
    GfTables t;
    int x = 1;
    for (int i = 0; i < 255; ++i) {
        t.exp[static_cast<size_t>(i)] = static_cast<uint8_t>(x);
        t.log[static_cast<size_t>(x)] = static_cast<uint8_t>(i);
        x <<= 1;
        if (x & 0x100) x ^= kPrimitive;
    }
    for (int i = 255; i < 512; ++i) t.exp[static_cast<size_t>(i)] = t.exp[static_cast<size_t>(i - 255)];
    return t;
}

constexpr GfTables kGf = make_tables();

constexpr uint8_t mul(uint8_t a, uint8_t b) {
    if (a == 0 || b == 0) return 0;
    return kGf.exp[static_cast<size_t>(kGf.log[a]) + kGf.log[b]];
}
constexpr uint8_t div(uint8_t a, uint8_t b) {  // b != 0
    if (a == 0) return 0;
    return kGf.exp[static_cast<size_t>(kGf.log[a]) + 255 - kGf.log[b]];
}
constexpr uint8_t pow_a(int power) { return kGf.exp[static_cast<size_t>(power % 255)]; }

// Value of a polynomial with coefficients `c` (c[0] the constant term) at x.
uint8_t eval_low_first(std::span<const uint8_t> c, uint8_t x) {
    uint8_t y = 0;
    for (size_t i = c.size(); i-- > 0;) y = static_cast<uint8_t>(mul(y, x) ^ c[i]);
    return y;
}

// S_j = r(a^j), j = 0 .. ecCodewords-1 (the generator's roots). True when all are zero. Summed in the log
// domain, codeword by codeword: codeword i (the coefficient of x^p, p = n-1-i) adds c a^(jp) to S_j, whose
// log grows by p from one j to the next; a zero codeword adds nothing. The same field sums as Horner's rule
// per syndrome, without a branch per multiplication (most grids a frame tries fail: every block of every
// one of them is checked here).
bool syndromes(std::span<const uint8_t> block, int ecCodewords, std::span<uint8_t> s) {
    std::fill(s.begin(), s.begin() + ecCodewords, uint8_t{0});
    const int n = static_cast<int>(block.size());
    for (int i = 0; i < n; ++i) {
        const uint8_t c = block[static_cast<size_t>(i)];
        if (c == 0) continue;
        const int p = (n - 1 - i) % 255;
        int e = kGf.log[c];
        for (int j = 0; j < ecCodewords; ++j) {
            s[static_cast<size_t>(j)] ^= kGf.exp[static_cast<size_t>(e)];
            e += p;
            if (e >= 255) e -= 255;
        }
    }
    return std::all_of(s.begin(), s.begin() + ecCodewords, [](uint8_t v) { return v == 0; });
}

// Positions p in 0..n-1 where the locator (coefficients low degree first) vanishes at a^-p, in increasing
// order; at most `limit` + 1 are recorded (more than the degree means no valid locator). Chien search in
// the log domain: term i's log drops by i from one p to the next.
int chien_roots(std::span<const uint8_t> locator, int n, int limit, std::span<int> where) {
    std::array<int, kMaxBlock + 1> e{};  // log of term i at the current p, or -1 for a zero coefficient
    const int terms = static_cast<int>(locator.size());
    for (int i = 0; i < terms; ++i) e[static_cast<size_t>(i)] = locator[static_cast<size_t>(i)] ? kGf.log[locator[static_cast<size_t>(i)]] : -1;
    int found = 0;
    for (int p = 0; p < n; ++p) {
        uint8_t v = 0;
        for (int i = 0; i < terms; ++i) {
            int& t = e[static_cast<size_t>(i)];
            if (t < 0) continue;
            v ^= kGf.exp[static_cast<size_t>(t)];
            t -= i % 255;
            if (t < 0) t += 255;
        }
        if (v == 0) {
            if (found > limit) break;
            where[static_cast<size_t>(found++)] = p;
        }
    }
    return found;
}

// Berlekamp-Massey: the shortest LFSR (error locator Lambda, lambda[0] = 1) generating the syndromes.
// Returns its degree L.
int berlekamp_massey(std::span<const uint8_t> s, std::span<uint8_t> lambda) {
    std::array<uint8_t, kMaxBlock + 1> prev{};  // B(x): the locator before the last length change
    std::array<uint8_t, kMaxBlock + 1> saved{};
    const size_t cap = lambda.size();
    for (auto& c : lambda) c = 0;
    lambda[0] = 1;
    prev[0] = 1;
    int length = 0;
    int shift = 1;     // m: steps since the last length change
    uint8_t last = 1;  // b: the discrepancy at the last length change
    for (size_t n = 0; n < s.size(); ++n) {
        uint8_t d = s[n];
        for (int i = 1; i <= length; ++i) d ^= mul(lambda[static_cast<size_t>(i)], s[n - static_cast<size_t>(i)]);
        if (d == 0) {
            ++shift;
            continue;
        }
        const uint8_t factor = div(d, last);
        const bool grow = 2 * length <= static_cast<int>(n);
        if (grow) std::copy(lambda.begin(), lambda.end(), saved.begin());
        // Lambda(x) -= d/b * x^m * B(x)
        for (size_t i = 0; i + static_cast<size_t>(shift) < cap; ++i) {
            lambda[i + static_cast<size_t>(shift)] ^= mul(factor, prev[i]);
        }
        if (grow) {
            length = static_cast<int>(n) + 1 - length;
            std::copy(saved.begin(), saved.begin() + static_cast<long>(cap), prev.begin());
            last = d;
            shift = 1;
        } else {
            ++shift;
        }
    }
    return length;
}

}  // namespace

uint8_t gf_mul(uint8_t a, uint8_t b) { return mul(a, b); }
uint8_t gf_exp(int power) { return pow_a(power < 0 ? 0 : power); }

void rs_encode(std::span<const uint8_t> data, std::span<uint8_t> ec) {
    const size_t n = ec.size();
    if (n == 0 || n >= kMaxBlock) return;
    // Generator g(x) = (x - a^0)(x - a^1)...(x - a^(n-1)), coefficients highest degree first, g[0] = 1.
    std::array<uint8_t, kMaxBlock + 1> g{};
    g[0] = 1;
    for (size_t k = 0; k < n; ++k) {
        const uint8_t root = pow_a(static_cast<int>(k));
        for (size_t i = k + 1; i > 0; --i) g[i] = static_cast<uint8_t>(g[i] ^ mul(g[i - 1], root));
    }
    // Remainder of data(x) * x^n divided by g(x): a shift register.
    for (auto& c : ec) c = 0;
    for (uint8_t d : data) {
        const uint8_t feedback = static_cast<uint8_t>(d ^ ec[0]);
        for (size_t i = 0; i + 1 < n; ++i) ec[i] = static_cast<uint8_t>(ec[i + 1] ^ mul(feedback, g[i + 1]));
        ec[n - 1] = mul(feedback, g[n]);
    }
}

RsSyndromes rs_syndromes(std::span<const uint8_t> block, int ecCodewords) {
    RsSyndromes r;
    const int n = static_cast<int>(block.size());
    if (ecCodewords <= 0 || ecCodewords >= n || n > kMaxBlock) return r;
    r.count = ecCodewords;
    r.zero = syndromes(block, ecCodewords, std::span<uint8_t>(r.values.data(), static_cast<size_t>(ecCodewords)));
    return r;
}

RsOutcome rs_correct(std::span<uint8_t> block, int ecCodewords, int maxErrors, std::span<const int> erasures) {
    return rs_correct(block, ecCodewords, maxErrors, erasures, rs_syndromes(block, ecCodewords));
}

RsOutcome rs_correct(std::span<uint8_t> block, int ecCodewords, int maxErrors, std::span<const int> erasures,
                     const RsSyndromes& syndromesOfBlock) {
    const int n = static_cast<int>(block.size());
    if (ecCodewords <= 0 || ecCodewords >= n || n > kMaxBlock || syndromesOfBlock.count != ecCodewords) return {};
    const auto ecSize = static_cast<size_t>(ecCodewords);
    if (syndromesOfBlock.zero) return {true, 0};
    const std::span<const uint8_t> synd(syndromesOfBlock.values.data(), ecSize);
    if (maxErrors > ecCodewords / 2) maxErrors = ecCodewords / 2;  // beyond this no decoder is unique
    const int e = static_cast<int>(erasures.size());
    if (e > 2 * maxErrors) return {};

    // Erasure locator Gamma(x) = prod (1 + X_k x), X_k = a^p for the codeword at index n - 1 - p.
    std::array<uint8_t, kMaxBlock + 1> gam{};
    gam[0] = 1;
    for (int k = 0; k < e; ++k) {
        const int index = erasures[static_cast<size_t>(k)];
        if (index < 0 || index >= n) return {};
        const uint8_t x = pow_a(n - 1 - index);
        for (int i = k + 1; i > 0; --i) gam[static_cast<size_t>(i)] ^= mul(gam[static_cast<size_t>(i - 1)], x);
    }
    // Forney syndromes T(x) = S(x) Gamma(x) mod x^ec; the errors' locator comes from T_e .. T_(ec-1).
    std::array<uint8_t, kMaxBlock> t{};
    for (size_t i = 0; i < ecSize; ++i) {
        uint8_t v = 0;
        for (size_t k = 0; k <= i && k <= static_cast<size_t>(e); ++k) v ^= mul(gam[k], synd[i - k]);
        t[i] = v;
    }
    std::array<uint8_t, kMaxBlock + 1> lam{};
    const std::span<uint8_t> lambda(lam.data(), ecSize + 1);
    const int errors = berlekamp_massey(std::span<const uint8_t>(t.data() + e, ecSize - static_cast<size_t>(e)), lambda);
    // 2 errors + erasures within the budget of 2 maxErrors (misdecode protection already taken off).
    if (errors + e == 0 || 2 * errors + e > 2 * maxErrors) return {};
    // Psi(x) = Lambda(x) Gamma(x): every wrong codeword's locator.
    std::array<uint8_t, kMaxBlock + 1> psi{};
    for (int i = 0; i <= errors; ++i)
        for (int k = 0; k <= e; ++k) psi[static_cast<size_t>(i + k)] ^= mul(lam[static_cast<size_t>(i)], gam[static_cast<size_t>(k)]);
    const int degree = errors + e;
    const std::span<const uint8_t> locator(psi.data(), static_cast<size_t>(degree) + 1);

    // Chien search, restricted to the block: roots a^-p with p >= n would point outside it.
    std::array<int, kMaxBlock + 1> where{};
    const int found = chien_roots(locator, n, degree, where);
    // More roots than the degree: not a valid locator; fewer: roots outside the block or not in GF(256).
    if (found != degree) return {};

    // Omega(x) = S(x) Psi(x) mod x^ec; Psi'(x) keeps the odd terms (characteristic 2).
    std::array<uint8_t, kMaxBlock> om{};
    for (size_t i = 0; i < ecSize; ++i) {
        uint8_t v = 0;
        for (size_t k = 0; k <= i && k < locator.size(); ++k) v ^= mul(locator[k], synd[i - k]);
        om[i] = v;
    }
    const std::span<const uint8_t> omega(om.data(), ecSize);
    std::array<uint8_t, kMaxBlock> der{};
    for (size_t i = 1; i < locator.size(); i += 2) der[i - 1] = locator[i];
    const std::span<const uint8_t> derivative(der.data(), locator.size());

    const auto erased = [&](int p) {
        return std::find(erasures.begin(), erasures.end(), n - 1 - p) != erasures.end();
    };
    std::array<uint8_t, kMaxBlock> backup{};
    std::copy(block.begin(), block.end(), backup.begin());
    int changed = 0;
    for (int k = 0; k < found; ++k) {
        const int p = where[static_cast<size_t>(k)];
        const uint8_t x = pow_a(p);
        const uint8_t xInv = pow_a(255 - p);
        const uint8_t denominator = eval_low_first(derivative, xInv);
        // Forney with first root a^0 (7.5.2): e = X * Omega(X^-1) / Psi'(X^-1).
        const uint8_t magnitude = denominator == 0 ? 0 : mul(x, div(eval_low_first(omega, xInv), denominator));
        // An erased codeword may have been right; an error's locator must point at a wrong one.
        if (magnitude == 0 && (denominator == 0 || !erased(p))) {
            std::copy(backup.begin(), backup.begin() + n, block.begin());
            return {};
        }
        block[static_cast<size_t>(n - 1 - p)] ^= magnitude;
        changed += magnitude != 0 ? 1 : 0;
    }
    // Never report success on a block that is still not a codeword.
    std::array<uint8_t, kMaxBlock> check{};
    if (!syndromes(block, ecCodewords, std::span<uint8_t>(check.data(), ecSize))) {
        std::copy(backup.begin(), backup.begin() + n, block.begin());
        return {};
    }
    return {true, changed};
}

}  // namespace cccd::qr
