// Decoding of the facilitation, grouping, voting, improvement and method operations (protocol.md,
// "Operations"; P-MSG-1): shapes, types and ranges. Whether ids exist is board::check's job.

#include "model/operation_readers.hpp"
#include "model/text_rules.hpp"

#include <array>
#include <utility>

namespace jb::model {
namespace {

namespace lim = session_limits;
using text::max_title;

operation read_stage_set(field_reader& r) {
    r.allow_only({"kind", "stageId"});
    return stage_set{r.id("stageId")};
}

operation read_stage_update(field_reader& r) {
    r.allow_only({"kind", "stageId", "title", "instruction"});
    stage_update op;
    op.stage_id = r.id("stageId");
    op.title = r.maybe_name_text("title", max_title);
    op.instruction = r.maybe_multiline("instruction", lim::max_instruction);
    if (!r.has("title") && !r.has("instruction"))
        r.fail("bad_message", "", "needs title or instruction");
    return op;
}

operation read_timer_set(field_reader& r) {
    r.allow_only({"kind", "durationMs"});
    return timer_set{r.integer("durationMs", lim::min_timer_ms, lim::max_timer_ms)};
}
operation read_timer_start(field_reader& r) {
    r.allow_only({"kind"});
    return timer_start{};
}
operation read_timer_pause(field_reader& r) {
    r.allow_only({"kind"});
    return timer_pause{};
}
operation read_timer_add(field_reader& r) {
    r.allow_only({"kind", "ms"});
    return timer_add{r.integer("ms", lim::min_timer_add_ms, lim::max_timer_add_ms)};
}
operation read_timer_reset(field_reader& r) {
    r.allow_only({"kind"});
    return timer_reset{};
}

operation read_board_lock(field_reader& r) {
    r.allow_only({"kind", "locked"});
    return board_lock{r.boolean("locked")};
}

operation read_door_set(field_reader& r) {
    r.allow_only({"kind", "open"});
    return door_set{r.boolean("open")};
}

operation read_writing_private(field_reader& r) {
    r.allow_only({"kind", "on"});
    return writing_private{r.boolean("on")};
}

operation read_focus_set(field_reader& r) {
    r.allow_only({"kind", "journeyId", "phaseId"});
    focus_set op;
    op.journey_id = r.nullable_id("journeyId");
    op.phase_id = r.nullable_id("phaseId");
    if (r.ok() && !op.journey_id && op.phase_id)
        r.fail("invalid", "phaseId", "must be null when journeyId is null");
    return op;
}

operation read_screen_pin(field_reader& r) {
    r.allow_only({"kind", "stageId"});
    return screen_pin{r.nullable_id("stageId")};
}

operation read_settings_update(field_reader& r) {
    r.allow_only({"kind", "anonymity"});
    return settings_update{r.anonymity_value("anonymity")};
}

operation read_participant_role(field_reader& r) {
    r.allow_only({"kind", "participantId", "role"});
    participant_role op;
    op.participant_id = r.id("participantId");
    op.new_role = r.granted_role("role");
    return op;
}

operation read_participant_remove(field_reader& r) {
    r.allow_only({"kind", "participantId"});
    return participant_remove{r.id("participantId")};
}

operation read_card_link(field_reader& r) {
    r.allow_only({"kind", "cardId", "targetId"});
    card_link op;
    op.card_id = r.id("cardId");
    op.target_id = r.nullable_id("targetId");
    return op;
}

operation read_group_add(field_reader& r) {
    r.allow_only({"kind", "groupId", "title", "cardIds"});
    group_add op;
    op.group_id = r.id("groupId");
    op.title = r.name_text("title", max_title);
    op.card_ids = r.id_list("cardIds", lim::min_group_cards, lim::max_group_cards);
    return op;
}

operation read_card_group(field_reader& r) {
    r.allow_only({"kind", "cardId", "groupId"});
    card_group op;
    op.card_id = r.id("cardId");
    op.group_id = r.id("groupId");
    return op;
}

operation read_card_ungroup(field_reader& r) {
    r.allow_only({"kind", "cardId"});
    return card_ungroup{r.id("cardId")};
}

operation read_group_update(field_reader& r) {
    r.allow_only({"kind", "groupId", "title"});
    group_update op;
    op.group_id = r.id("groupId");
    op.title = r.name_text("title", max_title);
    return op;
}

round_scope read_scope(field_reader& outer) {
    round_scope scope;
    const nlohmann::json* object = outer.object("scope");
    if (!object) return scope;
    field_reader r(*object, "op.scope.");
    scope.kind = r.scope("kind");
    if (r.ok()) {
        switch (scope.kind) {
        case scope_kind::ideas:
            r.allow_only({"kind"});
            break;
        case scope_kind::lanes:
            r.allow_only({"kind", "laneIds"});
            scope.ids = r.id_list("laneIds", 1, lim::max_scope_ids);
            break;
        case scope_kind::phases:
            r.allow_only({"kind", "phaseIds"});
            scope.ids = r.id_list("phaseIds", 1, lim::max_scope_ids);
            break;
        case scope_kind::cards:
            r.allow_only({"kind", "cardIds"});
            scope.ids = r.id_list("cardIds", 1, lim::max_scope_ids);
            break;
        case scope_kind::top:
            r.allow_only({"kind", "roundId", "n"});
            scope.round_id = r.id("roundId");
            scope.n = r.integer("n", 1, lim::max_top_n);
            break;
        }
    }
    if (!r.ok()) outer.fail_with(*r.error());
    return scope;
}

operation read_round_start(field_reader& r) {
    r.allow_only({"kind", "roundId", "criterion", "budget", "maxPerItem", "durationMs",
                  "anonymous", "facilitatorVotes", "scope"});
    round_start op;
    op.round_id = r.id("roundId");
    op.criterion = r.name_text("criterion", lim::max_label);
    op.budget = r.integer("budget", 1, lim::max_budget);
    op.max_per_item = r.integer("maxPerItem", 1, lim::max_budget);
    op.duration_ms = r.nullable_integer("durationMs", lim::min_round_ms, lim::max_round_ms);
    op.anonymous = r.boolean("anonymous");
    op.facilitator_votes = r.boolean("facilitatorVotes");
    op.scope = read_scope(r);
    if (r.ok() && op.max_per_item > op.budget)
        r.fail("invalid", "maxPerItem", "must be at most budget");
    return op;
}

template <class Vote>
operation read_vote(field_reader& r) {
    r.allow_only({"kind", "roundId", "itemId"});
    Vote op;
    op.round_id = r.id("roundId");
    op.item_id = r.id("itemId");
    return op;
}

operation read_vote_done(field_reader& r) {
    r.allow_only({"kind", "roundId", "done"});
    vote_done op;
    op.round_id = r.id("roundId");
    op.done = r.boolean("done");
    return op;
}

template <class Command>
operation read_round_command(field_reader& r) {
    r.allow_only({"kind", "roundId"});
    return Command{r.id("roundId")};
}

operation read_round_paper(field_reader& r) {
    r.allow_only({"kind", "roundId", "label", "votes"});
    round_paper op;
    op.round_id = r.id("roundId");
    op.label = r.name_text("label", lim::max_label);
    const nlohmann::json* votes = r.object("votes");
    if (!votes) return op;
    if (votes->size() > lim::max_paper_items) {
        r.fail("invalid", "votes", "names more than " + std::to_string(lim::max_paper_items) + " items");
        return op;
    }
    field_reader v(*votes, "op.votes.");
    for (const auto& [item, count] : votes->items()) {
        if (!text::is_valid_id(item)) {
            v.fail("invalid", item, "an item id must match ^[A-Za-z0-9_-]{1,64}$");
            break;
        }
        op.votes.emplace_back(item, v.integer(item, 0, lim::max_paper_votes));
    }
    if (!v.ok()) r.fail_with(*v.error());
    return op;
}

operation read_improvements_rounds(field_reader& r) {
    r.allow_only({"kind", "roundIds"});
    return improvements_rounds{r.id_list("roundIds", 0, lim::max_improvement_rounds)};
}

operation read_improvement_update(field_reader& r) {
    r.allow_only({"kind", "itemId", "owner", "status"});
    improvement_update op;
    op.item_id = r.id("itemId");
    op.owner = r.maybe_line("owner", lim::max_owner);
    op.status = r.maybe_status("status");
    if (!r.has("owner") && !r.has("status")) r.fail("bad_message", "", "needs owner or status");
    return op;
}

// P-METH-2: the value's range depends on the scale; null removes the score.
operation read_score_set(field_reader& r) {
    r.allow_only({"kind", "scale", "targetId", "value"});
    score_set op;
    op.scale = r.scale("scale");
    op.target_id = r.id("targetId");
    op.value = r.nullable_integer("value", scale_min(op.scale), scale_max(op.scale));
    return op;
}

operation read_evaluation_open(field_reader& r) {
    r.allow_only({"kind", "open"});
    return evaluation_open{r.boolean("open")};
}

operation read_evaluation_submit(field_reader& r) {
    r.allow_only({"kind", "rating", "remarks"});
    evaluation_submit op;
    op.rating = r.integer("rating", method_limits::min_rating, method_limits::max_rating);
    op.remarks = r.multiline("remarks", method_limits::max_remarks);
    return op;
}

operation read_evaluation_show(field_reader& r) {
    r.allow_only({"kind", "responseId", "shown"});
    evaluation_show op;
    op.response_id = r.id("responseId");
    op.shown = r.boolean("shown");
    return op;
}

constexpr std::array<std::pair<std::string_view, reader_fn>, 34> readers{{
    {"stage.set", &read_stage_set},
    {"stage.update", &read_stage_update},
    {"timer.set", &read_timer_set},
    {"timer.start", &read_timer_start},
    {"timer.pause", &read_timer_pause},
    {"timer.add", &read_timer_add},
    {"timer.reset", &read_timer_reset},
    {"board.lock", &read_board_lock},
    {"door.set", &read_door_set},
    {"writing.private", &read_writing_private},
    {"focus.set", &read_focus_set},
    {"screen.pin", &read_screen_pin},
    {"settings.update", &read_settings_update},
    {"participant.role", &read_participant_role},
    {"participant.remove", &read_participant_remove},
    {"card.link", &read_card_link},
    {"group.add", &read_group_add},
    {"card.group", &read_card_group},
    {"card.ungroup", &read_card_ungroup},
    {"group.update", &read_group_update},
    {"round.start", &read_round_start},
    {"vote.add", &read_vote<vote_add>},
    {"vote.remove", &read_vote<vote_remove>},
    {"vote.done", &read_vote_done},
    {"round.close", &read_round_command<round_close>},
    {"round.cancel", &read_round_command<round_cancel>},
    {"round.reopen", &read_round_command<round_reopen>},
    {"round.paper", &read_round_paper},
    {"improvements.rounds", &read_improvements_rounds},
    {"improvement.update", &read_improvement_update},
    {"score.set", &read_score_set},
    {"evaluation.open", &read_evaluation_open},
    {"evaluation.submit", &read_evaluation_submit},
    {"evaluation.show", &read_evaluation_show},
}};

}  // namespace

reader_fn find_session_reader(std::string_view kind) {
    for (const auto& [name, read] : readers)
        if (name == kind) return read;
    return nullptr;
}

}  // namespace jb::model
