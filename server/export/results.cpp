#include "export/results.hpp"

#include "model/operation.hpp"
#include "model/ranking.hpp"

#include <algorithm>

namespace jb::exporting {

namespace {

std::string phase_title(const model::journey* j, const std::string& id)
{
    if (j)
        for (const auto& p : j->phases)
            if (p.id == id) return p.title;
    return {};
}

std::string lane_title(const model::journey* j, const std::string& id)
{
    if (j)
        for (const auto& l : j->lanes)
            if (l.id == id) return l.title;
    return {};
}

// The poll's responses, as the board keeps them (P-EVAL-2: in id order, a second answer
// replacing the first); who answered stays out.
evaluation_summary evaluation_of(const model::board& b)
{
    const auto& poll = b.state().evaluation;
    evaluation_summary e;
    e.open = poll.open;
    std::int64_t sum = 0;
    for (const auto& r : poll.responses) {
        if (r.rating < 1 || r.rating > 5) continue;
        sum += r.rating;
        ++e.ratings[static_cast<std::size_t>(r.rating - 1)];
        e.responses.push_back({r.id, r.rating, r.remarks});
    }
    e.count = static_cast<std::int64_t>(e.responses.size());
    if (e.count > 0)
        e.average = static_cast<double>(sum) / static_cast<double>(e.count);
    return e;
}

std::vector<touchpoint> touchpoints_of(const model::board& b, const std::string& journey_id,
                                       const std::string& phase_id)
{
    std::vector<const model::card*> cards;
    for (const auto& [id, c] : b.cards()) {
        if (c.journey_id != journey_id || c.phase_id != phase_id || c.private_card) continue;
        const auto* lane = b.find_lane(c.lane_id);
        if (lane && lane->kind == model::lane_kind::touchpoint) cards.push_back(&c);
    }
    std::vector<touchpoint> out;
    for (const auto* c : model::in_board_order(b, std::move(cards)))
        out.push_back({c->id, c->text, c->channel ? std::string(model::to_string(*c->channel)) : std::string()});
    return out;
}

std::string item_text(const model::board& b, const std::string& item_id)
{
    if (const auto* c = b.find_card(item_id)) return c->text;
    if (const auto g = b.state().groups.find(item_id); g != b.state().groups.end()) return g->second.title;
    return {};
}

}  // namespace

results make_results(const model::board& b, std::int64_t now_ms)
{
    results r;
    r.workshop_id = b.info().id;
    r.title = b.info().title;
    r.exported_at = now_ms;
    const auto list_rounds = model::improvement_rounds(b);
    for (const auto* round : list_rounds)
        r.rounds.push_back({round->id, round->number, round->criterion});
    for (auto& row : model::compute_improvements(b)) {
        result_item item;
        for (const auto& lr : r.rounds) {
            std::optional<std::int64_t> v;
            for (const auto& [id, n] : row.votes_by_round)
                if (id == lr.id) v = n;
            item.votes.push_back(v);
        }
        const auto* j = b.find_journey(row.journey_id);
        item.journey = j ? j->title : std::string();
        item.phase = phase_title(j, row.phase_id);
        item.lane = lane_title(j, row.lane_id);
        item.touchpoints = touchpoints_of(b, row.journey_id, row.phase_id);
        item.row = std::move(row);
        r.items.push_back(std::move(item));
    }
    for (const auto& round : b.state().rounds) {
        if (round.status != model::round_status::closed) continue;
        closed_round c;
        c.id = round.id;
        c.criterion = round.criterion;
        c.number = round.number;
        c.closed_at = round.closed_at.value_or(0);
        c.in_list = std::any_of(list_rounds.begin(), list_rounds.end(),
                                [&](const auto* lr) { return lr->id == round.id; });
        for (const auto& p : round.paper) c.paper_labels.push_back(p.label);
        if (round.result) {
            c.voters = round.result->voters;
            for (const auto& e : round.result->ranking) {
                const bool exists = model::item_card(b, e.item_id) != nullptr;
                c.ranking.push_back({e.item_id, exists ? item_text(b, e.item_id) : std::string(),
                                     exists, e.rank, e.tied, e.votes, e.digital, e.paper});
            }
        }
        r.closed.push_back(std::move(c));
    }
    std::sort(r.closed.begin(), r.closed.end(),
              [](const auto& x, const auto& y) { return x.number < y.number; });
    r.evaluation = evaluation_of(b);
    return r;
}

}  // namespace jb::exporting
