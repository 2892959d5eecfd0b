// qr::BlockMemory (grid_decoder.hpp): frames of a video that each correct some Reed-Solomon blocks of one
// symbol read it together; another symbol's blocks are never mixed in.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cardgen/cardgen.hpp"
#include "qr/grid/codewords.hpp"
#include "qr/grid/function_patterns.hpp"
#include "qr/grid/grid_decoder.hpp"
#include "qr/tables.hpp"

namespace {

using namespace cccd;

qr::ModuleGrid grid_of(const std::string& payload, int version) {
    const cardgen::QrGrid g = cardgen::encode_qr(payload, version, 'M');
    EXPECT_TRUE(g.error.empty()) << g.error;
    qr::ModuleGrid out = qr::ModuleGrid::blank(g.size);
    out.modules = g.modules;
    return out;
}

// Block of each codeword in placement order (7.6: data codewords one from each block in turn, the short
// blocks dropping out of the last round, then the error correction codewords likewise).
std::vector<int> block_of_codeword(int version) {
    const qr::EcBlocks layout = qr::ec_blocks(version, qr::EcLevel::M);
    std::vector<int> owner;
    const int blocks = layout.blocks();
    for (int i = 0; i <= layout.shortDataCodewords; ++i)
        for (int b = 0; b < blocks; ++b)
            if (i < layout.shortDataCodewords || b >= layout.shortBlocks) owner.push_back(b);
    for (int i = 0; i < layout.ecCodewordsPerBlock; ++i)
        for (int b = 0; b < blocks; ++b) owner.push_back(b);
    return owner;
}

// Every module of block `block`'s codewords flipped: far past what the block can correct.
qr::ModuleGrid ruin_block(qr::ModuleGrid grid, int version, int block) {
    const std::vector<int> owner = block_of_codeword(version);
    const std::vector<uint8_t> functions = qr::function_module_map(version);
    int bit = 0;
    qr::for_each_data_module(grid.size, functions, [&](int x, int y) {
        const size_t codeword = static_cast<size_t>(bit++ / 8);
        if (codeword < owner.size() && owner[codeword] == block) grid.set(x, y, !grid.dark(x, y));
    });
    return grid;
}

const std::string kCard = "079201012345|123456789|Nguyễn Văn An|01011990|Nam|Thôn 1, Xã Tân Lập, Huyện Đan Phượng, Hà Nội|01012021";
const std::string kOther = "079201012346|123456780|Trần Thị Bình|02021991|Nữ|Thôn 2, Xã Tân Lập, Huyện Đan Phượng, Hà Nội|02022022";
constexpr int kVersion = 9;  // 5 blocks at level M

TEST(BlockMemory, TwoFramesEachMissingABlockReadTogether) {
    ASSERT_EQ(qr::ec_blocks(kVersion, qr::EcLevel::M).blocks(), 5);
    const qr::ModuleGrid clean = grid_of(kCard, kVersion);
    const qr::ModuleGrid a = ruin_block(clean, kVersion, 1), b = ruin_block(clean, kVersion, 3);
    ASSERT_FALSE(qr::decode_grid(a).ok());
    ASSERT_FALSE(qr::decode_grid(b).ok());
    qr::BlockMemory memory;
    memory.frame = 7;
    EXPECT_FALSE(qr::decode_grid_remembering(a, memory).ok());
    memory.frame = 8;
    const qr::GridDecodeResult r = qr::decode_grid_remembering(b, memory);
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_EQ(r.text, kCard);
    EXPECT_EQ(r.rememberedBlocks, 1);  // block 3, from frame 7
    EXPECT_EQ(r.sourceFrames, 2);
}

TEST(BlockMemory, AGridReadAloneSaysOneFrame) {
    qr::BlockMemory memory;
    const qr::GridDecodeResult r = qr::decode_grid_remembering(grid_of(kCard, kVersion), memory);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.rememberedBlocks, 0);
    EXPECT_EQ(r.sourceFrames, 1);
}

TEST(BlockMemory, TheSameBlockMissingInEveryFrameStaysUnread) {
    const qr::ModuleGrid clean = grid_of(kCard, kVersion);
    qr::BlockMemory memory;
    for (int frame = 0; frame < 4; ++frame) {
        memory.frame = frame;
        EXPECT_FALSE(qr::decode_grid_remembering(ruin_block(clean, kVersion, 2), memory).ok());
    }
}

// Another card in the same place: its blocks disagree with the memory, which starts again from it; no
// text made of both cards' blocks comes out.
TEST(BlockMemory, AnotherSymbolsBlocksAreNeverMixedIn) {
    const qr::ModuleGrid mine = grid_of(kCard, kVersion), other = grid_of(kOther, kVersion);
    qr::BlockMemory memory;
    memory.frame = 1;
    EXPECT_FALSE(qr::decode_grid_remembering(ruin_block(mine, kVersion, 0), memory).ok());
    // The other card with block 4 ruined: blocks 1-3 disagree with memory; its block 4 must not come from
    // the first card.
    memory.frame = 2;
    const qr::GridDecodeResult r = qr::decode_grid_remembering(ruin_block(other, kVersion, 4), memory);
    EXPECT_FALSE(r.ok());
    // And the memory now holds the other card: its block 0 (ruined in frame 1 for the first card) fills in.
    memory.frame = 3;
    const qr::GridDecodeResult again = qr::decode_grid_remembering(ruin_block(other, kVersion, 0), memory);
    ASSERT_TRUE(again.ok()) << again.message;
    EXPECT_EQ(again.text, kOther);
}

// Without a block in common with the memory (no anchor), remembered blocks are not used.
TEST(BlockMemory, NoBlockInCommonNoFill) {
    const qr::ModuleGrid clean = grid_of(kCard, kVersion);
    qr::ModuleGrid onlyFirst = clean;
    for (int b = 1; b < 5; ++b) onlyFirst = ruin_block(onlyFirst, kVersion, b);
    qr::ModuleGrid onlyRest = ruin_block(clean, kVersion, 0);
    qr::BlockMemory memory;
    memory.frame = 1;
    EXPECT_FALSE(qr::decode_grid_remembering(onlyFirst, memory).ok());
    memory.frame = 2;
    // Frame 2 corrects blocks 1-4 itself; block 0 is remembered; blocks 1-4 are new to the memory, so no
    // block agrees and the grid is not completed from it.
    EXPECT_FALSE(qr::decode_grid_remembering(onlyRest, memory).ok());
    // A third frame that corrects block 1 (now remembered) anchors, and block 0 fills in.
    memory.frame = 3;
    const qr::GridDecodeResult r = qr::decode_grid_remembering(onlyRest, memory);
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_EQ(r.text, kCard);
    EXPECT_EQ(r.rememberedBlocks, 1);
}

}  // namespace
