#pragma once
// Text on the card through stb_truetype with Debian's DejaVu fonts (fonts-dejavu-core), sized in mm.
#include <string>

#include "image.hpp"

namespace cccd::cardgen {

enum class Face { regular, bold, mono };

struct TextStyle {
    Face face = Face::regular;
    double emMm = 2;      // em height in mm
    double squeeze = 1;   // horizontal scale (condensed headers)
    Rgb ink{0.1f, 0.1f, 0.12f};
};

struct TextBox {
    double x0 = 0, x1 = 0, y0 = 0, y1 = 0;  // ink extent in mm from the pen's start on the baseline (y down)
    double advance = 0;                     // pen travel in mm
};

// Loads the three faces once; an empty string when they are all there, else a message naming the file.
std::string fonts_ready();
TextBox measure_text(const TextStyle& style, const std::string& utf8);
// Prints with the pen starting at (xMm, baselineMm); glyphs outside the texture are skipped.
void draw_text(CardTexture& tex, const TextStyle& style, double xMm, double baselineMm, const std::string& utf8);

}  // namespace cccd::cardgen
