// Scores on the journey (protocol.md, P-METH-2 … P-METH-4): emotion now and desired on
// touchpoint cards, expectation and experience on phases and touchpoint cards. One score per
// participant, target and scale; the event carries the target's tally.

#include "model/rules.hpp"
#include "model/session_json.hpp"

namespace jb::model {

using nlohmann::json;

// A card target must be a touchpoint the sender may see and that is not private (its tally
// would name a card others cannot see); expected and experienced may also name a phase.
check_result check_rule(const board& b, const score_set& o, const op_context& ctx) {
    if (const card* c = visible_card(b, o.target_id, ctx)) {
        if (!in_lane_of_kind(b, *c, lane_kind::touchpoint))
            return rule_error("invalid", "targetId",
                              "card " + quote_name(o.target_id) + " is not in a touchpoint lane");
        if (c->private_card)
            return rule_error("conflict", "targetId", "a private card is scored after the reveal");
        return std::nullopt;
    }
    if (!is_emotion(o.scale) && b.phase_owner(o.target_id)) return std::nullopt;
    return rule_error("not_found", "targetId",
                      (is_emotion(o.scale) ? "no card " : "no phase or card ") + quote_name(o.target_id));
}

json apply_rule(board& b, const score_set& o, const op_context& ctx) {
    auto& table = b.state_mut().scores;
    const auto key = std::make_pair(o.scale, o.target_id);
    auto& values = table[key];
    if (o.value)
        values[ctx.actor_id] = *o.value;
    else
        values.erase(ctx.actor_id);
    json effect{{"tally", score_tally(o.scale, o.target_id, values)}};
    if (values.empty()) table.erase(key);
    return effect;
}

void drop_scores(board& b, const std::string& target_id) {
    std::erase_if(b.state_mut().scores,
                  [&](const auto& entry) { return entry.first.second == target_id; });
}

}  // namespace jb::model
