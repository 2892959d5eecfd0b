// libFuzzer target: any bytes as a card payload. The parser must never crash, hang or leak, and its
// JSON must always be produced; ASan/UBSan (preset "fuzz") turn memory and UB errors into findings.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "cccd/card_json.hpp"
#include "cccd/parse_card.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const cccd::CardResult card = cccd::parse_card(text, cccd::Date{2026, 11, 24});
    const std::string json = cccd::to_json(card);
    if (json.empty() || json.front() != '{' || json.back() != '}') __builtin_trap();
    return 0;
}
