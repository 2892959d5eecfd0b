#pragma once
// Least-squares perspective from four or more point pairs (direct linear transform with Hartley's
// normalisation), for refining a symbol's geometry with every pattern found in it.
#include <optional>
#include <span>

#include "qr/detect/geometry.hpp"

namespace cccd::qr {

std::optional<Perspective> fit_perspective(std::span<const Point> src, std::span<const Point> dst);

}  // namespace cccd::qr
