#pragma once
// Operations on the board, decoded from and encoded to the JSON of protocol.md
// ("Operations"). Decoding checks shape, types, lengths and formats; whether the ids exist is
// the board's job (board::check).

#include "model/facilitation_ops.hpp"
#include "model/method_ops.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <variant>

namespace jb::model {

enum class lane_kind { touchpoint, expectation, experience, emotion, pain_point, idea, custom };
enum class card_color { yellow, green, blue, pink, orange, purple, grey };
enum class target_group { inwoner, ondernemer, persona };

std::string_view to_string(role);
std::string_view to_string(lane_kind);
std::string_view to_string(card_color);
std::string_view to_string(target_group);
std::string_view to_string(anonymity);
std::string_view to_string(improvement_status);
std::string_view to_string(scope_kind);
std::string_view to_string(channel_kind);
std::string_view to_string(score_scale);
std::optional<role> parse_role(std::string_view);
std::optional<lane_kind> parse_lane_kind(std::string_view);
std::optional<card_color> parse_card_color(std::string_view);
std::optional<target_group> parse_target_group(std::string_view);
std::optional<anonymity> parse_anonymity(std::string_view);
std::optional<improvement_status> parse_improvement_status(std::string_view);
std::optional<scope_kind> parse_scope_kind(std::string_view);
std::optional<channel_kind> parse_channel(std::string_view);
std::optional<score_scale> parse_score_scale(std::string_view);

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
    // Set by the server, never by a client: a participant's card made while private writing is
    // on (P-FAC-6). The log keeps it, so replay does not depend on who had which role.
    bool private_card = false;
    std::optional<channel_kind> channel;  // a touchpoint's channel (P-METH-1)
};
struct card_update {
    std::string card_id;
    std::optional<std::string> text;
    std::optional<card_color> color;
    std::optional<std::optional<channel_kind>> channel;  // present null: clear it
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

using operation =
    std::variant<card_add, card_update, card_move, card_delete, workshop_update, journey_add,
                 journey_update, journey_delete, phase_add, phase_update, phase_delete, lane_add,
                 lane_update, lane_delete, stage_set, stage_update, timer_set, timer_start,
                 timer_pause, timer_add, timer_reset, board_lock, door_set, writing_private, focus_set,
                 screen_pin, settings_update, participant_role, participant_remove, card_link, group_add,
                 card_group, card_ungroup, group_update, round_start, vote_add, vote_remove,
                 vote_done, round_close, round_cancel, round_reopen, round_paper,
                 improvements_rounds, improvement_update, score_set, evaluation_open,
                 evaluation_submit, evaluation_show>;

// The wire name of an operation's kind ("card.add", …).
std::string_view kind_name(const operation& op);

// Strict decoding of an `op` object: unknown kind → `unknown_type`; missing field, unknown
// field or wrong type → `bad_message`; out-of-range value (length, colour, kind, order key, id
// format) → `invalid`. Messages name the field ("op.text: longer than 2000 characters").
// Titles come back trimmed. The lane kind of lane.add / lane.update travels as `laneKind`,
// because `kind` is the operation's own kind.
// `from_log` also accepts what only the server sets (card.add's `private`).
std::variant<operation, op_error> decode_operation(const nlohmann::json& op, bool from_log = false);
// The canonical JSON of an operation (what the log stores and events carry).
nlohmann::json encode_operation(const operation& op);

// A journey's persona as the board state and operations carry it: null or {name, description}.
nlohmann::json encode_persona(const std::optional<persona_info>& p);
// A voting round's scope as round.start and the board state carry it.
nlohmann::json encode_scope(const round_scope& s);

// Who may do it (protocol.md, "Operations"): the facilitator's commands; edits (everyone who
// may edit, participants refused while the board is locked); votes, scores and evaluation
// responses (voters: every participant and facilitator, also while locked; never a screen).
enum class audience { facilitator, editors, voters };
audience who_may(const operation& op);
bool requires_facilitator(const operation& op);

}  // namespace jb::model
