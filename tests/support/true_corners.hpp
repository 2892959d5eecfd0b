#pragma once
// Test support: a generated card photo (tools/cardgen) with its symbol's geometry at the generator's exact
// corners, and its grid sampled there as the decoder's first binarization would: to test sampling and
// equalizers apart from locating.
#include <array>
#include <cstdint>
#include <vector>

#include "cardgen/cardgen.hpp"
#include "image/binarize_local.hpp"
#include "qr/pipeline.hpp"
#include "qr/grid/sample.hpp"
#include "support/corner_geometry.hpp"

namespace testsupport {

struct PhotoAtTrueCorners {
    std::vector<uint8_t> luma;
    int width = 0, height = 0;
    cccd::qr::SymbolGeometry geometry;  // module space (0,0)..(d,d) onto the photo's symbol
    cccd::image::ImageView view() const { return {luma.data(), width, height, width}; }
};

inline PhotoAtTrueCorners at_true_corners(const cccd::cardgen::CardPhoto& photo) {
    using cccd::qr::Point;
    PhotoAtTrueCorners p{cccd::cardgen::luma(photo), photo.width, photo.height, {}};
    std::array<Point, 4> corners{};
    for (size_t k = 0; k < 4; ++k)
        corners[k] = {static_cast<float>(photo.qrCorners[k].first), static_cast<float>(photo.qrCorners[k].second)};
    p.geometry = geometry_at_corners(photo.version, corners, static_cast<float>(photo.modulePx));
    return p;
}

// The grid at the true corners against the first binarization's levels, with its margins in `samples`.
inline void sample_at_true_corners(const PhotoAtTrueCorners& p, cccd::qr::SampleScratch& samples, cccd::qr::ModuleGrid& grid) {
    cccd::image::LocalBinarizeScratch scratch;
    cccd::image::ThresholdMap levels;
    cccd::image::BitMatrix bits;
    const cccd::qr::PipelineConfig config = cccd::qr::default_pipeline_config();
    cccd::image::binarize_local(p.view(), config.steps[0].local, scratch, levels, bits);
    cccd::qr::sample_grid(p.view(), levels, p.geometry, config.sample, samples, grid);
}

}  // namespace testsupport
