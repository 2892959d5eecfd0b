#pragma once
// The scan result as JSON, one shape for every front end: the WASM module (web/, docs/api.md) and the
// `cccd-scan decode --json` CLI write it through here, so they cannot drift apart.
//   {found, status, frame: {width, height}, text, corners: [{x, y} ×4] | null, version, ecLevel, mask,
//    correctedErrors, mirrored, moduleSize, fusedFrames, ms, card | null, message (when not found)}
// The caller opens the object and may add its own keys around these (the CLI: file; WASM: ok, tracking).
#include <optional>
#include <string_view>

#include "cccd/address2025.hpp"
#include "cccd/date.hpp"
#include "cccd/json_writer.hpp"
#include "qr/decoder.hpp"

namespace cccd::result {

struct ScanContext {
    int width = 0, height = 0;  // the frame's size (what resolution a camera track delivers)
    double ms = 0;              // time the scan took
    int fusedFrames = 1;        // live scanning: frames whose samples or blocks made the read
    std::optional<Date> today;  // for the card's date checks; unset: today_in_vietnam(), taken only when a
                                // symbol was read (not on every camera frame)
    const Address2025Table* addresses = nullptr;  // cards carry fields.address2025 when set
};

// Whether `r` holds a symbol read, and in words why not (the message the JSON carries).
bool has_symbol(const qr::DecodeResult& r);
std::string_view reason(const qr::DecodeResult& r);

// "found", "not-found", "unreadable" or "invalid-input".
std::string_view status_name(qr::DecodeStatus status);

// Writes the scan result's fields (above) into the open object of `w`: the first symbol of `r`, its
// card parsed and checked, or why nothing was read.
void write_scan_fields(JsonWriter& w, const qr::DecodeResult& r, const ScanContext& context);

}  // namespace cccd::result
