#include "wasm/reduced_decoder.hpp"

#include "qr/grid/grid_decoder.hpp"

namespace cccd::wasm {

qr::DecodeResult ReducedFrameDecoder::decode(const image::ImageView& frame, const qr::DecodeOptions& options) {
    return qr::run_pipeline(frame, options, config_, scratch_, &qr::decode_grid);
}

int ReducedFrameDecoder::firstLookFactor(int width, int height, const qr::DecodeOptions& options) const {
    return qr::first_look_applies(config_, options, width, height) ? config_.firstLookFactor : 0;
}

qr::DecodeResult ReducedFrameDecoder::decodeReduced(const image::ImageView& reduced, int width, int height,
                                                    const qr::FullFrameFn& full, const qr::DecodeOptions& options) {
    return qr::run_pipeline_reduced(reduced, width, height, full, options, config_, scratch_, &qr::decode_grid);
}

}  // namespace cccd::wasm
