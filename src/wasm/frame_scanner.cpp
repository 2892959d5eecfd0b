#include "wasm/frame_scanner.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <span>

#include "cccd/json_writer.hpp"
#include "result/scan_json.hpp"
#include "image/luma.hpp"

namespace cccd::wasm {
namespace {

FrameBuffer refuse(std::string code, std::string message) {
    FrameBuffer f;
    f.code = std::move(code);
    f.message = std::move(message);
    return f;
}

}  // namespace

FrameBuffer FrameScanner::prepare(int width, int height, int channels, double capacity, image::PixelOrder order) {
    if (channels != 1 && channels != 4)
        return refuse("invalid-argument", "channels must be 1 (luminance) or 4 (RGBA)");
    if (width <= 0 || height <= 0)
        return refuse("invalid-argument", "width and height must be positive, got " + std::to_string(width) +
                                              "x" + std::to_string(height));
    const long long pixels = static_cast<long long>(width) * height;
    if (width > kMaxSide || height > kMaxSide || pixels > kMaxPixels)
        return refuse("too-large", "frame is " + std::to_string(width) + "x" + std::to_string(height) +
                                       ", larger than 8192 px a side or 32 megapixels");
    size_t bytes = static_cast<size_t>(pixels) * static_cast<size_t>(channels);
    if (std::isfinite(capacity) && capacity > static_cast<double>(bytes)) {
        if (capacity > static_cast<double>(pixels) * 4)
            return refuse("too-large", "capacity above 4 bytes per pixel");
        bytes = static_cast<size_t>(capacity);
    }
    // Grow only: a camera stream keeps one buffer; assign() would not free anyway.
    if (frame_.size() < bytes) frame_.resize(bytes);
    width_ = width;
    height_ = height;
    channels_ = channels;
    order_ = order;
    FrameBuffer f;
    f.ok = true;
    f.data = frame_.data();
    f.bytes = bytes;
    return f;
}

qr::DecodeResult FrameScanner::decode() {
    const image::ImageView frame{frame_.data(), width_, height_, width_};
    if (channels_ == 1) return decoder_.decode(frame);
    const size_t pixels = static_cast<size_t>(width_) * static_cast<size_t>(height_);
    if (luma_.size() < pixels) luma_.resize(pixels);
    const image::ImageView luma{luma_.data(), width_, height_, width_};
    // Columns [c0, c1) of row y of the luminance plane, from the RGBA.
    const auto convert_span = [&](int y, int c0, int c1) {
        if (c0 >= c1) return;
        const size_t at = static_cast<size_t>(y) * static_cast<size_t>(width_) + static_cast<size_t>(c0);
        const size_t n = static_cast<size_t>(c1 - c0);
        image::rgba_to_luma(std::span<const uint8_t>(frame_.data() + 4 * at, 4 * n), c1 - c0, 1, 4 * (c1 - c0),
                            std::span<uint8_t>(luma_.data() + at, n), order_);
    };
    // The region's pixels of the luminance plane, converted where this frame has not had them yet: per row
    // the converted columns stay one span, widened to cover each request.
    const auto convert = [&](const image::FrameRegion& region) {
        const int r0 = std::clamp(region.firstRow, 0, height_), r1 = std::clamp(region.endRow, r0, height_);
        const int c0 = std::clamp(region.firstCol, 0, width_), c1 = std::clamp(region.endCol, c0, width_);
        for (int y = r0; y < r1 && c0 < c1; ++y) {
            auto& [first, end] = made_[static_cast<size_t>(y)];
            if (first >= end) {
                convert_span(y, c0, c1);
                first = c0, end = c1;
                continue;
            }
            convert_span(y, c0, std::min(c1, first));  // left of the converted span (and any gap to it)
            convert_span(y, std::max(c0, end), c1);    // right of it
            if (c1 < first) convert_span(y, c1, first);
            if (c0 > end) convert_span(y, end, c0);
            first = std::min(first, c0), end = std::max(end, c1);
        }
        return luma;
    };
    made_.assign(static_cast<size_t>(height_), {0, 0});
    // HD frames: the decoder's first look wants the frame halved. Made straight from the RGBA, the
    // full-size luminance is converted only where the first look samples at full size (the box around a
    // small-moduled symbol) or, everywhere, when it reads nothing: most card frames need little of it.
    if (decoder_.firstLookFactor(width_, height_) == 2) {
        const size_t halvedPixels = static_cast<size_t>(width_ / 2) * static_cast<size_t>(height_ / 2);
        if (halved_.size() < halvedPixels) halved_.resize(halvedPixels);
        image::rgba_to_luma_halved(std::span<const uint8_t>(frame_.data(), pixels * 4), width_, height_, width_ * 4,
                                   std::span<uint8_t>(halved_.data(), halvedPixels), order_);
        return decoder_.decodeReduced({halved_.data(), width_ / 2, height_ / 2, width_ / 2}, width_, height_, convert);
    }
    return decoder_.decode(convert({0, height_, 0, width_}));
}

image::ImageView FrameScanner::whole_luma() {
    const image::ImageView frame{frame_.data(), width_, height_, width_};
    if (channels_ == 1) return frame;
    const size_t pixels = static_cast<size_t>(width_) * static_cast<size_t>(height_);
    if (luma_.size() < pixels) luma_.resize(pixels);
    image::rgba_to_luma(std::span<const uint8_t>(frame_.data(), pixels * 4), width_, height_, width_ * 4,
                        std::span<uint8_t>(luma_.data(), pixels), order_);
    return {luma_.data(), width_, height_, width_};
}

void FrameScanner::reset_live() { live_.reset(); }

std::string FrameScanner::scan_json(bool live) {
    JsonWriter w;
    w.begin_object();
    if (width_ <= 0) {
        w.key("ok").value(false).key("code").value("no-frame");
        w.key("message").value("no frame was prepared before scan");
        w.end_object();
        return w.str();
    }
    const auto start = std::chrono::steady_clock::now();
    live::LiveResult l;
    if (live) l = live::scan_live(whole_luma(), live_);
    const qr::DecodeResult r = live ? std::move(l.result) : decode();
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();

    w.key("ok").value(true);
    result::write_scan_fields(w, r, {width_, height_, ms, live ? l.fusedFrames : 1, std::nullopt, addresses_});
    if (live) w.key("tracking").value(l.tracking);
    w.end_object();
    return w.str();
}

void FrameScanner::wipe() {
    live_.reset();  // the track holds the last card's samples and corrected blocks
    if (!frame_.empty()) std::memset(frame_.data(), 0, frame_.size());
    if (!luma_.empty()) std::memset(luma_.data(), 0, luma_.size());
    if (!halved_.empty()) std::memset(halved_.data(), 0, halved_.size());
    width_ = height_ = channels_ = 0;
}

void FrameScanner::release() {
    wipe();
    std::vector<uint8_t>().swap(frame_);
    std::vector<uint8_t>().swap(luma_);
    std::vector<uint8_t>().swap(halved_);
}

}  // namespace cccd::wasm
