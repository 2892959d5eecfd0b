// Side-by-side report on the image corpora: our decoder and ZXing-C++ 1.4 on the same frames, in the
// same process. Per set: images read exactly, median and p95 ms per frame, and our time as a ratio of
// ZXing's, taken frame by frame (and on the frames we miss: miss-ratio). Usage: corpus_report [--json FILE] [--rotations] [--misses] [--set NAME]
// [--dump FILE] (--misses lists the images we miss per set and rotation, marking those ZXing-C++ 1.4
// reads with '*'; --set runs only the sets whose name contains NAME; --dump writes one line per frame
// (status, text hash, corners, stage times) so two builds can be compared frame by frame:
// `diff <(cut -f1-5 a) <(cut -f1-5 b)` shows every changed outcome).
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "bench_frames.hpp"
#include "cccd/json_writer.hpp"
#include "io/image_file.hpp"
#include "qr/decoder.hpp"
#include "support/corpus_index.hpp"
#include "support/rotate.hpp"
#include "support/zxing_reference.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

double percentile(std::vector<double> v, double q) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[static_cast<size_t>(q * static_cast<double>(v.size() - 1) + 0.5)];
}


struct SetReport {
    std::string set;
    int rotation = 0;
    int total = 0, ours = 0, zxing = 0, bothSame = 0, bothDiffer = 0;
    std::vector<double> oursMs, zxingMs, ratios;
    std::vector<double> missRatios;  // ours / ZXing's time on the frames we do not read (they run every retry)
    std::vector<std::string> missed;
    std::vector<bool> missedZxingRead;
    std::string dump;  // --dump lines
};

// FNV-1a of the decoded bytes: a short per-frame fingerprint for --dump.
uint64_t fingerprint(const std::vector<uint8_t>& bytes) {
    uint64_t h = 1469598103934665603ull;
    for (uint8_t b : bytes) h = (h ^ b) * 1099511628211ull;
    return h;
}

std::string dump_line(const std::string& set, int rotation, const std::string& name, const cccd::qr::DecodeResult& r) {
    char buf[512];
    uint64_t fp = 0;
    float cx[4] = {}, cy[4] = {};
    if (r.found()) {
        const auto& sym = r.symbols.front();
        fp = fingerprint(std::vector<uint8_t>(sym.data.bytes.begin(), sym.data.bytes.end()));
        for (int i = 0; i < 4; ++i) cx[i] = sym.corners[static_cast<size_t>(i)].x, cy[i] = sym.corners[static_cast<size_t>(i)].y;
    }
    std::snprintf(buf, sizeof buf,
                  "%s\t%d\t%s\t%d\t%016llx %.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\t%.2f\t%.2f\t%.2f\t%.2f\t%d\t%d\t%d\t%d\n",
                  set.c_str(), rotation, name.c_str(), static_cast<int>(r.status), static_cast<unsigned long long>(fp),
                  cx[0], cy[0], cx[1], cy[1], cx[2], cy[2], cx[3], cy[3], r.times.binarize, r.times.locate,
                  r.times.sample, r.times.decode, r.work.candidates, r.work.geometries, r.work.templateSearches,
                  r.work.grids);
    return buf;
}

SetReport run_set(const std::vector<testsupport::CorpusImage>& images, int turns, cccd::qr::Decoder& decoder) {
    SetReport rep;
    rep.set = images.empty() ? "" : images.front().set;
    rep.rotation = turns * 90;
    for (const auto& c : images) {
        const auto loaded = cccd::io::load_image(c.path);
        if (!loaded.ok()) continue;
        const auto img = testsupport::rotated(loaded, turns);
        ++rep.total;
        auto t = Clock::now();
        const auto ours = decoder.decode(img.view());
        const double oursMs = ms_since(t);
        t = Clock::now();
        const auto ref = testsupport::zxing_read(img.view());
        const double refMs = ms_since(t);
        const bool oursOk = ours.found() && ours.symbols.front().data.text == c.expected;
        const bool refOk = ref.found && ref.text == c.expected;
        rep.ours += oursOk;
        rep.zxing += refOk;
        if (!oursOk) {
            rep.missed.push_back(c.name);
            rep.missedZxingRead.push_back(refOk);
        }
        if (ours.found() && ref.found) {
            const auto& bytes = ours.symbols.front().data.bytes;
            (std::vector<uint8_t>(bytes.begin(), bytes.end()) == ref.bytes ? rep.bothSame : rep.bothDiffer)++;
        }
        rep.dump += dump_line(rep.set, rep.rotation, c.name, ours);
        rep.oursMs.push_back(oursMs);
        rep.zxingMs.push_back(refMs);
        if (refMs > 0) rep.ratios.push_back(oursMs / refMs);
        if (refMs > 0 && !oursOk) rep.missRatios.push_back(oursMs / refMs);
    }
    return rep;
}

}  // namespace

int main(int argc, char** argv) {
    std::string jsonPath, dumpPath;
    bool rotations = false, misses = false;
    std::string only;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--json" && i + 1 < argc) jsonPath = argv[++i];
        else if (a == "--dump" && i + 1 < argc) dumpPath = argv[++i];
        else if (a == "--rotations") rotations = true;
        else if (a == "--misses") misses = true;
        else if (a == "--set" && i + 1 < argc) only = argv[++i];
    }
    if (!testsupport::zxing_available()) std::fprintf(stderr, "%s: the zxing columns stay empty\n", testsupport::kNoZxing);
    const std::string dir = bench::corpus_dir();
    const std::vector<std::vector<testsupport::CorpusImage>> sets = {
        testsupport::zxing_samples(dir), testsupport::cccd_synth(dir, "normal"), testsupport::cccd_synth(dir, "hard"),
        testsupport::cccd_print(dir, "front"), testsupport::cccd_print(dir, "back")};
    cccd::qr::Decoder decoder;
    std::vector<SetReport> reports;
    for (const auto& s : sets) {
        if (s.empty()) continue;
        if (!only.empty() && s.front().set.find(only) == std::string::npos) continue;
        const int maxTurns = rotations && s.front().set == "zxing-samples" ? 4 : 1;
        for (int turns = 0; turns < maxTurns; ++turns) reports.push_back(run_set(s, turns, decoder));
    }
    if (reports.empty()) {
        std::fprintf(stderr, "corpus not found under %s (set CCCD_CORPUS_DIR)\n", dir.c_str());
        return 1;
    }
    std::printf("%-20s %4s %6s %6s %7s %9s %9s %9s %9s %7s %10s %s\n", "set", "rot", "total", "ours", "zxing", "ours-med",
                "ours-p95", "zx-med", "zx-p95", "ratio", "miss-ratio", "bytes same/differ");
    cccd::JsonWriter w;
    w.begin_array();
    for (const auto& r : reports) {
        std::printf("%-20s %4d %6d %6d %7d %8.2fms %8.2fms %8.2fms %8.2fms %7.2f %10.2f %d/%d\n", r.set.c_str(), r.rotation,
                    r.total, r.ours, r.zxing, percentile(r.oursMs, 0.5), percentile(r.oursMs, 0.95),
                    percentile(r.zxingMs, 0.5), percentile(r.zxingMs, 0.95), percentile(r.ratios, 0.5),
                    percentile(r.missRatios, 0.5), r.bothSame, r.bothDiffer);
        w.begin_object().key("set").value(r.set).key("rotation").value(r.rotation).key("total").value(r.total);
        w.key("ours").value(r.ours).key("zxingCpp14").value(r.zxing);
        w.key("oursMedianMs").value(percentile(r.oursMs, 0.5)).key("oursP95Ms").value(percentile(r.oursMs, 0.95));
        w.key("zxingMedianMs").value(percentile(r.zxingMs, 0.5)).key("zxingP95Ms").value(percentile(r.zxingMs, 0.95));
        w.key("medianRatio").value(percentile(r.ratios, 0.5));
        w.key("medianMissRatio").value(percentile(r.missRatios, 0.5));
        w.key("missed").begin_array();
        for (const auto& m : r.missed) w.value(m);
        w.end_array().end_object();
    }
    w.end_array();
    if (misses)
        for (const auto& r : reports) {
            std::printf("missed %s %d:", r.set.c_str(), r.rotation);
            for (size_t i = 0; i < r.missed.size(); ++i)
                std::printf(" %s%s", r.missed[i].c_str(), r.missedZxingRead[i] ? "*" : "");
            std::printf("\n");
        }
    if (!jsonPath.empty()) std::ofstream(jsonPath) << w.str() << '\n';
    if (!dumpPath.empty()) {
        std::ofstream out(dumpPath);
        for (const auto& r : reports) out << r.dump;
    }
    return 0;
}
