#pragma once
// Internal to model/: the operation table, one entry per kind of the `operation` variant
// (protocol.md "Operations", schemas/operation.schema.json). Decoding, encoding, kind_name and
// who_may are derived from it (operation_codec.cpp); a kind without an entry does not compile.
// Fields are read in the order listed here, so the first problem named is the first listed.
// To add a kind: its struct in the variant, its entry here, its check_rule/apply_rule
// (rules.hpp), its schema definition (docs/architecture.md, "The operation table").

#include "model/operation_spec.hpp"
#include "model/text_rules.hpp"

namespace jb::model {
namespace op_table {

using namespace codec;
namespace lim = session_limits;
namespace method = method_limits;
inline constexpr auto editors = audience::editors;
inline constexpr auto facilitator = audience::facilitator;
inline constexpr auto voters = audience::voters;
inline constexpr name title{text::max_title};

// A focused phase belongs to a focused journey.
inline void phase_needs_journey(field_reader& r, const focus_set& op) {
    if (!op.journey_id && op.phase_id) r.fail("invalid", "phaseId", "must be null when journeyId is null");
}
inline void per_item_within_budget(field_reader& r, const round_start& op) {
    if (op.max_per_item > op.budget) r.fail("invalid", "maxPerItem", "must be at most budget");
}
// The kinds that name nothing but a round.
template <class Op>
constexpr auto round_command(std::string_view kind) {
    return spec<Op>(kind, facilitator, required("roundId", &Op::round_id, id{}));
}
template <class Op>
constexpr auto vote(std::string_view kind) {
    return spec<Op>(kind, voters, required("roundId", &Op::round_id, id{}),
                    required("itemId", &Op::item_id, id{}));
}

// Cards and the board's structure.
template <> inline constexpr auto spec_of<card_add> = spec<card_add>(
    "card.add", editors, required("cardId", &card_add::card_id, id{}),
    required("journeyId", &card_add::journey_id, id{}), required("phaseId", &card_add::phase_id, id{}),
    required("laneId", &card_add::lane_id, id{}), required("text", &card_add::text, card_text{}),
    required("color", &card_add::color, color{}), required("orderKey", &card_add::order_key, order_key{}),
    absent_or_null("channel", &card_add::channel, channel{}),
    logged_only("private", &card_add::private_card));  // P-FAC-6: set by board::prepare
template <> inline constexpr auto spec_of<card_update> = spec<card_update>(
    "card.update", editors, required("cardId", &card_update::card_id, id{}),
    optional("text", &card_update::text, card_text{}), optional("color", &card_update::color, color{}),
    clearable("channel", &card_update::channel, channel{})).needing_a_change();
template <> inline constexpr auto spec_of<card_move> = spec<card_move>(
    "card.move", editors, required("cardId", &card_move::card_id, id{}),
    required("phaseId", &card_move::phase_id, id{}), required("laneId", &card_move::lane_id, id{}),
    required("orderKey", &card_move::order_key, order_key{}));
template <> inline constexpr auto spec_of<card_delete> = spec<card_delete>(
    "card.delete", editors, required("cardId", &card_delete::card_id, id{}));
template <> inline constexpr auto spec_of<workshop_update> = spec<workshop_update>(
    "workshop.update", facilitator, required("title", &workshop_update::title, title));
template <> inline constexpr auto spec_of<journey_add> = spec<journey_add>(
    "journey.add", facilitator, required("journeyId", &journey_add::journey_id, id{}),
    required("title", &journey_add::title, title), required("targetGroup", &journey_add::group, group{}),
    required("orderKey", &journey_add::order_key, order_key{}),
    absent_or_null("persona", &journey_add::persona, persona{}));
template <> inline constexpr auto spec_of<journey_update> = spec<journey_update>(
    "journey.update", facilitator, required("journeyId", &journey_update::journey_id, id{}),
    optional("title", &journey_update::title, title), optional("targetGroup", &journey_update::group, group{}),
    optional("orderKey", &journey_update::order_key, order_key{}),
    clearable("persona", &journey_update::persona, persona{})).needing_a_change();
template <> inline constexpr auto spec_of<journey_delete> = spec<journey_delete>(
    "journey.delete", facilitator, required("journeyId", &journey_delete::journey_id, id{}));
template <> inline constexpr auto spec_of<phase_add> = spec<phase_add>(
    "phase.add", facilitator, required("journeyId", &phase_add::journey_id, id{}),
    required("phaseId", &phase_add::phase_id, id{}), required("title", &phase_add::title, title),
    required("orderKey", &phase_add::order_key, order_key{}));
template <> inline constexpr auto spec_of<phase_update> = spec<phase_update>(
    "phase.update", facilitator, required("phaseId", &phase_update::phase_id, id{}),
    optional("title", &phase_update::title, title),
    optional("orderKey", &phase_update::order_key, order_key{})).needing_a_change();
template <> inline constexpr auto spec_of<phase_delete> = spec<phase_delete>(
    "phase.delete", facilitator, required("phaseId", &phase_delete::phase_id, id{}));
// The lane's kind travels as `laneKind`: `kind` is the operation's own.
template <> inline constexpr auto spec_of<lane_add> = spec<lane_add>(
    "lane.add", facilitator, required("journeyId", &lane_add::journey_id, id{}),
    required("laneId", &lane_add::lane_id, id{}), required("title", &lane_add::title, title),
    required("laneKind", &lane_add::kind, lane_kind_name{}),
    required("orderKey", &lane_add::order_key, order_key{}),
    defaulted("question", &lane_add::question, multiline{text::max_question}));
template <> inline constexpr auto spec_of<lane_update> = spec<lane_update>(
    "lane.update", facilitator, required("laneId", &lane_update::lane_id, id{}),
    optional("title", &lane_update::title, title), optional("laneKind", &lane_update::kind, lane_kind_name{}),
    optional("orderKey", &lane_update::order_key, order_key{}),
    optional("question", &lane_update::question, multiline{text::max_question})).needing_a_change();
template <> inline constexpr auto spec_of<lane_delete> = spec<lane_delete>(
    "lane.delete", facilitator, required("laneId", &lane_delete::lane_id, id{}));

// Facilitation (P-FAC-*).
template <> inline constexpr auto spec_of<stage_set> = spec<stage_set>(
    "stage.set", facilitator, required("stageId", &stage_set::stage_id, id{}));
template <> inline constexpr auto spec_of<stage_update> = spec<stage_update>(
    "stage.update", facilitator, required("stageId", &stage_update::stage_id, id{}),
    optional("title", &stage_update::title, title),
    optional("instruction", &stage_update::instruction, multiline{lim::max_instruction})).needing_a_change();
template <> inline constexpr auto spec_of<timer_set> = spec<timer_set>(
    "timer.set", facilitator,
    required("durationMs", &timer_set::duration_ms, integer{lim::min_timer_ms, lim::max_timer_ms}));
template <> inline constexpr auto spec_of<timer_start> = spec<timer_start>("timer.start", facilitator);
template <> inline constexpr auto spec_of<timer_pause> = spec<timer_pause>("timer.pause", facilitator);
template <> inline constexpr auto spec_of<timer_add> = spec<timer_add>(
    "timer.add", facilitator,
    required("ms", &timer_add::ms, integer{lim::min_timer_add_ms, lim::max_timer_add_ms}));
template <> inline constexpr auto spec_of<timer_reset> = spec<timer_reset>("timer.reset", facilitator);
template <> inline constexpr auto spec_of<board_lock> = spec<board_lock>(
    "board.lock", facilitator, required("locked", &board_lock::locked, boolean{}));
template <> inline constexpr auto spec_of<door_set> = spec<door_set>(
    "door.set", facilitator, required("open", &door_set::open, boolean{}));
template <> inline constexpr auto spec_of<writing_private> = spec<writing_private>(
    "writing.private", facilitator, required("on", &writing_private::on, boolean{}));
template <> inline constexpr auto spec_of<focus_set> = spec<focus_set>(
    "focus.set", facilitator, nullable("journeyId", &focus_set::journey_id, id{}),
    nullable("phaseId", &focus_set::phase_id, id{})).checking(&phase_needs_journey);
template <> inline constexpr auto spec_of<screen_pin> = spec<screen_pin>(
    "screen.pin", facilitator, nullable("stageId", &screen_pin::stage_id, id{}));
template <> inline constexpr auto spec_of<settings_update> = spec<settings_update>(
    "settings.update", facilitator, required("anonymity", &settings_update::value, anonymity_name{}));
template <> inline constexpr auto spec_of<participant_role> = spec<participant_role>(
    "participant.role", facilitator, required("participantId", &participant_role::participant_id, id{}),
    required("role", &participant_role::new_role, granted_role{}));
template <> inline constexpr auto spec_of<participant_remove> = spec<participant_remove>(
    "participant.remove", facilitator,
    required("participantId", &participant_remove::participant_id, id{}));

// Links and groups: edits, like cards.
template <> inline constexpr auto spec_of<card_link> = spec<card_link>(
    "card.link", editors, required("cardId", &card_link::card_id, id{}),
    nullable("targetId", &card_link::target_id, id{}));
template <> inline constexpr auto spec_of<group_add> = spec<group_add>(
    "group.add", editors, required("groupId", &group_add::group_id, id{}),
    required("title", &group_add::title, title),
    required("cardIds", &group_add::card_ids, id_list{lim::min_group_cards, lim::max_group_cards}));
template <> inline constexpr auto spec_of<card_group> = spec<card_group>(
    "card.group", editors, required("cardId", &card_group::card_id, id{}),
    required("groupId", &card_group::group_id, id{}));
template <> inline constexpr auto spec_of<card_ungroup> = spec<card_ungroup>(
    "card.ungroup", editors, required("cardId", &card_ungroup::card_id, id{}));
template <> inline constexpr auto spec_of<group_update> = spec<group_update>(
    "group.update", editors, required("groupId", &group_update::group_id, id{}),
    required("title", &group_update::title, title));

// Voting (P-VOTE-*).
template <> inline constexpr auto spec_of<round_start> = spec<round_start>(
    "round.start", facilitator, required("roundId", &round_start::round_id, id{}),
    required("criterion", &round_start::criterion, name{lim::max_label}),
    required("budget", &round_start::budget, integer{1, lim::max_budget}),
    required("maxPerItem", &round_start::max_per_item, integer{1, lim::max_budget}),
    nullable("durationMs", &round_start::duration_ms, integer{lim::min_round_ms, lim::max_round_ms}),
    required("anonymous", &round_start::anonymous, boolean{}),
    required("facilitatorVotes", &round_start::facilitator_votes, boolean{}),
    required("scope", &round_start::scope, scope{})).checking(&per_item_within_budget);
template <> inline constexpr auto spec_of<vote_add> = vote<vote_add>("vote.add");
template <> inline constexpr auto spec_of<vote_remove> = vote<vote_remove>("vote.remove");
template <> inline constexpr auto spec_of<vote_done> = spec<vote_done>(
    "vote.done", voters, required("roundId", &vote_done::round_id, id{}),
    required("done", &vote_done::done, boolean{}));
template <> inline constexpr auto spec_of<round_close> = round_command<round_close>("round.close");
template <> inline constexpr auto spec_of<round_cancel> = round_command<round_cancel>("round.cancel");
template <> inline constexpr auto spec_of<round_reopen> = round_command<round_reopen>("round.reopen");
template <> inline constexpr auto spec_of<round_paper> = spec<round_paper>(
    "round.paper", facilitator, required("roundId", &round_paper::round_id, id{}),
    required("label", &round_paper::label, name{lim::max_label}),
    required("votes", &round_paper::votes, paper_votes{}));

// The improvement list (P-IMP-*).
template <> inline constexpr auto spec_of<improvements_rounds> = spec<improvements_rounds>(
    "improvements.rounds", facilitator,
    required("roundIds", &improvements_rounds::round_ids, id_list{0, lim::max_improvement_rounds}));
template <> inline constexpr auto spec_of<improvement_update> = spec<improvement_update>(
    "improvement.update", facilitator, required("itemId", &improvement_update::item_id, id{}),
    optional("owner", &improvement_update::owner, line{lim::max_owner}),
    optional("status", &improvement_update::status, status{})).needing_a_change();

// The journey method (P-METH-*, P-EVAL-*).
template <> inline constexpr auto spec_of<score_set> = spec<score_set>(
    "score.set", voters, required("scale", &score_set::scale, scale{}),
    required("targetId", &score_set::target_id, id{}),
    nullable("value", &score_set::value, score_value{}));  // null: remove the sender's score
template <> inline constexpr auto spec_of<evaluation_open> = spec<evaluation_open>(
    "evaluation.open", facilitator, required("open", &evaluation_open::open, boolean{}));
template <> inline constexpr auto spec_of<evaluation_submit> = spec<evaluation_submit>(
    "evaluation.submit", voters,
    required("rating", &evaluation_submit::rating, integer{method::min_rating, method::max_rating}),
    required("remarks", &evaluation_submit::remarks, multiline{method::max_remarks}));
// P-EVAL-4: a response's remarks on the big screen, or off it.
template <> inline constexpr auto spec_of<evaluation_show> = spec<evaluation_show>(
    "evaluation.show", facilitator, required("responseId", &evaluation_show::response_id, id{}),
    required("shown", &evaluation_show::shown, boolean{}));

}  // namespace op_table
}  // namespace jb::model
