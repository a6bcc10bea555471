// The facilitator's controls (protocol.md, P-FAC-*): stages, the timer, the lock, private
// writing and its reveal, "follow me", the big screen's pinned stage and the anonymity setting. Role checks are board::check's.

#include "model/rules.hpp"

#include <algorithm>

namespace jb::model {
namespace {

using nlohmann::json;

const stage* find_stage(const board& b, const std::string& id) {
    const auto& stages = b.state().facilitation.stages;
    const auto it = std::find_if(stages.begin(), stages.end(), [&](const stage& s) { return s.id == id; });
    return it == stages.end() ? nullptr : &*it;
}

check_result no_stage(const std::string& id) {
    return rule_error("not_found", "stageId", "no stage " + quote_name(id));
}

timer_state& timer(board& b) { return b.state_mut().facilitation.timer; }

}  // namespace

check_result check_rule(const board& b, const stage_set& o, const op_context&) {
    return find_stage(b, o.stage_id) ? std::nullopt : no_stage(o.stage_id);
}
void apply_rule(board& b, const stage_set& o, const op_context&) {
    b.state_mut().facilitation.stage_id = o.stage_id;
}

check_result check_rule(const board& b, const stage_update& o, const op_context&) {
    return find_stage(b, o.stage_id) ? std::nullopt : no_stage(o.stage_id);
}
void apply_rule(board& b, const stage_update& o, const op_context&) {
    for (auto& s : b.state_mut().facilitation.stages) {
        if (s.id != o.stage_id) continue;
        if (o.title) s.title = *o.title;
        if (o.instruction) s.instruction = *o.instruction;
    }
}

// P-FAC-2: the server owns the timer; clients show endsAt − (server) now.
check_result check_rule(const board&, const timer_set&, const op_context&) { return std::nullopt; }
void apply_rule(board& b, const timer_set& o, const op_context&) {
    timer(b) = timer_state{o.duration_ms, o.duration_ms, std::nullopt};
}

check_result check_rule(const board& b, const timer_start&, const op_context&) {
    const auto& t = b.state().facilitation.timer;
    if (t.ends_at) return op_error{"conflict", "op: the timer is already running"};
    if (t.remaining_ms <= 0) return op_error{"conflict", "op: the timer has no time left; reset it"};
    return std::nullopt;
}
void apply_rule(board& b, const timer_start&, const op_context& ctx) {
    auto& t = timer(b);
    t.ends_at = ctx.at + t.remaining_ms;
}

check_result check_rule(const board& b, const timer_pause&, const op_context&) {
    if (!b.state().facilitation.timer.ends_at) return op_error{"conflict", "op: the timer is not running"};
    return std::nullopt;
}
void apply_rule(board& b, const timer_pause&, const op_context& ctx) {
    auto& t = timer(b);
    t.remaining_ms = std::max<std::int64_t>(0, *t.ends_at - ctx.at);
    t.ends_at.reset();
}

check_result check_rule(const board&, const timer_add&, const op_context&) { return std::nullopt; }
void apply_rule(board& b, const timer_add& o, const op_context& ctx) {
    auto& t = timer(b);
    if (t.ends_at) {
        // A timer that already ran out restarts from now rather than from the past.
        t.ends_at = std::max(*t.ends_at, ctx.at) + o.ms;
    } else {
        t.remaining_ms += o.ms;
    }
    t.duration_ms += o.ms;
}

check_result check_rule(const board&, const timer_reset&, const op_context&) { return std::nullopt; }
void apply_rule(board& b, const timer_reset&, const op_context&) {
    auto& t = timer(b);
    t.remaining_ms = t.duration_ms;
    t.ends_at.reset();
}

check_result check_rule(const board&, const board_lock&, const op_context&) { return std::nullopt; }
void apply_rule(board& b, const board_lock& o, const op_context&) {
    b.state_mut().facilitation.locked = o.locked;
}

check_result check_rule(const board&, const door_set&, const op_context&) { return std::nullopt; }
void apply_rule(board& b, const door_set& o, const op_context&) {
    b.state_mut().facilitation.door_open = o.open;
}

// Turning private writing off reveals every private card at once: the event's patch carries them.
check_result check_rule(const board&, const writing_private&, const op_context&) { return std::nullopt; }
void apply_rule(board& b, const writing_private& o, const op_context&) {
    b.state_mut().facilitation.private_writing = o.on;
    if (o.on) return;
    for (auto& [id, c] : b.cards_mut()) c.private_card = false;
}

check_result check_rule(const board& b, const focus_set& o, const op_context&) {
    if (!o.journey_id) return std::nullopt;
    if (!b.find_journey(*o.journey_id))
        return rule_error("not_found", "journeyId", "no journey " + quote_name(*o.journey_id));
    if (o.phase_id) {
        const journey* owner = b.phase_owner(*o.phase_id);
        if (!owner) return rule_error("not_found", "phaseId", "no phase " + quote_name(*o.phase_id));
        if (owner->id != *o.journey_id)
            return rule_error("invalid", "phaseId", "phase " + quote_name(*o.phase_id) +
                                                        " is not in journey " + quote_name(*o.journey_id));
    }
    return std::nullopt;
}
void apply_rule(board& b, const focus_set& o, const op_context&) {
    auto& focus = b.state_mut().facilitation.focus;
    if (o.journey_id)
        focus = focus_target{*o.journey_id, o.phase_id};
    else
        focus.reset();
}

// P-FAC-10: pinning names a stage, so the screen shows what it shows in that stage.
check_result check_rule(const board& b, const screen_pin& o, const op_context&) {
    if (o.stage_id && !find_stage(b, *o.stage_id)) return no_stage(*o.stage_id);
    return std::nullopt;
}
void apply_rule(board& b, const screen_pin& o, const op_context&) {
    b.state_mut().facilitation.screen_pin = o.stage_id;
}

check_result check_rule(const board&, const settings_update&, const op_context&) { return std::nullopt; }
void apply_rule(board& b, const settings_update& o, const op_context&) {
    b.state_mut().facilitation.anonymous_lanes = o.value;
}

// Participants are the room's: it checks and applies these against its participant records
// (P-ROLE-3, P-ROLE-4). The board keeps nothing of them.
check_result check_rule(const board&, const participant_role&, const op_context&) { return std::nullopt; }
void apply_rule(board&, const participant_role&, const op_context&) {}
check_result check_rule(const board&, const participant_remove&, const op_context&) { return std::nullopt; }
void apply_rule(board&, const participant_remove&, const op_context&) {}

}  // namespace jb::model
