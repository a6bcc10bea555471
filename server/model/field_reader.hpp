#pragma once
// Strict reading of one JSON object's fields, for decoders of client input (operations and
// messages). The first problem found is kept as an op_error whose message names the field
// ("op.text: longer than 2000 characters"); after it, every read returns an empty value, so a
// decoder reads straight through and checks ok() once at the end.

#include "model/operation.hpp"
#include "model/text_rules.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace jb::model {

/// Reads the fields of one JSON object and owns the first problem found in it.
class field_reader {
public:
    // `prefix` is prepended to field names in messages, e.g. "op.". The caller has checked
    // that `object` is an object.
    field_reader(const nlohmann::json& object, std::string prefix);

    // Rejects the first field not in `known` (bad_message).
    void allow_only(std::initializer_list<std::string_view> known) {
        allow_only(std::span<const std::string_view>(known.begin(), known.size()));
    }
    void allow_only(std::span<const std::string_view> known);
    // What names this object's fields in messages ("op.").
    const std::string& prefix() const { return prefix_; }

    bool has(std::string_view name) const;
    // The raw value, or nullptr when absent (or after a problem).
    const nlohmann::json* find(std::string_view name) const;

    // Required fields: a missing one is bad_message.
    std::string id(std::string_view name);
    std::string card_text(std::string_view name);
    std::string name_text(std::string_view name, std::size_t max_length);  // trimmed
    std::string order_key(std::string_view name);
    std::int64_t integer(std::string_view name, std::int64_t min, std::int64_t max);
    card_color color(std::string_view name);
    lane_kind kind(std::string_view name);
    target_group group(std::string_view name);

    bool boolean(std::string_view name);
    // A required array of distinct ids, min..max of them.
    std::vector<std::string> id_list(std::string_view name, std::size_t min, std::size_t max);
    // A required object (nullptr after a problem).
    const nlohmann::json* object(std::string_view name);
    anonymity anonymity_value(std::string_view name);
    scope_kind scope(std::string_view name);
    role granted_role(std::string_view name);  // participant or facilitator

    // Optional fields: absent → nothing. Present but null is a wrong type.
    std::optional<std::string> maybe_id(std::string_view name);
    // A capability secret of the given kind (text_rules.hpp).
    std::optional<std::string> maybe_secret(std::string_view name, const text::secret_shape& shape);
    std::optional<std::string> maybe_card_text(std::string_view name);
    std::optional<std::string> maybe_name_text(std::string_view name, std::size_t max_length);
    std::optional<std::string> maybe_order_key(std::string_view name);
    std::optional<card_color> maybe_color(std::string_view name);
    std::optional<lane_kind> maybe_kind(std::string_view name);
    std::optional<target_group> maybe_group(std::string_view name);
    // Multi-line text of 0..max_length (an instruction).
    std::optional<std::string> maybe_multiline(std::string_view name, std::size_t max_length);
    // A trimmed single line of 0..max_length (an owner).
    std::optional<std::string> maybe_line(std::string_view name, std::size_t max_length);
    std::optional<improvement_status> maybe_status(std::string_view name);
    // A touchpoint's channel (P-METH-1): absent or null → nothing (use has() to tell them apart).
    std::optional<channel_kind> maybe_channel(std::string_view name);
    // A score's scale (required).
    score_scale scale(std::string_view name);
    // Required multi-line text of 0..max_length (an evaluation's remarks).
    std::string multiline(std::string_view name, std::size_t max_length);

    // Records a problem with a field (only the first one is kept).
    void fail(std::string_view code, std::string_view field, std::string_view problem);
    // Records a problem found by a reader of a nested object.
    void fail_with(const op_error& e) {
        if (!error_) error_ = e;
    }

    // A journey's persona: null or {"name": 1..60, "description": 0..500}. Absent or null →
    // nothing (use has() to tell them apart).
    std::optional<persona_info> maybe_persona(std::string_view name);

    bool ok() const { return !error_; }
    const std::optional<op_error>& error() const { return error_; }

private:
    const nlohmann::json* get(std::string_view name, bool required);
    const std::string* get_string(std::string_view name, bool required);
    std::optional<std::string> read_id(std::string_view name, bool required);
    std::optional<std::string> read_free_text(std::string_view name, std::size_t max, bool required);
    std::optional<std::string> read_name(std::string_view name, std::size_t max, bool required);
    std::optional<std::string> read_order_key(std::string_view name, bool required);
    template <class Enum>
    std::optional<Enum> read_enum(std::string_view name, bool required,
                                  std::optional<Enum> (*parse)(std::string_view),
                                  std::string_view allowed);

    const nlohmann::json& object_;
    std::string prefix_;
    std::optional<op_error> error_;
};

// A JSON value read as a whole number (P-MSG-2): an integer, or a number written with a
// fraction or exponent whose value is integral (1.0, 6e4), within int64_t.
struct integral_value {
    enum status_kind { ok, not_a_number, not_integral, too_large, too_small } status;
    std::int64_t value;
};
integral_value integral(const nlohmann::json& v);

// A field name from client input, quoted and cut to a readable length for an error message.
std::string quote_name(std::string_view name);

}  // namespace jb::model
