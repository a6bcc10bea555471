// The improvement list's settings (protocol.md, P-IMP-*): which closed rounds form it, and each
// item's owner and status. The list itself is computed from the state by whoever shows it.

#include "model/rules.hpp"

#include <algorithm>

namespace jb::model {

using nlohmann::json;

check_result check_rule(const board& b, const improvements_rounds& o, const op_context&) {
    for (const auto& id : o.round_ids) {
        const voting_round* r = b.state().find_round(id);
        if (!r) return rule_error("not_found", "roundIds", "no round " + quote_name(id));
        if (r->status != round_status::closed)
            return rule_error("conflict", "roundIds", "round " + quote_name(id) + " is not closed");
    }
    return std::nullopt;
}
void apply_rule(board& b, const improvements_rounds& o, const op_context&) {
    b.state_mut().improvements.round_ids = o.round_ids;
}

check_result check_rule(const board& b, const improvement_update& o, const op_context&) {
    for (const auto& r : b.state().rounds)
        if (std::find(r.items.begin(), r.items.end(), o.item_id) != r.items.end()) return std::nullopt;
    return rule_error("not_found", "itemId", "no round has an item " + quote_name(o.item_id));
}
void apply_rule(board& b, const improvement_update& o, const op_context&) {
    auto& entry = b.state_mut().improvements.items[o.item_id];
    if (o.owner) entry.owner = *o.owner;
    if (o.status) entry.status = *o.status;
}

}  // namespace jb::model
