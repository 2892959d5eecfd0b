#pragma once
// UTF-8 helpers for the card's printed text: code points for the font, Vietnamese upper case for the
// printed name, and plain A-Z for the machine-readable zone.
#include <cstdint>
#include <string>
#include <vector>

namespace cccd::cardgen {

std::vector<uint32_t> utf8_decode(const std::string& s);  // invalid bytes become U+FFFD
std::string utf8_encode(const std::vector<uint32_t>& cps);
std::string vietnamese_upper(const std::string& s);
std::string ascii_fold_upper(const std::string& s);        // "Trần Xuân Hải" -> "TRAN XUAN HAI"

}  // namespace cccd::cardgen
