// Embind surface of the WASM module. JS receives plain values (JSON text it parses itself, numbers),
// never a C++ object it must delete(); nothing here throws across the boundary. One module instance
// serves one JS scanner, so the frame scanner is a single instance per module.
#include <emscripten/bind.h>
#include <emscripten/heap.h>
#include <malloc.h>

#include <cstdint>
#include <string>

#include "cccd/card_json.hpp"
#include "cccd/json_writer.hpp"
#include "cccd/parse_card.hpp"
#include "wasm/frame_scanner.hpp"

namespace {

cccd::wasm::FrameScanner& scanner() {
    static cccd::wasm::FrameScanner instance;
    return instance;
}

// The address table (docs/address-2025.md), once loaded: parse results and scanned cards carry
// fields.address2025. Its own asset, not in the .wasm: JS fetches it on first use and passes the text.
cccd::Address2025Table& addresses() {
    static cccd::Address2025Table table;
    return table;
}

const cccd::Address2025Table* loaded_addresses() { return addresses().empty() ? nullptr : &addresses(); }

// {"ok":true,"communes":N} or {"ok":false,"code":"bad-address-table","message":…} (the table loaded
// before, if any, is kept).
std::string load_address_table(const std::string& text) {
    cccd::Address2025Table table;
    std::string error;
    cccd::JsonWriter w;
    w.begin_object();
    if (!cccd::load_address2025(text, table, error)) {
        w.key("ok").value(false).key("code").value("bad-address-table").key("message").value(error);
        return w.end_object().str();
    }
    addresses() = std::move(table);
    scanner().set_addresses(&addresses());
    w.key("ok").value(true).key("communes").value(static_cast<long long>(addresses().newCommunes.size()));
    return w.end_object().str();
}

// An address (old or new) -> the address2025 object; match "unknown" until a table is loaded.
std::string map_address_json(const std::string& address) {
    return cccd::to_json(cccd::map_address_2025(addresses(), address));
}

// Card QR text -> the parser's JSON (docs/card-format.md, "Result JSON").
std::string parse_json(const std::string& text) {
    return cccd::to_json(cccd::parse_card(text, cccd::today_in_vietnam(), loaded_addresses()));
}

// {"ok":true,"ptr":N,"bytes":N} (a byte offset into HEAPU8) or {"ok":false,"code":…,"message":…}.
// `bgra`: 4-byte pixels with red third (a VideoFrame's BGRA/BGRX) rather than first.
std::string prepare_frame(int width, int height, int channels, double capacity, bool bgra) {
    const cccd::wasm::FrameBuffer f = scanner().prepare(width, height, channels, capacity,
                                                        bgra ? cccd::image::PixelOrder::Bgra : cccd::image::PixelOrder::Rgba);
    cccd::JsonWriter w;
    w.begin_object().key("ok").value(f.ok);
    if (f.ok) {
        w.key("ptr").value(static_cast<long long>(reinterpret_cast<uintptr_t>(f.data)));
        w.key("bytes").value(static_cast<long long>(f.bytes));
    } else {
        w.key("code").value(f.code).key("message").value(f.message);
    }
    return w.end_object().str();
}

std::string scan_frame() { return scanner().scan_json(); }
// The prepared frame as the next frame of a video (FrameScanner::scan_json(live)); resetLive starts a new one.
std::string scan_live_frame() { return scanner().scan_json(true); }
void reset_live() { scanner().reset_live(); }
void wipe_frame() { scanner().wipe(); }

// {"memoryBytes":N,"allocatedBytes":N}: the size of WASM memory (it never shrinks) and the bytes malloc
// has handed out, so callers (and the 10 000-scan test) can see that scanning leaks nothing.
std::string memory_stats() {
    const struct mallinfo info = mallinfo();
    cccd::JsonWriter w;
    w.begin_object().key("memoryBytes").value(static_cast<long long>(emscripten_get_heap_size()));
    w.key("allocatedBytes").value(static_cast<long long>(info.uordblks));
    return w.end_object().str();
}
void release_frame() { scanner().release(); }

}  // namespace

EMSCRIPTEN_BINDINGS(cccd_scanner) {
    emscripten::function("parseJson", &parse_json);
    emscripten::function("prepareFrame", &prepare_frame);
    emscripten::function("scanFrame", &scan_frame);
    emscripten::function("scanLiveFrame", &scan_live_frame);
    emscripten::function("resetLive", &reset_live);
    emscripten::function("wipeFrame", &wipe_frame);
    emscripten::function("releaseFrame", &release_frame);
    emscripten::function("memoryStats", &memory_stats);
    emscripten::function("loadAddressTable", &load_address_table);
    emscripten::function("mapAddress2025", &map_address_json);
}
