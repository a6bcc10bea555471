#pragma once
// Strict reading of one JSON object's fields, for decoders of client input (operations and
// messages). The first problem found is kept as an op_error whose message names the field
// ("op.text: longer than 2000 characters"); after it, every read returns an empty value, so a
// decoder reads straight through and checks ok() once at the end.

#include "model/operation.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace jb::model {

/// Reads the fields of one JSON object and owns the first problem found in it.
class field_reader {
public:
    // `prefix` is prepended to field names in messages, e.g. "op.". The caller has checked
    // that `object` is an object.
    field_reader(const nlohmann::json& object, std::string prefix);

    // Rejects the first field not in `known` (bad_message).
    void allow_only(std::initializer_list<std::string_view> known);

    bool has(std::string_view name) const;
    // The raw value, or nullptr when absent (or after a problem).
    const nlohmann::json* find(std::string_view name) const;

    // Required fields: a missing one is bad_message.
    std::string id(std::string_view name);
    std::string secret(std::string_view name);
    std::string card_text(std::string_view name);
    std::string name_text(std::string_view name, std::size_t max_length);  // trimmed
    std::string order_key(std::string_view name);
    std::int64_t integer(std::string_view name, std::int64_t min, std::int64_t max);
    card_color color(std::string_view name);
    lane_kind kind(std::string_view name);
    target_group group(std::string_view name);

    // Optional fields: absent → nothing. Present but null is a wrong type.
    std::optional<std::string> maybe_id(std::string_view name);
    std::optional<std::string> maybe_secret(std::string_view name);
    std::optional<std::string> maybe_card_text(std::string_view name);
    std::optional<std::string> maybe_name_text(std::string_view name, std::size_t max_length);
    std::optional<std::string> maybe_order_key(std::string_view name);
    std::optional<card_color> maybe_color(std::string_view name);
    std::optional<lane_kind> maybe_kind(std::string_view name);
    std::optional<target_group> maybe_group(std::string_view name);
    // Free text (newline and tab allowed) of at most `max_length` code points, may be empty.
    std::optional<std::string> maybe_free_text(std::string_view name, std::size_t max_length);

    // Records a problem with a field (only the first one is kept).
    void fail(std::string_view code, std::string_view field, std::string_view problem);

    // A journey's persona: null or {"name": 1..60, "description": 0..500}. Absent or null →
    // nothing (use has() to tell them apart).
    std::optional<persona_info> maybe_persona(std::string_view name);

    // Takes over the first problem of a reader of a nested object (its messages already name
    // the full path).
    void adopt(const field_reader& nested);

    bool ok() const { return !error_; }
    const std::optional<op_error>& error() const { return error_; }

private:
    const nlohmann::json* get(std::string_view name, bool required);
    const std::string* get_string(std::string_view name, bool required);
    std::optional<std::string> read_id(std::string_view name, bool required);
    std::optional<std::string> read_secret(std::string_view name, bool required);
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

// A field name from client input, quoted and cut to a readable length for an error message.
std::string quote_name(std::string_view name);

}  // namespace jb::model
