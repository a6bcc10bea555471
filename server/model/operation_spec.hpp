#pragma once
// Internal to model/: the building blocks of the operation table (operation_table.hpp). A kind
// is described once, as an `op_spec`: its wire name, who may send it, and its fields. A field
// names its wire key, its member and its codec, and says whether it must be present and may be
// null (the `required`, `nullable`, … helpers below). Decoding, encoding, kind_name and who_may
// are derived from that description (operation_codec.cpp); the errors are field_reader's, so
// they keep naming the field ("op.text: longer than 2000 characters").

#include "model/field_reader.hpp"
#include "model/operation.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

namespace jb::model {

// A value codec reads a field that is present (errors through the field_reader, after which
// it returns nothing) and writes a value. One per wire type; limits are its members.
namespace codec {

// The value a field_reader call gave, or nothing after a problem.
template <class T>
std::optional<T> if_ok(const field_reader& r, T value) {
    if (!r.ok()) return std::nullopt;
    return value;
}
template <class T>
std::optional<T> if_ok(const field_reader& r, std::optional<T> value) {
    if (!r.ok()) return std::nullopt;
    return value;
}

// The wire form of a plain value: itself, or an enumeration's wire name (operation_names.cpp).
template <class T>
nlohmann::json wire(const T& v) {
    if constexpr (std::is_enum_v<T>) return to_string(v);
    else return v;
}

// A value read by field_reader's `Read` (whose errors name the field and, for an enumeration,
// the allowed values); `up_to` and `within` pass their limits on to it.
template <class T, auto Read>
struct read_by {
    using type = T;
    std::optional<T> read(field_reader& r, std::string_view n) const { return if_ok(r, (r.*Read)(n)); }
    nlohmann::json write(const T& v) const { return wire(v); }
};
template <class T, auto Read, class Limit>
struct up_to {
    Limit max;
    using type = T;
    std::optional<T> read(field_reader& r, std::string_view n) const {
        return if_ok(r, (r.*Read)(n, max));
    }
    nlohmann::json write(const T& v) const { return wire(v); }
};
template <class T, auto Read, class Limit>
struct within {
    Limit min, max;
    using type = T;
    std::optional<T> read(field_reader& r, std::string_view n) const {
        return if_ok(r, (r.*Read)(n, min, max));
    }
    nlohmann::json write(const T& v) const { return wire(v); }
};

using id = read_by<std::string, &field_reader::maybe_id>;
using card_text = read_by<std::string, &field_reader::maybe_card_text>;  // 0..2000, several lines
using order_key = read_by<std::string, &field_reader::maybe_order_key>;
using boolean = read_by<bool, &field_reader::boolean>;
// One line of 1..max characters, trimmed (titles, a round's criterion).
using name = up_to<std::string, &field_reader::maybe_name_text, std::size_t>;
// One line of 0..max characters, trimmed (an owner).
using line = up_to<std::string, &field_reader::maybe_line, std::size_t>;
// 0..max characters, several lines (an instruction, a question, remarks).
using multiline = up_to<std::string, &field_reader::maybe_multiline, std::size_t>;
using integer = within<std::int64_t, &field_reader::integer, std::int64_t>;
// min..max distinct ids.
using id_list = within<std::vector<std::string>, &field_reader::id_list, std::size_t>;
using color = read_by<card_color, &field_reader::maybe_color>;
using lane_kind_name = read_by<lane_kind, &field_reader::maybe_kind>;
using group = read_by<target_group, &field_reader::maybe_group>;
using status = read_by<improvement_status, &field_reader::maybe_status>;
using channel = read_by<channel_kind, &field_reader::maybe_channel>;
using anonymity_name = read_by<anonymity, &field_reader::anonymity_value>;
using granted_role = read_by<role, &field_reader::granted_role>;  // never screen
using scale = read_by<score_scale, &field_reader::scale>;

// A journey's persona: {"name": 1..60, "description": 0..500}.
struct persona {
    using type = persona_info;
    std::optional<type> read(field_reader& r, std::string_view n) const { return r.maybe_persona(n); }
    nlohmann::json write(const type& v) const { return encode_persona(v); }
};
// A voting round's scope (P-VOTE-2): a nested union on its own `kind`.
struct scope {
    using type = round_scope;
    std::optional<type> read(field_reader& r, std::string_view n) const;
    nlohmann::json write(const type& v) const { return encode_scope(v); }
};
// A paper tally (round.paper): item id → votes.
struct paper_votes {
    using type = std::vector<std::pair<std::string, std::int64_t>>;
    std::optional<type> read(field_reader& r, std::string_view n) const;
    nlohmann::json write(const type& v) const;
};
// A score's value (P-METH-2), whose range depends on the op's scale (read before it).
struct score_value {
    using type = std::int64_t;
    std::optional<type> read(field_reader& r, std::string_view n, const score_set& op) const {
        return if_ok(r, r.integer(n, scale_min(op.scale), scale_max(op.scale)));
    }
    nlohmann::json write(type v) const { return v; }
};

}  // namespace codec

// Whether a field must be present, may be null, and how an empty member is written.
enum class presence {
    required,        // T: must be present, not null
    nullable,        // optional<T>: must be present; null → nothing, written as null
    optional,        // optional<T>: may be absent (not null); left out when nothing
    absent_or_null,  // optional<T>: absent or null → nothing; left out when nothing
    clearable,       // optional<optional<T>>: absent → nothing, null → clear; written back so
    defaulted,       // T: absent → T{}; left out when T{} (a lane's empty question)
    logged_only,     // bool: only the server writes it, only the log may carry it; left out when false
};

/// One field of an operation kind: its wire key, its member and its codec.
template <presence How, class Op, class Member, class Codec>
struct field_spec {
    std::string_view name;
    Member Op::*member;
    Codec codec;
    static constexpr presence how = How;

    using value_type = typename Codec::type;
    static_assert(How == presence::required || How == presence::defaulted
                      ? std::is_same_v<Member, value_type>
                  : How == presence::clearable    ? std::is_same_v<Member, std::optional<std::optional<value_type>>>
                  : How == presence::logged_only ? std::is_same_v<Member, bool>
                                                  : std::is_same_v<Member, std::optional<value_type>>,
                  "the member's type does not fit the field's presence (see `enum class presence`)");

    // Reads the field into `op`; the first problem is kept by `r`.
    void read(field_reader& r, Op& op, bool from_log) const {
        if constexpr (How == presence::logged_only) {
            if (!from_log) return;  // allow_only has refused it already
        }
        const bool present = r.has(name);
        if constexpr (How == presence::required || How == presence::nullable) {
            if (!present) return r.fail("bad_message", name, "missing");
        }
        if (!present) return;
        const nlohmann::json* value = r.find(name);
        if (value && value->is_null()) {
            if constexpr (How == presence::nullable) op.*member = std::nullopt;
            if constexpr (How == presence::clearable) op.*member = Member{std::in_place};  // clear
            if constexpr (How == presence::nullable || How == presence::clearable ||
                          How == presence::absent_or_null)
                return;
        }
        std::optional<value_type> v;
        if constexpr (requires(field_reader& fr, const Op& o) { codec.read(fr, name, o); })
            v = codec.read(r, name, op);
        else v = codec.read(r, name);
        if (!v) return;
        if constexpr (How == presence::clearable) op.*member = Member{std::in_place, std::move(*v)};
        else op.*member = std::move(*v);
    }

    // Writes the field of `op` into the canonical JSON `j` (what the log keeps).
    void write(nlohmann::json& j, const Op& op) const {
        const Member& m = op.*member;
        const std::string key(name);
        if constexpr (How == presence::required) {
            j[key] = codec.write(m);
        } else if constexpr (How == presence::nullable) {
            j[key] = m ? codec.write(*m) : nlohmann::json(nullptr);
        } else if constexpr (How == presence::optional || How == presence::absent_or_null) {
            if (m) j[key] = codec.write(*m);
        } else if constexpr (How == presence::clearable) {
            if (m) j[key] = *m ? codec.write(**m) : nlohmann::json(nullptr);
        } else {  // defaulted, logged_only
            if (m != Member{}) j[key] = codec.write(m);
        }
    }
};

// required("cardId", &card_add::card_id, id{}): a field of the presence named.
template <presence How>
inline constexpr auto field_with = []<class Op, class M, class C>(std::string_view n, M Op::*m, C c) {
    return field_spec<How, Op, M, C>{n, m, c};
};
inline constexpr auto required = field_with<presence::required>;
inline constexpr auto nullable = field_with<presence::nullable>;
inline constexpr auto optional = field_with<presence::optional>;
inline constexpr auto absent_or_null = field_with<presence::absent_or_null>;
inline constexpr auto clearable = field_with<presence::clearable>;
inline constexpr auto defaulted = field_with<presence::defaulted>;
template <class Op>
constexpr auto logged_only(std::string_view n, bool Op::*m) {
    return field_spec<presence::logged_only, Op, bool, codec::boolean>{n, m, {}};
}

/// The description of one operation kind: everything the codec and the role check know of it.
template <class Op, class... Fields>
struct op_spec {
    std::string_view name;  // the wire kind, "card.move"
    audience who;           // who may send it (board::check)
    std::tuple<Fields...> fields;
    // An update: at least one of its optional fields must be there ("op: needs title or
    // orderKey", bad_message).
    bool needs_a_change = false;
    // What no single field can say ("maxPerItem must be at most budget"), run once every
    // field was read without a problem; it reports through field_reader::fail.
    void (*also)(field_reader&, const Op&) = nullptr;

    constexpr op_spec needing_a_change() const {
        op_spec s = *this;
        s.needs_a_change = true;
        return s;
    }
    constexpr op_spec checking(void (*check)(field_reader&, const Op&)) const {
        op_spec s = *this;
        s.also = check;
        return s;
    }
};

template <class Op, class... Fields>
constexpr op_spec<Op, Fields...> spec(std::string_view name, audience who, Fields... fields) {
    return {name, who, {fields...}};
}

namespace op_table {
// The entry of a kind (operation_table.hpp). No entry: the primary template, which
// operation_codec.cpp refuses at compile time.
struct no_spec {};
template <class Op>
inline constexpr auto spec_of = no_spec{};
}  // namespace op_table

}  // namespace jb::model
