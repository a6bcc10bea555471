// board::from_json: reads a "Board state" document back (the store's snapshots), as strictly
// as client input: every value checked, every id unique, every reference resolved.

#include "model/board.hpp"

#include "model/document_reader.hpp"
#include "model/field_reader.hpp"
#include "model/session_json.hpp"
#include "model/sorted.hpp"
#include "model/text_rules.hpp"

#include <limits>
#include <stdexcept>
#include <unordered_set>

namespace jb::model {
namespace {

using nlohmann::json;
using namespace document;

constexpr std::int64_t max_time = std::numeric_limits<std::int64_t>::max();

}  // namespace

board board::from_json(const json& doc, board_limits limits) {
    object_at(doc, "document");
    field_reader top(doc, "");
    top.allow_only({"workshop", "journeys", "cards", "facilitation", "groups", "rounds",
                    "improvements", "scores", "evaluation"});
    require(top);

    const auto workshop_it = doc.find("workshop");
    if (workshop_it == doc.end()) malformed("workshop: missing");
    field_reader w(object_at(*workshop_it, "workshop"), "workshop.");
    w.allow_only({"id", "title", "createdAt"});
    workshop_info info;
    info.id = w.id("id");
    info.title = w.name_text("title", text::max_title);
    info.created_at = w.integer("createdAt", 0, max_time);
    require(w);

    board b(std::move(info), limits);
    std::unordered_set<std::string> phase_ids, lane_ids;

    const json& journeys = array_field(doc, "journeys", "");
    for (std::size_t i = 0; i < journeys.size(); ++i) {
        const std::string where = "journeys[" + std::to_string(i) + "].";
        field_reader r(object_at(journeys[i], where.substr(0, where.size() - 1)), where);
        r.allow_only({"id", "title", "targetGroup", "orderKey", "persona", "phases", "lanes"});
        journey j;
        j.id = r.id("id");
        j.title = r.name_text("title", text::max_title);
        j.group = r.group("targetGroup");
        j.order_key = r.order_key("orderKey");
        // Boards stored before personas and guiding questions existed lack them.
        j.persona = r.maybe_persona("persona");
        require(r);

        const json& phases = array_field(journeys[i], "phases", where);
        for (std::size_t k = 0; k < phases.size(); ++k) {
            const std::string at = where + "phases[" + std::to_string(k) + "].";
            field_reader p(object_at(phases[k], at.substr(0, at.size() - 1)), at);
            p.allow_only({"id", "title", "orderKey"});
            phase item{p.id("id"), p.name_text("title", text::max_title), p.order_key("orderKey")};
            require(p);
            if (!phase_ids.insert(item.id).second) malformed(at + "id: duplicate phase id");
            insert_sorted(j.phases, std::move(item));
        }
        const json& lanes = array_field(journeys[i], "lanes", where);
        for (std::size_t k = 0; k < lanes.size(); ++k) {
            const std::string at = where + "lanes[" + std::to_string(k) + "].";
            field_reader l(object_at(lanes[k], at.substr(0, at.size() - 1)), at);
            l.allow_only({"id", "title", "kind", "orderKey", "question"});
            lane item;
            item.id = l.id("id");
            item.title = l.name_text("title", text::max_title);
            item.kind = l.kind("kind");
            item.order_key = l.order_key("orderKey");
            item.question = l.maybe_multiline("question", text::max_question).value_or("");
            require(l);
            if (!lane_ids.insert(item.id).second) malformed(at + "id: duplicate lane id");
            insert_sorted(j.lanes, std::move(item));
        }
        const std::string id = j.id;
        if (!b.journeys_.emplace(id, std::move(j)).second)
            malformed(where + "id: duplicate journey id");
    }

    const json& cards = array_field(doc, "cards", "");
    for (std::size_t i = 0; i < cards.size(); ++i) {
        const std::string where = "cards[" + std::to_string(i) + "].";
        field_reader r(object_at(cards[i], where.substr(0, where.size() - 1)), where);
        r.allow_only({"id", "journeyId", "phaseId", "laneId", "text", "color", "authorId",
                      "orderKey", "createdAt", "updatedAt", "groupId", "linkedTo", "private",
                      "channel"});
        card c;
        c.id = r.id("id");
        c.journey_id = r.id("journeyId");
        c.phase_id = r.id("phaseId");
        c.lane_id = r.id("laneId");
        c.text = r.card_text("text");
        c.color = r.color("color");
        c.author_id = r.id("authorId");
        c.order_key = r.order_key("orderKey");
        c.created_at = r.integer("createdAt", 0, max_time);
        c.updated_at = r.integer("updatedAt", 0, max_time);
        // Absent in boards stored before facilitation existed.
        if (const json* g = r.find("groupId"); g && !g->is_null()) c.group_id = r.maybe_id("groupId");
        if (const json* l = r.find("linkedTo"); l && !l->is_null()) c.linked_to = r.maybe_id("linkedTo");
        if (r.has("private")) c.private_card = r.boolean("private");
        c.channel = r.maybe_channel("channel");  // absent in boards stored before channels
        require(r);
        const journey* j = b.find_journey(c.journey_id);
        if (!j) malformed(where + "journeyId: no journey " + quote_name(c.journey_id));
        if (find_by_id(j->phases, c.phase_id) == j->phases.end())
            malformed(where + "phaseId: no phase " + quote_name(c.phase_id) + " in its journey");
        if (find_by_id(j->lanes, c.lane_id) == j->lanes.end())
            malformed(where + "laneId: no lane " + quote_name(c.lane_id) + " in its journey");
        const std::string id = c.id;
        const std::size_t text_bytes = c.text.size();
        if (!b.cards_.emplace(id, std::move(c)).second) malformed(where + "id: duplicate card id");
        b.card_text_bytes_ += text_bytes;
    }
    b.session_ = read_session(doc);
    read_method(doc, b.session_, [&b](const std::string& id) {
        return b.find_card(id) != nullptr || b.phase_owner(id) != nullptr;
    });
    return b;
}

}  // namespace jb::model
