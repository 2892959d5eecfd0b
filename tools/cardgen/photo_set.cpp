// A folder of card photos and its index.jsonl: what `cccd-cardgen --out` and the sample corpus write.
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "cardgen.hpp"

namespace cccd::cardgen {

std::string write_photo_set(const PhotoSet& set) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::create_directories(set.dir, ec);
    if (ec) return "cannot create " + set.dir + ": " + ec.message();
    std::ofstream index(fs::path(set.dir) / "index.jsonl", std::ios::binary | std::ios::trunc);
    if (!index) return "cannot write " + set.dir + "/index.jsonl";
    for (int i = 0; i < set.count; ++i) {
        const uint32_t seed = set.seed + static_cast<uint32_t>(i);
        CardSpec spec = random_spec(set.side, seed, set.difficulty);
        if (set.modulePx > 0) spec.modulePx = set.modulePx;
        if (set.tilt >= 0) spec.tilt = set.tilt;
        if (!set.sizes.empty()) {
            const auto& [w, h] = set.sizes[static_cast<size_t>(i) % set.sizes.size()];
            spec.width = w, spec.height = h;
        }
        const CardPhoto photo = make_card_photo(spec);
        if (!photo.ok()) return photo.error + " (seed " + std::to_string(seed) + ")";
        char name[32];
        std::snprintf(name, sizeof name, "card-%04d.jpg", i);
        std::ofstream file(fs::path(set.dir) / name, std::ios::binary | std::ios::trunc);
        file.write(reinterpret_cast<const char*>(photo.jpeg.data()), static_cast<std::streamsize>(photo.jpeg.size()));
        if (!file) return "cannot write " + set.dir + "/" + name;
        index << index_json_line(name, photo) << '\n';
    }
    index.flush();
    return index ? "" : "cannot write " + set.dir + "/index.jsonl";
}

}  // namespace cccd::cardgen
