#include "cccd/address2025.hpp"

#include <algorithm>
#include <span>

#include "cccd/address.hpp"
#include "cccd/nfc.hpp"
#include "cccd/provinces.hpp"

namespace cccd {
namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    size_t start = 0;
    for (size_t i = 0; i <= s.size(); ++i)
        if (i == s.size() || s[i] == sep) {
            out.push_back(s.substr(start, i - start));
            start = i + 1;
        }
    return out;
}

// Spaces collapsed, "Ba Ria - Vung Tau" written "Ba Ria-Vung Tau", and numbers without leading zeros
// ("Phường 01" is Phường 1).
std::string tidy(std::string_view key) {
    std::string out;
    for (char c : key) {
        if (c == ' ' && (out.empty() || out.back() == ' ' || out.back() == '-')) continue;
        if (c == '-' && !out.empty() && out.back() == ' ') out.pop_back();
        out += c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    if (!out.empty() && std::all_of(out.begin(), out.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        const size_t nz = out.find_first_not_of('0');
        out = nz == std::string::npos ? "0" : out.substr(nz);
    }
    return out;
}

// A dot ends a word: "P.Hải Châu", "TT.Yên Viên", "Q.1", "N.T Phong Hải".
std::string spaced_dots(std::string_view key) {
    std::string spaced;
    for (char c : key) {
        spaced += c;
        if (c == '.') spaced += ' ';
    }
    return spaced;
}

std::string plain_key(std::string_view name) { return tidy(match_key(spaced_dots(name), true)); }
std::string exact_key(std::string_view name) { return tidy(spaced_dots(match_key(name, false))); }

AdminUnit unit(std::string_view code, std::string_view name, std::string_view type, std::string_view parent) {
    return {std::string(code), std::string(name), std::string(type), std::string(parent), plain_key(name), exact_key(name)};
}

// A unit word at the start of an address part, as cards and forms write it (full, abbreviated, without
// diacritics), and the type it names. Compared word by word with marks when the part has any ("Phường
// Phúc Xá" names a ward, "Phương Liên" is a name), else without.
struct UnitWord {
    std::string_view words;  // one or two words, lower case
    std::string_view type;
    int level;  // 0 commune, 1 district
};
constexpr UnitWord kUnitWords[] = {
    {"thị trấn", "tt", 0}, {"đặc khu", "dackhu", 0}, {"phường", "phuong", 0}, {"xã", "xa", 0},
    {"thi tran", "tt", 0}, {"dac khu", "dackhu", 0}, {"phuong", "phuong", 0}, {"xa", "xa", 0},
    {"p.", "phuong", 0},   {"x.", "xa", 0},          {"tt.", "tt", 0},         {"tt", "tt", 0},
    {"thị xã", "tx", 1},   {"quận", "quan", 1},      {"huyện", "huyen", 1},    {"thành phố", "tp", 1},
    {"thi xa", "tx", 1},   {"quan", "quan", 1},      {"huyen", "huyen", 1},    {"thanh pho", "tp", 1},
    {"q.", "quan", 1},     {"h.", "huyen", 1},       {"tx.", "tx", 1},         {"tx", "tx", 1},
    {"tp.", "tp", 1},      {"tp", "tp", 1}};

struct Named {
    std::string type;  // from the unit word, empty without one
    std::string plain, exact;  // the name after the unit word
    std::string wholePlain, wholeExact;  // the part as a whole: "Xa Dung" may be a name
    bool marked = false;  // written with diacritics: then "Nga Thanh" is not "Nga Thành"
};

// A province as written, without its unit word: "Tỉnh Lào Cai" -> "lao cai".
std::string named_province(std::string_view text) {
    std::string key = plain_key(text);
    for (std::string_view w : {"thanh pho ", "tinh ", "tp. ", "tp."})
        if (key.starts_with(w)) return tidy(key.substr(w.size()));
    return key;
}

bool ascii_only(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// "Phường Hải Châu" -> {phuong, "hai chau", "hải châu"}; "P.1" -> {phuong, "1", "1"}; "Hải Châu" -> {"", …}.
// marked: the address is written with diacritics (a part without any, "Nga Thanh", is then exactly that).
Named named(std::string_view part, int level, bool marked = true) {
    const std::string spaced = spaced_dots(match_key(part, false));
    Named n{"", tidy(match_key(spaced, true)), tidy(spaced), "", "", marked};
    n.wholePlain = n.plain, n.wholeExact = n.exact;
    const bool partMarked = has_diacritics(part);
    for (const UnitWord& u : kUnitWords) {
        const bool abbreviation = u.words.find('.') != std::string_view::npos || u.words == "tt" || u.words == "tx" || u.words == "tp";
        if (u.level != level || (!abbreviation && ascii_only(u.words) == partMarked)) continue;
        const std::string w(u.words);
        if (spaced.size() <= w.size() || spaced.compare(0, w.size(), w) != 0 || spaced[w.size()] != ' ') continue;
        const std::string rest = spaced.substr(w.size() + 1);
        if (tidy(rest).empty()) continue;
        n.type = std::string(u.type);
        n.plain = tidy(match_key(rest, true));
        n.exact = tidy(rest);
        break;
    }
    return n;
}

// The units whose names match: with marks when the text has them (two communes of a district may differ
// only in marks), failing that or without them, on the names without marks; then those of the named
// type, when that leaves any.
const AdminUnit& unit_of(const AdminUnit& u) { return u; }
const AdminUnit& unit_of(const OldCommune& c) { return c.unit; }

template <typename T>
std::vector<const T*> matching(std::vector<const T*> pool, const Named& n, bool withFormer = false) {
    std::vector<const T*> out;
    if (n.marked)
        for (const T* u : pool)
            if (unit_of(*u).exactKey == n.exact) out.push_back(u);
    if (out.empty())
        for (const T* u : pool)
            if (unit_of(*u).key == n.plain) out.push_back(u);
    if constexpr (std::is_same_v<T, OldCommune>) {
        if (out.empty() && withFormer)
            for (const T* u : pool)
                if (std::find(u->formerKeys.begin(), u->formerKeys.end(), n.plain) != u->formerKeys.end()) out.push_back(u);
    }
    // What read as a unit word may be the start of a name written without marks ("Xa Dung").
    if (out.empty() && !n.type.empty()) return matching(std::move(pool), Named{"", n.wholePlain, n.wholeExact, n.wholePlain, n.wholeExact, n.marked}, withFormer);
    if (!n.type.empty()) {
        std::vector<const T*> typed;
        for (const T* u : out)
            if (unit_of(*u).type == n.type) typed.push_back(u);
        if (!typed.empty()) return typed;
    }
    return out;
}

// The source writes numbered units with their word ("Phường 1", "Quận 12"): the name is the number.
AdminUnit numbered(AdminUnit u, int level) {
    const Named n = named(u.name, level);
    if (!n.type.empty() && !n.plain.empty() && std::all_of(n.plain.begin(), n.plain.end(), [](char c) { return c >= '0' && c <= '9'; }))
        u.name = u.key = u.exactKey = n.plain;
    return u;
}

const AdminUnit* by_code(const std::vector<AdminUnit>& units, std::string_view code) {
    const auto it = std::lower_bound(units.begin(), units.end(), code, [](const AdminUnit& u, std::string_view c) { return u.code < c; });
    return it != units.end() && it->code == code ? &*it : nullptr;
}

std::string commune_word(std::string_view type) {
    if (type == "phuong") return "Phường ";
    if (type == "dackhu") return "Đặc khu ";
    if (type == "tt") return "Thị trấn ";
    return "Xã ";
}

std::string province_word(std::string_view type) { return type == "tp" ? "Thành phố " : "Tỉnh "; }

NewCommune describe(const Address2025Table& t, const AdminUnit& c) {
    NewCommune n;
    n.commune = commune_word(c.type) + c.name;
    n.communeCode = c.code;
    if (const AdminUnit* p = by_code(t.newProvinces, c.parent)) {
        n.province = province_word(p->type) + p->name;
        n.provinceCode = p->code;
    }
    return n;
}

std::string with_street(const std::string& street, const NewCommune& c) {
    std::string out = street;
    for (const std::string* s : {&c.commune, &c.province}) {
        if (s->empty()) continue;
        if (!out.empty()) out += ", ";
        out += *s;
    }
    return out;
}

Address2025 unknown(std::string reason) {
    Address2025 r;
    r.reason = std::move(reason);
    return r;
}

// The result for a set of new communes (in the order found, without repeats).
Address2025 result_for(const Address2025Table& t, const std::vector<std::string>& codes, const std::string& street,
                       Address2025Match single) {
    Address2025 r;
    for (const std::string& code : codes)
        if (const AdminUnit* c = by_code(t.newCommunes, code)) r.candidates.push_back(describe(t, *c));
    if (r.candidates.empty()) return unknown("the table names no commune the old one went to");
    if (r.candidates.size() == 1) {
        r.match = single;
        r.place = r.candidates[0];
        r.address = with_street(street, r.place);
        return r;
    }
    r.match = Address2025Match::ambiguous;
    const bool oneProvince = std::all_of(r.candidates.begin(), r.candidates.end(),
                                         [&](const NewCommune& c) { return c.provinceCode == r.candidates[0].provinceCode; });
    if (oneProvince) r.place.province = r.candidates[0].province, r.place.provinceCode = r.candidates[0].provinceCode;
    return r;
}

void add_codes(std::vector<std::string>& codes, const std::vector<std::string>& more) {
    for (const std::string& c : more)
        if (std::find(codes.begin(), codes.end(), c) == codes.end()) codes.push_back(c);
}

// The old communes of these districts.
std::vector<const OldCommune*> communes_of(const Address2025Table& t, const std::vector<const AdminUnit*>& districts) {
    std::vector<const OldCommune*> pool;
    for (const OldCommune& c : t.oldCommunes)
        if (std::any_of(districts.begin(), districts.end(), [&](const AdminUnit* d) { return d->code == c.unit.parent; }))
            pool.push_back(&c);
    return pool;
}

// The new communes of the old ones named so in these districts (by name, then by former name).
std::vector<std::string> old_communes(const Address2025Table& t, const std::vector<const AdminUnit*>& districts, const Named& name) {
    std::vector<std::string> codes;
    for (const OldCommune* c : matching(communes_of(t, districts), name, true)) add_codes(codes, c->newCodes);
    return codes;
}

// The new communes of the one old commune of these districts with this name, when there is exactly one.
std::vector<std::string> only_one(const Address2025Table& t, const std::vector<const AdminUnit*>& districts, const Named& name) {
    Named untyped = name;
    untyped.type.clear();  // its type may have changed with the move (xã -> phường)
    const auto found = matching(communes_of(t, districts), untyped);
    return found.size() == 1 ? found[0]->newCodes : std::vector<std::string>{};
}

}  // namespace

const char* to_string(Address2025Match m) {
    switch (m) {
        case Address2025Match::one: return "one";
        case Address2025Match::ambiguous: return "ambiguous";
        case Address2025Match::already_new: return "already-new";
        case Address2025Match::unknown: break;
    }
    return "unknown";
}

bool load_address2025(std::string_view tsv, Address2025Table& t, std::string& error) {
    t = {};
    int lineNo = 0;
    for (std::string_view line : split(tsv, '\n')) {
        ++lineNo;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line[0] == '#') continue;
        const std::vector<std::string_view> f = split(line, '\t');
        const auto bad = [&](const char* why) {
            error = "address table line " + std::to_string(lineNo) + ": " + why;
            t = {};
            return false;
        };
        const std::string_view kind = f[0];
        if ((kind == "P" || kind == "p") && f.size() == 4) (kind == "P" ? t.newProvinces : t.oldProvinces).push_back(unit(f[1], f[2], f[3], ""));
        else if (kind == "W" && f.size() == 5) t.newCommunes.push_back(numbered(unit(f[1], f[2], f[3], f[4]), 0));
        else if (kind == "d" && f.size() == 5) t.oldDistricts.push_back(numbered(unit(f[1], f[2], f[3], f[4]), 1));
        else if (kind == "w" && f.size() == 7) {
            OldCommune c{numbered(unit(f[1], f[2], f[3], f[4]), 0), {}, {}};
            for (std::string_view code : split(f[5], ','))
                if (!code.empty()) c.newCodes.emplace_back(code);
            for (std::string_view former : split(f[6], ';'))
                if (!former.empty()) c.formerKeys.push_back(numbered(unit("", former, c.unit.type, ""), 0).key);
            if (c.newCodes.empty()) return bad("an old commune without new communes");
            t.oldCommunes.push_back(std::move(c));
        } else if (kind == "D" && f.size() == 3) {
            std::vector<std::string> codes;
            for (std::string_view code : split(f[2], ',')) codes.emplace_back(code);
            t.wholeDistricts.emplace_back(std::string(f[1]), std::move(codes));
        } else {
            return bad("not a record of the address table");
        }
    }
    for (auto* units : {&t.newProvinces, &t.newCommunes, &t.oldProvinces, &t.oldDistricts})
        std::sort(units->begin(), units->end(), [](const AdminUnit& a, const AdminUnit& b) { return a.code < b.code; });
    if (t.newProvinces.empty() || t.newCommunes.empty() || t.oldCommunes.empty()) {
        error = "the address table is empty";
        t = {};
        return false;
    }
    return true;
}

Address2025 map_address_2025(const Address2025Table& t, std::string_view address) {
    if (t.empty()) return unknown("the address table is not loaded");
    const bool marked = has_diacritics(address);
    std::vector<std::string_view> parts = split_commas(address);
    if (!parts.empty() && is_country(parts.back())) parts.pop_back();
    if (parts.empty()) return unknown("no province in the address");
    const ProvinceMatch pm = province_by_name(parts.back());
    const std::string provinceText(parts.back());
    if (!pm.province) return unknown("province not recognised: " + provinceText);
    parts.pop_back();
    if (parts.empty()) return unknown("no commune in the address");
    // Province codes: three digits in the personal number (provinces.hpp), two in the table; the same code.
    const std::string provinceCode(pm.province->code.substr(pm.province->code.size() - 2));
    // Today's province of that name, if any: codes moved ("Lào Cai" is 15 since 2025, Yên Bái's code), and
    // some names too ("Huế", which province_by_name knows as Thừa Thiên Huế).
    const AdminUnit* newProvince = nullptr;
    const std::string writtenKey = named_province(provinceText), oldKey = plain_key(pm.province->name);
    for (const AdminUnit& p : t.newProvinces)
        if (p.key == writtenKey || p.key == oldKey) newProvince = &p;
    std::vector<const AdminUnit*> districts;
    for (const AdminUnit& d : t.oldDistricts)
        if (d.parent == provinceCode) districts.push_back(&d);
    if (districts.empty()) return unknown("province not in the address table: " + provinceText);
    const auto street = [&](size_t end) { return join(std::span(parts).first(end)); };
    const size_t n = parts.size();

    // The part before the province read as a district of the old province.
    const Named districtName = named(parts[n - 1], 1, marked);
    const std::vector<const AdminUnit*> asDistrict = matching(districts, districtName);

    // 1. The old way: "commune, district" before the province (with or without unit words, as chip cards
    // print them: "Hải Châu, Hải Hậu, Nam Định").
    const std::vector<const AdminUnit*> inDistrict = n >= 2 ? asDistrict : std::vector<const AdminUnit*>{};
    if (!inDistrict.empty()) {
        const Named commune = named(parts[n - 2], 0, marked);
        std::vector<std::string> codes = old_communes(t, inDistrict, commune);
        // Not in that district any more: moved in the 2023-2025 rounds to a district made then (Xã Phượng
        // Sơn of Huyện Lục Ngạn is Phường Phượng Sơn of Thị xã Chũ since 2025). Taken only when the
        // province has exactly one commune of that name.
        if (codes.empty()) codes = only_one(t, districts, commune);
        if (!codes.empty()) return result_for(t, codes, street(n - 2), Address2025Match::one);
    }
    // A district alone (island districts have no communes) went whole into one new unit.
    {
        std::vector<std::string> codes;
        for (const AdminUnit* d : asDistrict)
            for (const auto& [code, to] : t.wholeDistricts)
                if (code == d->code) add_codes(codes, to);
        if (!codes.empty()) return result_for(t, codes, street(n - 1), Address2025Match::one);
    }
    // 2. The new way: a commune of the province as it is today, no district.
    const Named last = named(parts[n - 1], 0, marked);
    if (newProvince) {
        std::vector<const AdminUnit*> pool;
        for (const AdminUnit& c : t.newCommunes)
            if (c.parent == newProvince->code) pool.push_back(&c);
        const auto found = matching(pool, last);
        if (!found.empty()) {
            std::vector<std::string> codes;
            for (const AdminUnit* c : found) codes.push_back(c->code);
            return result_for(t, codes, street(n - 1), Address2025Match::already_new);
        }
    }
    // 3. An old commune anywhere in the province when no district is written: "Xã X, Tỉnh P" (its unit
    // word says it is a commune) or that name alone. A district written but not in the province (or not
    // in the table) is not searched around: a commune of the same name elsewhere would be a guess.
    const bool districtWritten = n >= 2 && (!inDistrict.empty() || !districtName.type.empty());
    if (!districtWritten && (!last.type.empty() || n == 1)) {
        std::vector<std::string> codes = old_communes(t, districts, last);
        if (!codes.empty()) return result_for(t, codes, street(n - 1), Address2025Match::one);
    }
    const std::string lastText(parts[n - 1]);
    if (districtWritten && inDistrict.empty()) return unknown("no district " + lastText + " in " + provinceText);
    if (districtWritten) return unknown("no commune " + std::string(parts[n - 2]) + " in " + lastText + ", " + provinceText);
    return unknown("no commune " + lastText + " in " + provinceText);
}

}  // namespace cccd
