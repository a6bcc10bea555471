// decode_operation, encode_operation, kind_name and who_may, all derived from the operation
// table (operation_table.hpp): protocol.md "Operations", P-MSG-1.

#include "model/operation_table.hpp"

#include <array>
#include <cstddef>
#include <string>
#include <utility>

namespace jb::model {
namespace {

template <std::size_t I>
using kind_at = std::variant_alternative_t<I, operation>;
constexpr std::size_t kind_count = std::variant_size_v<operation>;

template <class Op>
constexpr const auto& spec_for() {
    static_assert(!std::is_same_v<std::remove_cvref_t<decltype(op_table::spec_of<Op>)>, op_table::no_spec>,
                  "every kind of the operation variant needs its entry in operation_table.hpp");
    return op_table::spec_of<Op>;
}

// The keys an op of this kind may carry: "kind" and its fields (`private` only from the log).
template <class Op>
constexpr auto wire_keys(bool from_log) {
    constexpr const auto& s = spec_for<Op>();
    std::array<std::string_view, 1 + std::tuple_size_v<decltype(s.fields)>> keys{"kind"};
    std::size_t i = 1;
    std::apply([&](const auto&... f) {
        ((keys[i++] = f.how != presence::logged_only || from_log ? f.name : "kind"), ...);
    }, s.fields);
    return keys;
}

// "op: needs title or orderKey", unless one of the update's optional fields is there.
template <class Op>
void require_a_change(field_reader& r) {
    std::vector<std::string_view> names;
    bool any = false;
    std::apply([&](const auto&... f) {
        ((f.how == presence::optional || f.how == presence::clearable
              ? (names.push_back(f.name), any = any || r.has(f.name))
              : false), ...);
    }, spec_for<Op>().fields);
    if (any) return;
    std::string list;
    for (std::size_t i = 0; i < names.size(); ++i)
        list += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + std::string(names[i]);
    r.fail("bad_message", "", "needs " + list);
}

template <class Op>
operation decode_kind(field_reader& r, bool from_log) {
    constexpr const auto& s = spec_for<Op>();
    static constexpr auto client_keys = wire_keys<Op>(false), log_keys = wire_keys<Op>(true);
    r.allow_only(from_log ? std::span<const std::string_view>(log_keys) : client_keys);
    Op op;
    std::apply([&](const auto&... f) { (f.read(r, op, from_log), ...); }, s.fields);
    if (s.needs_a_change) require_a_change<Op>(r);
    if (s.also && r.ok()) s.also(r, op);
    return op;
}

using decoder = operation (*)(field_reader&, bool);

// The wire name → decoder map, in the variant's order, built at compile time.
constexpr auto decoders = []<std::size_t... I>(std::index_sequence<I...>) {
    return std::array<std::pair<std::string_view, decoder>, kind_count>{
        {{spec_for<kind_at<I>>().name, &decode_kind<kind_at<I>>}...}};
}(std::make_index_sequence<kind_count>{});

constexpr bool names_are_distinct() {
    for (std::size_t i = 0; i < decoders.size(); ++i) {
        if (decoders[i].first.empty()) return false;
        for (std::size_t k = i + 1; k < decoders.size(); ++k)
            if (decoders[i].first == decoders[k].first) return false;
    }
    return true;
}
static_assert(names_are_distinct(), "two entries of operation_table.hpp share a wire name, or one has none");

}  // namespace

std::variant<operation, op_error> decode_operation(const nlohmann::json& op, bool from_log) {
    if (!op.is_object()) return op_error{"bad_message", "op: must be an object"};
    const auto kind = op.find("kind");
    if (kind == op.end()) return op_error{"bad_message", "op.kind: missing"};
    if (!kind->is_string()) return op_error{"bad_message", "op.kind: must be a string"};
    const auto& name = kind->get_ref<const std::string&>();
    for (const auto& [kind_name, decode] : decoders) {
        if (kind_name != name) continue;
        field_reader r(op, "op.");
        operation result = decode(r, from_log);
        if (!r.ok()) return *r.error();
        return result;
    }
    return op_error{"unknown_type", "op.kind: unknown operation kind " + quote_name(name)};
}

nlohmann::json encode_operation(const operation& op) {
    return std::visit(
        [](const auto& o) {
            const auto& s = spec_for<std::remove_cvref_t<decltype(o)>>();
            nlohmann::json j{{"kind", s.name}};
            std::apply([&](const auto&... f) { (f.write(j, o), ...); }, s.fields);
            return j;
        },
        op);
}

std::string_view kind_name(const operation& op) {
    return std::visit([](const auto& o) { return spec_for<std::remove_cvref_t<decltype(o)>>().name; }, op);
}

audience who_may(const operation& op) {
    return std::visit([](const auto& o) { return spec_for<std::remove_cvref_t<decltype(o)>>().who; }, op);
}

bool requires_facilitator(const operation& op) { return who_may(op) == audience::facilitator; }

nlohmann::json encode_persona(const std::optional<persona_info>& p) {
    if (!p) return nullptr;
    return nlohmann::json{{"name", p->name}, {"description", p->description}};
}

}  // namespace jb::model
