#include "font.hpp"

#define STB_TRUETYPE_IMPLEMENTATION
#define STBTT_STATIC  // private copy: nothing else in a test binary sees these symbols
#include <stb/stb_truetype.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <vector>

#include "text_utf8.hpp"

namespace cccd::cardgen {

namespace {

struct LoadedFont {
    std::vector<unsigned char> data;
    stbtt_fontinfo info{};
    int unitsPerEm = 2048;
    bool ok = false;
};

struct Fonts {
    LoadedFont faces[3];
    std::string error;
};

std::string font_dir() {
    const char* env = std::getenv("CCCD_CARDGEN_FONT_DIR");
    return env && *env ? env : "/usr/share/fonts/truetype/dejavu";
}

bool load(const std::string& path, LoadedFont& f) {
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (!file) return false;
    unsigned char buf[65536];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, file)) > 0) f.data.insert(f.data.end(), buf, buf + n);
    std::fclose(file);
    const int offset = stbtt_GetFontOffsetForIndex(f.data.data(), 0);
    if (offset < 0 || !stbtt_InitFont(&f.info, f.data.data(), offset)) return false;
    f.unitsPerEm = static_cast<int>(std::lround(1.0 / stbtt_ScaleForMappingEmToPixels(&f.info, 1.0f)));
    f.ok = true;
    return true;
}

// Loaded once per process; read-only afterwards, so concurrent photos may share it.
const Fonts& fonts() {
    static Fonts all;
    static std::once_flag once;
    std::call_once(once, [] {
        const char* files[3] = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf"};
        for (int i = 0; i < 3; ++i) {
            const std::string path = font_dir() + "/" + files[i];
            if (!load(path, all.faces[i]) && i < 2 && all.error.empty())
                all.error = "cardgen: cannot load font " + path + " (install Debian's fonts-dejavu-core)";
        }
    });
    return all;
}

const LoadedFont& face(Face f) {
    const Fonts& all = fonts();
    const LoadedFont& want = all.faces[static_cast<int>(f)];
    return want.ok ? want : all.faces[0];  // no mono face: the sans one will do for the MRZ
}

struct Glyph {
    int index;
    uint32_t cp;
};

std::vector<Glyph> glyphs(const LoadedFont& font, const std::string& utf8) {
    std::vector<Glyph> out;
    for (uint32_t cp : utf8_decode(utf8)) {
        const int g = stbtt_FindGlyphIndex(&font.info, static_cast<int>(cp));
        out.push_back({g != 0 ? g : stbtt_FindGlyphIndex(&font.info, '?'), cp});
    }
    return out;
}

}  // namespace

std::string fonts_ready() { return fonts().error; }

TextBox measure_text(const TextStyle& style, const std::string& utf8) {
    TextBox box;
    const LoadedFont& font = face(style.face);
    if (!font.ok) return box;
    const double sx = style.emMm * style.squeeze / font.unitsPerEm, sy = style.emMm / font.unitsPerEm;
    const std::vector<Glyph> gs = glyphs(font, utf8);
    double pen = 0;
    bool any = false;
    for (size_t i = 0; i < gs.size(); ++i) {
        int adv, lsb, x0, y0, x1, y1;
        stbtt_GetGlyphHMetrics(&font.info, gs[i].index, &adv, &lsb);
        if (stbtt_GetGlyphBox(&font.info, gs[i].index, &x0, &y0, &x1, &y1) && x1 > x0) {
            const double gx0 = pen + x0 * sx, gx1 = pen + x1 * sx, gy0 = -y1 * sy, gy1 = -y0 * sy;
            box.x0 = any ? std::min(box.x0, gx0) : gx0;
            box.x1 = any ? std::max(box.x1, gx1) : gx1;
            box.y0 = any ? std::min(box.y0, gy0) : gy0;
            box.y1 = any ? std::max(box.y1, gy1) : gy1;
            any = true;
        }
        pen += adv * sx;
        if (i + 1 < gs.size()) pen += stbtt_GetGlyphKernAdvance(&font.info, gs[i].index, gs[i + 1].index) * sx;
    }
    box.advance = pen;
    return box;
}

void draw_text(CardTexture& tex, const TextStyle& style, double xMm, double baselineMm, const std::string& utf8) {
    const LoadedFont& font = face(style.face);
    if (!font.ok) return;
    const double emPx = style.emMm * tex.tpm;
    const auto scaleY = static_cast<float>(emPx / font.unitsPerEm);
    const auto scaleX = static_cast<float>(emPx * style.squeeze / font.unitsPerEm);
    const double baseY = tex.ty(baselineMm);
    const double by = std::floor(baseY);
    const auto shiftY = static_cast<float>(baseY - by);
    std::vector<unsigned char> bitmap;
    const std::vector<Glyph> gs = glyphs(font, utf8);
    double pen = tex.tx(xMm);
    for (size_t i = 0; i < gs.size(); ++i) {
        int adv, lsb;
        stbtt_GetGlyphHMetrics(&font.info, gs[i].index, &adv, &lsb);
        const double bx = std::floor(pen);
        const auto shiftX = static_cast<float>(pen - bx);
        int x0, y0, x1, y1;
        stbtt_GetGlyphBitmapBoxSubpixel(&font.info, gs[i].index, scaleX, scaleY, shiftX, shiftY, &x0, &y0, &x1, &y1);
        const int ox = static_cast<int>(bx) + x0, oy = static_cast<int>(by) + y0, w = x1 - x0, h = y1 - y0;
        const bool visible = ox < tex.img.width && oy < tex.img.height && ox + w > 0 && oy + h > 0;
        if (w > 0 && h > 0 && visible) {
            bitmap.assign(static_cast<size_t>(w) * static_cast<size_t>(h), 0);
            stbtt_MakeGlyphBitmapSubpixel(&font.info, bitmap.data(), w, h, w, scaleX, scaleY, shiftX, shiftY,
                                          gs[i].index);
            for (int y = std::max(0, -oy); y < h && oy + y < tex.img.height; ++y)
                for (int x = std::max(0, -ox); x < w && ox + x < tex.img.width; ++x) {
                    const unsigned char a = bitmap[static_cast<size_t>(y) * static_cast<size_t>(w) + static_cast<size_t>(x)];
                    if (a) tex.multiply(ox + x, oy + y, static_cast<float>(a) * (1.0f / 255.0f), style.ink);
                }
        }
        pen += adv * static_cast<double>(scaleX);
        if (i + 1 < gs.size()) pen += stbtt_GetGlyphKernAdvance(&font.info, gs[i].index, gs[i + 1].index) * static_cast<double>(scaleX);
    }
}

}  // namespace cccd::cardgen
