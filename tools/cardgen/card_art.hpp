#pragma once
// The printed card in millimetres (ID-1, 85.6 x 54): where the symbol goes, and drawing the whole face
// (pattern, emblem, photo, text, symbol) into a texture that covers any part of it.
#include <cstdint>
#include <string>
#include <vector>

#include "cardgen.hpp"
#include "image.hpp"

namespace cccd::cardgen {

constexpr double kCardW = 85.6, kCardH = 54.0, kCornerR = 3.18;

struct CardLayout {
    Side side = Side::front;
    double qrX = 0, qrY = 0, qrMm = 14;  // top-left corner and side of the symbol, mm
    double headerGap = 0;                // front: mm between the header's last letter and the symbol
};

CardLayout card_layout(Side side, double qrMm, uint32_t seed);

// Inside the card's rounded outline, at least `margin` mm from it.
bool inside_card(double u, double v, double margin = 0);

// Draws into `tex` (its region and resolution already set). `fields` is the split payload. Returns an
// error message (fonts missing) or an empty string.
std::string paint_card(CardTexture& tex, const CardLayout& layout, const std::vector<std::string>& fields,
                       const QrGrid& grid, uint32_t seed);

}  // namespace cccd::cardgen
