#include "cccd/card_json.hpp"

#include "cccd/json_writer.hpp"

namespace cccd {
namespace {

void string_or_null(JsonWriter& w, const char* key, const std::string& s) {
    w.key(key);
    if (s.empty()) w.null(); else w.value(s);
}

void date_or_null(JsonWriter& w, const char* key, const std::optional<Date>& d) {
    w.key(key);
    if (d) w.value(to_iso(*d)); else w.null();
}

void string_array(JsonWriter& w, const char* key, const std::vector<std::string>& items) {
    w.key(key).begin_array();
    for (const auto& s : items) w.value(s);
    w.end_array();
}

void params(JsonWriter& w, const Params& list) {
    w.key("params").begin_object();
    for (const auto& [name, value] : list) w.key(name).value(value);
    w.end_object();
}

void problems(JsonWriter& w, const char* key, const std::vector<Problem>& list) {
    w.key(key).begin_array();
    for (const auto& p : list) {
        w.begin_object().key("field").value(p.field).key("code").value(p.code);
        params(w, p.params);
        w.key("message").value(p.message).end_object();
    }
    w.end_array();
}

void address_parts(JsonWriter& w, const AddressParts& a) {
    w.key("addressParts").begin_object();
    w.key("street").value(a.street);
    w.key("ward").value(a.ward);
    w.key("district").value(a.district);
    w.key("province").value(a.province);
    string_or_null(w, "provinceCode", a.provinceCode);
    string_or_null(w, "provinceName", a.provinceName);
    string_or_null(w, "provinceSince2025", a.provinceSince2025);
    w.end_object();
}

void new_commune(JsonWriter& w, const NewCommune& c) {
    string_or_null(w, "commune", c.commune);
    string_or_null(w, "communeCode", c.communeCode);
    string_or_null(w, "province", c.province);
    string_or_null(w, "provinceCode", c.provinceCode);
}

void address_2025_object(JsonWriter& w, const Address2025& a) {
    w.begin_object().key("match").value(to_string(a.match));
    new_commune(w, a.place);
    string_or_null(w, "address", a.address);
    w.key("candidates").begin_array();
    for (const NewCommune& c : a.candidates) {
        w.begin_object();
        new_commune(w, c);
        w.end_object();
    }
    w.end_array();
    string_or_null(w, "reason", a.reason);
    w.end_object();
}

// null until an address table is loaded (docs/address-2025.md).
void address_2025(JsonWriter& w, const std::optional<Address2025>& a) {
    w.key("address2025");
    if (a) address_2025_object(w, *a);
    else w.null();
}

}  // namespace

std::string to_json(const Address2025& address) {
    JsonWriter w;
    address_2025_object(w, address);
    return w.str();
}

std::string to_json(const CardResult& card) {
    JsonWriter w(4096);
    w.begin_object();
    w.key("ok").value(card.ok);
    w.key("format").value(card.format);
    const CardFields& f = card.fields;
    w.key("fields").begin_object();
    w.key("id").value(f.id);
    w.key("oldId").value(f.oldId);
    w.key("name").value(f.name);
    date_or_null(w, "dateOfBirth", f.dateOfBirth);
    string_or_null(w, "sex", f.sex);
    w.key("sexText").value(f.sexText);
    w.key("address").value(f.address);
    address_parts(w, f.addressParts);
    address_2025(w, f.address2025);
    date_or_null(w, "issueDate", f.issueDate);
    string_array(w, "extra", f.extra);
    w.end_object();
    w.key("checks").begin_array();
    for (const auto& c : card.checks) {
        w.begin_object().key("name").value(c.name).key("ok").value(c.ok).key("code").value(c.code);
        params(w, c.params);
        w.key("detail").value(c.detail).key("skipped").value(c.skipped).end_object();
    }
    w.end_array();
    problems(w, "warnings", card.warnings);
    problems(w, "errors", card.errors);
    w.key("repaired").value(card.repaired);
    string_array(w, "rawFields", card.rawFields);
    w.end_object();
    return w.take();
}

}  // namespace cccd
