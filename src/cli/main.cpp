// cccd-scan: the command-line face of the library.
//   cccd-scan parse                    payload lines on stdin -> one JSON object per line
//   cccd-scan decode [--json] IMAGE...  read the QR code in each image
// Both take --address-table FILE (address2025 in the results; cli/address_table.hpp).
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "cli/address_table.hpp"
#include "cli/decode_command.hpp"
#include "cli/parse_command.hpp"

namespace {

void usage(std::ostream& out) {
    out << "usage: cccd-scan parse [--address-table FILE] < payloads.txt\n"
           "       cccd-scan decode [--json] [--address-table FILE] IMAGE...\n"
           "  parse   read card QR payloads (one per line, UTF-8) from stdin and write one JSON\n"
           "          object per line: {ok, format, fields, checks, warnings, errors, repaired}\n"
           "  decode  read the QR code in each image (PNG, JPEG, ...); with --json one object per image:\n"
           "          {file, found, status, text, corners: [{x, y}], version, ecLevel, ms, card, message, …}\n"
           "  --address-table FILE  the old -> new address table (data/address2025.tsv; default: $CCCD_ADDRESS_TABLE,\n"
           "          else the one this build was made with): fields.address2025 in each card;\n"
           "          --no-address-table leaves it null\n";
}

}  // namespace

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    if (argc >= 2 && (std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0)) {
        usage(std::cout);
        return 0;
    }
    const bool parse = argc >= 2 && std::strcmp(argv[1], "parse") == 0;
    if (parse || (argc >= 2 && std::strcmp(argv[1], "decode") == 0)) {
        std::vector<std::string> args(argv + 2, argv + argc);
        cccd::Address2025Table addresses;
        if (!cccd::cli::load_address_table(args, addresses, std::cerr)) return 2;
        if (!parse) return cccd::cli::run_decode(args, std::cout, std::cerr, &addresses);
        if (!args.empty()) {
            usage(std::cerr);
            return 64;
        }
        return cccd::cli::run_parse(std::cin, std::cout, &addresses);
    }
    usage(std::cerr);
    return 64;  // EX_USAGE
}
