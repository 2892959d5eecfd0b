#pragma once
// How strongly the timing patterns (ISO/IEC 18004:2015 6.3.5) alternate at the period a dimension predicts,
// whatever their phase. timing_score's judge samples each module's centre, so a frame whose finder centres
// are off by half a module (blurred finders of 1.3-1.6 px modules are good to about a pixel) samples module
// edges and scores at chance even at the right dimension; the power of the grey profile at one cycle per two
// modules does not depend on where the samples fall, and at a wrong dimension the profile drifts out of step
// with it within a few cycles.
#include "image/image_view.hpp"
#include "qr/detect/geometry.hpp"

namespace cccd::qr {

// 0..1: the magnitude of the timing row's and column's grey profiles (modules 8 .. dimension - 9, two
// samples a module) at that period, relative to their spread; the mean of the two lines. About 1/sqrt(n)
// for a profile unrelated to the period, 0.4-0.8 for a real timing pattern of 1.35 px modules with blur.
float timing_period_score(const image::ImageView& gray, const Perspective& moduleToImage, int dimension);

}  // namespace cccd::qr
