#pragma once
// The scanner behind the WASM module: it owns one reusable frame buffer in WASM memory and one
// decoder (reduced_decoder.hpp). JS writes each camera frame or photo straight into the buffer (through a view of the
// module's memory), then calls scan(); once the frame size is stable nothing is allocated per frame.
// Every entry point reports problems as values (code + message), never by throwing.
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "cccd/address2025.hpp"
#include "image/luma.hpp"
#include "live/live_scan.hpp"
#include "qr/decoder.hpp"
#include "wasm/reduced_decoder.hpp"

namespace cccd::wasm {

// Frames larger than this are refused before any allocation: 8192 px a side, 32 megapixels (an RGBA
// frame of that size is 128 MiB of WASM memory). The JS side scales larger photos down first.
inline constexpr int kMaxSide = 8192;
inline constexpr long long kMaxPixels = 32LL * 1024 * 1024;

struct FrameBuffer {
    bool ok = false;
    std::string code;     // when !ok: "invalid-argument" or "too-large"
    std::string message;
    uint8_t* data = nullptr;
    size_t bytes = 0;     // writable bytes at data
};

class FrameScanner {
public:
    // Makes the buffer ready for a width x height frame of `channels` bytes per pixel (1: luminance,
    // 4: RGBA as in canvas ImageData, or BGRA with `order`). `capacity` may ask for more bytes than the pixels need (a
    // VideoFrame copy puts its chroma planes after the luminance plane); it is capped at 4 bytes a pixel.
    // The buffer only grows, so a steady stream of frames reuses it.
    FrameBuffer prepare(int width, int height, int channels, double capacity,
                        image::PixelOrder order = image::PixelOrder::Rgba);

    // Decodes the prepared frame: JSON {found, text, corners, ms, card, fusedFrames, …} (docs/api.md). With
    // `live`, the frame is the next of one video (live/live_scan.hpp): a symbol is tracked from the earlier
    // live frames and read with what they saw; reset_live() starts a new video.
    std::string scan_json(bool live = false);
    void reset_live();

    // Cards read from here on carry fields.address2025 (cccd/address2025.hpp); null: none. The table
    // must outlive the scanner's use of it.
    void set_addresses(const Address2025Table* table) { addresses_ = table; }

    // Overwrites the frame (and its luminance copies) with zeros: "clear" on the page wipes the pixels
    // of the last card from memory, not only from the screen.
    void wipe();

    // Gives the memory back (the next prepare() allocates again).
    void release();

private:
    qr::DecodeResult decode();  // the prepared frame; RGBA converted to luminance as the decoder needs it
    image::ImageView whole_luma();  // the prepared frame's luminance, all of it


    ReducedFrameDecoder decoder_;
    live::LiveState live_;
    std::vector<uint8_t> frame_;
    std::vector<uint8_t> luma_;
    std::vector<uint8_t> halved_;  // the luminance halved, for the decoder's first look at HD frames
    // Per row of luma_: the columns [first, end) converted from this frame's RGBA.
    std::vector<std::pair<int, int>> made_;
    int width_ = 0, height_ = 0, channels_ = 0;
    image::PixelOrder order_ = image::PixelOrder::Rgba;
    const Address2025Table* addresses_ = nullptr;
};

}  // namespace cccd::wasm
