#include "live/soft_grid.hpp"

#include <algorithm>
#include <cmath>

namespace cccd::live {
namespace {

// The window's weighted mean margin of module i.
float fused_margin(const SoftWindow& window, size_t i) {
    double sum = 0, weights = 0;
    for (const SoftFrame& f : window.frames) {
        sum += static_cast<double>(f.weight) * f.margins[i];
        weights += f.weight;
    }
    return weights > 0 ? static_cast<float>(sum / weights) : 0.0f;
}

}  // namespace

float sharpness(std::span<const float> margins, std::span<const int8_t> colours) {
    if (margins.size() != colours.size()) return 0;
    double sum = 0;
    int known = 0;
    for (size_t i = 0; i < margins.size(); ++i) {
        if (colours[i] == 0) continue;
        sum += colours[i] * margins[i];
        ++known;
    }
    return known > 0 ? static_cast<float>(sum / known) : 0.0f;
}

float agreement(const SoftWindow& window, std::span<const float> margins, std::span<const int8_t> colours) {
    if (window.frames.empty() || margins.size() != colours.size() ||
        window.frames.front().margins.size() != margins.size())
        return 1;
    int sure = 0, agree = 0;
    for (size_t i = 0; i < margins.size(); ++i) {
        if (colours[i] != 0) continue;
        const float m = fused_margin(window, i);
        if (std::abs(m) < 0.1f) continue;
        ++sure;
        agree += (m > 0) == (margins[i] > 0) ? 1 : 0;
    }
    return sure > 0 ? static_cast<float>(agree) / static_cast<float>(sure) : 1.0f;
}

void fused_margins(const SoftWindow& window, std::vector<float>& out) {
    out.clear();
    if (window.frames.empty()) return;
    out.resize(window.frames.front().margins.size());
    for (size_t i = 0; i < out.size(); ++i) out[i] = fused_margin(window, i);
}

}  // namespace cccd::live
