// Decoding a module grid (ISO/IEC 18004:2015 7.9, 7.10, 7.8, 7.7.3, 7.6, 7.5.2, 7.4 in that order),
// as a reader sees it, and again transposed when that fails (see grid_decoder.hpp).
#include "qr/grid/grid_decoder.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <utility>

#include "qr/text/bitstream.hpp"
#include "qr/grid/codewords.hpp"
#include "qr/grid/format.hpp"
#include "qr/grid/function_patterns.hpp"
#include "qr/small_sort.hpp"
#include "qr/grid/reed_solomon.hpp"
#include "qr/tables.hpp"

namespace cccd::qr {
namespace {

GridDecodeResult failure(GridError error, std::string message) {
    GridDecodeResult r;
    r.error = error;
    r.message = std::move(message);
    return r;
}

// How far decoding got before failing: the further, the more telling the message.
int progress(GridError e) {
    switch (e) {
        case GridError::none: return 5;
        case GridError::bad_bitstream: return 4;
        case GridError::too_many_errors: return 3;
        case GridError::version_info: return 2;
        case GridError::format_info: return 1;
        default: return 0;
    }
}

// 7.10: versions 7..40 carry their version twice; one readable copy that agrees with the size is enough.
// Returns an empty string when fine, else why not.
std::string check_version_info(const ModuleGrid& grid, int version) {
    if (version < 7) return {};
    std::array<int, 2> read{};
    for (int copy = 0; copy < 2; ++copy) {
        const auto info = decode_version_bits(read_version_bits(grid, copy));
        read[static_cast<size_t>(copy)] = info ? info->version : 0;
        if (info && info->version == version) return {};
    }
    if (read[0] == 0 && read[1] == 0) {
        return "neither copy of the version information is within 3 bit errors of a codeword";
    }
    const int other = read[0] != 0 ? read[0] : read[1];
    return "version information says version " + std::to_string(other) + " but the grid of " +
           std::to_string(grid.size) + " modules is version " + std::to_string(version);
}

// Erasures (7.5.2: t errors and e erasures are corrected while 2 t + e <= ec - p): a block that errors alone
// could not correct is tried again with its least sure codewords erased. kErasureSlack check codewords are
// left unspent, so that a block that is noise decodes with odds of about 256^-(t + 2) per try (t: the
// errors allowed); a block gets at most t + 1 tries.
constexpr int kErasureSlack = 4;
constexpr uint8_t kDoubtful = 128;  // codewords below this confidence may be erased

RsOutcome correct_with_erasures(std::span<uint8_t> block, std::span<const uint8_t> sure, const EcBlocks& layout,
                                const RsSyndromes& syndromesOfBlock) {
    const int maxErrors = layout.maxCorrectable() - kErasureSlack / 2;
    if (maxErrors <= 0) return {};
    std::array<int, 256> order{};
    int doubtful = 0;
    for (size_t i = 0; i < sure.size() && i < order.size(); ++i)
        if (sure[i] < kDoubtful) order[static_cast<size_t>(doubtful++)] = static_cast<int>(i);
    insertion_sort(order.begin(), order.begin() + doubtful,
                   [&](int a, int b) { return sure[static_cast<size_t>(a)] < sure[static_cast<size_t>(b)]; });
    // As many as the budget allows (no errors elsewhere), then two fewer at a time (each pair of erasures
    // given back pays for one more error elsewhere): generalized minimum distance decoding.
    const int most = std::min(doubtful, 2 * maxErrors);
    for (int e = most; e > 0; e -= 2) {
        const RsOutcome r = rs_correct(block, layout.ecCodewordsPerBlock, maxErrors,
                                       std::span<const int>(order.data(), static_cast<size_t>(e)), syndromesOfBlock);
        if (r.ok) return r;
    }
    return {};
}

std::string block_failure(size_t b, size_t count, int version, char level, int mask, int correctable) {
    return "error correction block " + std::to_string(b + 1) + " of " + std::to_string(count) + " (version " +
           std::to_string(version) + "-" + level + ", mask " + std::to_string(mask) + ") has more errors than its " +
           std::to_string(correctable) + " correctable";
}

// Merges this grid's corrected blocks (ok[b]) with the memory and fills the others from it when it may
// (BlockMemory). Returns the first block still missing, or blocks.size().
size_t use_memory(std::vector<CodewordBlock>& blocks, const std::vector<bool>& ok, BlockMemory& memory,
                  const GridDecodeResult& r, bool mirrored) {
    const auto data_of = [](const CodewordBlock& b) {
        return std::vector<uint8_t>(b.codewords.begin(), b.codewords.begin() + b.dataCodewords);
    };
    const bool sameKind = memory.version == r.version && memory.ecLevel == r.ecLevel && memory.mask == r.mask &&
                          memory.mirrored == mirrored && memory.blocks.size() == blocks.size();
    int agree = 0, disagree = 0;
    for (size_t b = 0; b < blocks.size() && sameKind; ++b) {
        if (!ok[b] || memory.blocks[b].data.empty()) continue;
        (memory.blocks[b].data == data_of(blocks[b]) ? agree : disagree) += 1;
    }
    if (!sameKind || disagree > 0) {  // another symbol (or the first frame): start again from this one
        memory.clear();  // keeps memory.frame
        memory.version = r.version, memory.ecLevel = r.ecLevel, memory.mask = r.mask, memory.mirrored = mirrored;
        memory.blocks.assign(blocks.size(), {});
    }
    for (size_t b = 0; b < blocks.size(); ++b)
        if (ok[b] && memory.blocks[b].data.empty()) memory.blocks[b] = {data_of(blocks[b]), memory.frame};
    size_t missing = blocks.size();
    for (size_t b = 0; b < blocks.size(); ++b) {
        if (ok[b]) continue;
        if (agree == 0 || memory.blocks[b].data.empty()) {
            missing = std::min(missing, b);
            continue;
        }
        std::copy(memory.blocks[b].data.begin(), memory.blocks[b].data.end(), blocks[b].codewords.begin());
    }
    return missing;
}

GridDecodeResult decode_with_format(const ModuleGrid& grid, int version, const FormatInfo& format,
                                    std::span<const uint8_t> functionMap, BlockMemory* memory, bool mirrored) {
    const EcBlocks layout = ec_blocks(version, format.level);
    const auto codewords = read_codewords(grid, functionMap, format.mask, total_codewords(version));
    auto blocks = deinterleave(codewords, layout);

    GridDecodeResult r;
    r.version = version;
    r.ecLevel = ec_level_letter(format.level);
    r.mask = format.mask;
    std::vector<CodewordBlock> sure;  // each block's codeword confidences, made when first needed
    std::vector<bool> ok(blocks.size(), false);
    size_t firstFailed = blocks.size();
    for (size_t b = 0; b < blocks.size(); ++b) {
        const RsSyndromes syndromes = rs_syndromes(blocks[b].codewords, layout.ecCodewordsPerBlock);
        RsOutcome rs = rs_correct(blocks[b].codewords, layout.ecCodewordsPerBlock, layout.maxCorrectable(), {}, syndromes);
        if (!rs.ok && grid.confidence.size() == grid.modules.size()) {
            if (sure.empty()) sure = deinterleave(codeword_confidence(grid, functionMap, total_codewords(version)), layout);
            rs = correct_with_erasures(blocks[b].codewords, sure[b].codewords, layout, syndromes);
            r.erasureBlocks += rs.ok ? 1 : 0;
        }
        ok[b] = rs.ok;
        if (rs.ok) {
            r.correctedErrors += rs.corrected;
        } else {
            firstFailed = std::min(firstFailed, b);
            if (memory == nullptr) break;  // alone, one failed block fails the grid
        }
    }
    // A grid that corrects no block tells nothing about its symbol (it may be read in the wrong orientation
    // or with the wrong format information): the memory is left as it is.
    if (memory != nullptr && std::count(ok.begin(), ok.end(), true) > 0) {
        const size_t missing = use_memory(blocks, ok, *memory, r, mirrored);
        if (missing == blocks.size() && firstFailed < blocks.size()) {
            std::vector<int> frames;
            for (size_t b = 0; b < blocks.size(); ++b) {
                const int frame = ok[b] ? memory->frame : memory->blocks[b].frame;
                if (std::find(frames.begin(), frames.end(), frame) == frames.end()) frames.push_back(frame);
                r.rememberedBlocks += ok[b] ? 0 : 1;
            }
            r.sourceFrames = static_cast<int>(frames.size());
        }
        firstFailed = missing;
    }
    if (firstFailed < blocks.size()) {
        r.error = GridError::too_many_errors;
        r.message = block_failure(firstFailed, blocks.size(), version, r.ecLevel, format.mask, layout.maxCorrectable());
        return r;
    }
    const auto data = data_codewords(blocks);
    decode_bitstream(data, version, r);
    return r;
}

GridDecodeResult decode_as_seen(const ModuleGrid& grid, BlockMemory* memory, bool mirrored) {
    const int version = version_for_size(grid.size);

    // 7.9.1: take each readable copy of the format information, the closer one first.
    std::array<std::optional<FormatInfo>, 2> formats{};
    for (int copy = 0; copy < 2; ++copy) {
        formats[static_cast<size_t>(copy)] = decode_format_bits(read_format_bits(grid, copy));
    }
    if (formats[0] && formats[1]) {
        if (formats[1]->bitErrors < formats[0]->bitErrors) std::swap(formats[0], formats[1]);
        if (formats[0]->level == formats[1]->level && formats[0]->mask == formats[1]->mask) formats[1].reset();
    } else if (!formats[0]) {
        std::swap(formats[0], formats[1]);
    }
    if (!formats[0]) {
        return failure(GridError::format_info,
                       "neither copy of the format information is within 3 bit errors of a codeword");
    }

    const std::string versionProblem = check_version_info(grid, version);
    if (!versionProblem.empty()) return failure(GridError::version_info, versionProblem);

    const auto functionMap = function_module_map(version);
    GridDecodeResult first;
    for (size_t i = 0; i < formats.size(); ++i) {
        if (!formats[i]) continue;
        GridDecodeResult r = decode_with_format(grid, version, *formats[i], functionMap, memory, mirrored);
        if (r.ok()) return r;
        if (i == 0) first = std::move(r);  // when both copies fail, the closer copy's story is told
    }
    return first;
}

ModuleGrid transposed(const ModuleGrid& grid) {
    ModuleGrid t = ModuleGrid::blank(grid.size);
    const bool sure = grid.confidence.size() == grid.modules.size();
    if (sure) t.confidence.resize(grid.confidence.size());
    const auto at = [&](int x, int y) { return static_cast<size_t>(y) * static_cast<size_t>(grid.size) + static_cast<size_t>(x); };
    for (int y = 0; y < grid.size; ++y)
        for (int x = 0; x < grid.size; ++x) {
            t.set(y, x, grid.dark(x, y));
            if (sure) t.confidence[at(y, x)] = grid.confidence[at(x, y)];
        }
    return t;
}

// decode_grid, with the blocks of earlier frames when `memory` is given.
GridDecodeResult decode_grid_with(const ModuleGrid& grid, BlockMemory* memory) {
    if (version_for_size(grid.size) == 0) {
        return failure(GridError::bad_size, "a grid of " + std::to_string(grid.size) +
                                                " modules per side is not a QR symbol (21 to 177 in steps of 4)");
    }
    const size_t cells = static_cast<size_t>(grid.size) * static_cast<size_t>(grid.size);
    if (grid.modules.size() != cells) {
        return failure(GridError::bad_size, "the grid holds " + std::to_string(grid.modules.size()) +
                                                " modules, not " + std::to_string(cells));
    }
    GridDecodeResult r = decode_as_seen(grid, memory, false);
    if (r.ok()) return r;
    // A symbol seen from behind (or written with rows and columns swapped) reads correctly transposed.
    GridDecodeResult m = decode_as_seen(transposed(grid), memory, true);
    if (m.ok()) {
        m.mirrored = true;
        return m;
    }
    if (progress(m.error) > progress(r.error)) {
        m.message += " (when read mirrored; as seen: " + r.message + ")";
        return m;
    }
    r.message += " (mirrored: " + m.message + ")";
    return r;
}

}  // namespace

GridDecodeResult decode_grid(const ModuleGrid& grid) { return decode_grid_with(grid, nullptr); }

GridDecodeResult decode_grid_remembering(const ModuleGrid& grid, BlockMemory& memory) {
    return decode_grid_with(grid, &memory);
}

}  // namespace cccd::qr
