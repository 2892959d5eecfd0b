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

int Decoder::firstLookFactor(int width, int height, const DecodeOptions& options) const {
    const PipelineConfig& config = decoder_config();
    return first_look_applies(config, options, width, height) ? config.firstLookFactor : 0;
}

DecodeResult Decoder::decodeReduced(const image::ImageView& reduced, int width, int height, const FullFrameFn& full,
                                    const DecodeOptions& options) {
    if (!scratch_) scratch_ = std::make_unique<DecoderScratch>();
    return run_pipeline_reduced(reduced, width, height, full, options, decoder_config(), *scratch_, &decode_grid);
}

DecodeResult Decoder::decodeAll(const image::ImageView& frame, DecodeOptions options) {
    if (options.maxSymbols <= 1) options.maxSymbols = kDecodeAllMaxSymbols;
    return decode(frame, options);
}

}  // namespace cccd::qr
