#pragma once
// The QR decoder as the WASM frame scanner drives it: qr::Decoder's decode, plus decoding an HD frame
// from a reduction the caller made itself. RGBA costs to turn into luminance, so the scanner halves the
// RGBA straight into luma for the decoder's first look and makes full-size luma only for the pixels the
// decoder asks for (the box around a small-moduled symbol; all of them when the first look reads nothing).
// WASM-only in use (native callers have the luminance frame already); tested natively.
#include "image/image_view.hpp"
#include "qr/decoder.hpp"
#include "qr/pipeline.hpp"

namespace cccd::wasm {

class ReducedFrameDecoder {
public:
    // As qr::Decoder::decode.
    qr::DecodeResult decode(const image::ImageView& frame, const qr::DecodeOptions& options = {});

    // The reduction factor of the first look at a width x height frame (0: no first look for this size).
    int firstLookFactor(int width, int height, const qr::DecodeOptions& options = {}) const;

    // `reduced`: the frame reduced by firstLookFactor; `full` makes the width x height frame's pixels of a
    // region on demand. Given exactly image::downscale's reduction, the result is decode's of the full
    // frame; the scanner passes the luma of each block's mean colour instead (image/luma.hpp), a level or
    // two apart. Mismatched sizes give invalid_input.
    qr::DecodeResult decodeReduced(const image::ImageView& reduced, int width, int height, const qr::FullFrameFn& full,
                                   const qr::DecodeOptions& options = {});

private:
    qr::PipelineConfig config_ = qr::default_pipeline_config();
    qr::DecoderScratch scratch_;
};

}  // namespace cccd::wasm
