// Dot voting rounds (protocol.md, P-VOTE-*): start on a scope, votes within budget and cap,
// done, close with the ranked result, cancel, re-open, paper votes.

#include "model/ranking.hpp"
#include "model/rules.hpp"
#include "model/session_json.hpp"

#include <algorithm>
#include <set>
#include <variant>

namespace jb::model {
namespace {

using nlohmann::json;

bool is_idea(const board& b, const card& c) { return in_lane_of_kind(b, c, lane_kind::idea); }

// The items a round.start would vote on, or why it cannot start.
std::variant<std::vector<std::string>, op_error> resolve_scope(const board& b, const round_scope& s) {
    std::vector<const card*> cards;
    const auto all = [&](auto pred) {
        for (const auto& [id, c] : b.cards())
            if (!c.private_card && pred(c)) cards.push_back(&c);
    };
    const auto contains = [&](const std::string& id) {
        return std::find(s.ids.begin(), s.ids.end(), id) != s.ids.end();
    };
    switch (s.kind) {
    case scope_kind::ideas:
        all([&](const card& c) { return is_idea(b, c); });
        break;
    case scope_kind::lanes:
        for (const auto& id : s.ids)
            if (!b.find_lane(id)) return rule_error("not_found", "scope.laneIds", "no lane " + quote_name(id));
        all([&](const card& c) { return contains(c.lane_id); });
        break;
    case scope_kind::phases:
        for (const auto& id : s.ids)
            if (!b.phase_owner(id)) return rule_error("not_found", "scope.phaseIds", "no phase " + quote_name(id));
        all([&](const card& c) { return is_idea(b, c) && contains(c.phase_id); });
        break;
    case scope_kind::cards:
        for (const auto& id : s.ids) {
            const card* c = b.find_card(id);
            if (!c || c->private_card) return *no_such_card("scope.cardIds", id);
            cards.push_back(c);
        }
        break;
    case scope_kind::top: {
        const voting_round* from = b.state().find_round(s.round_id);
        if (!from) return rule_error("not_found", "scope.roundId", "no round " + quote_name(s.round_id));
        if (from->status != round_status::closed)
            return rule_error("conflict", "scope.roundId", "round " + quote_name(s.round_id) + " is not closed");
        // Items that still exist: a card on its own, or a group's cards (their group once).
        for (const auto& id : top_items(*from, s.n)) {
            const card* c = b.find_card(id);
            if (c && !c->private_card && !c->group_id) cards.push_back(c);
            if (b.state().groups.contains(id))
                all([&](const card& member) { return member.group_id == id; });
        }
        break;
    }
    }
    auto items = items_in_board_order(b, cards);
    if (items.empty()) return rule_error("invalid", "scope", "holds no cards to vote on");
    return items;
}

check_result no_round(const std::string& id) {
    return rule_error("not_found", "roundId", "no round " + quote_name(id));
}

// The limits a voter's ballot stays within (P-VOTE-5): vote.add and check_ballot share them.
bool round_has_item(const voting_round& r, const std::string& item_id) {
    return std::find(r.items.begin(), r.items.end(), item_id) != r.items.end();
}
op_error no_item(std::string_view field, const std::string& item_id) {
    return rule_error("not_found", field, "no item " + quote_name(item_id) + " in this round");
}
op_error budget_used(const voting_round& r) {
    return op_error{"limit", "op: all " + std::to_string(r.budget) + " votes are used"};
}
op_error item_cap(std::string_view field, const voting_round& r) {
    return rule_error("limit", field, "at most " + std::to_string(r.max_per_item) + " votes per item");
}

// The round, open, with this item; or the error.
std::variant<const voting_round*, op_error> open_round_with(const board& b, const std::string& round_id,
                                                            const std::string* item_id) {
    const voting_round* r = b.state().find_round(round_id);
    if (!r) return *no_round(round_id);
    if (r->status != round_status::open)
        return rule_error("conflict", "roundId", "round " + quote_name(round_id) + " is not open");
    if (item_id && !round_has_item(*r, *item_id)) return no_item("itemId", *item_id);
    return r;
}

// Facilitators vote only in rounds that say so (P-VOTE-5).
check_result check_voter(const voting_round& r, const op_context& ctx) {
    if (ctx.actor_role == role::screen || ctx.actor_id.empty())
        return op_error{"forbidden", "op.kind: a screen does not vote"};
    if (!votes_in_round(ctx.actor_role, r.facilitator_votes))
        return op_error{"forbidden", "op.kind: facilitators do not vote in this round"};
    return std::nullopt;
}

voting_round& round_of(board& b, const std::string& id) { return *b.state_mut().find_round(id); }

// A round keeps its items when it closes, but the board moves on: after a re-open (P-VOTE-11) an
// item whose card or group was deleted since gets no new votes (P-VOTE-5).
check_result item_gone(const board& b, const std::string& field, const std::string& item_id) {
    if (b.find_card(item_id) || b.state().groups.contains(item_id)) return std::nullopt;
    return rule_error("not_found", field, "item " + quote_name(item_id) + " is no longer on the board");
}

}  // namespace

bool votes_in_round(role who, bool facilitator_votes) {
    switch (who) {
        case role::participant: return true;
        case role::facilitator: return facilitator_votes;
        case role::screen: return false;
    }
    return false;
}

check_result check_rule(const board& b, const round_start& o, const op_context&) {
    if (b.state().find_round(o.round_id))
        return rule_error("conflict", "roundId", "a round " + quote_name(o.round_id) + " already exists");
    if (b.state().open_round()) return rule_error("conflict", "roundId", "another round is open");
    if (b.state().rounds.size() >= session_limits::max_rounds)
        return op_error{"limit", "op: the workshop already holds " +
                                     std::to_string(session_limits::max_rounds) + " rounds"};
    auto items = resolve_scope(b, o.scope);
    if (auto* e = std::get_if<op_error>(&items)) return *e;
    return std::nullopt;
}
void apply_rule(board& b, const round_start& o, const op_context& ctx) {
    auto items = resolve_scope(b, o.scope);
    voting_round r;
    r.id = o.round_id;
    r.number = static_cast<std::int64_t>(b.state().rounds.size()) + 1;
    r.criterion = o.criterion;
    r.budget = o.budget;
    r.max_per_item = o.max_per_item;
    r.duration_ms = o.duration_ms;
    r.anonymous = o.anonymous;
    r.facilitator_votes = o.facilitator_votes;
    r.scope = o.scope;
    if (auto* list = std::get_if<std::vector<std::string>>(&items)) r.items = std::move(*list);
    r.started_at = ctx.at;
    if (o.duration_ms) r.ends_at = ctx.at + *o.duration_ms;
    b.state_mut().rounds.push_back(std::move(r));
}

check_result check_rule(const board& b, const vote_add& o, const op_context& ctx) {
    auto found = open_round_with(b, o.round_id, &o.item_id);
    if (auto* e = std::get_if<op_error>(&found)) return *e;
    const voting_round& r = *std::get<const voting_round*>(found);
    if (auto e = check_voter(r, ctx)) return e;
    if (auto e = item_gone(b, "itemId", o.item_id)) return e;
    if (r.used_by(ctx.actor_id) >= r.budget) return budget_used(r);
    const auto ballot = r.ballots.find(ctx.actor_id);
    const std::int64_t on_item =
        ballot == r.ballots.end() || !ballot->second.contains(o.item_id) ? 0 : ballot->second.at(o.item_id);
    if (on_item >= r.max_per_item) return item_cap("itemId", r);
    return std::nullopt;
}
void apply_rule(board& b, const vote_add& o, const op_context& ctx) {
    ++round_of(b, o.round_id).ballots[ctx.actor_id][o.item_id];
}

check_result check_rule(const board& b, const vote_remove& o, const op_context& ctx) {
    auto found = open_round_with(b, o.round_id, &o.item_id);
    if (auto* e = std::get_if<op_error>(&found)) return *e;
    const voting_round& r = *std::get<const voting_round*>(found);
    if (auto e = check_voter(r, ctx)) return e;
    const auto ballot = r.ballots.find(ctx.actor_id);
    if (ballot == r.ballots.end() || !ballot->second.contains(o.item_id))
        return rule_error("conflict", "itemId", "you have no vote on this item");
    return std::nullopt;
}
void apply_rule(board& b, const vote_remove& o, const op_context& ctx) {
    auto& r = round_of(b, o.round_id);
    auto& ballot = r.ballots[ctx.actor_id];
    if (--ballot[o.item_id] <= 0) ballot.erase(o.item_id);
    if (ballot.empty()) r.ballots.erase(ctx.actor_id);
}

check_result check_rule(const board& b, const vote_done& o, const op_context& ctx) {
    auto found = open_round_with(b, o.round_id, nullptr);
    if (auto* e = std::get_if<op_error>(&found)) return *e;
    return check_voter(*std::get<const voting_round*>(found), ctx);
}
void apply_rule(board& b, const vote_done& o, const op_context& ctx) {
    auto& r = round_of(b, o.round_id);
    if (o.done)
        r.done.insert(ctx.actor_id);
    else
        r.done.erase(ctx.actor_id);
}

check_result check_rule(const board& b, const round_close& o, const op_context&) {
    auto found = open_round_with(b, o.round_id, nullptr);
    if (auto* e = std::get_if<op_error>(&found)) return *e;
    return std::nullopt;
}
void apply_rule(board& b, const round_close& o, const op_context& ctx) {
    auto& r = round_of(b, o.round_id);
    r.status = round_status::closed;
    r.closed_at = ctx.at;
    r.result = rank_round(b, r);
}

check_result check_rule(const board& b, const round_cancel& o, const op_context&) {
    const voting_round* r = b.state().find_round(o.round_id);
    if (!r) return no_round(o.round_id);
    if (r->status == round_status::cancelled)
        return rule_error("conflict", "roundId", "the round is already cancelled");
    return std::nullopt;
}
void apply_rule(board& b, const round_cancel& o, const op_context& ctx) {
    auto& r = round_of(b, o.round_id);
    r.status = round_status::cancelled;
    r.closed_at = ctx.at;
    r.ballots.clear();
    r.done.clear();
    r.paper.clear();
    r.result.reset();
}

check_result check_rule(const board& b, const round_reopen& o, const op_context&) {
    const voting_round* r = b.state().find_round(o.round_id);
    if (!r) return no_round(o.round_id);
    if (r->status == round_status::open) return rule_error("conflict", "roundId", "the round is open");
    if (b.state().open_round()) return rule_error("conflict", "roundId", "another round is open");
    return std::nullopt;
}
void apply_rule(board& b, const round_reopen& o, const op_context& ctx) {
    auto& r = round_of(b, o.round_id);
    r.status = round_status::open;
    r.closed_at.reset();
    r.result.reset();
    r.ends_at.reset();
    if (r.duration_ms) r.ends_at = ctx.at + *r.duration_ms;
}

check_result check_rule(const board& b, const round_paper& o, const op_context&) {
    const voting_round* r = b.state().find_round(o.round_id);
    if (!r) return no_round(o.round_id);
    if (r->status == round_status::cancelled)
        return rule_error("conflict", "roundId", "the round is cancelled");
    for (const auto& [item, n] : o.votes) {
        if (!round_has_item(*r, item)) return no_item("votes", item);
        if (n > 0)
            if (auto e = item_gone(b, "votes", item)) return e;
    }
    const bool known = std::any_of(r->paper.begin(), r->paper.end(),
                                   [&](const paper_tally& t) { return t.label == o.label; });
    if (!known && !o.votes.empty() && r->paper.size() >= session_limits::max_paper_labels)
        return op_error{"limit", "op: the round already holds " +
                                     std::to_string(session_limits::max_paper_labels) + " paper tallies"};
    return std::nullopt;
}
void apply_rule(board& b, const round_paper& o, const op_context&) {
    auto& r = round_of(b, o.round_id);
    auto it = std::find_if(r.paper.begin(), r.paper.end(),
                           [&](const paper_tally& t) { return t.label == o.label; });
    if (o.votes.empty()) {
        if (it != r.paper.end()) r.paper.erase(it);
    } else {
        if (it == r.paper.end()) it = r.paper.insert(r.paper.end(), paper_tally{o.label, {}});
        it->votes.clear();
        for (const auto& [item, n] : o.votes) it->votes[item] = n;
    }
    if (r.status == round_status::closed) r.result = rank_round(b, r);
}

// A whole ballot as vote.add and vote.remove leave one (an imported archive's, P-ARC-2).
check_result check_paper(const voting_round& r) {
    if (r.status == round_status::cancelled && !r.paper.empty())
        return rule_error("conflict", "paper", "a cancelled round holds no paper votes");
    if (r.paper.size() > session_limits::max_paper_labels)
        return rule_error("limit", "paper",
                          "more than " + std::to_string(session_limits::max_paper_labels) + " paper tallies");
    std::set<std::string> labels;
    for (std::size_t i = 0; i < r.paper.size(); ++i) {
        const auto& tally = r.paper[i];
        const std::string at = "paper[" + std::to_string(i) + "]";
        if (!labels.insert(tally.label).second)
            return rule_error("conflict", at, "the label " + quote_name(tally.label) + " comes twice");
        if (tally.votes.size() > session_limits::max_paper_items)
            return rule_error("invalid", at, "names more than " + std::to_string(session_limits::max_paper_items) + " items");
        for (const auto& [item, votes] : tally.votes) {
            if (!round_has_item(r, item)) return no_item(at, item);
            if (votes < 0 || votes > session_limits::max_paper_votes)
                return rule_error("invalid", at, "votes on " + quote_name(item) + " must be 0 to " +
                                                     std::to_string(session_limits::max_paper_votes));
        }
    }
    return std::nullopt;
}

check_result check_ballot(const voting_round& r, const std::map<std::string, std::int64_t>& ballot) {
    std::int64_t used = 0;
    for (const auto& [item, votes] : ballot) {
        if (!round_has_item(r, item)) return no_item(item, item);
        if (votes < 1) return rule_error("invalid", item, "a ballot holds only items with votes");
        if (votes > r.max_per_item) return item_cap(item, r);
        used += votes;
    }
    if (used > r.budget)
        return op_error{"limit", "op: " + std::to_string(used) + " votes where the budget is " +
                                     std::to_string(r.budget)};
    return std::nullopt;
}

}  // namespace jb::model
