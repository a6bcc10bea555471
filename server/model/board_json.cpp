// board::to_json: the "Board state" document of protocol.md, the snapshot a joining client
// gets. Linear apart from one sort of the cards, so that a board of thousands of cards is
// quick to send.

#include "model/board.hpp"

#include "model/rules.hpp"
#include "model/session_json.hpp"
#include "model/sorted.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <unordered_map>

namespace jb::model {
namespace {

using nlohmann::json;
using rank_map = std::unordered_map<std::string_view, std::size_t>;

constexpr std::size_t unknown_rank = std::numeric_limits<std::size_t>::max();

std::size_t rank_of(const rank_map& ranks, const std::string& id) {
    const auto it = ranks.find(id);
    return it == ranks.end() ? unknown_rank : it->second;
}

json phase_json(const phase& p) {
    return json{{"id", p.id}, {"title", p.title}, {"orderKey", p.order_key}};
}

json lane_json(const lane& l) {
    return json{{"id", l.id}, {"title", l.title}, {"kind", to_string(l.kind)},
                {"orderKey", l.order_key}, {"question", l.question}};
}

}  // namespace

json card_to_json(const card& c) {
    json j = json::object();
    j["id"] = c.id;
    j["journeyId"] = c.journey_id;
    j["phaseId"] = c.phase_id;
    j["laneId"] = c.lane_id;
    j["text"] = c.text;
    j["color"] = to_string(c.color);
    j["authorId"] = c.author_id;
    j["orderKey"] = c.order_key;
    j["createdAt"] = c.created_at;
    j["updatedAt"] = c.updated_at;
    j["groupId"] = c.group_id ? json(*c.group_id) : json(nullptr);
    j["linkedTo"] = c.linked_to ? json(*c.linked_to) : json(nullptr);
    j["private"] = c.private_card;
    j["channel"] = c.channel ? json(to_string(*c.channel)) : json(nullptr);
    return j;
}

json board::to_json(bool with_cards) const {
    // Journeys in display order; phases and lanes are kept in display order already.
    std::vector<const journey*> ordered;
    ordered.reserve(journeys_.size());
    for (const auto& [id, j] : journeys_) ordered.push_back(&j);
    std::sort(ordered.begin(), ordered.end(),
              [](const journey* a, const journey* b) { return display_before(*a, *b); });

    // Cards sort by the display position of their journey, phase and lane, then key, then id.
    rank_map journey_rank, phase_rank, lane_rank;
    json journeys = json::array();
    for (std::size_t i = 0; i < ordered.size(); ++i) {
        const journey& j = *ordered[i];
        journey_rank.emplace(j.id, i);
        json phases = json::array();
        for (std::size_t k = 0; k < j.phases.size(); ++k) {
            phase_rank.emplace(j.phases[k].id, k);
            phases.push_back(phase_json(j.phases[k]));
        }
        json lanes = json::array();
        for (std::size_t k = 0; k < j.lanes.size(); ++k) {
            lane_rank.emplace(j.lanes[k].id, k);
            lanes.push_back(lane_json(j.lanes[k]));
        }
        journeys.push_back(json{{"id", j.id},
                                {"title", j.title},
                                {"targetGroup", to_string(j.group)},
                                {"orderKey", j.order_key},
                                {"persona", encode_persona(j.persona)},
                                {"phases", std::move(phases)},
                                {"lanes", std::move(lanes)}});
    }

    struct sortable {
        std::array<std::size_t, 3> cell;
        const card* c;
    };
    std::vector<sortable> sorted;
    sorted.reserve(with_cards ? cards_.size() : 0);
    std::size_t private_count = 0;
    for (const auto& [id, c] : cards_) {
        if (c.private_card) ++private_count;
        if (!with_cards) continue;
        sorted.push_back({{rank_of(journey_rank, c.journey_id), rank_of(phase_rank, c.phase_id),
                           rank_of(lane_rank, c.lane_id)},
                          &c});
    }
    std::sort(sorted.begin(), sorted.end(), [](const sortable& a, const sortable& b) {
        if (a.cell != b.cell) return a.cell < b.cell;
        return display_before(*a.c, *b.c);
    });
    json cards = json::array();
    cards.get_ref<json::array_t&>().reserve(sorted.size());
    for (const auto& s : sorted) cards.push_back(card_to_json(*s.c));

    json doc = json::object();
    doc["workshop"] = json{{"id", info_.id}, {"title", info_.title}, {"createdAt", info_.created_at}};
    doc["journeys"] = std::move(journeys);
    if (with_cards) doc["cards"] = std::move(cards);
    write_session(doc, session_, private_count);
    write_method(doc, session_);
    return doc;
}

}  // namespace jb::model
