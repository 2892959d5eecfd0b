#pragma once
// A card's address as today's commune and province: since 1 July 2025 Vietnam has 34 provinces, no
// districts and 3,321 communes (Nghị quyết 202/2025/QH15; codes of QĐ 19/2025/QĐ-TTg: province 2 digits,
// commune 5). Cards issued before keep the old address. The old -> new table (data/address2025.tsv, built
// by tools/address2025/build_table.py from the official conversion table; see NOTICE) is not compiled in:
// the caller loads it (from disk in the CLI, as a separate asset in the browser) and passes it here.
#include <string>
#include <string_view>
#include <vector>

namespace cccd {

struct AdminUnit {
    std::string code;
    std::string name;     // without its unit word: "Hải Châu", "1" (Phường 1)
    std::string type;     // tinh | tp (provinces), huyen | quan | tx | tp (districts), xa | phuong | tt | dackhu
    std::string parent;   // the district (old communes), the province (districts, new communes)
    std::string key;      // match_key(name) without marks: names are compared on it
    std::string exactKey; // with marks: "Sa Pa" and "Sa Pả" are two communes of one district
};

struct OldCommune {
    AdminUnit unit;
    std::vector<std::string> newCodes;  // the communes it went to (several: it was split)
    std::vector<std::string> formerKeys;  // earlier names (2023-2025 rounds), as keys without marks
};

struct Address2025Table {
    std::vector<AdminUnit> newProvinces, newCommunes, oldProvinces, oldDistricts;
    std::vector<OldCommune> oldCommunes;
    std::vector<std::pair<std::string, std::vector<std::string>>> wholeDistricts;  // district -> new commune
    bool empty() const { return newCommunes.empty(); }
};

// Parses the table's text (address2025.tsv). False with a message on malformed input; the table is then
// left empty.
bool load_address2025(std::string_view tsv, Address2025Table& table, std::string& error);

struct NewCommune {
    std::string commune;       // "Phường Hải Châu"
    std::string communeCode;   // "20194"
    std::string province;      // "Thành phố Đà Nẵng"
    std::string provinceCode;  // "48"
};

enum class Address2025Match { one, ambiguous, already_new, unknown };
const char* to_string(Address2025Match m);  // "one", "ambiguous", "already-new", "unknown"

struct Address2025 {
    Address2025Match match = Address2025Match::unknown;
    NewCommune place;             // one, already-new: the commune; ambiguous: the province when all share it
    std::string address;          // one, already-new: the street part, then the commune and province
    std::vector<NewCommune> candidates;  // ambiguous: every commune the old one went to; one: that one
    std::string reason;           // unknown: why, in English
};

// The address, written before or after the reform, as today's commune and province. An old commune split
// between several new ones gives `ambiguous` with every candidate; nothing is guessed.
Address2025 map_address_2025(const Address2025Table& table, std::string_view address);

}  // namespace cccd
