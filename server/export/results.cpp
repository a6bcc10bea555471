#include "export/results.hpp"

#include "model/ranking.hpp"

#include <algorithm>
#include <map>

namespace jb::exporting {

namespace {

using nlohmann::json;

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

// Channels and the evaluation come from the stored form (board::to_json, SPEC-4 P-METH-4 and
// P-EVAL-3), so the exports read them the way the store keeps them; boards stored before they
// existed have none.
std::map<std::string, std::string> channels_of(const json& state)
{
    std::map<std::string, std::string> out;
    for (const auto& c : state.value("cards", json::array()))
        if (const auto it = c.find("channel"); it != c.end() && it->is_string())
            out[c.at("id").get<std::string>()] = it->get<std::string>();
    return out;
}

evaluation_summary evaluation_of(const json& state)
{
    evaluation_summary e;
    const auto it = state.find("evaluation");
    if (it == state.end() || !it->is_object())
        return e;
    e.open = it->value("open", false);
    std::int64_t sum = 0;
    for (const auto& r : it->value("responses", json::array())) {
        evaluation_response out{r.value("id", ""), r.value("rating", std::int64_t{0}),
                                r.value("remarks", "")};
        if (out.rating < 1 || out.rating > 5)
            continue;
        sum += out.rating;
        ++e.ratings[static_cast<std::size_t>(out.rating - 1)];
        e.responses.push_back(std::move(out));
    }
    // "r2" before "r10": by the number after the r.
    const auto number = [](const std::string& id) {
        return id.size() > 1 ? std::strtoll(id.c_str() + 1, nullptr, 10) : 0;
    };
    std::stable_sort(e.responses.begin(), e.responses.end(),
                     [&](const auto& a, const auto& b) { return number(a.id) < number(b.id); });
    e.count = static_cast<std::int64_t>(e.responses.size());
    if (e.count > 0)
        e.average = static_cast<double>(sum) / static_cast<double>(e.count);
    return e;
}

std::vector<touchpoint> touchpoints_of(const model::board& b, const std::string& journey_id,
                                       const std::string& phase_id,
                                       const std::map<std::string, std::string>& channels)
{
    std::vector<const model::card*> cards;
    for (const auto& [id, c] : b.cards()) {
        if (c.journey_id != journey_id || c.phase_id != phase_id || c.private_card) continue;
        const auto* lane = b.find_lane(c.lane_id);
        if (lane && lane->kind == model::lane_kind::touchpoint) cards.push_back(&c);
    }
    std::vector<touchpoint> out;
    for (const auto* c : model::in_board_order(b, std::move(cards))) {
        const auto ch = channels.find(c->id);
        out.push_back({c->id, c->text, ch == channels.end() ? std::string() : ch->second});
    }
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
    const json state = b.to_json();
    const auto channels = channels_of(state);
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
        item.touchpoints = touchpoints_of(b, row.journey_id, row.phase_id, channels);
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
    r.evaluation = evaluation_of(state);
    return r;
}

}  // namespace jb::exporting
