// The closing evaluation poll (protocol.md, P-EVAL-1 … P-EVAL-3): the facilitator opens and
// closes it; each participant's latest response counts, anonymous to everyone else.

#include "model/rules.hpp"

#include <algorithm>

namespace jb::model {

using nlohmann::json;

check_result check_rule(const board&, const evaluation_open&, const op_context&) {
    return std::nullopt;
}
json apply_rule(board& b, const evaluation_open& o, const op_context&) {
    b.state_mut().evaluation.open = o.open;
    return nullptr;
}

check_result check_rule(const board& b, const evaluation_submit&, const op_context& ctx) {
    if (!b.state().evaluation.open) return op_error{"conflict", "op: the evaluation poll is closed"};
    if (ctx.actor_id.empty()) return op_error{"forbidden", "op.kind: a screen does not answer the poll"};
    return std::nullopt;
}
// Submitting again replaces the response in place, keeping its id.
json apply_rule(board& b, const evaluation_submit& o, const op_context& ctx) {
    auto& responses = b.state_mut().evaluation.responses;
    auto it = std::find_if(responses.begin(), responses.end(),
                           [&](const evaluation_response& r) { return r.participant_id == ctx.actor_id; });
    if (it == responses.end()) {
        evaluation_response r;
        r.id = "r" + std::to_string(responses.size() + 1);
        r.participant_id = ctx.actor_id;
        it = responses.insert(responses.end(), std::move(r));
    }
    it->rating = o.rating;
    it->remarks = o.remarks;
    it->at = ctx.at;
    return json{{"responseId", it->id}, {"count", responses.size()}};
}

}  // namespace jb::model
