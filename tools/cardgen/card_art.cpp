// The faces of the card: the chip CCCD's front (QR top right, the header running up to it) and the 2024
// Thẻ căn cước's back (address lines above an 11 mm QR, the MRZ below). Sizes and places are close to the
// real cards' but invented; what matters for the reader is what touches the symbol.
#include "card_art.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "font.hpp"
#include "pattern.hpp"
#include "rng.hpp"
#include "text_utf8.hpp"

namespace cccd::cardgen {

namespace {

constexpr double kTau = 6.283185307179586;
const Rgb kNavy{0.12f, 0.14f, 0.32f}, kBlack{0.1f, 0.1f, 0.12f}, kRed{0.8f, 0.13f, 0.12f}, kGold{0.98f, 0.82f, 0.15f};

struct TexelRange {
    int x0, y0, x1, y1;  // half-open
    bool empty() const { return x0 >= x1 || y0 >= y1; }
};

TexelRange texels(const CardTexture& tex, double u0, double v0, double u1, double v1) {
    return {std::max(0, static_cast<int>(std::floor(tex.tx(u0)))), std::max(0, static_cast<int>(std::floor(tex.ty(v0)))),
            std::min(tex.img.width, static_cast<int>(std::ceil(tex.tx(u1)))),
            std::min(tex.img.height, static_cast<int>(std::ceil(tex.ty(v1))))};
}

// Card millimetres of a texel's centre.
double u_of(const CardTexture& t, int x) { return t.u0 + (x + 0.5) / t.tpm; }
double v_of(const CardTexture& t, int y) { return t.v0 + (y + 0.5) / t.tpm; }
float edge_cover(double insideMm, double tpm) { return static_cast<float>(std::clamp(insideMm * tpm + 0.5, 0.0, 1.0)); }

// Opaque ellipse; coverage from the approximate signed distance to its outline.
void ellipse(CardTexture& tex, double cx, double cy, double rx, double ry, Rgb c, double clipV1 = 1e9) {
    const TexelRange r = texels(tex, cx - rx - 0.2, cy - ry - 0.2, cx + rx + 0.2, std::min(clipV1, cy + ry + 0.2));
    for (int y = r.y0; y < r.y1; ++y)
        for (int x = r.x0; x < r.x1; ++x) {
            const double dx = (u_of(tex, x) - cx) / rx, dy = (v_of(tex, y) - cy) / ry;
            const double q = std::sqrt(dx * dx + dy * dy);
            const float a = edge_cover((1 - q) * std::min(rx, ry), tex.tpm);
            if (a > 0 && v_of(tex, y) < clipV1) tex.paint(x, y, a, c);
        }
}

void ring(CardTexture& tex, double cx, double cy, double r0, double r1, Rgb c, bool ink) {
    const TexelRange r = texels(tex, cx - r1 - 0.2, cy - r1 - 0.2, cx + r1 + 0.2, cy + r1 + 0.2);
    for (int y = r.y0; y < r.y1; ++y)
        for (int x = r.x0; x < r.x1; ++x) {
            const double d = std::hypot(u_of(tex, x) - cx, v_of(tex, y) - cy);
            const float a = std::min(edge_cover(r1 - d, tex.tpm), edge_cover(d - r0, tex.tpm));
            if (a <= 0) continue;
            if (ink) tex.multiply(x, y, a, c);
            else tex.paint(x, y, a, c);
        }
}

bool in_star(double x, double y, double cx, double cy, double r) {
    // Five-pointed star as a 10-vertex polygon, point up; even-odd crossing test.
    double px[10], py[10];
    for (int i = 0; i < 10; ++i) {
        const double a = -kTau / 4 + i * kTau / 10, rr = i % 2 ? r * 0.382 : r;
        px[i] = cx + rr * std::cos(a);
        py[i] = cy + rr * std::sin(a);
    }
    bool in = false;
    for (int i = 0, j = 9; i < 10; j = i++)
        if ((py[i] > y) != (py[j] > y) && x < (px[j] - px[i]) * (y - py[i]) / (py[j] - py[i]) + px[i]) in = !in;
    return in;
}

void star(CardTexture& tex, double cx, double cy, double r, Rgb c) {
    const TexelRange rg = texels(tex, cx - r, cy - r, cx + r, cy + r);
    for (int y = rg.y0; y < rg.y1; ++y)
        for (int x = rg.x0; x < rg.x1; ++x) {
            int n = 0;  // 2x2 samples are plenty for a small star
            for (int s = 0; s < 4; ++s)
                n += in_star(tex.u0 + (x + 0.25 + 0.5 * (s & 1)) / tex.tpm, tex.v0 + (y + 0.25 + 0.5 * (s >> 1)) / tex.tpm,
                             cx, cy, r);
            if (n) tex.paint(x, y, static_cast<float>(n) * 0.25f, c);
        }
}

void emblem(CardTexture& tex, double cx, double cy, double r) {
    ellipse(tex, cx, cy, r, r, kRed);
    ring(tex, cx, cy, r * 0.8, r * 0.9, kGold, false);
    star(tex, cx, cy - r * 0.1, r * 0.42, kGold);
    ellipse(tex, cx, cy + r * 0.6, r * 0.22, r * 0.14, kGold);  // the cogwheel, roughly
}

void photo(CardTexture& tex, double u0, double v0, double u1, double v1, Rng& rng) {
    const TexelRange r = texels(tex, u0, v0, u1, v1);
    const auto shade = static_cast<float>(rng.range(0.72, 0.84));
    for (int y = r.y0; y < r.y1; ++y)
        for (int x = r.x0; x < r.x1; ++x) {
            const float a = std::min({edge_cover(u_of(tex, x) - u0, tex.tpm), edge_cover(u1 - u_of(tex, x), tex.tpm),
                                      edge_cover(v_of(tex, y) - v0, tex.tpm), edge_cover(v1 - v_of(tex, y), tex.tpm)});
            const auto g = static_cast<float>(shade + 0.06 * (v_of(tex, y) - v0) / (v1 - v0));
            tex.paint(x, y, a, {g, g + 0.01f, g + 0.02f});
        }
    const double cx = (u0 + u1) / 2 + rng.range(-0.8, 0.8), w = u1 - u0, h = v1 - v0;
    const auto skin = static_cast<float>(rng.range(0.35, 0.55));
    ellipse(tex, cx, v1 + h * 0.02, w * 0.46, h * 0.3, {0.22f, 0.24f, 0.3f}, v1);        // shoulders
    ellipse(tex, cx, v0 + h * 0.42, w * 0.22, h * 0.23, {skin + 0.05f, skin - 0.02f, skin - 0.07f});  // face
    ellipse(tex, cx, v0 + h * 0.27, w * 0.23, h * 0.1, {0.12f, 0.1f, 0.1f});              // hair
}

// The symbol as printed: exact area coverage of each texel by its dark modules, grown by the ink's spread.
void print_qr(CardTexture& tex, const CardLayout& lay, const QrGrid& grid, double spread, Rgb ink) {
    const double m = lay.qrMm / grid.size;
    const TexelRange r = texels(tex, lay.qrX - m, lay.qrY - m, lay.qrX + lay.qrMm + m, lay.qrY + lay.qrMm + m);
    if (r.empty()) return;
    // Per texel column (row): the modules it overlaps and by how much (in texel fractions).
    struct Overlap {
        int first = 0, count = 0;
        float w[4] = {0, 0, 0, 0};
    };
    auto overlaps = [&](int t0, int t1, double start) {
        std::vector<Overlap> out(static_cast<size_t>(t1 - t0));
        const double mt = m * tex.tpm;  // module, texels
        for (int t = t0; t < t1; ++t) {
            Overlap& o = out[static_cast<size_t>(t - t0)];
            const double a = (t - start) / mt, b = (t + 1 - start) / mt;  // texel in module units
            o.first = static_cast<int>(std::floor(a - spread));
            for (int k = o.first; k < b + spread && k - o.first < 4; ++k) {  // modules grown to [k-s, k+1+s]
                const double lo = std::max(a, k - spread), hi = std::min(b, k + 1 + spread);
                if (hi > lo && k >= 0 && k < grid.size) o.w[k - o.first] = static_cast<float>((hi - lo) / (b - a));
                o.count = k - o.first + 1;
            }
        }
        return out;
    };
    const std::vector<Overlap> cols = overlaps(r.x0, r.x1, tex.tx(lay.qrX)), rows = overlaps(r.y0, r.y1, tex.ty(lay.qrY));
    for (int y = r.y0; y < r.y1; ++y) {
        const Overlap& oy = rows[static_cast<size_t>(y - r.y0)];
        for (int x = r.x0; x < r.x1; ++x) {
            const Overlap& ox = cols[static_cast<size_t>(x - r.x0)];
            float cover = 0;
            for (int j = 0; j < oy.count; ++j) {
                if (oy.w[j] == 0) continue;
                for (int i = 0; i < ox.count; ++i)
                    if (ox.w[i] > 0 && grid.dark(ox.first + i, oy.first + j)) cover += ox.w[i] * oy.w[j];
            }
            if (cover > 0) tex.multiply(x, y, std::min(cover, 1.0f), ink);
        }
    }
}

std::string slashed_date(const std::string& ddmmyyyy) {
    if (ddmmyyyy.size() != 8) return ddmmyyyy;
    return ddmmyyyy.substr(0, 2) + "/" + ddmmyyyy.substr(2, 2) + "/" + ddmmyyyy.substr(4);
}

// Cards run to the 25th, 40th or 60th birthday, unless issued within two years of it (then the next one).
std::string expiry(const std::string& dob, const std::string& issued) {
    if (dob.size() != 8 || issued.size() != 8) return "";
    const int by = std::atoi(dob.substr(4).c_str()), iy = std::atoi(issued.substr(4).c_str());
    for (int age : {25, 40, 60})
        if (iy - by < age - 2) return dob.substr(0, 2) + "/" + dob.substr(2, 2) + "/" + std::to_string(by + age);
    return "Không thời hạn";
}

// Splits at ", " so the first line fits `width` mm.
std::pair<std::string, std::string> wrap(const TextStyle& st, const std::string& text, double width) {
    size_t cut = std::string::npos, pos = 0;
    while ((pos = text.find(", ", pos)) != std::string::npos) {
        if (measure_text(st, text.substr(0, pos + 1)).advance > width) break;
        cut = pos;
        pos += 2;
    }
    if (cut == std::string::npos || measure_text(st, text).advance <= width) return {text, ""};
    return {text.substr(0, cut + 1), text.substr(cut + 2)};
}

// Horizontal size that makes a line `width` mm wide at most, condensing before shrinking.
TextStyle fit(TextStyle st, const std::string& text, double width) {
    const double w = measure_text(st, text).x1;
    if (w <= width) return st;
    st.squeeze = width / w;
    if (st.squeeze < 0.8) {
        st.emMm *= st.squeeze / 0.8;
        st.squeeze = 0.8;
    }
    return st;
}

void center_text(CardTexture& tex, const TextStyle& st, double cx, double baseline, const std::string& s) {
    const TextBox b = measure_text(st, s);
    draw_text(tex, st, cx - (b.x0 + b.x1) / 2, baseline, s);
}

int mrz_value(char c) { return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : 0; }
char mrz_check(const std::string& s) {  // ICAO 9303: weights 7, 3, 1
    static const int w[3] = {7, 3, 1};
    int sum = 0;
    for (size_t i = 0; i < s.size(); ++i) sum += mrz_value(s[i]) * w[i % 3];
    return static_cast<char>('0' + sum % 10);
}
std::string pad(std::string s, size_t n) {
    s.resize(n, '<');
    return s;
}

// TD1 machine-readable zone (3 x 30) from the payload's fields.
std::array<std::string, 3> mrz(const std::vector<std::string>& f) {
    const std::string id = f.size() > 0 ? f[0] : "", dob = f.size() > 3 ? f[3] : "";
    const std::string doc = pad(id.size() >= 12 ? id.substr(3) : id, 9);
    const std::string l1 = pad("IDVNM" + doc + mrz_check(doc) + id, 30);
    auto yymmdd = [](const std::string& d, int addYears) {
        if (d.size() != 8) return std::string("<<<<<<");
        const int y = std::atoi(d.substr(4).c_str()) + addYears;
        char buf[8];
        std::snprintf(buf, sizeof buf, "%02d", y % 100);
        return buf + d.substr(2, 2) + d.substr(0, 2);
    };
    const std::string b = yymmdd(dob, 0), e = yymmdd(dob, 60);
    const char sex = f.size() > 4 && f[4] == "Nam" ? 'M' : 'F';
    std::string l2 = b + mrz_check(b) + sex + e + mrz_check(e) + "VNM";
    l2 = pad(l2, 29);
    l2 += mrz_check(l1.substr(5, 25) + l2.substr(0, 7) + l2.substr(8, 7));
    std::string name = ascii_fold_upper(f.size() > 2 ? f[2] : "");
    std::string l3;
    const size_t sp = name.find(' ');
    if (sp == std::string::npos) l3 = name;
    else {
        std::string given = name.substr(sp + 1);
        std::replace(given.begin(), given.end(), ' ', '<');
        l3 = name.substr(0, sp) + "<<" + given;
    }
    return {l1, l2, pad(l3, 30)};
}

void paint_front(CardTexture& tex, const CardLayout& lay, const std::vector<std::string>& f, const QrGrid& grid, Rng& rng) {
    auto field = [&](size_t i) { return i < f.size() ? f[i] : std::string(); };
    emblem(tex, 9.6 + rng.range(-0.3, 0.3), 9.8 + rng.range(-0.3, 0.3), 5.6);

    // Header: its first line ends at the symbol's left edge, level with the top finder.
    const double finder = 7 * lay.qrMm / grid.size;
    const std::string h1 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    const double right = lay.qrX - lay.headerGap;
    TextStyle s1 = fit({Face::bold, finder * 0.95 / 0.73, 1, kNavy}, h1, right - 17.0);
    const TextBox b1 = measure_text(s1, h1);
    const double base1 = lay.qrY + finder * 0.88;
    draw_text(tex, s1, right - b1.x1, base1, h1);
    const double cx = right - (b1.x1 - b1.x0) / 2;
    center_text(tex, {Face::regular, 1.35, 1, kNavy}, cx, base1 + 1.9, "SOCIALIST REPUBLIC OF VIET NAM");
    center_text(tex, {Face::bold, 2.0, 1, kNavy}, cx, base1 + 4.4, "Độc lập - Tự do - Hạnh phúc");
    center_text(tex, {Face::regular, 1.3, 1, kNavy}, cx, base1 + 6.1, "Independence - Freedom - Happiness");
    center_text(tex, {Face::bold, 3.0, 1, kRed}, cx, base1 + 9.6, "CĂN CƯỚC CÔNG DÂN");
    center_text(tex, {Face::regular, 1.45, 1, kBlack}, cx, base1 + 11.5, "Citizen Identity Card");

    photo(tex, 3.5, 19.5, 21.5, 44.5, rng);
    const TextStyle label{Face::regular, 1.5, 1, kBlack}, value{Face::bold, 2.3, 1, kBlack};
    const double x = 24.5;
    double y = 21.8;
    draw_text(tex, label, x, y, "Số / No.:");
    draw_text(tex, {Face::bold, 2.9, 1, kBlack}, x + 13.0, y + 0.3, field(0));
    y += 4.0;
    draw_text(tex, label, x, y, "Họ và tên / Full name:");
    draw_text(tex, value, x, y + 2.7, vietnamese_upper(field(2)));
    y += 5.3;
    draw_text(tex, label, x, y, "Ngày sinh / Date of birth:");
    draw_text(tex, value, x + 22.0, y, slashed_date(field(3)));
    y += 3.6;
    draw_text(tex, label, x, y, "Giới tính / Sex:");
    draw_text(tex, value, x + 13.5, y, field(4));
    draw_text(tex, label, x + 24.0, y, "Quốc tịch / Nationality:");
    draw_text(tex, value, x + 44.0, y, "Việt Nam");
    y += 3.8;
    draw_text(tex, label, x, y, "Quê quán / Place of origin:");
    y += 3.6;
    draw_text(tex, label, x, y, "Nơi thường trú / Place of residence:");
    const auto [a1, a2] = wrap(value, field(5), kCardW - 2.5 - x);
    draw_text(tex, value, x, y + 2.8, a1);
    draw_text(tex, value, x, y + 5.6, a2);
    draw_text(tex, {Face::regular, 1.35, 1, kBlack}, 3.5, 47.5, "Có giá trị đến:");
    draw_text(tex, {Face::regular, 1.35, 1, kBlack}, 3.5, 49.6, expiry(field(3), field(6)));
}

void paint_back(CardTexture& tex, const CardLayout& lay, const std::vector<std::string>& f, Rng& rng) {
    auto field = [&](size_t i) { return i < f.size() ? f[i] : std::string(); };
    const TextStyle label{Face::regular, 1.5, 1, kBlack}, value{Face::bold, 2.2, 1, kBlack};
    const double x = 4.0;
    draw_text(tex, label, x, 4.2, "Nơi cư trú / Place of residence:");
    const auto [a1, a2] = wrap(value, field(5), kCardW - 3 - x);
    draw_text(tex, value, x, 6.9, a1);
    draw_text(tex, value, x, 9.5, a2);
    draw_text(tex, label, x, 12.0, "Nơi đăng ký khai sinh / Place of birth:");
    // The place of birth is not in the payload; any plausible one will do.
    static const char* const kBirthPlaces[] = {"Xã Hòa Tú 1, Sóc Trăng", "Phường Bến Nghé, Hồ Chí Minh",
                                               "Xã Đông Hưng, Thái Bình", "Phường Hải Châu I, Đà Nẵng"};
    draw_text(tex, value, x, 14.6, rng.pick(kBirthPlaces));
    draw_text(tex, label, x, 18.4, "Ngày, tháng, năm cấp / Date of issue:");
    draw_text(tex, value, x, 21.1, slashed_date(field(6)));
    draw_text(tex, label, x, 24.2, "Ngày, tháng, năm hết hạn / Date of expiry:");
    draw_text(tex, value, x, 26.9, expiry(field(3), field(6)));
    const double mx = (x + 40 + lay.qrX) / 2;
    center_text(tex, {Face::bold, 1.8, 1, kBlack}, mx, 19.5, "BỘ CÔNG AN");
    center_text(tex, {Face::regular, 1.2, 1, kBlack}, mx, 21.3, "MINISTRY OF PUBLIC SECURITY");
    ring(tex, mx + rng.range(-1, 1), 25.5, 3.6, 4.0, kRed, true);
    ring(tex, mx, 25.5, 2.6, 2.75, kRed, true);
    const std::array<std::string, 3> lines = mrz(f);
    const TextStyle mono{Face::mono, 3.0, 1.35, kBlack};
    for (int i = 0; i < 3; ++i) draw_text(tex, mono, 4.5, 41.0 + 4.3 * i, lines[static_cast<size_t>(i)]);
}

}  // namespace

CardLayout card_layout(Side side, double qrMm, uint32_t seed) {
    Rng rng(seed, Stream::layout);
    CardLayout lay;
    lay.side = side;
    lay.qrMm = qrMm;
    if (side == Side::front) {
        lay.qrX = kCardW - rng.range(2.6, 3.6) - qrMm;
        lay.qrY = rng.range(2.6, 3.6);
        lay.headerGap = rng.chance(0.35) ? 0.0 : rng.range(0.03, 0.35);  // often touching the finder
    } else {
        lay.qrX = kCardW - rng.range(3.5, 5.0) - qrMm;
        lay.qrY = rng.range(15.8, 16.8);  // just under the address and birth-place lines
    }
    return lay;
}

bool inside_card(double u, double v, double margin) {
    if (u < margin || v < margin || u > kCardW - margin || v > kCardH - margin) return false;
    const double cx = std::clamp(u, kCornerR, kCardW - kCornerR), cy = std::clamp(v, kCornerR, kCardH - kCornerR);
    const double r = kCornerR - margin;
    return (u - cx) * (u - cx) + (v - cy) * (v - cy) <= r * r;
}

std::string paint_card(CardTexture& tex, const CardLayout& lay, const std::vector<std::string>& fields,
                       const QrGrid& grid, uint32_t seed) {
    if (std::string err = fonts_ready(); !err.empty()) return err;
    Rng rng(seed, Stream::art);
    paint_pattern(tex, lay.side, seed);
    if (lay.side == Side::front) paint_front(tex, lay, fields, grid, rng);
    else paint_back(tex, lay, fields, rng);
    const auto inkLevel = static_cast<float>(rng.range(0.04, 0.14));
    print_qr(tex, lay, grid, rng.range(0.0, 0.06), {inkLevel, inkLevel, inkLevel + 0.02f});
    return "";
}

}  // namespace cccd::cardgen
