// The wire names of the model's enumerations (protocol.md, "Identifiers and values").

#include "model/operation.hpp"

#include <array>
#include <utility>

namespace jb::model {
namespace {

template <class Enum, std::size_t N>
using name_table = std::array<std::pair<Enum, std::string_view>, N>;

constexpr name_table<role, 3> roles{{
    {role::participant, "participant"},
    {role::facilitator, "facilitator"},
    {role::screen, "screen"},
}};
constexpr name_table<anonymity, 3> anonymities{{
    {anonymity::pain_points_and_ideas, "painPointsAndIdeas"},
    {anonymity::all, "all"},
    {anonymity::none, "none"},
}};
constexpr name_table<improvement_status, 5> improvement_statuses{{
    {improvement_status::open, "open"},
    {improvement_status::planned, "planned"},
    {improvement_status::in_progress, "in_progress"},
    {improvement_status::done, "done"},
    {improvement_status::dropped, "dropped"},
}};
constexpr name_table<scope_kind, 5> scope_kinds{{
    {scope_kind::ideas, "ideas"},
    {scope_kind::lanes, "lanes"},
    {scope_kind::phases, "phases"},
    {scope_kind::cards, "cards"},
    {scope_kind::top, "top"},
}};
constexpr name_table<channel_kind, 7> channels{{
    {channel_kind::website, "website"},
    {channel_kind::phone, "phone"},
    {channel_kind::desk, "desk"},
    {channel_kind::letter, "letter"},
    {channel_kind::email, "email"},
    {channel_kind::app, "app"},
    {channel_kind::other, "other"},
}};
constexpr name_table<score_scale, 4> score_scales{{
    {score_scale::current, "current"},
    {score_scale::desired, "desired"},
    {score_scale::expected, "expected"},
    {score_scale::experienced, "experienced"},
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
std::string_view to_string(anonymity v) { return name_of(anonymities, v); }
std::string_view to_string(improvement_status v) { return name_of(improvement_statuses, v); }
std::string_view to_string(scope_kind v) { return name_of(scope_kinds, v); }
std::string_view to_string(channel_kind v) { return name_of(channels, v); }
std::string_view to_string(score_scale v) { return name_of(score_scales, v); }

std::optional<role> parse_role(std::string_view s) { return parse(roles, s); }
std::optional<lane_kind> parse_lane_kind(std::string_view s) { return parse(lane_kinds, s); }
std::optional<card_color> parse_card_color(std::string_view s) { return parse(card_colors, s); }
std::optional<target_group> parse_target_group(std::string_view s) {
    return parse(target_groups, s);
}
std::optional<anonymity> parse_anonymity(std::string_view s) { return parse(anonymities, s); }
std::optional<improvement_status> parse_improvement_status(std::string_view s) {
    return parse(improvement_statuses, s);
}
std::optional<scope_kind> parse_scope_kind(std::string_view s) { return parse(scope_kinds, s); }
std::optional<channel_kind> parse_channel(std::string_view s) { return parse(channels, s); }
std::optional<score_scale> parse_score_scale(std::string_view s) { return parse(score_scales, s); }

}  // namespace jb::model
