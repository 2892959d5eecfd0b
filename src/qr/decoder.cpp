#include "qr/decoder.hpp"

#include "qr/pipeline.hpp"

namespace cccd::qr {

Decoder::Decoder() : scratch_(std::make_unique<DecoderScratch>()) {}
Decoder::~Decoder() = default;
Decoder::Decoder(Decoder&&) noexcept = default;
Decoder& Decoder::operator=(Decoder&&) noexcept = default;

namespace {

const PipelineConfig& decoder_config() {
    static const PipelineConfig config = default_pipeline_config();
    return config;
}

}  // namespace

DecodeResult Decoder::decode(const image::ImageView& frame, const DecodeOptions& options) {
    if (!scratch_) scratch_ = std::make_unique<DecoderScratch>();  // a moved-from Decoder stays usable
    return run_pipeline(frame, options, decoder_config(), *scratch_, &decode_grid);
}

DecodeResult Decoder::decodeAll(const image::ImageView& frame, DecodeOptions options) {
    if (options.maxSymbols <= 1) options.maxSymbols = kDecodeAllMaxSymbols;
    return decode(frame, options);
}

}  // namespace cccd::qr
