// The wire names of the model's enumerations (protocol.md, "Identifiers and values").

#include "model/operation.hpp"

#include <array>
#include <utility>

namespace jb::model {
namespace {

template <class Enum, std::size_t N>
using name_table = std::array<std::pair<Enum, std::string_view>, N>;

constexpr name_table<role, 2> roles{{
    {role::participant, "participant"},
    {role::facilitator, "facilitator"},
}};
constexpr name_table<lane_kind, 7> lane_kinds{{
    {lane_kind::touchpoint, "touchpoint"},
    {lane_kind::expectation, "expectation"},
    {lane_kind::experience, "experience"},
    {lane_kind::emotion, "emotion"},
    {lane_kind::pain_point, "pain_point"},
    {lane_kind::idea, "idea"},
    {lane_kind::custom, "custom"},
}};
constexpr name_table<card_color, 7> card_colors{{
    {card_color::yellow, "yellow"},
    {card_color::green, "green"},
    {card_color::blue, "blue"},
    {card_color::pink, "pink"},
    {card_color::orange, "orange"},
    {card_color::purple, "purple"},
    {card_color::grey, "grey"},
}};
constexpr name_table<target_group, 3> target_groups{{
    {target_group::inwoner, "inwoner"},
    {target_group::ondernemer, "ondernemer"},
    {target_group::persona, "persona"},
}};

template <class Enum, std::size_t N>
std::string_view name_of(const name_table<Enum, N>& table, Enum value) {
    for (const auto& [e, name] : table)
        if (e == value) return name;
    return "?";  // unreachable: every enumerator is in its table
}

template <class Enum, std::size_t N>
std::optional<Enum> parse(const name_table<Enum, N>& table, std::string_view text) {
    for (const auto& [e, name] : table)
        if (name == text) return e;
    return std::nullopt;
}

}  // namespace

std::string_view to_string(role v) { return name_of(roles, v); }
std::string_view to_string(lane_kind v) { return name_of(lane_kinds, v); }
std::string_view to_string(card_color v) { return name_of(card_colors, v); }
std::string_view to_string(target_group v) { return name_of(target_groups, v); }

std::optional<role> parse_role(std::string_view s) { return parse(roles, s); }
std::optional<lane_kind> parse_lane_kind(std::string_view s) { return parse(lane_kinds, s); }
std::optional<card_color> parse_card_color(std::string_view s) { return parse(card_colors, s); }
std::optional<target_group> parse_target_group(std::string_view s) {
    return parse(target_groups, s);
}

}  // namespace jb::model
