#pragma once
// The few JSON pieces the generator writes (index.jsonl lines, clip JSON): strings and fixed-point numbers.
#include <string>

namespace cccd::cardgen {

// A JSON string literal; UTF-8 passes through, control characters are escaped.
std::string json_string(const std::string& s);

// v with `decimals` decimals; "0" rather than "-0.00".
std::string json_fixed(double v, int decimals);

// The shared corpus's "fields" object: the payload's first seven fields, named as the card reader names
// them (id, oldId, name, dob, gender, address, issued).
std::string fields_json(const std::string& payload);

}  // namespace cccd::cardgen
