// The facilitation state in the board state document (protocol.md, "Board state"): written in
// the stored form (every ballot), read back with defaults for what older documents lack.

#include "model/session_json.hpp"

#include "model/field_reader.hpp"
#include "model/operation.hpp"

#include <stdexcept>

namespace jb::model {
namespace {

using nlohmann::json;

json optional_int(const std::optional<std::int64_t>& v) { return v ? json(*v) : json(nullptr); }

std::optional<std::int64_t> read_optional_int(const json& j, const char* name) {
    const auto it = j.find(name);
    if (it == j.end() || it->is_null()) return std::nullopt;
    return it->get<std::int64_t>();
}

json round_to_json(const voting_round& r) {
    json paper = json::array();
    for (const auto& t : r.paper) paper.push_back(json{{"label", t.label}, {"votes", t.votes}});
    json ballots = json::object();
    for (const auto& [voter, votes] : r.ballots) ballots[voter] = votes;
    return json{{"id", r.id},
                {"number", r.number},
                {"criterion", r.criterion},
                {"budget", r.budget},
                {"maxPerItem", r.max_per_item},
                {"durationMs", optional_int(r.duration_ms)},
                {"anonymous", r.anonymous},
                {"facilitatorVotes", r.facilitator_votes},
                {"scope", encode_scope(r.scope)},
                {"items", r.items},
                {"status", to_string(r.status)},
                {"startedAt", r.started_at},
                {"endsAt", optional_int(r.ends_at)},
                {"closedAt", optional_int(r.closed_at)},
                {"paper", std::move(paper)},
                {"result", r.result ? result_to_json(*r.result, r.anonymous) : json(nullptr)},
                {"ballots", std::move(ballots)},
                {"done", r.done}};
}

round_scope read_scope(const json& j) {
    field_reader r(j, "scope.");
    round_scope s;
    s.kind = r.scope("kind");
    if (!r.ok()) throw std::invalid_argument(r.error()->message);
    const char* list = s.kind == scope_kind::lanes    ? "laneIds"
                       : s.kind == scope_kind::phases ? "phaseIds"
                       : s.kind == scope_kind::cards  ? "cardIds"
                                                      : nullptr;
    if (list) s.ids = j.at(list).get<std::vector<std::string>>();
    if (s.kind == scope_kind::top) {
        s.round_id = j.at("roundId").get<std::string>();
        s.n = j.at("n").get<std::int64_t>();
    }
    return s;
}

round_result read_result(const json& j) {
    round_result r;
    r.voters = j.at("voters").get<std::int64_t>();
    for (const auto& e : j.at("ranking")) {
        ranking_entry entry;
        entry.item_id = e.at("itemId").get<std::string>();
        entry.rank = e.at("rank").get<std::int64_t>();
        entry.tied = e.at("tied").get<bool>();
        entry.votes = e.at("votes").get<std::int64_t>();
        entry.digital = e.at("digital").get<std::int64_t>();
        entry.paper = e.at("paper").get<std::int64_t>();
        if (e.contains("voterIds")) entry.voter_ids = e.at("voterIds").get<std::vector<std::string>>();
        r.ranking.push_back(std::move(entry));
    }
    return r;
}

voting_round read_round(const json& j) {
    voting_round r;
    r.id = j.at("id").get<std::string>();
    r.number = j.at("number").get<std::int64_t>();
    r.criterion = j.at("criterion").get<std::string>();
    r.budget = j.at("budget").get<std::int64_t>();
    r.max_per_item = j.at("maxPerItem").get<std::int64_t>();
    r.duration_ms = read_optional_int(j, "durationMs");
    r.anonymous = j.at("anonymous").get<bool>();
    r.facilitator_votes = j.at("facilitatorVotes").get<bool>();
    r.scope = read_scope(j.at("scope"));
    r.items = j.at("items").get<std::vector<std::string>>();
    const auto status = parse_round_status(j.at("status").get<std::string>());
    if (!status) throw std::invalid_argument("rounds: unknown status");
    r.status = *status;
    r.started_at = j.at("startedAt").get<std::int64_t>();
    r.ends_at = read_optional_int(j, "endsAt");
    r.closed_at = read_optional_int(j, "closedAt");
    for (const auto& t : j.at("paper"))
        r.paper.push_back(paper_tally{t.at("label").get<std::string>(),
                                      t.at("votes").get<std::map<std::string, std::int64_t>>()});
    if (!j.at("result").is_null()) r.result = read_result(j.at("result"));
    const json ballots = j.value("ballots", json::object());  // kept alive for items()
    for (const auto& [voter, votes] : ballots.items())
        r.ballots[voter] = votes.get<std::map<std::string, std::int64_t>>();
    for (const auto& id : j.value("done", json::array())) r.done.insert(id.get<std::string>());
    return r;
}

void read_facilitation(const json& f, facilitation_state& out) {
    if (f.contains("stages")) {
        out.stages.clear();
        for (const auto& s : f.at("stages"))
            out.stages.push_back(stage{s.at("id").get<std::string>(), s.at("title").get<std::string>(),
                                       s.at("instruction").get<std::string>()});
    }
    out.stage_id = f.value("stageId", out.stage_id);
    if (const auto t = f.find("timer"); t != f.end()) {
        out.timer.duration_ms = t->at("durationMs").get<std::int64_t>();
        out.timer.remaining_ms = t->at("remainingMs").get<std::int64_t>();
        out.timer.ends_at = read_optional_int(*t, "endsAt");
    }
    out.locked = f.value("locked", false);
    out.private_writing = f.value("privateWriting", false);
    out.door_open = f.value("doorOpen", true);  // absent in documents older than the door
    if (const auto focus = f.find("focus"); focus != f.end() && !focus->is_null()) {
        focus_target target;
        target.journey_id = focus->at("journeyId").get<std::string>();
        if (const auto p = focus->find("phaseId"); p != focus->end() && !p->is_null())
            target.phase_id = p->get<std::string>();
        out.focus = std::move(target);
    }
    if (const auto pin = f.find("screenPin"); pin != f.end()) out.screen_pin = pin->get<std::string>();
    if (const auto a = f.find("anonymity"); a != f.end()) {
        const auto value = parse_anonymity(a->get<std::string>());
        if (!value) throw std::invalid_argument("facilitation.anonymity: unknown value");
        out.anonymous_lanes = *value;
    }
}

}  // namespace

json result_to_json(const round_result& r, bool anonymous) {
    json ranking = json::array();
    for (const auto& e : r.ranking) {
        json entry{{"itemId", e.item_id}, {"rank", e.rank},       {"tied", e.tied},
                   {"votes", e.votes},    {"digital", e.digital}, {"paper", e.paper}};
        if (!anonymous) entry["voterIds"] = e.voter_ids;
        ranking.push_back(std::move(entry));
    }
    return json{{"voters", r.voters}, {"ranking", std::move(ranking)}};
}

void write_session(json& doc, const session& s, std::size_t private_count) {
    const auto& f = s.facilitation;
    json stages = json::array();
    for (const auto& st : f.stages)
        stages.push_back(json{{"id", st.id}, {"title", st.title}, {"instruction", st.instruction}});
    json focus = nullptr;
    if (f.focus)
        focus = json{{"journeyId", f.focus->journey_id},
                     {"phaseId", f.focus->phase_id ? json(*f.focus->phase_id) : json(nullptr)}};
    doc["facilitation"] = json{
        {"stages", std::move(stages)},
        {"stageId", f.stage_id},
        {"timer", {{"durationMs", f.timer.duration_ms},
                   {"remainingMs", f.timer.remaining_ms},
                   {"endsAt", optional_int(f.timer.ends_at)}}},
        {"locked", f.locked},
        {"privateWriting", f.private_writing},
        {"doorOpen", f.door_open},
        {"privateCount", private_count},
        {"focus", std::move(focus)},
        {"anonymity", to_string(f.anonymous_lanes)},
    };
    // Left out when nothing is pinned, so documents from before P-FAC-10 read back as written.
    if (f.screen_pin) doc["facilitation"]["screenPin"] = *f.screen_pin;
    json groups = json::array();
    for (const auto& [id, g] : s.groups)
        groups.push_back(json{{"id", g.id}, {"journeyId", g.journey_id}, {"title", g.title}});
    doc["groups"] = std::move(groups);
    json rounds = json::array();
    for (const auto& r : s.rounds) rounds.push_back(round_to_json(r));
    doc["rounds"] = std::move(rounds);
    json items = json::array();
    for (const auto& [id, e] : s.improvements.items)
        items.push_back(json{{"itemId", id}, {"owner", e.owner}, {"status", to_string(e.status)}});
    doc["improvements"] = json{{"roundIds", s.improvements.round_ids}, {"items", std::move(items)}};
}

session read_session(const json& doc) {
    session s = session::make_default();
    try {
        if (const auto f = doc.find("facilitation"); f != doc.end()) read_facilitation(*f, s.facilitation);
        for (const auto& g : doc.value("groups", json::array())) {
            card_group_info info{g.at("id").get<std::string>(), g.at("journeyId").get<std::string>(),
                                 g.at("title").get<std::string>()};
            auto id = info.id;
            s.groups.emplace(std::move(id), std::move(info));
        }
        for (const auto& r : doc.value("rounds", json::array())) s.rounds.push_back(read_round(r));
        if (const auto imp = doc.find("improvements"); imp != doc.end()) {
            s.improvements.round_ids = imp->at("roundIds").get<std::vector<std::string>>();
            for (const auto& e : imp->at("items")) {
                const auto status = parse_improvement_status(e.at("status").get<std::string>());
                if (!status) throw std::invalid_argument("improvements.items: unknown status");
                s.improvements.items[e.at("itemId").get<std::string>()] =
                    improvement_entry{e.at("owner").get<std::string>(), *status};
            }
        }
    } catch (const json::exception& e) {
        throw std::invalid_argument(std::string("board document: facilitation state: ") + e.what());
    }
    return s;
}

}  // namespace jb::model
