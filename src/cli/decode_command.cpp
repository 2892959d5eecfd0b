#include "cli/decode_command.hpp"

#include <chrono>

#include "cccd/card_json.hpp"
#include "cccd/parse_card.hpp"
#include "cccd/json_writer.hpp"
#include "io/image_file.hpp"
#include "qr/decoder.hpp"

namespace cccd::cli {
namespace {

struct ImageOutcome {
    std::string file;
    bool found = false;
    std::string error;
    qr::Symbol symbol;
    double ms = 0;
};

ImageOutcome decode_file(qr::Decoder& decoder, const std::string& path) {
    ImageOutcome o;
    o.file = path;
    const io::LoadedImage img = io::load_image(path);
    if (!img.ok()) {
        o.error = img.error;
        return o;
    }
    const auto start = std::chrono::steady_clock::now();
    const qr::DecodeResult r = decoder.decode(img.view());
    o.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (r.found() && !r.symbols.empty()) {
        o.found = true;
        o.symbol = r.symbols.front();
    } else {
        o.error = r.message.empty() ? "no QR code found" : r.message;
    }
    return o;
}

std::string as_json(const ImageOutcome& o, const Date& today, const Address2025Table* addresses) {
    JsonWriter w;
    w.begin_object();
    w.key("file").value(o.file);
    w.key("found").value(o.found);
    if (o.found) {
        const auto& d = o.symbol.data;
        w.key("text").value(d.text);
        w.key("version").value(d.version);
        w.key("ecLevel").value(std::string(1, d.ecLevel));
        w.key("mask").value(d.mask);
        w.key("correctedErrors").value(d.correctedErrors);
        w.key("mirrored").value(d.mirrored);
        w.key("moduleSize").value(static_cast<double>(o.symbol.moduleSize));
        w.key("corners").begin_array();
        for (const auto& p : o.symbol.corners)
            w.begin_array().value(static_cast<double>(p.x)).value(static_cast<double>(p.y)).end_array();
        w.end_array();
    } else {
        w.key("text").null();
        w.key("error").value(o.error);
    }
    w.key("ms").value(o.ms);
    if (o.found) {
        const CardResult card = parse_card(o.symbol.data.text, today, addresses);
        if (card.format != "unknown") w.key("card").raw(to_json(card));
    }
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
        missed += o.found ? 0 : 1;
        if (json) out << as_json(o, today, addresses) << '\n';
        else if (o.found) out << f << ": " << o.symbol.data.text << '\n';
        else out << f << ": not found (" << o.error << ")\n";
    }
    out.flush();
    return missed == 0 ? 0 : 1;
}

}  // namespace cccd::cli
