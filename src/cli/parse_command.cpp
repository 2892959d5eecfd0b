#include "cli/parse_command.hpp"

#include <istream>
#include <ostream>
#include <string>

#include "cccd/card_json.hpp"
#include "cccd/parse_card.hpp"
#include "cccd/payload.hpp"

namespace cccd::cli {
namespace {

// Reads one line but keeps at most `limit` bytes of it, so a 1 GB line cannot exhaust memory.
bool read_line_bounded(std::istream& in, std::string& line, size_t limit, size_t& total) {
    line.clear();
    total = 0;
    std::streambuf* sb = in.rdbuf();
    for (;;) {
        const int c = sb->sbumpc();
        if (c == std::char_traits<char>::eof()) {
            in.setstate(std::ios::eofbit);
            return total > 0;
        }
        if (c == '\n') return true;
        if (line.size() < limit) line.push_back(static_cast<char>(c));
        ++total;
    }
}

}  // namespace

int run_parse(std::istream& in, std::ostream& out, const Address2025Table* addresses) {
    const Date today = today_in_vietnam();
    std::string line;
    size_t length = 0;
    // A little over the limit is kept: the parser trims a BOM and white space, then sees what is too long.
    while (read_line_bounded(in, line, kMaxPayloadBytes + 16, length)) {
        out << to_json(parse_card(line, today, addresses)) << '\n';
        if (!out) return 2;
    }
    out.flush();
    return out ? 0 : 2;
}

}  // namespace cccd::cli
