// Parser throughput: payloads per second for the card formats and the keyboard-wedge repair path.
#include <benchmark/benchmark.h>

#include <string>

#include "cccd/card_json.hpp"
#include "cccd/parse_card.hpp"

namespace {

const cccd::Date kToday{2026, 11, 24};
const std::string kCccd2021 =
    "045093227226|470993030|Nguyễn Thành Việt|28011993|Nam|Số 289/10, Đường Nguyễn Trãi, Xã Hòa Tú 1, "
    "Quận Đống Đa, Nam Định|13032023";
const std::string kCanCuoc2024 = kCccd2021.substr(0, kCccd2021.size() - 8) + "04102024||||";

// The same payload as a keyboard-wedge scanner delivers it: UTF-8 bytes read as Windows-1252.
std::string as_mojibake(const std::string& utf8) {
    static const char32_t kHigh[32] = {0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                       0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,   0x017D, 0x8F,
                                       0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                       0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
    std::string out;
    for (unsigned char b : utf8) {
        char32_t cp = (b >= 0x80 && b < 0xA0) ? kHigh[b - 0x80] : b;
        if (cp < 0x80) { out.push_back(static_cast<char>(cp)); continue; }
        if (cp < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        } else {
            out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        }
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
    return out;
}

void parse(benchmark::State& state, const std::string& payload) {
    for (auto _ : state) benchmark::DoNotOptimize(cccd::parse_card(payload, kToday));
    state.SetItemsProcessed(state.iterations());
}

void parse_to_json(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(cccd::to_json(cccd::parse_card(kCccd2021, kToday)));
    state.SetItemsProcessed(state.iterations());
}

BENCHMARK_CAPTURE(parse, cccd_2021, kCccd2021);
BENCHMARK_CAPTURE(parse, can_cuoc_2024, kCanCuoc2024);
BENCHMARK_CAPTURE(parse, keyboard_wedge_mojibake, as_mojibake(kCccd2021));
BENCHMARK(parse_to_json);

}  // namespace
