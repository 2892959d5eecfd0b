// Embind surface of the WASM module. JS receives plain values (JSON text it parses itself), never a
// C++ object it must delete(); nothing here throws across the boundary.
#include <emscripten/bind.h>

#include <string>

#include "cccd/card_json.hpp"
#include "cccd/parse_card.hpp"

namespace {

// Card QR text -> the parser's JSON (README "Result JSON").
std::string parse_json(const std::string& text) {
    return cccd::to_json(cccd::parse_card(text, cccd::today_in_vietnam()));
}

}  // namespace

EMSCRIPTEN_BINDINGS(cccd_scanner) {
    emscripten::function("parseJson", &parse_json);
}
