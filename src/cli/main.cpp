// cccd-scan: the command-line face of the library.
//   cccd-scan parse                    payload lines on stdin -> one JSON object per line
//   cccd-scan decode [--json] IMAGE...  read the QR code in each image
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "cli/decode_command.hpp"
#include "cli/parse_command.hpp"

namespace {

void usage(std::ostream& out) {
    out << "usage: cccd-scan parse < payloads.txt\n"
           "       cccd-scan decode [--json] IMAGE...\n"
           "  parse   read card QR payloads (one per line, UTF-8) from stdin and write one JSON\n"
           "          object per line: {ok, format, fields, checks, warnings, errors, repaired}\n"
           "  decode  read the QR code in each image (PNG, JPEG, ...); with --json one object per image:\n"
           "          {file, found, text, version, ecLevel, corners, ms, card?, error?}\n";
}

}  // namespace

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    if (argc >= 2 && (std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0)) {
        usage(std::cout);
        return 0;
    }
    if (argc == 2 && std::strcmp(argv[1], "parse") == 0) return cccd::cli::run_parse(std::cin, std::cout);
    if (argc >= 2 && std::strcmp(argv[1], "decode") == 0) {
        const std::vector<std::string> args(argv + 2, argv + argc);
        return cccd::cli::run_decode(args, std::cout, std::cerr);
    }
    usage(std::cerr);
    return 64;  // EX_USAGE
}
