// write_clip: NAME.mjpeg (the frames' JPEGs back to back, each checked as Chromium's fake camera parses it,
// written as it is made) and NAME.mjpeg.json (the ground truth, kept per frame without the pixels).
#include <exception>
#include <filesystem>
#include <fstream>

#include "cardgen.hpp"
#include "mjpeg_check.hpp"

namespace cccd::cardgen {

namespace {

std::string write(const ClipSpec& spec, const std::string& path) {
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    if (!file) return "cannot write " + path;
    std::vector<ClipFrame> truth;
    truth.reserve(static_cast<size_t>(spec.frames > 0 ? spec.frames : 0));
    std::string error, frameError;
    const bool made = make_clip(
        spec,
        [&](int index, const ClipFrame& f) {
            size_t bytes = 0;
            int w = 0, h = 0;
            frameError = check_mjpeg_frame(f.jpeg.data(), f.jpeg.size(), bytes, w, h);
            if (frameError.empty() && (bytes != f.jpeg.size() || w != spec.width || h != spec.height))
                frameError = "bytes after EOI or the wrong size";
            if (!frameError.empty()) {
                frameError = "frame " + std::to_string(index) + " would not play in Chromium: " + frameError;
                return false;
            }
            file.write(reinterpret_cast<const char*>(f.jpeg.data()), static_cast<std::streamsize>(f.jpeg.size()));
            if (!file) {
                frameError = "cannot write " + path;
                return false;
            }
            truth.push_back({{}, f.cards, f.motionPx, f.motionAngleDeg, f.blurSigma});
            return true;
        },
        error);
    if (!made) return frameError.empty() ? error : frameError;
    file.close();
    if (!file) return "cannot write " + path;

    const std::string json = clip_json(spec, truth);
    if (json.empty()) return "cannot make the JSON for " + path;
    std::ofstream side(path + ".json", std::ios::binary | std::ios::trunc);
    side << json;
    side.close();
    if (!side) return "cannot write " + path + ".json";
    return "";
}

}  // namespace

std::string write_clip(const ClipSpec& spec, const std::string& path) {
    std::string error;
    try {
        error = write(spec, path);
    } catch (const std::exception& e) {
        error = std::string("cardgen: ") + e.what();
    }
    if (!error.empty()) {  // no half-made clip left behind for a fake camera to loop over
        std::error_code ignored;
        std::filesystem::remove(path, ignored);
        std::filesystem::remove(path + ".json", ignored);
    }
    return error;
}

}  // namespace cccd::cardgen
