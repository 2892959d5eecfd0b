#pragma once
// The card's security print: a pastel iridescent tint and fine guilloche lines (interleaved sine curves).
#include <cstdint>

#include "cardgen.hpp"
#include "image.hpp"

namespace cccd::cardgen {

// Fills the whole texture (it may cover only part of the card) with the pattern of this card.
void paint_pattern(CardTexture& tex, Side side, uint32_t seed);

}  // namespace cccd::cardgen
