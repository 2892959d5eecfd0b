#pragma once
#include <ostream>
#include <span>
#include <string>

#include "cccd/address2025.hpp"

namespace cccd::cli {

// `cccd-scan decode [--json] IMAGE...`: reads each image's QR code. With --json one JSON object per image
// ({file, found, text, version, ecLevel, corners, ms, card?, error?}); otherwise one readable line each.
// Returns 0 when every image was read, 1 when some were not found or unreadable, 2 on a usage error.
int run_decode(std::span<const std::string> args, std::ostream& out, std::ostream& err,
               const Address2025Table* addresses = nullptr);

}  // namespace cccd::cli
