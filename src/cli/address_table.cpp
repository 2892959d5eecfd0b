#include "cli/address_table.hpp"

#include <cstdlib>
#include <fstream>
#include <iterator>

namespace cccd::cli {

bool load_address_table(std::vector<std::string>& args, Address2025Table& table, std::ostream& err) {
    std::string path;
    bool explicitPath = false, none = false;
    for (size_t i = 0; i < args.size();) {
        if (args[i] == "--address-table" && i + 1 < args.size()) {
            path = args[i + 1];
            explicitPath = true;
            args.erase(args.begin() + static_cast<long>(i), args.begin() + static_cast<long>(i) + 2);
        } else if (args[i] == "--no-address-table") {
            none = true;
            args.erase(args.begin() + static_cast<long>(i));
        } else {
            ++i;
        }
    }
    if (none) return true;
    if (!explicitPath) {
        const char* env = std::getenv("CCCD_ADDRESS_TABLE");
        explicitPath = env != nullptr && *env != '\0';
        path = explicitPath ? env : CCCD_DEFAULT_ADDRESS_TABLE;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        if (explicitPath) {
            err << "cccd-scan: cannot read the address table " << path << "\n";
            return false;
        }
        err << "cccd-scan: no address table at " << path << ": address2025 stays null (--address-table FILE)\n";
        return true;
    }
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::string error;
    if (!load_address2025(text, table, error)) {
        err << "cccd-scan: " << path << ": " << error << "\n";
        return false;
    }
    return true;
}

}  // namespace cccd::cli
