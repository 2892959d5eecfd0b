#pragma once
// Reads the module grid of a located symbol from the image: each module's centre mapped through the
// perspective transform, with sub-pixel care at small module sizes.
#include "image/bit_matrix.hpp"
#include "image/image_view.hpp"
#include "qr/locate.hpp"
#include "qr/module_grid.hpp"

namespace cccd::qr {

void sample_grid(const image::ImageView& gray, const image::BitMatrix& binary, const SymbolGeometry& geometry,
                 ModuleGrid& out);

}  // namespace cccd::qr
