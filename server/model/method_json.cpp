// The method's state in the board state document (protocol.md, P-METH-4, P-EVAL-3): the scores
// and the evaluation poll, in the stored form (who gave what) and in each viewer's form.

#include "model/document_reader.hpp"
#include "model/field_reader.hpp"
#include "model/session_json.hpp"
#include "model/text_rules.hpp"

#include <limits>
#include <set>
#include <stdexcept>

namespace jb::model {
namespace {

using nlohmann::json;
using namespace document;

void read_scores(const json& list, session& s,
                 const std::function<bool(const std::string&)>& target_exists) {
    array_at(list, "scores");
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string where = "scores[" + std::to_string(i) + "]";
        field_reader r(object_at(list[i], where), where + ".");
        r.allow_only({"scale", "targetId", "values"});
        const score_scale scale = r.scale("scale");
        const std::string target = r.id("targetId");
        const json* values = r.object("values");
        require(r);
        if (!target_exists(target)) malformed(where + ".targetId: no phase or card " + quote_name(target));
        // In the order to_json writes, each (scale, target) once, so the document round-trips.
        if (!s.scores.empty() && !(s.scores.rbegin()->first < std::make_pair(scale, target)))
            malformed(where + ": out of order or given twice (sorted by scale, then targetId)");
        auto& into = s.scores[{scale, target}];
        field_reader v(*values, where + ".values.");
        for (const auto& [participant, value] : values->items()) {
            if (!text::is_valid_id(participant))
                malformed(where + ".values: " + quote_name(participant) + " is not a participant id");
            into[participant] = v.integer(participant, scale_min(scale), scale_max(scale));
        }
        require(v);
        // An entry exists only while it holds a score, so that to_json gives back what was read.
        if (into.empty()) malformed(where + ".values: holds no score");
    }
}

void read_evaluation(const json& doc, session& s) {
    field_reader r(object_at(doc, "evaluation"), "evaluation.");
    r.allow_only({"open", "responses"});
    s.evaluation.open = r.boolean("open");
    require(r);
    const auto it = doc.find("responses");
    if (it == doc.end()) malformed("evaluation.responses: missing");
    array_at(*it, "evaluation.responses");
    std::set<std::string> participants;
    for (std::size_t i = 0; i < it->size(); ++i) {
        const std::string where = "evaluation.responses[" + std::to_string(i) + "]";
        field_reader e(object_at((*it)[i], where), where + ".");
        e.allow_only({"id", "participantId", "rating", "remarks", "at", "shown"});
        evaluation_response out;
        out.id = e.id("id");
        out.participant_id = e.id("participantId");
        out.rating = e.integer("rating", method_limits::min_rating, method_limits::max_rating);
        out.remarks = e.multiline("remarks", method_limits::max_remarks);
        out.at = e.integer("at", 0, std::numeric_limits<std::int64_t>::max());
        out.shown = e.has("shown") && e.boolean("shown");  // absent before P-EVAL-4
        require(e);
        // Ids follow submission order (P-EVAL-2), so the next one is always r(N+1).
        if (out.id != "r" + std::to_string(i + 1))
            malformed(where + ".id: must be \"r" + std::to_string(i + 1) + "\"");
        // A set, not a scan of the earlier ones: an imported archive may hold many responses.
        if (!participants.insert(out.participant_id).second)
            malformed(where + ".participantId: a second response of the same participant");
        s.evaluation.responses.push_back(std::move(out));
    }
}

}  // namespace

json score_tally(score_scale scale, const std::string& target_id, const score_values& values) {
    json counts = json::array({0, 0, 0, 0, 0});
    for (const auto& [participant, v] : values) {
        auto& c = counts[static_cast<std::size_t>(v - scale_min(scale))];
        c = c.get<std::int64_t>() + 1;
    }
    return json{{"scale", to_string(scale)}, {"targetId", target_id}, {"counts", std::move(counts)}};
}

void write_method(json& doc, const session& s) {
    json scores = json::array();
    for (const auto& [key, values] : s.scores)
        scores.push_back(json{{"scale", to_string(key.first)}, {"targetId", key.second}, {"values", values}});
    doc["scores"] = std::move(scores);
    json responses = json::array();
    for (const auto& r : s.evaluation.responses) {
        json out{{"id", r.id}, {"participantId", r.participant_id}, {"rating", r.rating},
                 {"remarks", r.remarks}, {"at", r.at}};
        if (r.shown) out["shown"] = true;  // only when set: older stored forms stay as they were
        responses.push_back(std::move(out));
    }
    doc["evaluation"] = json{{"open", s.evaluation.open}, {"responses", std::move(responses)}};
}

void read_method(const json& doc, session& s,
                 const std::function<bool(const std::string&)>& target_exists) {
    if (const auto it = doc.find("scores"); it != doc.end()) read_scores(*it, s, target_exists);
    if (const auto it = doc.find("evaluation"); it != doc.end()) read_evaluation(*it, s);
}

void view_method(json& doc, const session& s, const std::string& participant_id, bool facilitator) {
    for (auto& entry : doc["scores"]) {
        const auto scale = parse_score_scale(entry.at("scale").get<std::string>());
        const auto values = entry.at("values").get<score_values>();
        const auto mine = values.find(participant_id);
        entry["counts"] = score_tally(*scale, entry.at("targetId").get<std::string>(), values)["counts"];
        entry["mine"] = participant_id.empty() || mine == values.end() ? json(nullptr) : json(mine->second);
        entry.erase("values");
    }
    auto& evaluation = doc["evaluation"];
    json mine = nullptr, responses = json::array();
    for (const auto& r : evaluation.at("responses")) {
        if (!participant_id.empty() && r.at("participantId") == participant_id)
            mine = json{{"rating", r.at("rating")}, {"remarks", r.at("remarks")}};
        if (facilitator)
            responses.push_back(json{{"id", r.at("id")}, {"rating", r.at("rating")}, {"remarks", r.at("remarks")}});
    }
    evaluation["count"] = evaluation.at("responses").size();
    evaluation["mine"] = std::move(mine);
    evaluation["responses"] = std::move(responses);
    evaluation["summary"] = evaluation_summary(s.evaluation);
}

}  // namespace jb::model
