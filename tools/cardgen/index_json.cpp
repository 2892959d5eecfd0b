// One line of index.jsonl, in the format the project's corpus harness reads (tests/support/corpus_index).
#include <cmath>
#include <cstdio>

#include "cardgen.hpp"
#include "json_text.hpp"

namespace cccd::cardgen {

namespace {

const char* background_name(Background b) {
    switch (b) {
        case Background::desk: return "desk";
        case Background::gradient: return "gradient";
        case Background::cloth: return "cloth";
    }
    return "?";
}

}  // namespace

std::string index_json_line(const std::string& file, const CardPhoto& photo) {
    const CardSpec& s = photo.spec;
    double angle = std::fmod(s.angleDeg, 360.0);
    if (angle > 180) angle -= 360;
    if (angle <= -180) angle += 360;
    std::string j = "{\"file\": " + json_string(file) + ", \"payload\": " + json_string(photo.payload) +
                    ", \"fields\": " + fields_json(photo.payload) + ", \"qr_corners\": [";
    for (size_t i = 0; i < 4; ++i)
        j += (i ? ", [" : "[") + json_fixed(photo.qrCorners[i].first, 2) + ", " + json_fixed(photo.qrCorners[i].second, 2) + "]";
    j += "], \"params\": {\"module_px\": " + json_fixed(photo.modulePx, 3) + ", \"angle_deg\": " + json_fixed(angle, 1) +
         ", \"tilt\": " + json_fixed(s.tilt, 3) + ", \"blur_sigma\": " + json_fixed(s.blurSigma, 2) +
         ", \"jpeg_q\": " + std::to_string(s.jpegQuality) + ", \"qr_version\": " + std::to_string(photo.version) +
         ", \"ec_level\": \"" + std::string(1, photo.ecLevel) + "\", \"size\": [" + std::to_string(photo.width) + ", " +
         std::to_string(photo.height) + "]";
    j += ", \"side\": \"" + std::string(s.side == Side::front ? "front" : "back") + "\", \"seed\": " + std::to_string(s.seed) +
         ", \"qr_mm\": " + json_fixed(s.qrMm, 2) + ", \"tilt_dir_deg\": " + json_fixed(s.tiltDirDeg, 1) + ", \"bend\": " + json_fixed(s.bend, 4) +
         ", \"motion_px\": " + json_fixed(s.motionPx, 2) + ", \"motion_angle_deg\": " + json_fixed(s.motionAngleDeg, 1) +
         ", \"noise\": " + json_fixed(s.noiseSigma, 2) + ", \"illumination\": " + json_fixed(s.illumination, 2) +
         ", \"glare_stripes\": " + std::to_string(s.glareStripes) + ", \"hot_spots\": " + std::to_string(s.hotSpots) +
         ", \"glare_strength\": " + json_fixed(s.glareStrength, 2) + ", \"thumbnail\": " + json_fixed(s.thumbnailFactor, 2) +
         ", \"background\": \"" + background_name(s.background) + "\"}}";
    return j;
}

}  // namespace cccd::cardgen
