#pragma once
// Operations on the board, decoded from and encoded to the JSON of protocol.md
// ("Operations"). Decoding checks shape, types, lengths and formats; whether the ids exist is
// the board's job (board::check).

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <variant>

namespace jb::model {

enum class role { participant, facilitator };
enum class lane_kind { touchpoint, expectation, experience, emotion, pain_point, idea, custom };
enum class card_color { yellow, green, blue, pink, orange, purple, grey };
enum class target_group { inwoner, ondernemer, persona };

std::string_view to_string(role);
std::string_view to_string(lane_kind);
std::string_view to_string(card_color);
std::string_view to_string(target_group);
std::optional<role> parse_role(std::string_view);
std::optional<lane_kind> parse_lane_kind(std::string_view);
std::optional<card_color> parse_card_color(std::string_view);
std::optional<target_group> parse_target_group(std::string_view);

// A rejected operation or message: `code` is one of protocol.md's error codes.
struct op_error {
    std::string code;
    std::string message;
};

// The named persona a journey is mapped for (target group `persona`): a name and a short
// description, so that everyone pictures the same person.
struct persona_info {
    std::string name, description;
    bool operator==(const persona_info&) const = default;
};

struct card_add {
    std::string card_id, journey_id, phase_id, lane_id, text, order_key;
    card_color color = card_color::yellow;
};
struct card_update {
    std::string card_id;
    std::optional<std::string> text;
    std::optional<card_color> color;
};
struct card_move {
    std::string card_id, phase_id, lane_id, order_key;
};
struct card_delete {
    std::string card_id;
};
struct workshop_update {
    std::string title;
};
struct journey_add {
    std::string journey_id, title, order_key;
    target_group group = target_group::inwoner;
    std::optional<persona_info> persona;
};
struct journey_update {
    std::string journey_id;
    std::optional<std::string> title;
    std::optional<target_group> group;
    std::optional<std::string> order_key;
    std::optional<std::optional<persona_info>> persona;  // present null: clear it
};
struct journey_delete {
    std::string journey_id;
};
struct phase_add {
    std::string journey_id, phase_id, title, order_key;
};
struct phase_update {
    std::string phase_id;
    std::optional<std::string> title, order_key;
};
struct phase_delete {
    std::string phase_id;
};
struct lane_add {
    std::string journey_id, lane_id, title, order_key;
    lane_kind kind = lane_kind::custom;
    std::string question;  // the lane's guiding question, may be empty
};
struct lane_update {
    std::string lane_id;
    std::optional<std::string> title, order_key;
    std::optional<lane_kind> kind;
    std::optional<std::string> question;
};
struct lane_delete {
    std::string lane_id;
};

using operation = std::variant<card_add, card_update, card_move, card_delete, workshop_update,
                               journey_add, journey_update, journey_delete, phase_add,
                               phase_update, phase_delete, lane_add, lane_update, lane_delete>;

// The wire name of an operation's kind ("card.add", …).
std::string_view kind_name(const operation& op);

// Strict decoding of an `op` object: unknown kind → `unknown_type`; missing field, unknown
// field or wrong type → `bad_message`; out-of-range value (length, colour, kind, order key, id
// format) → `invalid`. Messages name the field ("op.text: longer than 2000 characters").
// Titles come back trimmed. The lane kind of lane.add / lane.update travels as `laneKind`,
// because `kind` is the operation's own kind.
std::variant<operation, op_error> decode_operation(const nlohmann::json& op);
// The canonical JSON of an operation (what the log stores and events carry).
nlohmann::json encode_operation(const operation& op);

// A journey's persona as the board state and operations carry it: null or {name, description}.
nlohmann::json encode_persona(const std::optional<persona_info>& p);

// Who may do it: structure operations are the facilitator's.
bool requires_facilitator(const operation& op);

}  // namespace jb::model
