// Where each card is in each frame: turned and leaning as held, scaled so its symbol has the hand's module
// size, put among the places that keep the cards in view (the whole cards when they fit, else their
// symbols), then shaken. Two cards overlap partly, B over A's left side (A's symbol is on its right); in a
// swap, A slides out of the frame and B slides in from the other side.
#include <algorithm>
#include <cmath>

#include "clip_stage.hpp"

namespace cccd::cardgen {

namespace {

struct Box {
    double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
    void add(std::pair<double, double> p) {
        x0 = std::min(x0, p.first), y0 = std::min(y0, p.second), x1 = std::max(x1, p.first), y1 = std::max(y1, p.second);
    }
    void add(const Box& b) { add(std::pair{b.x0, b.y0}), add(std::pair{b.x1, b.y1}); }
};

Box card_box(const Pose& pose) {
    Box b;
    for (int i = 0; i <= 8; ++i) {
        const double u = kCardW * i / 8, v = kCardH * i / 8;
        b.add(pose.project(u, 0)), b.add(pose.project(u, kCardH)), b.add(pose.project(0, v)), b.add(pose.project(kCardW, v));
    }
    return b;
}

Box symbol_box(const Pose& pose, const CardLayout& layout) {
    Box b;
    for (const auto& p : qr_corners(pose, layout)) b.add(p);
    return b;
}

void shift(Pose& pose, double dx, double dy) { pose.cx += dx, pose.cy += dy; }

// The card as held in this frame, its centre at (0, 0).
Pose held(const ClipSpec& spec, const ClipCard& card, const HandFrame& hand, std::string& error) {
    CardSpec s;
    s.width = spec.width, s.height = spec.height;
    s.modulePx = hand.modulePx;
    s.angleDeg = card.angleDeg + hand.angleDeg;
    s.tilt = card.tilt;
    s.tiltDirDeg = card.tiltDirDeg + hand.tiltDirDeg;
    s.bend = card.bend;
    s.placeX = s.placeY = 0.5;
    Rng unused(0, Stream::pose);  // the placement's own draws: its offset is replaced below
    Placement p = place_card(s, card.layout, card.grid.size, unused);
    if (!p.error.empty() && error.empty()) error = p.error;
    const auto [x, y] = p.pose.project(kCardW / 2, kCardH / 2);
    shift(p.pose, -x, -y);
    return p.pose;
}

// Shifts along one axis that keep [b0, b1] inside [margin, size - margin]; lo > hi when it cannot fit.
struct Room {
    double lo, hi;
    bool fits() const { return lo <= hi; }
};

Room room(double b0, double b1, double size, double margin) { return {margin - b0, size - margin - b1}; }

// The cards' room gives the place (still continuous when they no longer fit: lo > hi), the symbols' room
// bounds it: shake may cut a card at the frame's edge, never a symbol. When the symbols cannot all be in
// view, the lead card's is kept.
double place(Room cards, Room symbols, Room lead, double fraction, double shake) {
    if (!symbols.fits()) symbols = lead;
    const double v = cards.lo + (cards.hi - cards.lo) * fraction + shake;
    return symbols.fits() ? std::clamp(v, symbols.lo, symbols.hi) : (symbols.lo + symbols.hi) / 2;
}

}  // namespace

std::vector<StagedFrame> stage_clip(const ClipSpec& spec, const std::vector<ClipCard>& cards,
                                    const std::vector<HandFrame>& hand, std::string& error) {
    const int n = spec.frames;
    Rng rng(clip_seed(spec.seed), Stream::layout);
    // Two cards: B's centre in A's card millimetres (left of A, a little up or down).
    const double offU = -kCardW * rng.range(0.62, 0.74), offV = kCardH * rng.range(0.12, 0.3);
    const double upOrDown = rng.chance(0.5) ? 1 : -1;
    // Swap: A leaves to one side in the last `slide` frames of its half, B comes from the other (a plain
    // cut in clips too short to show A otherwise).
    const int mid = (n + 1) / 2;
    const int slide = std::min(std::clamp(static_cast<int>(std::lround(n * 0.07)), 1, 8), mid - 1);
    const double exitDir = rng.chance(0.5) ? 1 : -1, exitSlope = rng.range(-0.3, 0.3);

    std::vector<StagedFrame> out(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
        const HandFrame& h = hand[static_cast<size_t>(i)];
        StagedFrame& f = out[static_cast<size_t>(i)];
        f.lead = spec.scenario == ClipSpec::swapMidClip && i >= mid ? 1 : 0;
        std::vector<StagedCard> group{{f.lead, held(spec, cards[static_cast<size_t>(f.lead)], h, error)}};
        if (spec.scenario == ClipSpec::twoCards) {
            Pose b = held(spec, cards[1], h, error);
            const auto [tx, ty] = group[0].pose.project(kCardW / 2 + offU, kCardH / 2 + upOrDown * offV);
            shift(b, tx, ty);
            group.push_back({1, b});
        }
        if (!error.empty()) return {};

        Box cardsBox, symbolsBox;
        for (const StagedCard& c : group) {
            cardsBox.add(card_box(c.pose));
            symbolsBox.add(symbol_box(c.pose, cards[static_cast<size_t>(c.card)].layout));
        }
        const Box leadBox = symbol_box(group[0].pose, cards[static_cast<size_t>(f.lead)].layout);
        const Pose& lead = group[0].pose;
        const auto [lx, ly] = lead.project(0, kCardH / 2);
        const auto [rx, ry] = lead.project(kCardW, kCardH / 2);
        const double cardWidth = std::hypot(rx - lx, ry - ly);
        const double margin = 0.01 * std::min(spec.width, spec.height), symbolMargin = 2 + 1.5 * h.modulePx;
        double gx = place(room(cardsBox.x0, cardsBox.x1, spec.width, margin), room(symbolsBox.x0, symbolsBox.x1, spec.width, symbolMargin),
                          room(leadBox.x0, leadBox.x1, spec.width, symbolMargin), h.placeX, h.shakeX * cardWidth);
        double gy = place(room(cardsBox.y0, cardsBox.y1, spec.height, margin), room(symbolsBox.y0, symbolsBox.y1, spec.height, symbolMargin),
                          room(leadBox.y0, leadBox.y1, spec.height, symbolMargin), h.placeY, h.shakeY * cardWidth);
        if (spec.scenario == ClipSpec::swapMidClip) {
            // Far enough to leave the frame from anywhere in it; accelerating out, slowing down coming in.
            const double travel = spec.width + cardWidth;
            double along = 0;
            if (i < mid && i >= mid - slide) {
                const double s = static_cast<double>(i - (mid - slide) + 1) / slide;
                along = exitDir * travel * s * s;
            } else if (i >= mid && i < mid + slide) {
                const double s = static_cast<double>(i - mid + 1) / slide;
                along = -exitDir * travel * (1 - s) * (1 - s);
            }
            gx += along;
            gy += exitSlope * std::fabs(along);
        }
        f.centerX = gx, f.centerY = gy;
        for (StagedCard& c : group) shift(c.pose, gx, gy);
        f.leadPose = group[0].pose;
        for (const StagedCard& c : group) {
            const Box b = card_box(c.pose);
            // Wholly outside (with the renderer's slack): nothing to draw.
            if (b.x1 <= 1 || b.y1 <= 1 || b.x0 >= spec.width - 1 || b.y0 >= spec.height - 1) continue;
            f.cards.push_back(c);
        }
    }
    return out;
}

}  // namespace cccd::cardgen
