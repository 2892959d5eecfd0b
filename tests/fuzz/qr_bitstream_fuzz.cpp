// libFuzzer target: random codewords through the decoding half of the QR reader. The first byte picks
// the path and the version; the rest is the input of that path:
//   path 0-1: data codewords straight into the bit-stream parser (7.4), every mode, ECI and charset;
//   path 2:   (a level byte, then) a whole codeword sequence de-interleaved (7.6) and corrected block by block (7.5.2) first;
//   path 3:   module bits as a grid of the chosen version, read by decode_grid (format, version, unmask).
// Invariants beyond "no crash": a successful decode gives valid UTF-8 text; a failure gives a message.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "cccd/utf8.hpp"
#include "qr/text/bitstream.hpp"
#include "qr/grid/codewords.hpp"
#include "qr/grid/grid_decoder.hpp"
#include "qr/grid/reed_solomon.hpp"
#include "qr/tables.hpp"

namespace {

using namespace cccd::qr;

void check(const GridDecodeResult& r) {
    if (r.ok() && !cccd::is_valid_utf8(r.text)) __builtin_trap();
    if (!r.ok() && r.message.empty()) __builtin_trap();
}

void corrected_stream(std::span<const uint8_t> in, int version, EcLevel level) {
    std::vector<uint8_t> all(static_cast<size_t>(total_codewords(version)), 0);
    std::copy_n(in.begin(), std::min(in.size(), all.size()), all.begin());
    const EcBlocks layout = ec_blocks(version, level);
    auto blocks = deinterleave(all, layout);
    for (auto& b : blocks) {
        const auto out = rs_correct(b.codewords, layout.ecCodewordsPerBlock, layout.maxCorrectable());
        if (!out.ok) return;
    }
    GridDecodeResult r;
    decode_bitstream(data_codewords(blocks), version, r);
    check(r);
}

void grid_from_bits(std::span<const uint8_t> in, int version) {
    ModuleGrid grid = ModuleGrid::blank(symbol_size(version));
    for (size_t i = 0; i < grid.modules.size(); ++i)
        grid.modules[i] = i / 8 < in.size() ? (in[i / 8] >> (i % 8)) & 1 : 0;
    check(decode_grid(grid));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 1) return 0;
    const int path = data[0] & 3;
    const int version = 1 + (data[0] >> 2) % 40;
    const std::span<const uint8_t> rest(data + 1, size - 1);
    if (path <= 1) {
        GridDecodeResult r;
        decode_bitstream(rest, version, r);
        check(r);
    } else if (path == 2) {
        if (rest.empty()) return 0;
        corrected_stream(rest.subspan(1), version, static_cast<EcLevel>(rest[0] & 3));
    } else {
        grid_from_bits(rest, version);
    }
    return 0;
}
