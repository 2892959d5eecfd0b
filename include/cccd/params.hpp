#pragma once
// The values a message is built from ("length" → "11"), in order. Pages render a stable code and these
// in their own language (web/src/messages.js); the English texts beside them are for the CLI and logs.
#include <string>
#include <utility>
#include <vector>

namespace cccd {

using Params = std::vector<std::pair<std::string, std::string>>;

}  // namespace cccd
