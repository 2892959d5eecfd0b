#include "result/scan_json.hpp"

#include "cccd/card_json.hpp"
#include "cccd/parse_card.hpp"

namespace cccd::result {

std::string_view status_name(qr::DecodeStatus status) {
    switch (status) {
        case qr::DecodeStatus::found: return "found";
        case qr::DecodeStatus::not_found: return "not-found";
        case qr::DecodeStatus::unreadable: return "unreadable";
        case qr::DecodeStatus::invalid_input: return "invalid-input";
    }
    return "not-found";
}

bool has_symbol(const qr::DecodeResult& r) { return r.found() && !r.symbols.empty(); }

std::string_view reason(const qr::DecodeResult& r) {
    if (r.message.empty()) return "no QR code found";
    return r.message;  // a view of r's own message (a ?: here would make a temporary string)
}

void write_scan_fields(JsonWriter& w, const qr::DecodeResult& r, const ScanContext& c) {
    const bool found = has_symbol(r);
    w.key("found").value(found);
    // A found status without a symbol cannot happen; were it to, the JSON says not-found, not found.
    w.key("status").value(status_name(found || r.status != qr::DecodeStatus::found ? r.status : qr::DecodeStatus::not_found));
    w.key("frame").begin_object().key("width").value(c.width).key("height").value(c.height).end_object();
    if (!found) {
        w.key("text").null();
        w.key("corners").null();
        w.key("message").value(reason(r));
        w.key("fusedFrames").value(0);
        w.key("ms").value(c.ms);
        w.key("card").null();
        return;
    }
    const qr::Symbol& s = r.symbols.front();
    w.key("text").value(s.data.text);
    w.key("corners").begin_array();
    for (const auto& p : s.corners)
        w.begin_object().key("x").value(static_cast<double>(p.x)).key("y").value(static_cast<double>(p.y)).end_object();
    w.end_array();
    w.key("version").value(s.data.version);
    w.key("ecLevel").value(std::string_view(&s.data.ecLevel, 1));
    w.key("mask").value(s.data.mask);
    w.key("correctedErrors").value(s.data.correctedErrors);
    w.key("mirrored").value(s.data.mirrored);
    w.key("moduleSize").value(static_cast<double>(s.moduleSize));
    w.key("fusedFrames").value(c.fusedFrames);
    w.key("ms").value(c.ms);
    w.key("card").raw(to_json(parse_card(s.data.text, c.today ? *c.today : today_in_vietnam(), c.addresses)));
}

}  // namespace cccd::result
