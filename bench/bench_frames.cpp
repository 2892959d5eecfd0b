#include "bench_frames.hpp"

#include <algorithm>
#include <cstdlib>

#include "support/corpus_index.hpp"
#include "support/mini_json.hpp"

namespace bench {

std::string corpus_dir() { return testsupport::corpus_dir(); }

namespace {

// Paints the symbol's bounding box (with a margin) in the frame's median grey, leaving no code.
void paint_over(cccd::io::LoadedImage& img, const std::vector<std::pair<double, double>>& corners) {
    double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
    for (auto [x, y] : corners) {
        x0 = std::min(x0, x); y0 = std::min(y0, y); x1 = std::max(x1, x); y1 = std::max(y1, y);
    }
    const double margin = (x1 - x0) * 0.15;
    std::vector<uint8_t> sorted = img.luma;
    std::nth_element(sorted.begin(), sorted.begin() + static_cast<long>(sorted.size() / 2), sorted.end());
    const uint8_t grey = sorted[sorted.size() / 2];
    for (int y = std::max(0, static_cast<int>(y0 - margin)); y < std::min(img.height, static_cast<int>(y1 + margin)); ++y)
        for (int x = std::max(0, static_cast<int>(x0 - margin)); x < std::min(img.width, static_cast<int>(x1 + margin)); ++x)
            img.luma[static_cast<size_t>(y) * static_cast<size_t>(img.width) + static_cast<size_t>(x)] = grey;
}

}  // namespace

std::vector<Frame> corpus_frames(int width, int height, bool paintOverCode) {
    std::vector<Frame> frames;
    for (const char* subset : {"normal", "hard"}) {
        const std::string dir = corpus_dir() + "/cccd-synth/" + subset;
        for (const auto& c : testsupport::cccd_synth(corpus_dir(), subset)) {
            if (c.width != width || c.height != height) continue;
            Frame f{c.set + "/" + c.name, cccd::io::load_image(c.path), c.expected};
            if (!f.image.ok()) continue;
            if (paintOverCode) {
                std::vector<std::pair<double, double>> corners;
                for (const auto& p : c.corners) corners.emplace_back(p.first, p.second);
                paint_over(f.image, corners);
                f.expected.clear();
            }
            frames.push_back(std::move(f));
        }
    }
    return frames;
}

}  // namespace bench
