#pragma once
// Frames for the native benchmarks: corpus photos grouped by size, and the same photos with the QR code
// painted over (frames with no code, the common case for a camera loop).
#include <string>
#include <vector>

#include "io/image_file.hpp"

namespace bench {

struct Frame {
    std::string name;
    cccd::io::LoadedImage image;
    std::string expected;
};

// Corpus frames (cccd-synth normal+hard) of exactly width x height; empty if the corpus is absent.
std::vector<Frame> corpus_frames(int width, int height, bool paintOverCode);
std::string corpus_dir();

}  // namespace bench
