// Scores on the journey (protocol.md, P-METH-2 … P-METH-4): emotion now and desired on
// touchpoint cards, expectation and experience on phases and touchpoint cards. One score per
// participant, target and scale; the event's patch carries the target's tally.

#include "model/rules.hpp"
#include "model/session_json.hpp"

namespace jb::model {

using nlohmann::json;

namespace {

check_result no_target(score_scale scale, const std::string& target_id) {
    return rule_error("not_found", "targetId",
                      (is_emotion(scale) ? "no card " : "no phase or card ") + quote_name(target_id));
}

}  // namespace

// A private card is not scored (its tally would name a card others cannot see); expected and
// experienced may also name a phase.
check_result check_score_target(const board& b, score_scale scale, const std::string& target_id) {
    if (const card* c = b.find_card(target_id)) {
        if (c->private_card)
            return rule_error("conflict", "targetId", "a private card is scored after the reveal");
        return std::nullopt;
    }
    if (!is_emotion(scale) && b.phase_owner(target_id)) return std::nullopt;
    return no_target(scale, target_id);
}

// Live, a card target must also be a touchpoint the sender may see.
check_result check_rule(const board& b, const score_set& o, const op_context& ctx) {
    if (const card* c = visible_card(b, o.target_id, ctx)) {
        if (!in_lane_of_kind(b, *c, lane_kind::touchpoint))
            return rule_error("invalid", "targetId",
                              "card " + quote_name(o.target_id) + " is not in a touchpoint lane");
    } else if (b.find_card(o.target_id)) {
        return no_target(o.scale, o.target_id);  // someone else's private card: not seen
    }
    return check_score_target(b, o.scale, o.target_id);
}

void apply_rule(board& b, const score_set& o, const op_context& ctx) {
    auto& table = b.state_mut().scores;
    const auto key = std::make_pair(o.scale, o.target_id);
    auto& values = table[key];
    if (o.value)
        values[ctx.actor_id] = *o.value;
    else
        values.erase(ctx.actor_id);
    if (values.empty()) table.erase(key);
}

void drop_scores(board& b, const std::string& target_id) {
    std::erase_if(b.state_mut().scores,
                  [&](const auto& entry) { return entry.first.second == target_id; });
}

}  // namespace jb::model
