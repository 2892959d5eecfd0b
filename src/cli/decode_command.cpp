#include "cli/decode_command.hpp"

#include <chrono>

#include "cccd/parse_card.hpp"
#include "cccd/json_writer.hpp"
#include "io/image_file.hpp"
#include "qr/decoder.hpp"
#include "result/scan_json.hpp"

namespace cccd::cli {
namespace {

struct ImageOutcome {
    qr::DecodeResult result;
    int width = 0, height = 0;
    double ms = 0;
};

ImageOutcome decode_file(qr::Decoder& decoder, const std::string& path) {
    ImageOutcome o;
    const io::LoadedImage img = io::load_image(path);
    if (!img.ok()) {
        o.result.status = qr::DecodeStatus::invalid_input;
        o.result.message = img.error;
        return o;
    }
    o.width = img.view().width;
    o.height = img.view().height;
    const auto start = std::chrono::steady_clock::now();
    o.result = decoder.decode(img.view());
    o.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return o;
}

// The scan result every front end writes (result/scan_json.hpp), with the file's name first.
std::string as_json(const std::string& file, const ImageOutcome& o, const Date& today, const Address2025Table* addresses) {
    JsonWriter w;
    w.begin_object().key("file").value(file);
    result::write_scan_fields(w, o.result, {o.width, o.height, o.ms, 1, today, addresses});
    w.end_object();
    return w.str();
}

}  // namespace

int run_decode(std::span<const std::string> args, std::ostream& out, std::ostream& err, const Address2025Table* addresses) {
    bool json = false;
    std::vector<std::string> files;
    for (const auto& a : args) {
        if (a == "--json") json = true;
        else if (!a.empty() && a[0] == '-') {
            err << "cccd-scan decode: unknown option " << a << "\n";
            return 2;
        } else files.push_back(a);
    }
    if (files.empty()) {
        err << "usage: cccd-scan decode [--json] IMAGE...\n";
        return 2;
    }
    const Date today = today_in_vietnam();
    qr::Decoder decoder;
    int missed = 0;
    for (const auto& f : files) {
        const ImageOutcome o = decode_file(decoder, f);
        const bool found = result::has_symbol(o.result);
        missed += found ? 0 : 1;
        if (json) out << as_json(f, o, today, addresses) << '\n';
        else if (found) out << f << ": " << o.result.symbols.front().data.text << '\n';
        else out << f << ": not found (" << result::reason(o.result) << ")\n";
    }
    out.flush();
    return missed == 0 ? 0 : 1;
}

}  // namespace cccd::cli
