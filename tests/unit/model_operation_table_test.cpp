// The operation table (server/model/operation_table.hpp), against the variant and the schema:
// every kind has an entry with a wire name and a role rule, every schema example of every kind
// round-trips decode → encode → decode, and each entry's fields (names, which are required,
// which may be null, the limits) are the ones operation.schema.json describes.
#include "model/operation_table.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <set>
#include <string>

using nlohmann::json;
using namespace jb::model;

namespace {

// Calls f(spec) for the entry of every kind of the operation variant.
template <class F>
void for_each_kind(F&& f) {
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        (f(op_table::spec_of<std::variant_alternative_t<I, operation>>), ...);
    }(std::make_index_sequence<std::variant_size_v<operation>>{});
}

json read_schema(const std::string& name) {
    std::ifstream in(std::string(JB_SOURCE_DIR) + "/schemas/" + name);
    REQUIRE(in);
    return json::parse(in);
}

const json& operation_schema() {
    static const json s = read_schema("operation.schema.json");
    return s;
}

// Each kind's schema definition, by wire name (its title).
std::map<std::string, json> schema_kinds() {
    std::map<std::string, json> out;
    for (const auto& [key, def] : operation_schema()["$defs"].items())
        if (def.contains("title")) out[def["title"].get<std::string>()] = def;
    return out;
}

// A property's schema with its `$ref`s into common.schema.json resolved (its own keywords win),
// and whether it allows null (an anyOf/oneOf with a null branch).
struct property {
    json schema;
    bool nullable = false;
};
json resolve(const json& s) {
    static const json common = read_schema("common.schema.json");
    json out = json::object();
    if (s.contains("$ref")) {
        const std::string ref = s["$ref"];
        out = resolve(common["$defs"][ref.substr(ref.rfind('/') + 1)]);
    }
    for (const auto& [k, v] : s.items())
        if (k != "$ref" && k != "description") out[k] = v;
    return out;
}
property read_property(const json& s) {
    property p{resolve(s)};
    for (const char* union_kind : {"anyOf", "oneOf"}) {
        if (!p.schema.contains(union_kind)) continue;
        json other;
        for (const auto& branch : p.schema[union_kind]) {
            if (branch.value("type", "") == "null") p.nullable = true;
            else other = branch;
        }
        if (p.nullable) p.schema = resolve(other);
    }
    return p;
}

// A score.set as others than its sender get it: without its value, which a client must send
// (the schema's own words). Not an op a client may send, so not one that round-trips.
bool others_event_form(const json& example) {
    return example["kind"] == "score.set" && !example.contains("value");
}

bool may_be_null(presence how) {
    return how == presence::nullable || how == presence::clearable || how == presence::absent_or_null;
}

}  // namespace

TEST_CASE("P-MSG-1 P-ROLE-2 every kind of the variant has a table entry with a wire name and a role rule",
          "[model]") {
    std::set<std::string> names;
    std::size_t kinds = 0;
    for_each_kind([&](const auto& s) {
        ++kinds;
        const std::string name(s.name);
        INFO(name);
        CHECK_FALSE(name.empty());
        CHECK(names.insert(name).second);  // no two entries share a name
        CHECK((s.who == audience::facilitator || s.who == audience::editors || s.who == audience::voters));
        // The decoder finds the kind by its name: its fields are missing, the kind is known.
        auto decoded = decode_operation(json{{"kind", name}});
        if (auto* e = std::get_if<op_error>(&decoded)) CHECK(e->code != "unknown_type");
        // kind_name and who_may of a decoded op are the entry's.
        for (const auto& [title, def] : schema_kinds()) {
            if (title != name) continue;
            for (const auto& example : def["examples"]) {
                if (others_event_form(example)) continue;
                auto op = decode_operation(example, example.contains("private"));
                REQUIRE(std::holds_alternative<operation>(op));
                CHECK(kind_name(std::get<operation>(op)) == name);
                CHECK(who_may(std::get<operation>(op)) == s.who);
            }
        }
    });
    CHECK(kinds == std::variant_size_v<operation>);
    CHECK(names.size() == std::variant_size_v<operation>);
}

TEST_CASE("P-MSG-1 every kind round-trips decode, encode, decode with every example of the schema",
          "[model]") {
    std::set<std::string> table_names, tried;
    for_each_kind([&](const auto& s) { table_names.insert(std::string(s.name)); });

    std::vector<json> examples = operation_schema()["examples"];
    for (const auto& [title, def] : schema_kinds())
        for (const auto& example : def.value("examples", json::array())) examples.push_back(example);
    for (const auto& example : examples) {
        INFO(example.dump());
        if (others_event_form(example)) {
            auto refused = decode_operation(example);
            REQUIRE(std::holds_alternative<op_error>(refused));
            CHECK(std::get<op_error>(refused).message == "op.value: missing");
            continue;
        }
        const bool from_log = example.contains("private");  // only the server writes it
        auto first = decode_operation(example, from_log);
        if (auto* e = std::get_if<op_error>(&first)) FAIL(e->code << " " << e->message);
        const json encoded = encode_operation(std::get<operation>(first));
        CHECK(encoded == example);  // the examples are in the canonical form
        auto second = decode_operation(encoded, true);
        REQUIRE(std::holds_alternative<operation>(second));
        CHECK(encode_operation(std::get<operation>(second)) == encoded);
        tried.insert(example["kind"].get<std::string>());
    }
    // A kind without an example, or a schema kind the table lacks, fails here.
    CHECK(tried == table_names);
}

TEST_CASE("P-MSG-1 each table entry has the fields, required fields, nulls and limits of its schema",
          "[model]") {
    const auto kinds = schema_kinds();
    for_each_kind([&](const auto& s) {
        const std::string kind(s.name);
        INFO(kind);
        REQUIRE(kinds.count(kind) == 1);
        const json& def = kinds.at(kind);
        std::set<std::string> schema_fields, table_fields;
        for (const auto& [name, _] : def["properties"].items())
            if (name != "kind") schema_fields.insert(name);
        const std::set<std::string> schema_required(def["required"].begin(), def["required"].end());
        CHECK(def["additionalProperties"] == false);

        std::apply([&](const auto&... f) {
            ([&](const auto& field) {
                const std::string name(field.name);
                INFO(kind << "." << name);
                table_fields.insert(name);
                if (!def["properties"].contains(name)) return;
                const property p = read_property(def["properties"][name]);
                const bool required = field.how == presence::required || field.how == presence::nullable;
                // score.set's value: required from a client, left out of the events others get.
                if (kind != "score.set" || name != "value") CHECK(schema_required.count(name) == required);
                CHECK(p.nullable == may_be_null(field.how));
                if constexpr (requires { field.codec.min + field.codec.max; }) {
                    const bool items = p.schema.contains("minItems") || p.schema.contains("maxItems");
                    CHECK(p.schema.value(items ? "minItems" : "minimum", json(0)) == field.codec.min);
                    CHECK(p.schema.value(items ? "maxItems" : "maximum", json()) == field.codec.max);
                } else if constexpr (requires { field.codec.max; }) {
                    CHECK(p.schema.value("maxLength", json()) == field.codec.max);
                }
            }(f), ...);
        }, s.fields);
        CHECK(table_fields == schema_fields);
    });
    std::size_t table_kinds = 0;
    for_each_kind([&](const auto&) { ++table_kinds; });
    CHECK(kinds.size() == table_kinds);
}
