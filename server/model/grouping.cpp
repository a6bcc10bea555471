// Grouping ideas before voting and linking an idea to a pain point (protocol.md, P-VOTE-4,
// P-IMP-2). Also the card helpers the other rule files share.

#include "model/rules.hpp"

#include <algorithm>

namespace jb::model {
namespace {

using nlohmann::json;

lane_kind kind_of_lane(const board& b, const std::string& lane_id) {
    const lane* l = b.find_lane(lane_id);
    return l ? l->kind : lane_kind::custom;
}

check_result no_group(const std::string& id) {
    return rule_error("not_found", "groupId", "no group " + quote_name(id));
}

bool group_in_open_round(const board& b, const std::string& group_id) {
    const voting_round* r = b.state().open_round();
    return r && std::find(r->items.begin(), r->items.end(), group_id) != r->items.end();
}

check_result round_conflict(std::string_view field, const std::string& id) {
    return rule_error("conflict", field,
                      quote_name(id) + " is an item of the open round; close or cancel it first");
}

// Groups and links are seen by everyone, so they take only cards everyone can see: a private
// card (its author's own, P-FAC-6) must be revealed first, or its event would show it to all.
check_result private_conflict(std::string_view field, const card& c) {
    if (!c.private_card) return std::nullopt;
    return rule_error("conflict", field,
                      "card " + quote_name(c.id) + " is private until the cards are revealed");
}

}  // namespace

const card* visible_card(const board& b, const std::string& id, const op_context& ctx) {
    const card* c = b.find_card(id);
    if (!c || (c->private_card && c->author_id != ctx.actor_id)) return nullptr;
    return c;
}

bool in_lane_of_kind(const board& b, const card& c, lane_kind kind) {
    const lane* l = b.find_lane(c.lane_id);
    return l && l->kind == kind;
}

check_result no_such_card(std::string_view field, const std::string& id) {
    return rule_error("not_found", field, "no card " + quote_name(id));
}

bool in_open_round(const board& b, const card& c) {
    const voting_round* r = b.state().open_round();
    if (!r) return false;
    const auto has = [&](const std::string& id) {
        return std::find(r->items.begin(), r->items.end(), id) != r->items.end();
    };
    return has(c.id) || (c.group_id && has(*c.group_id));
}

void leave_group(board& b, card& c) {
    if (!c.group_id) return;
    const std::string group_id = *c.group_id;
    c.group_id.reset();
    std::vector<card*> rest;
    for (auto& [id, other] : b.cards_mut())
        if (other.group_id == group_id) rest.push_back(&other);
    if (rest.size() >= session_limits::min_group_cards) return;
    for (card* other : rest) other->group_id.reset();
    b.state_mut().groups.erase(group_id);
}

check_result check_rule(const board& b, const card_link& o, const op_context& ctx) {
    const card* c = visible_card(b, o.card_id, ctx);
    if (!c) return no_such_card("cardId", o.card_id);
    if (auto refused = private_conflict("cardId", *c)) return refused;
    if (kind_of_lane(b, c->lane_id) != lane_kind::idea)
        return rule_error("invalid", "cardId", "only a card in an idea lane can be linked");
    if (!o.target_id) return std::nullopt;
    const card* t = visible_card(b, *o.target_id, ctx);
    if (!t) return no_such_card("targetId", *o.target_id);
    if (auto refused = private_conflict("targetId", *t)) return refused;
    if (kind_of_lane(b, t->lane_id) != lane_kind::pain_point)
        return rule_error("invalid", "targetId", "the target must be a card in a pain point lane");
    if (t->journey_id != c->journey_id)
        return rule_error("invalid", "targetId", "the target must be in the same journey");
    return std::nullopt;
}
void apply_rule(board& b, const card_link& o, const op_context&) {
    if (card* c = b.find_card_mut(o.card_id)) c->linked_to = o.target_id;
}

check_result check_rule(const board& b, const group_add& o, const op_context& ctx) {
    if (b.state().groups.contains(o.group_id) || b.find_card(o.group_id))
        return rule_error("conflict", "groupId", "a group or card " + quote_name(o.group_id) + " already exists");
    if (b.state().groups.size() >= session_limits::max_groups)
        return op_error{"limit", "op: the workshop already holds " +
                                     std::to_string(session_limits::max_groups) + " groups"};
    std::string journey_id;
    for (const auto& id : o.card_ids) {
        const card* c = visible_card(b, id, ctx);
        if (!c) return no_such_card("cardIds", id);
        if (auto refused = private_conflict("cardIds", *c)) return refused;
        if (journey_id.empty()) journey_id = c->journey_id;
        if (c->journey_id != journey_id)
            return rule_error("invalid", "cardIds", "the cards must be in one journey");
        if (c->group_id)
            return rule_error("conflict", "cardIds", "card " + quote_name(id) + " is already in a group");
        if (in_open_round(b, *c)) return round_conflict("cardIds", id);
    }
    return std::nullopt;
}
void apply_rule(board& b, const group_add& o, const op_context&) {
    std::string journey_id;
    for (const auto& id : o.card_ids) {
        if (card* c = b.find_card_mut(id)) {
            c->group_id = o.group_id;
            journey_id = c->journey_id;
        }
    }
    b.state_mut().groups[o.group_id] = card_group_info{o.group_id, journey_id, o.title};
}

check_result check_rule(const board& b, const card_group& o, const op_context& ctx) {
    const card* c = visible_card(b, o.card_id, ctx);
    if (!c) return no_such_card("cardId", o.card_id);
    const auto g = b.state().groups.find(o.group_id);
    if (g == b.state().groups.end()) return no_group(o.group_id);
    if (auto refused = private_conflict("cardId", *c)) return refused;
    if (c->group_id) return rule_error("conflict", "cardId", "the card is already in a group");
    if (g->second.journey_id != c->journey_id)
        return rule_error("invalid", "groupId", "the group is in another journey");
    if (in_open_round(b, *c)) return round_conflict("cardId", o.card_id);
    if (group_in_open_round(b, o.group_id)) return round_conflict("groupId", o.group_id);
    return std::nullopt;
}
void apply_rule(board& b, const card_group& o, const op_context&) {
    if (card* c = b.find_card_mut(o.card_id)) c->group_id = o.group_id;
}

check_result check_rule(const board& b, const card_ungroup& o, const op_context& ctx) {
    const card* c = visible_card(b, o.card_id, ctx);
    if (!c) return no_such_card("cardId", o.card_id);
    if (!c->group_id) return rule_error("conflict", "cardId", "the card is not in a group");
    if (in_open_round(b, *c)) return round_conflict("cardId", o.card_id);
    return std::nullopt;
}
void apply_rule(board& b, const card_ungroup& o, const op_context&) {
    if (card* c = b.find_card_mut(o.card_id)) leave_group(b, *c);
}

check_result check_rule(const board& b, const group_update& o, const op_context&) {
    return b.state().groups.contains(o.group_id) ? std::nullopt : no_group(o.group_id);
}
void apply_rule(board& b, const group_update& o, const op_context&) {
    const auto g = b.state_mut().groups.find(o.group_id);
    if (g != b.state_mut().groups.end()) g->second.title = o.title;
}

}  // namespace jb::model
