#include "model/ranking.hpp"

#include "model/sorted.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <tuple>

namespace jb::model {
namespace {

constexpr std::size_t unknown = std::numeric_limits<std::size_t>::max();

// Where a card stands in board order, as a sortable key.
struct position {
    std::size_t journey = unknown, phase = unknown, lane = unknown;
    std::string order_key, id;
    auto operator<=>(const position&) const = default;
};

class board_order {
public:
    explicit board_order(const board& b) : b_(b) {
        std::vector<const journey*> journeys;
        for (const auto& [id, j] : b.journeys()) journeys.push_back(&j);
        std::sort(journeys.begin(), journeys.end(),
                  [](const journey* x, const journey* y) { return display_before(*x, *y); });
        for (std::size_t i = 0; i < journeys.size(); ++i) {
            journey_rank_[journeys[i]->id] = i;
            for (std::size_t k = 0; k < journeys[i]->phases.size(); ++k) phase_rank_[journeys[i]->phases[k].id] = k;
            for (std::size_t k = 0; k < journeys[i]->lanes.size(); ++k) lane_rank_[journeys[i]->lanes[k].id] = k;
        }
    }

    position of_card(const card& c) const {
        return {rank(journey_rank_, c.journey_id), rank(phase_rank_, c.phase_id),
                rank(lane_rank_, c.lane_id), c.order_key, c.id};
    }

    // A card's position, or a group's (its first member card); last when it no longer exists.
    position of_item(const std::string& id) const {
        if (const card* c = b_.find_card(id)) return of_card(*c);
        std::optional<position> first;
        for (const auto& [card_id, c] : b_.cards())
            if (c.group_id == id && (!first || of_card(c) < *first)) first = of_card(c);
        return first.value_or(position{unknown, unknown, unknown, "", id});
    }

private:
    static std::size_t rank(const std::map<std::string, std::size_t>& m, const std::string& id) {
        const auto it = m.find(id);
        return it == m.end() ? unknown : it->second;
    }
    const board& b_;
    std::map<std::string, std::size_t> journey_rank_, phase_rank_, lane_rank_;
};

}  // namespace

std::vector<std::string> items_in_board_order(const board& b, const std::vector<const card*>& cards) {
    const board_order order(b);
    std::vector<std::pair<position, const card*>> sorted;
    for (const card* c : cards) sorted.emplace_back(order.of_card(*c), c);
    std::sort(sorted.begin(), sorted.end(),
              [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<std::string> items;
    std::set<std::string> groups_seen;
    for (const auto& [pos, c] : sorted) {
        if (!c->group_id)
            items.push_back(c->id);
        else if (groups_seen.insert(*c->group_id).second)
            items.push_back(*c->group_id);
    }
    return items;
}

std::vector<const card*> in_board_order(const board& b, std::vector<const card*> cards) {
    const board_order order(b);
    std::stable_sort(cards.begin(), cards.end(),
                     [&](const card* x, const card* y) { return order.of_card(*x) < order.of_card(*y); });
    return cards;
}

const card* item_card(const board& b, const std::string& item_id) {
    if (const card* c = b.find_card(item_id)) return c;
    std::vector<const card*> members;
    for (const auto& [id, c] : b.cards())
        if (c.group_id == item_id) members.push_back(&c);
    members = in_board_order(b, std::move(members));
    return members.empty() ? nullptr : members.front();
}

round_result rank_round(const board& b, const voting_round& r) {
    std::map<std::string, ranking_entry> entries;
    for (const auto& item : r.items) entries[item].item_id = item;
    round_result result;
    for (const auto& [voter, votes] : r.ballots) {
        bool voted = false;
        for (const auto& [item, n] : votes) {
            auto it = entries.find(item);
            if (it == entries.end() || n <= 0) continue;
            it->second.digital += n;
            if (!r.anonymous) it->second.voter_ids.push_back(voter);  // map order: sorted
            voted = true;
        }
        if (voted) ++result.voters;
    }
    for (const auto& tally : r.paper)
        for (const auto& [item, n] : tally.votes)
            if (auto it = entries.find(item); it != entries.end()) it->second.paper += n;

    std::vector<ranking_entry> unranked;
    for (auto& [item, e] : entries) {
        e.votes = e.digital + e.paper;
        unranked.push_back(std::move(e));
    }
    result.ranking = rank_entries(b, std::move(unranked));
    return result;
}

std::vector<ranking_entry> rank_entries(const board& b, std::vector<ranking_entry> entries) {
    const board_order order(b);
    std::vector<std::pair<position, ranking_entry>> sorted;
    for (auto& e : entries) sorted.emplace_back(order.of_item(e.item_id), std::move(e));
    std::sort(sorted.begin(), sorted.end(), [](const auto& x, const auto& y) {
        if (x.second.votes != y.second.votes) return x.second.votes > y.second.votes;
        return x.first < y.first;
    });
    std::vector<ranking_entry> ranked;
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        auto& e = sorted[i].second;
        e.rank = (i > 0 && sorted[i - 1].second.votes == e.votes)
                     ? sorted[i - 1].second.rank
                     : static_cast<std::int64_t>(i) + 1;
        const bool same_before = i > 0 && sorted[i - 1].second.votes == e.votes;
        const bool same_after = i + 1 < sorted.size() && sorted[i + 1].second.votes == e.votes;
        e.tied = same_before || same_after;
        ranked.push_back(e);
    }
    return ranked;
}

std::vector<std::string> top_items(const voting_round& r, std::int64_t n) {
    std::vector<std::string> items;
    if (!r.result || n <= 0) return items;
    const auto& ranking = r.result->ranking;
    if (ranking.empty()) return items;
    const auto cut = static_cast<std::size_t>(std::min<std::int64_t>(n, static_cast<std::int64_t>(ranking.size())));
    const std::int64_t last_rank = ranking[cut - 1].rank;
    for (const auto& e : ranking)
        if (e.rank <= last_rank) items.push_back(e.item_id);
    return items;
}

}  // namespace jb::model
