#pragma once
// Concentric-square templates on the grey image, in the symbol's own module frame: finder patterns
// (ISO/IEC 18004:2015 6.3.3: rings 0-1 dark, 2 light, 3 dark) and alignment patterns (6.3.6: ring 0 dark,
// 1 light, 2 dark). Matching grey values at module centres keeps working at ~1.3 px per module and any
// rotation, where the binary image no longer shows the rings.
#include "image/image_view.hpp"
#include "qr/detect/geometry.hpp"

namespace cccd::qr {

struct RingTemplate {
    int rings = 0;           // rings 0..rings-1 (ring r = modules at Chebyshev distance r from the centre)
    unsigned darkMask = 0;   // bit r set: ring r is dark
};

inline constexpr RingTemplate kFinderTemplate{4, 0b1011};
inline constexpr RingTemplate kAlignmentTemplate{3, 0b101};

// Mean grey of the light rings minus the mean of the dark rings' means (each ring weighs the same);
// positive when the template fits. u, v: image vectors of one module along the symbol's axes.
float ring_contrast(const image::ImageView& gray, const RingTemplate& t, Point center, Point u, Point v, bool inverted);

struct TemplateSearch {
    Point predicted;
    Point moduleU, moduleV;
    float radiusModules = 1;  // searched on a grid of coarseStep modules, then refined to 1/8 module
    float coarseStep = 0.5f;
    float distancePenalty = 0.04f;  // per module from the prediction, as a fraction of the contrast
    bool inverted = false;
};

struct TemplateMatch {
    Point center;
    float contrast = 0;
};

TemplateMatch best_template_match(const image::ImageView& gray, const RingTemplate& t, const TemplateSearch& search);

}  // namespace cccd::qr
