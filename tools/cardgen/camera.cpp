// make_card_photo: the card, placed and lit, through the camera, to JPEG and back.
#include <cmath>
#include <exception>

#include "background.hpp"
#include "card_art.hpp"
#include "cardgen.hpp"
#include "image.hpp"
#include "jpeg_codec.hpp"
#include "optics.hpp"
#include "pose.hpp"
#include "render.hpp"
#include "rng.hpp"

namespace cccd::cardgen {

namespace {

std::string check(const CardSpec& s) {
    if (std::string size = frame_size_error(s.width, s.height); !size.empty()) return size;
    if (!(s.modulePx > 0.3 && s.modulePx <= 60)) return "modulePx must be in (0.3, 60]";
    if (!(s.tilt >= 0 && s.tilt <= 0.3)) return "tilt must be in [0, 0.3]";
    if (!(std::fabs(s.bend) <= 0.05)) return "bend must be in [-0.05, 0.05]";
    if (!(s.qrMm >= 0 && s.qrMm <= 40)) return "qrMm must be in [0, 40]";
    if (s.jpegQuality < 0 || s.jpegQuality > 100) return "jpegQuality must be in 0..100";
    if (!(s.thumbnailFactor >= 1 && s.thumbnailFactor <= 10)) return "thumbnailFactor must be in [1, 10]";
    if (!(s.blurSigma >= 0 && s.blurSigma <= 20) || !(s.motionPx >= 0 && s.motionPx <= 50)) return "blur out of range";
    if (!(s.noiseSigma >= 0 && s.noiseSigma <= 100)) return "noiseSigma must be in [0, 100]";
    if (!std::isfinite(s.angleDeg) || !std::isfinite(s.tiltDirDeg) || !std::isfinite(s.motionAngleDeg)) return "angles must be finite";
    return "";
}

CardPhoto make(const CardSpec& in) {
    CardPhoto out;
    CardSpec spec = in;
    if (std::string err = check(spec); !err.empty()) {
        out.error = "cardgen: " + err;
        return out;
    }
    if (spec.payload.empty()) spec.payload = payload_of(random_person(spec.side, spec.seed), spec.side);
    const QrGrid grid = encode_qr(spec.payload, spec.version, spec.ecLevel);
    if (!grid.error.empty()) {
        out.error = grid.error;
        return out;
    }
    spec.version = grid.version;
    if (spec.qrMm <= 0) spec.qrMm = spec.side == Side::front ? 14.0 : 11.0;
    const CardLayout layout = card_layout(spec.side, spec.qrMm, spec.seed);

    Rng poseRng(spec.seed, Stream::pose);
    const Placement place = place_card(spec, layout, grid.size, poseRng);
    if (!place.error.empty()) {
        out.error = place.error;
        return out;
    }
    spec.modulePx = place.modulePx;

    thread_local FloatImage frame;  // reused; the background paints every pixel
    frame.reshape(spec.width, spec.height);
    Rng scene(spec.seed, Stream::scene);
    paint_background(frame, spec.background, place.pose, scene);
    thread_local std::vector<float> coverage;
    if (std::string err = render_card(place.pose, layout, split_fields(spec.payload), grid, spec.seed, frame, coverage);
        !err.empty()) {
        out.error = err;
        return out;
    }
    const Corners corners = qr_corners(place.pose, layout);
    apply_light(frame, coverage, spec, corners, scene);
    motion_blur(frame, spec.motionPx, spec.motionAngleDeg);
    gaussian_blur(frame, spec.blurSigma);
    Rng noise(spec.seed, Stream::noise);
    thread_local std::vector<uint8_t> pixels;
    if (spec.thumbnailFactor > 1.01) {
        add_noise(frame, spec.noiseSigma, noise);
        thumbnail(frame, spec.thumbnailFactor);
        to_rgb8(frame, pixels);
    } else {
        add_noise(frame, spec.noiseSigma, noise, &pixels);
    }
    if (spec.jpegQuality > 0) {
        out.jpeg = encode_jpeg(pixels, spec.width, spec.height, spec.jpegQuality);
        if (out.jpeg.empty() || !decode_jpeg(out.jpeg, spec.width, spec.height, out.rgb)) {
            out.error = "cardgen: JPEG round trip failed";
            return out;
        }
    } else {
        out.rgb = pixels;
    }
    if (frame.px.size() > (24u << 20)) frame.px = {}, coverage = {}, pixels = {};  // 4000x3000 and up: give it back

    out.width = spec.width;
    out.height = spec.height;
    out.payload = spec.payload;
    out.qrCorners = corners;
    double side = 0;
    for (size_t i = 0; i < 4; ++i)
        side += std::hypot(corners[(i + 1) % 4].first - corners[i].first, corners[(i + 1) % 4].second - corners[i].second);
    out.modulePx = side / 4 / grid.size;
    out.version = grid.version;
    out.ecLevel = spec.ecLevel;
    out.spec = spec;
    return out;
}

}  // namespace

CardPhoto make_card_photo(const CardSpec& spec) {
    try {
        return make(spec);
    } catch (const std::exception& e) {  // allocation failures: reported, never thrown at the caller
        CardPhoto out;
        out.error = std::string("cardgen: ") + e.what();
        return out;
    }
}

std::vector<uint8_t> luma(const CardPhoto& photo) {
    std::vector<uint8_t> out(photo.rgb.size() / 3);
    for (size_t i = 0; i < out.size(); ++i) {
        const uint8_t* p = photo.rgb.data() + i * 3;
        out[i] = static_cast<uint8_t>((299 * p[0] + 587 * p[1] + 114 * p[2] + 500) / 1000);
    }
    return out;
}

}  // namespace cccd::cardgen
