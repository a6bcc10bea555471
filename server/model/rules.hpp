#pragma once
// Internal to model/: check and apply of the facilitation, grouping, voting, improvement and
// method operations, one overload per kind, defined by area (facilitation.cpp, grouping.cpp,
// voting.cpp, improvements.cpp, scores.cpp, evaluation.cpp). board::check and board::apply
// dispatch to them.

#include "model/board.hpp"
#include "model/field_reader.hpp"

#include <optional>
#include <string>

namespace jb::model {

using check_result = std::optional<op_error>;

#define JB_SESSION_RULE(Op)                                                   \
    check_result check_rule(const board& b, const Op& o, const op_context& ctx); \
    void apply_rule(board& b, const Op& o, const op_context& ctx);

JB_SESSION_RULE(stage_set)
JB_SESSION_RULE(stage_update)
JB_SESSION_RULE(timer_set)
JB_SESSION_RULE(timer_start)
JB_SESSION_RULE(timer_pause)
JB_SESSION_RULE(timer_add)
JB_SESSION_RULE(timer_reset)
JB_SESSION_RULE(board_lock)
JB_SESSION_RULE(door_set)
JB_SESSION_RULE(writing_private)
JB_SESSION_RULE(focus_set)
JB_SESSION_RULE(screen_pin)
JB_SESSION_RULE(settings_update)
JB_SESSION_RULE(participant_role)
JB_SESSION_RULE(participant_remove)
JB_SESSION_RULE(card_link)
JB_SESSION_RULE(group_add)
JB_SESSION_RULE(card_group)
JB_SESSION_RULE(card_ungroup)
JB_SESSION_RULE(group_update)
JB_SESSION_RULE(round_start)
JB_SESSION_RULE(vote_add)
JB_SESSION_RULE(vote_remove)
JB_SESSION_RULE(vote_done)
JB_SESSION_RULE(round_close)
JB_SESSION_RULE(round_cancel)
JB_SESSION_RULE(round_reopen)
JB_SESSION_RULE(round_paper)
JB_SESSION_RULE(improvements_rounds)
JB_SESSION_RULE(improvement_update)
JB_SESSION_RULE(score_set)
JB_SESSION_RULE(evaluation_open)
JB_SESSION_RULE(evaluation_submit)
JB_SESSION_RULE(evaluation_show)

#undef JB_SESSION_RULE

// "op.<field>: <message>" with an error code.
inline op_error rule_error(std::string code, std::string_view field, std::string message) {
    return op_error{std::move(code), "op." + std::string(field) + ": " + std::move(message)};
}

// A card the actor may see and act on: it exists and is not someone else's private card
// (P-FAC-6: others get not_found, as if it did not exist).
const card* visible_card(const board& b, const std::string& id, const op_context& ctx);
check_result no_such_card(std::string_view field, const std::string& id);
// Whether the card's lane is of this kind.
bool in_lane_of_kind(const board& b, const card& c, lane_kind kind);

// Whether the card, or the group it is in, is an item of the open round (P-VOTE-3).
bool in_open_round(const board& b, const card& c);

// Removes a card from its group; a group left with fewer than two cards goes (P-VOTE-4).
void leave_group(board& b, card& c);

// Removes every score of a deleted card or phase (P-METH-2).
void drop_scores(board& b, const std::string& target_id);

// The card's JSON as in the board state document (all fields, authorId included).
nlohmann::json card_to_json(const card& c);

}  // namespace jb::model

namespace jb::model {
// Who may see the event of `op`, decided from the state before it is applied (visibility.cpp).
event_visibility visibility_of(const board& b, const operation& op, const op_context& ctx);
}  // namespace jb::model
