#include "model/improvement_list.hpp"

#include "model/ranking.hpp"

#include <map>

namespace jb::model {

const voting_round* latest_closed_round(const board& b) {
    const voting_round* latest = nullptr;
    for (const auto& r : b.state().rounds) {
        if (r.status != round_status::closed) continue;
        const auto at = r.closed_at.value_or(0), latest_at = latest ? latest->closed_at.value_or(0) : 0;
        if (!latest || at > latest_at || (at == latest_at && r.number > latest->number)) latest = &r;
    }
    return latest;
}

std::vector<const voting_round*> improvement_rounds(const board& b) {
    const auto& s = b.state();
    std::vector<const voting_round*> chosen;
    if (!s.improvements.round_ids.empty()) {
        for (const auto& id : s.improvements.round_ids)
            if (const auto* r = s.find_round(id); r && r->status == round_status::closed) chosen.push_back(r);
        return chosen;
    }
    if (const auto* latest = latest_closed_round(b)) chosen.push_back(latest);
    return chosen;
}

std::vector<improvement_row> compute_improvements(const board& b) {
    const auto rounds = improvement_rounds(b);
    std::map<std::string, std::vector<std::pair<std::string, std::int64_t>>> votes;
    std::vector<std::string> order;  // first appearance, for a stable input to the ranking
    for (const auto* r : rounds) {
        if (!r->result) continue;
        for (const auto& e : r->result->ranking) {
            auto [it, fresh] = votes.try_emplace(e.item_id);
            if (fresh) order.push_back(e.item_id);
            auto& per = it->second;
            if (!per.empty() && per.back().first == r->id)
                per.back().second += e.votes;
            else
                per.emplace_back(r->id, e.votes);
        }
    }
    std::vector<ranking_entry> entries;
    for (const auto& id : order) {
        if (!item_card(b, id)) continue;  // deleted since its round closed: nothing to improve
        ranking_entry e;
        e.item_id = id;
        for (const auto& [round_id, n] : votes[id]) e.votes += n;
        entries.push_back(std::move(e));
    }
    const auto& saved = b.state().improvements.items;
    std::vector<improvement_row> rows;
    for (const auto& ranked : rank_entries(b, std::move(entries))) {
        const auto& id = ranked.item_id;
        const card* first = item_card(b, id);
        const auto group = b.state().groups.find(id);
        const bool is_group = group != b.state().groups.end();
        improvement_row row;
        row.item_id = id;
        row.text = is_group ? group->second.title : first->text;
        row.is_group = is_group;
        row.votes_by_round = votes[id];
        row.total = ranked.votes;
        row.rank = ranked.rank;
        row.tied = ranked.tied;
        row.journey_id = first->journey_id;
        row.phase_id = first->phase_id;
        row.lane_id = first->lane_id;
        // The first card with a link: the item's card, or a group's members in board order.
        std::vector<const card*> members{first};
        if (is_group) {
            members.clear();
            for (const auto& [cid, c] : b.cards())
                if (c.group_id == id) members.push_back(&c);
            members = in_board_order(b, std::move(members));
        }
        if (is_group)
            for (const card* m : members)
                if (!m->private_card) row.members.push_back({m->id, m->text});
        // Private cards stay out of every export (P-FAC-6), also through a link made before
        // linking them was refused: as on the facilitator's screen, where they are not shown.
        for (const card* m : members) {
            if (m->private_card || !m->linked_to) continue;
            const card* target = b.find_card(*m->linked_to);
            if (target && !target->private_card) row.pain_point = target->text;
            break;
        }
        if (const auto it = saved.find(id); it != saved.end()) {
            row.owner = it->second.owner;
            row.status = it->second.status;
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

nlohmann::json improvement_row_json(const improvement_row& row) {
    using nlohmann::json;
    json members = json::array();
    for (const auto& m : row.members) members.push_back(json{{"cardId", m.card_id}, {"text", m.text}});
    json votes = json::object();
    for (const auto& [round_id, n] : row.votes_by_round) votes[round_id] = n;
    return json{{"itemId", row.item_id},
                {"text", row.text},
                {"isGroup", row.is_group},
                {"members", std::move(members)},
                {"votesByRound", std::move(votes)},
                {"total", row.total},
                {"rank", row.rank},
                {"tied", row.tied},
                {"journeyId", row.journey_id},
                {"phaseId", row.phase_id},
                {"laneId", row.lane_id},
                {"painPoint", row.pain_point ? json(*row.pain_point) : json(nullptr)},
                {"owner", row.owner},
                {"status", to_string(row.status)}};
}

nlohmann::json improvement_list_json(const board& b) {
    using nlohmann::json;
    json round_ids = json::array();
    for (const auto* r : improvement_rounds(b)) round_ids.push_back(r->id);
    json rows = json::array();
    for (const auto& row : compute_improvements(b)) rows.push_back(improvement_row_json(row));
    const auto* latest = latest_closed_round(b);
    return json{{"roundIds", std::move(round_ids)},
                {"rows", std::move(rows)},
                {"latestRoundId", latest ? json(latest->id) : json(nullptr)}};
}

}  // namespace jb::model
