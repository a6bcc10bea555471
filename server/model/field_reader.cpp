#include "model/field_reader.hpp"

#include "model/order_key.hpp"
#include "model/text_rules.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace jb::model {
namespace {

const char* type_name(const nlohmann::json& v) {
    if (v.is_number()) return "a number";
    if (v.is_string()) return "a string";
    if (v.is_boolean()) return "a boolean";
    if (v.is_null()) return "null";
    if (v.is_array()) return "an array";
    return "an object";
}

}  // namespace

std::string quote_name(std::string_view name) {
    // Cut at a code point boundary (input came through the JSON parser: it is UTF-8).
    constexpr std::size_t max_shown = 40;
    std::size_t count = 0, end = 0;
    for (; end < name.size(); ++end) {
        if ((static_cast<unsigned char>(name[end]) & 0xC0) != 0x80 && count++ == max_shown)
            break;
    }
    std::string quoted = "\"" + std::string(name.substr(0, end)) + "\"";
    if (end < name.size()) quoted += "…";
    return quoted;
}

field_reader::field_reader(const nlohmann::json& object, std::string prefix)
    : object_(object), prefix_(std::move(prefix)) {}

void field_reader::fail(std::string_view code, std::string_view field, std::string_view problem) {
    if (error_) return;
    // An empty field names the object itself: "op: …", not "op.: …".
    std::string where = field.empty() && !prefix_.empty() && prefix_.back() == '.'
                            ? prefix_.substr(0, prefix_.size() - 1)
                            : prefix_ + std::string(field);
    error_ = op_error{std::string(code), std::move(where) + ": " + std::string(problem)};
}

void field_reader::allow_only(std::span<const std::string_view> known) {
    if (error_) return;
    for (const auto& [key, value] : object_.items()) {
        if (std::find(known.begin(), known.end(), key) == known.end()) {
            error_ = op_error{"bad_message", "unknown field " + quote_name(prefix_ + key)};
            return;
        }
    }
}

bool field_reader::has(std::string_view name) const {
    return object_.find(name) != object_.end();
}

const nlohmann::json* field_reader::find(std::string_view name) const {
    if (error_) return nullptr;
    const auto it = object_.find(name);
    return it == object_.end() ? nullptr : &*it;
}

const nlohmann::json* field_reader::get(std::string_view name, bool required) {
    const nlohmann::json* v = find(name);
    if (!v && required) fail("bad_message", name, "missing");
    return v;
}

const std::string* field_reader::get_string(std::string_view name, bool required) {
    const nlohmann::json* v = get(name, required);
    if (!v) return nullptr;
    if (!v->is_string()) {
        fail("bad_message", name, std::string("must be a string, not ") + type_name(*v));
        return nullptr;
    }
    return v->get_ptr<const std::string*>();
}

std::optional<std::string> field_reader::read_id(std::string_view name, bool required) {
    const std::string* s = get_string(name, required);
    if (!s) return std::nullopt;
    if (!text::is_valid_id(*s)) {
        fail("invalid", name, "must match ^[A-Za-z0-9_-]{1,64}$");
        return std::nullopt;
    }
    return *s;
}

std::optional<std::string> field_reader::maybe_secret(std::string_view name,
                                                      const text::secret_shape& shape) {
    const std::string* s = get_string(name, false);
    if (!s) return std::nullopt;
    if (!text::fits(*s, shape)) {
        fail("invalid", name, "must match " + std::string(shape.pattern));
        return std::nullopt;
    }
    return *s;
}

std::optional<std::string> field_reader::read_free_text(std::string_view name, std::size_t max,
                                                        bool required) {
    const std::string* s = get_string(name, required);
    if (!s) return std::nullopt;
    if (auto problem = text::multiline_text_problem(*s, max)) {
        fail("invalid", name, *problem);
        return std::nullopt;
    }
    return *s;
}

std::optional<std::string> field_reader::read_name(std::string_view name, std::size_t max,
                                                   bool required) {
    const std::string* s = get_string(name, required);
    if (!s) return std::nullopt;
    std::string value = *s;
    if (auto problem = text::normalize_name(value, max)) {
        fail("invalid", name, *problem);
        return std::nullopt;
    }
    return value;
}

std::optional<std::string> field_reader::read_order_key(std::string_view name, bool required) {
    const std::string* s = get_string(name, required);
    if (!s) return std::nullopt;
    if (!is_valid_order_key(*s)) {
        fail("invalid", name, "not a valid order key (fractional-indexing, base 62)");
        return std::nullopt;
    }
    return *s;
}

template <class Enum>
std::optional<Enum> field_reader::read_enum(std::string_view name, bool required,
                                            std::optional<Enum> (*parse)(std::string_view),
                                            std::string_view allowed) {
    const std::string* s = get_string(name, required);
    if (!s) return std::nullopt;
    const auto value = parse(*s);
    if (!value) fail("invalid", name, "must be one of " + std::string(allowed));
    return value;
}

integral_value integral(const nlohmann::json& v) {
    if (v.is_number_unsigned()) {
        const auto u = v.get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            return {integral_value::too_large, 0};
        return {integral_value::ok, static_cast<std::int64_t>(u)};
    }
    if (v.is_number_integer()) return {integral_value::ok, v.get<std::int64_t>()};
    if (!v.is_number_float()) return {integral_value::not_a_number, 0};
    // 1.0, 6e4, -0.0: JSON has one number type, and JSON Schema's "integer" is any number
    // whose value is integral (P-MSG-2); other JSON libraries write such numbers.
    const double d = v.get<double>();
    if (!std::isfinite(d) || std::trunc(d) != d) return {integral_value::not_integral, 0};
    // 2^63 as a double is the first value out of int64_t's range.
    if (d >= 9'223'372'036'854'775'808.0) return {integral_value::too_large, 0};
    if (d < -9'223'372'036'854'775'808.0) return {integral_value::too_small, 0};
    return {integral_value::ok, static_cast<std::int64_t>(d)};
}

std::int64_t field_reader::integer(std::string_view name, std::int64_t min, std::int64_t max) {
    const nlohmann::json* v = get(name, true);
    if (!v) return 0;
    const auto [status, value] = integral(*v);
    if (status == integral_value::not_a_number || status == integral_value::not_integral) {
        fail("bad_message", name,
             std::string("must be an integer, not ") +
                 (status == integral_value::not_integral ? "a fraction" : type_name(*v)));
        return 0;
    }
    if (status == integral_value::too_large) {
        fail("invalid", name, "must be at most " + std::to_string(max));
        return 0;
    }
    if (status == integral_value::too_small || value < min) {
        fail("invalid", name, "must be at least " + std::to_string(min));
        return 0;
    }
    if (value > max) {
        fail("invalid", name, "must be at most " + std::to_string(max));
        return 0;
    }
    return value;
}

bool field_reader::boolean(std::string_view name) {
    const nlohmann::json* v = get(name, true);
    if (!v) return false;
    if (!v->is_boolean()) {
        fail("bad_message", name, std::string("must be a boolean, not ") + type_name(*v));
        return false;
    }
    return v->get<bool>();
}

std::vector<std::string> field_reader::id_list(std::string_view name, std::size_t min,
                                               std::size_t max) {
    std::vector<std::string> out;
    const nlohmann::json* v = get(name, true);
    if (!v) return out;
    if (!v->is_array()) {
        fail("bad_message", name, std::string("must be an array, not ") + type_name(*v));
        return out;
    }
    if (v->size() < min || v->size() > max) {
        fail("invalid", name,
             "must hold " + std::to_string(min) + " to " + std::to_string(max) + " ids");
        return out;
    }
    for (std::size_t i = 0; i < v->size(); ++i) {
        const std::string at = std::string(name) + "[" + std::to_string(i) + "]";
        const auto& item = (*v)[i];
        if (!item.is_string()) {
            fail("bad_message", at, std::string("must be a string, not ") + type_name(item));
            return {};
        }
        const auto& id = item.get_ref<const std::string&>();
        if (!text::is_valid_id(id)) {
            fail("invalid", at, "must match ^[A-Za-z0-9_-]{1,64}$");
            return {};
        }
        if (std::find(out.begin(), out.end(), id) != out.end()) {
            fail("invalid", at, "id " + quote_name(id) + " given twice");
            return {};
        }
        out.push_back(id);
    }
    return out;
}

const nlohmann::json* field_reader::object(std::string_view name) {
    const nlohmann::json* v = get(name, true);
    if (v && !v->is_object()) {
        fail("bad_message", name, std::string("must be an object, not ") + type_name(*v));
        return nullptr;
    }
    return v;
}

std::optional<std::string> field_reader::maybe_multiline(std::string_view name,
                                                         std::size_t max_length) {
    const std::string* s = get_string(name, false);
    if (!s) return std::nullopt;
    if (auto problem = text::multiline_text_problem(*s, max_length)) {
        fail("invalid", name, *problem);
        return std::nullopt;
    }
    return *s;
}

std::optional<std::string> field_reader::maybe_line(std::string_view name, std::size_t max_length) {
    const std::string* s = get_string(name, false);
    if (!s) return std::nullopt;
    std::string value = *s;
    if (auto problem = text::normalize_line(value, max_length)) {
        fail("invalid", name, *problem);
        return std::nullopt;
    }
    return value;
}

namespace {
std::optional<role> parse_granted_role(std::string_view s) {
    auto r = parse_role(s);
    if (r == role::screen) return std::nullopt;
    return r;
}
}  // namespace

anonymity field_reader::anonymity_value(std::string_view n) {
    return read_enum(n, true, &parse_anonymity, "painPointsAndIdeas, all, none")
        .value_or(anonymity::pain_points_and_ideas);
}
scope_kind field_reader::scope(std::string_view n) {
    return read_enum(n, true, &parse_scope_kind, "ideas, lanes, phases, cards, top")
        .value_or(scope_kind::ideas);
}
role field_reader::granted_role(std::string_view n) {
    return read_enum(n, true, &parse_granted_role, "participant, facilitator")
        .value_or(role::participant);
}
std::optional<improvement_status> field_reader::maybe_status(std::string_view n) {
    return read_enum(n, false, &parse_improvement_status,
                     "open, planned, in_progress, done, dropped");
}

std::optional<channel_kind> field_reader::maybe_channel(std::string_view n) {
    const nlohmann::json* v = find(n);
    if (!v || v->is_null()) return std::nullopt;
    return read_enum(n, false, &parse_channel, "website, phone, desk, letter, email, app, other, or null");
}
score_scale field_reader::scale(std::string_view n) {
    return read_enum(n, true, &parse_score_scale, "current, desired, expected, experienced")
        .value_or(score_scale::current);
}
std::string field_reader::multiline(std::string_view n, std::size_t max_length) {
    if (!get(n, true)) return "";
    return maybe_multiline(n, max_length).value_or("");
}

namespace {
constexpr std::string_view colors = "yellow, green, blue, pink, orange, purple, grey";
constexpr std::string_view kinds =
    "touchpoint, expectation, experience, emotion, pain_point, idea, custom";
constexpr std::string_view groups = "inwoner, ondernemer, persona";
}  // namespace

std::string field_reader::id(std::string_view n) { return read_id(n, true).value_or(""); }
std::string field_reader::card_text(std::string_view n) {
    return read_free_text(n, text::max_card_text, true).value_or("");
}
std::string field_reader::name_text(std::string_view n, std::size_t max) {
    return read_name(n, max, true).value_or("");
}
std::string field_reader::order_key(std::string_view n) {
    return read_order_key(n, true).value_or("");
}
card_color field_reader::color(std::string_view n) {
    return read_enum(n, true, &parse_card_color, colors).value_or(card_color::yellow);
}
lane_kind field_reader::kind(std::string_view n) {
    return read_enum(n, true, &parse_lane_kind, kinds).value_or(lane_kind::custom);
}
target_group field_reader::group(std::string_view n) {
    return read_enum(n, true, &parse_target_group, groups).value_or(target_group::inwoner);
}

std::optional<std::string> field_reader::maybe_id(std::string_view n) { return read_id(n, false); }
std::optional<std::string> field_reader::maybe_card_text(std::string_view n) {
    return read_free_text(n, text::max_card_text, false);
}

std::optional<persona_info> field_reader::maybe_persona(std::string_view n) {
    const nlohmann::json* v = find(n);
    if (!v || v->is_null()) return std::nullopt;
    if (!v->is_object()) {
        fail("bad_message", n, std::string("must be an object or null, not ") + type_name(*v));
        return std::nullopt;
    }
    field_reader p(*v, prefix_ + std::string(n) + ".");
    p.allow_only({"name", "description"});
    persona_info out{p.name_text("name", text::max_display_name),
                     p.maybe_multiline("description", text::max_persona_description).value_or("")};
    if (!p.ok()) {
        fail_with(*p.error());
        return std::nullopt;
    }
    return out;
}

std::optional<std::string> field_reader::maybe_name_text(std::string_view n, std::size_t max) {
    return read_name(n, max, false);
}
std::optional<std::string> field_reader::maybe_order_key(std::string_view n) {
    return read_order_key(n, false);
}
std::optional<card_color> field_reader::maybe_color(std::string_view n) {
    return read_enum(n, false, &parse_card_color, colors);
}
std::optional<lane_kind> field_reader::maybe_kind(std::string_view n) {
    return read_enum(n, false, &parse_lane_kind, kinds);
}
std::optional<target_group> field_reader::maybe_group(std::string_view n) {
    return read_enum(n, false, &parse_target_group, groups);
}

}  // namespace jb::model
