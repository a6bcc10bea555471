// improvements.json (P-EXP-6): the results as a JSON document for other tools, described by
// schemas/export-improvements.schema.json. Codes, not labels (status "in_progress", channel
// "desk"), so it reads the same whatever the language.

#include "export/exporter.hpp"
#include "export/results.hpp"
#include "model/improvement_list.hpp"

namespace jb::exporting {

using nlohmann::json;

export_file render_json(const model::board& b, const export_options& o)
{
    const auto r = make_results(b, o.now_ms);
    json rounds = json::array();
    for (const auto& c : r.closed) {
        json ranking = json::array();
        for (const auto& e : c.ranking)
            ranking.push_back({{"itemId", e.item_id},
                               {"text", e.exists ? json(e.text) : json(nullptr)},
                               {"rank", e.rank},
                               {"tied", e.tied},
                               {"votes", e.votes},
                               {"digital", e.digital},
                               {"paper", e.paper}});
        rounds.push_back({{"id", c.id},
                          {"number", c.number},
                          {"criterion", c.criterion},
                          {"closedAt", c.closed_at},
                          {"voters", c.voters},
                          {"inList", c.in_list},
                          {"paperLabels", c.paper_labels},
                          {"ranking", std::move(ranking)}});
    }
    json list_rounds = json::array();
    for (const auto& lr : r.rounds) list_rounds.push_back(lr.id);
    json items = json::array();
    for (const auto& item : r.items) {
        const auto& row = item.row;
        json touchpoints = json::array();
        for (const auto& tp : item.touchpoints)
            touchpoints.push_back({{"cardId", tp.card_id},
                                   {"text", tp.text},
                                   {"channel", tp.channel.empty() ? json(nullptr) : json(tp.channel)}});
        // The row as the clients get it (P-IMP-4), its place named with titles (P-EXP-6) where
        // the board names it by id. Keys are written sorted, so the order of writing is free.
        json entry = model::improvement_row_json(row);
        entry.erase("journeyId");
        entry.erase("phaseId");
        entry.erase("laneId");
        entry["journey"] = {{"id", row.journey_id}, {"title", item.journey}};
        entry["phase"] = {{"id", row.phase_id}, {"title", item.phase}};
        entry["lane"] = {{"id", row.lane_id}, {"title", item.lane}};
        entry["touchpoints"] = std::move(touchpoints);
        items.push_back(std::move(entry));
    }
    const auto& e = r.evaluation;
    json responses = json::array();
    for (const auto& resp : e.responses)
        responses.push_back({{"id", resp.id}, {"rating", resp.rating}, {"remarks", resp.remarks}});
    json doc{{"formatVersion", 1},
             {"kind", "journeyboard.improvements"},
             {"workshop", {{"id", r.workshop_id}, {"title", r.title}}},
             {"exportedAt", r.exported_at},
             {"listRoundIds", std::move(list_rounds)},
             {"rounds", std::move(rounds)},
             {"items", std::move(items)},
             {"evaluation",
              {{"open", e.open},
               {"count", e.count},
               {"average", e.average ? json(*e.average) : json(nullptr)},
               {"ratings", e.ratings},
               {"responses", std::move(responses)}}}};
    return {doc.dump(2) + "\n", "application/json; charset=utf-8", download_name(b, "improvements.json")};
}

}  // namespace jb::exporting
