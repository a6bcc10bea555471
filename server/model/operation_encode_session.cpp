// Encoding of the facilitation, grouping, voting and improvement operations: the canonical
// JSON the log stores and events carry.

#include "model/operation_readers.hpp"
#include "model/overloaded.hpp"

namespace jb::model {
namespace {

using nlohmann::json;

json nullable(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }

json scope_json(const round_scope& s) {
    json j{{"kind", to_string(s.kind)}};
    switch (s.kind) {
    case scope_kind::ideas: break;
    case scope_kind::lanes: j["laneIds"] = s.ids; break;
    case scope_kind::phases: j["phaseIds"] = s.ids; break;
    case scope_kind::cards: j["cardIds"] = s.ids; break;
    case scope_kind::top:
        j["roundId"] = s.round_id;
        j["n"] = s.n;
        break;
    }
    return j;
}

}  // namespace

json encode_scope(const round_scope& s) { return scope_json(s); }

std::string_view session_kind_name(const operation& op) {
    return std::visit(
        overloaded{
            [](const stage_set&) { return "stage.set"; },
            [](const stage_update&) { return "stage.update"; },
            [](const timer_set&) { return "timer.set"; },
            [](const timer_start&) { return "timer.start"; },
            [](const timer_pause&) { return "timer.pause"; },
            [](const timer_add&) { return "timer.add"; },
            [](const timer_reset&) { return "timer.reset"; },
            [](const board_lock&) { return "board.lock"; },
            [](const door_set&) { return "door.set"; },
            [](const writing_private&) { return "writing.private"; },
            [](const focus_set&) { return "focus.set"; },
            [](const screen_pin&) { return "screen.pin"; },
            [](const settings_update&) { return "settings.update"; },
            [](const participant_role&) { return "participant.role"; },
            [](const participant_remove&) { return "participant.remove"; },
            [](const card_link&) { return "card.link"; },
            [](const group_add&) { return "group.add"; },
            [](const card_group&) { return "card.group"; },
            [](const card_ungroup&) { return "card.ungroup"; },
            [](const group_update&) { return "group.update"; },
            [](const round_start&) { return "round.start"; },
            [](const vote_add&) { return "vote.add"; },
            [](const vote_remove&) { return "vote.remove"; },
            [](const vote_done&) { return "vote.done"; },
            [](const round_close&) { return "round.close"; },
            [](const round_cancel&) { return "round.cancel"; },
            [](const round_reopen&) { return "round.reopen"; },
            [](const round_paper&) { return "round.paper"; },
            [](const improvements_rounds&) { return "improvements.rounds"; },
            [](const improvement_update&) { return "improvement.update"; },
            [](const score_set&) { return "score.set"; },
            [](const evaluation_open&) { return "evaluation.open"; },
            [](const evaluation_submit&) { return "evaluation.submit"; },
            [](const evaluation_show&) { return "evaluation.show"; },
            [](const auto&) { return ""; },
        },
        op);
}

void encode_session_fields(json& j, const operation& op) {
    std::visit(
        overloaded{
            [&](const stage_set& o) { j["stageId"] = o.stage_id; },
            [&](const stage_update& o) {
                j["stageId"] = o.stage_id;
                if (o.title) j["title"] = *o.title;
                if (o.instruction) j["instruction"] = *o.instruction;
            },
            [&](const timer_set& o) { j["durationMs"] = o.duration_ms; },
            [&](const timer_add& o) { j["ms"] = o.ms; },
            [&](const board_lock& o) { j["locked"] = o.locked; },
            [&](const door_set& o) { j["open"] = o.open; },
            [&](const writing_private& o) { j["on"] = o.on; },
            [&](const focus_set& o) {
                j["journeyId"] = nullable(o.journey_id);
                j["phaseId"] = nullable(o.phase_id);
            },
            [&](const screen_pin& o) { j["stageId"] = nullable(o.stage_id); },
            [&](const settings_update& o) { j["anonymity"] = to_string(o.value); },
            [&](const participant_role& o) {
                j["participantId"] = o.participant_id;
                j["role"] = to_string(o.new_role);
            },
            [&](const participant_remove& o) { j["participantId"] = o.participant_id; },
            [&](const card_link& o) {
                j["cardId"] = o.card_id;
                j["targetId"] = nullable(o.target_id);
            },
            [&](const group_add& o) {
                j["groupId"] = o.group_id;
                j["title"] = o.title;
                j["cardIds"] = o.card_ids;
            },
            [&](const card_group& o) {
                j["cardId"] = o.card_id;
                j["groupId"] = o.group_id;
            },
            [&](const card_ungroup& o) { j["cardId"] = o.card_id; },
            [&](const group_update& o) {
                j["groupId"] = o.group_id;
                j["title"] = o.title;
            },
            [&](const round_start& o) {
                j["roundId"] = o.round_id;
                j["criterion"] = o.criterion;
                j["budget"] = o.budget;
                j["maxPerItem"] = o.max_per_item;
                j["durationMs"] = o.duration_ms ? json(*o.duration_ms) : json(nullptr);
                j["anonymous"] = o.anonymous;
                j["facilitatorVotes"] = o.facilitator_votes;
                j["scope"] = scope_json(o.scope);
            },
            [&](const vote_add& o) {
                j["roundId"] = o.round_id;
                j["itemId"] = o.item_id;
            },
            [&](const vote_remove& o) {
                j["roundId"] = o.round_id;
                j["itemId"] = o.item_id;
            },
            [&](const vote_done& o) {
                j["roundId"] = o.round_id;
                j["done"] = o.done;
            },
            [&](const round_close& o) { j["roundId"] = o.round_id; },
            [&](const round_cancel& o) { j["roundId"] = o.round_id; },
            [&](const round_reopen& o) { j["roundId"] = o.round_id; },
            [&](const round_paper& o) {
                j["roundId"] = o.round_id;
                j["label"] = o.label;
                json votes = json::object();
                for (const auto& [item, n] : o.votes) votes[item] = n;
                j["votes"] = std::move(votes);
            },
            [&](const improvements_rounds& o) { j["roundIds"] = o.round_ids; },
            [&](const improvement_update& o) {
                j["itemId"] = o.item_id;
                if (o.owner) j["owner"] = *o.owner;
                if (o.status) j["status"] = to_string(*o.status);
            },
            [&](const score_set& o) {
                j["scale"] = to_string(o.scale);
                j["targetId"] = o.target_id;
                j["value"] = o.value ? json(*o.value) : json(nullptr);
            },
            [&](const evaluation_open& o) { j["open"] = o.open; },
            [&](const evaluation_submit& o) {
                j["rating"] = o.rating;
                j["remarks"] = o.remarks;
            },
            [&](const evaluation_show& o) {
                j["responseId"] = o.response_id;
                j["shown"] = o.shown;
            },
            [](const auto&) {},
        },
        op);
}

}  // namespace jb::model
