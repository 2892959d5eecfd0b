// One line of index.jsonl, in the format the project's corpus harness reads (tests/support/corpus_index).
#include <cmath>
#include <cstdio>

#include "cardgen.hpp"

namespace cccd::cardgen {

namespace {

std::string escaped(const std::string& s) {  // JSON string; UTF-8 passes through
    std::string out = "\"";
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') out += '\\', out += ch;
        else if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else out += ch;
    }
    return out + "\"";
}

std::string num(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    std::string s = buf;
    return s == "-0" || s.find_first_not_of("-0.") == std::string::npos ? std::string("0") : s;
}

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
    std::string j = "{\"file\": " + escaped(file) + ", \"payload\": " + escaped(photo.payload) + ", \"qr_corners\": [";
    for (size_t i = 0; i < 4; ++i)
        j += (i ? ", [" : "[") + num(photo.qrCorners[i].first, 2) + ", " + num(photo.qrCorners[i].second, 2) + "]";
    j += "], \"params\": {\"module_px\": " + num(photo.modulePx, 3) + ", \"angle_deg\": " + num(angle, 1) +
         ", \"tilt\": " + num(s.tilt, 3) + ", \"blur_sigma\": " + num(s.blurSigma, 2) +
         ", \"jpeg_q\": " + std::to_string(s.jpegQuality) + ", \"qr_version\": " + std::to_string(photo.version) +
         ", \"ec_level\": \"" + std::string(1, photo.ecLevel) + "\", \"size\": [" + std::to_string(photo.width) + ", " +
         std::to_string(photo.height) + "]";
    j += ", \"side\": \"" + std::string(s.side == Side::front ? "front" : "back") + "\", \"seed\": " + std::to_string(s.seed) +
         ", \"qr_mm\": " + num(s.qrMm, 2) + ", \"tilt_dir_deg\": " + num(s.tiltDirDeg, 1) + ", \"bend\": " + num(s.bend, 4) +
         ", \"motion_px\": " + num(s.motionPx, 2) + ", \"motion_angle_deg\": " + num(s.motionAngleDeg, 1) +
         ", \"noise\": " + num(s.noiseSigma, 2) + ", \"illumination\": " + num(s.illumination, 2) +
         ", \"glare_stripes\": " + std::to_string(s.glareStripes) + ", \"hot_spots\": " + std::to_string(s.hotSpots) +
         ", \"glare_strength\": " + num(s.glareStrength, 2) + ", \"thumbnail\": " + num(s.thumbnailFactor, 2) +
         ", \"background\": \"" + background_name(s.background) + "\"}}";
    return j;
}

}  // namespace cccd::cardgen
