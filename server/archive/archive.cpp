#include "archive/archive.hpp"

#include "model/field_reader.hpp"
#include "model/text_rules.hpp"
#include "util/clock.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>

namespace jb::archive {
namespace {

using nlohmann::json;

constexpr std::int64_t max_time = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t latest_participant_ahead_ms = 86'400'000;

// A value for an error message: short, on one line.
std::string shown(const json& v) {
    auto text = v.dump();
    if (text.size() > 60) text = text.substr(0, 57) + "...";
    return text;
}

// The first place where `given` differs from `canonical` (what the server writes for the same
// board), named by its path; nothing when they are equal. Catches unknown fields anywhere,
// values the reader would silently normalise, and arrays out of the stored order.
std::optional<std::string> first_difference(const json& given, const json& canonical,
                                            const std::string& path) {
    if (given.type() != canonical.type() &&
        !(given.is_number_integer() && canonical.is_number_integer()))
        return path + ": must be " + std::string(canonical.type_name()) + " " + shown(canonical) +
               " as the server stores it, not " + given.type_name();
    if (given.is_object()) {
        for (const auto& [key, value] : given.items())
            if (!canonical.contains(key))
                return "unknown field " + model::quote_name(path + "." + key);
        // An entry out of the stored order shows first as another id.
        if (canonical.contains("id") && given.contains("id") && given.at("id") != canonical.at("id"))
            return path + ".id: " + shown(given.at("id")) + " where the stored order has " +
                   shown(canonical.at("id")) + "; an archive is not edited by hand";
        for (const auto& [key, value] : canonical.items()) {
            if (!given.contains(key)) return path + "." + key + ": missing";
            if (auto d = first_difference(given.at(key), value, path + "." + key)) return d;
        }
        return std::nullopt;
    }
    if (given.is_array()) {
        const auto n = std::min(given.size(), canonical.size());
        for (std::size_t i = 0; i < n; ++i)
            if (auto d = first_difference(given[i], canonical[i], path + "[" + std::to_string(i) + "]"))
                return d;
        if (given.size() != canonical.size())
            return path + ": " + std::to_string(given.size()) + " entries where the board holds " +
                   std::to_string(canonical.size()) + " (a repeated entry?)";
        return std::nullopt;
    }
    if (given != canonical)
        return path + ": " + shown(given) + " is not in the stored form (the server reads it as " +
               shown(canonical) + "); an archive is not edited by hand";
    return std::nullopt;
}

// from_json's message, placed under archive.state.
std::string under_state(std::string message) {
    constexpr std::string_view doc_prefix = "board document: ";
    if (message.starts_with(doc_prefix)) message.erase(0, doc_prefix.size());
    constexpr std::string_view unknown = "unknown field \"";
    if (message.starts_with(unknown)) return message.insert(unknown.size(), "archive.state.");
    return "archive.state." + message;
}

std::optional<std::string> limit_problem(const model::board& b, const model::board_limits& limits) {
    auto over = [](const std::string& what, std::size_t n, std::size_t max) {
        return what + ": " + std::to_string(n) + " is more than the limit of " + std::to_string(max);
    };
    if (b.journeys().size() > limits.max_journeys)
        return over("archive.state.journeys", b.journeys().size(), limits.max_journeys);
    for (const auto& [id, j] : b.journeys()) {
        if (j.phases.size() > limits.max_phases)
            return over("archive.state.journeys (" + model::quote_name(id) + ").phases", j.phases.size(), limits.max_phases);
        if (j.lanes.size() > limits.max_lanes)
            return over("archive.state.journeys (" + model::quote_name(id) + ").lanes", j.lanes.size(), limits.max_lanes);
    }
    if (b.cards().size() > limits.max_cards)
        return over("archive.state.cards", b.cards().size(), limits.max_cards);
    std::size_t text_bytes = 0;  // P-LIM-1
    for (const auto& [id, c] : b.cards()) text_bytes += c.text.size();
    if (text_bytes > limits.max_card_text_bytes)
        return over("archive.state.cards (bytes of text together)", text_bytes, limits.max_card_text_bytes);
    const auto& s = b.state();
    if (s.groups.size() > model::session_limits::max_groups)
        return over("archive.state.groups", s.groups.size(), model::session_limits::max_groups);
    if (s.rounds.size() > model::session_limits::max_rounds)
        return over("archive.state.rounds", s.rounds.size(), model::session_limits::max_rounds);
    if (s.evaluation.responses.size() > max_participants)
        return over("archive.state.evaluation.responses", s.evaluation.responses.size(), max_participants);
    for (std::size_t i = 0; i < s.rounds.size(); ++i)
        if (s.rounds[i].paper.size() > model::session_limits::max_paper_labels)
            return over("archive.state.rounds[" + std::to_string(i) + "].paper",
                        s.rounds[i].paper.size(), model::session_limits::max_paper_labels);
    return std::nullopt;
}

// References between the parts of the state that board::from_json does not resolve.
std::optional<std::string> reference_problem(const model::board& b, const json& state) {
    const auto& s = b.state();
    const auto& cards = state.at("cards");
    for (std::size_t i = 0; i < cards.size(); ++i) {
        const auto& c = b.cards().at(cards[i].at("id").get<std::string>());
        const std::string at = "archive.state.cards[" + std::to_string(i) + "].";
        if (c.group_id) {
            const auto g = s.groups.find(*c.group_id);
            if (g == s.groups.end() || g->second.journey_id != c.journey_id)
                return at + "groupId: no group " + model::quote_name(*c.group_id) + " in its journey";
        }
        if (c.linked_to) {
            const auto* target = b.find_card(*c.linked_to);
            if (!target || target->journey_id != c.journey_id)
                return at + "linkedTo: no card " + model::quote_name(*c.linked_to) + " in its journey";
        }
    }
    std::size_t gi = 0;
    for (const auto& [id, g] : s.groups) {
        if (!b.find_journey(g.journey_id))
            return "archive.state.groups[" + std::to_string(gi) + "].journeyId: no journey " +
                   model::quote_name(g.journey_id);
        if (b.find_card(id)) return "archive.state.groups[" + std::to_string(gi) + "].id: also a card's id";
        ++gi;
    }
    const auto& f = s.facilitation;
    if (std::none_of(f.stages.begin(), f.stages.end(), [&](const auto& st) { return st.id == f.stage_id; }))
        return "archive.state.facilitation.stageId: no stage " + model::quote_name(f.stage_id);
    if (f.screen_pin && std::none_of(f.stages.begin(), f.stages.end(),
                                     [&](const auto& st) { return st.id == *f.screen_pin; }))
        return "archive.state.facilitation.screenPin: no stage " + model::quote_name(*f.screen_pin);
    if (f.focus) {
        const auto* j = b.find_journey(f.focus->journey_id);
        if (!j) return "archive.state.facilitation.focus.journeyId: no journey " + model::quote_name(f.focus->journey_id);
        if (f.focus->phase_id && std::none_of(j->phases.begin(), j->phases.end(),
                                              [&](const auto& p) { return p.id == *f.focus->phase_id; }))
            return "archive.state.facilitation.focus.phaseId: no phase " +
                   model::quote_name(*f.focus->phase_id) + " in that journey";
    }
    std::set<std::string> round_ids;
    std::size_t open = 0;
    for (std::size_t i = 0; i < s.rounds.size(); ++i) {
        const auto& r = s.rounds[i];
        const std::string at = "archive.state.rounds[" + std::to_string(i) + "].";
        if (!round_ids.insert(r.id).second) return at + "id: a repeated round id";
        if (r.status != model::round_status::open) continue;
        if (++open > 1) return at + "status: a second open round (one at a time)";
        // The open round's items are still on the board (P-VOTE-3 keeps them there).
        for (const auto& item : r.items)
            if (!b.find_card(item) && !s.groups.contains(item))
                return at + "items: no card or group " + model::quote_name(item);
    }
    for (const auto& id : s.improvements.round_ids) {
        const auto* r = s.find_round(id);
        if (!r || r->status != model::round_status::closed)
            return "archive.state.improvements.roundIds: no closed round " + model::quote_name(id);
    }
    return std::nullopt;
}

// The participants by id, with their roles.
using people_by_id = std::map<std::string, model::role>;

std::string no_participant(const std::string& at, const std::string& id) {
    return at + ": no participant " + model::quote_name(id) + " in archive.participants";
}

// A model rule's error ("op.<field>: …" or "op: …") placed under `at`.
std::string under(const std::string& at, const model::op_error& e) {
    if (e.message.starts_with("op.")) return at + e.message.substr(2);
    if (e.message.starts_with("op:")) return at + e.message.substr(2);
    return at + ": " + e.message;
}

// What only participants' own operations make, held to the rules of those operations: every
// author, voter, scorer and respondent one of the archive's participants; each score one the
// board could hold (model::check_score_target: a card that is not private, which may have left
// its touchpoint lane since, or a phase for expected and experienced); each ballot one that
// vote.add and vote.remove could leave, each round's paper tallies ones round.paper could.
std::optional<std::string> participant_problem(const model::board& b, const json& state,
                                               const people_by_id& people) {
    const auto& cards = state.at("cards");
    for (std::size_t i = 0; i < cards.size(); ++i) {
        const auto& author = cards[i].at("authorId").get_ref<const std::string&>();
        if (!people.contains(author))
            return no_participant("archive.state.cards[" + std::to_string(i) + "].authorId", author);
    }
    const auto& s = b.state();
    for (std::size_t i = 0; i < s.rounds.size(); ++i) {
        const auto& r = s.rounds[i];
        const std::string at = "archive.state.rounds[" + std::to_string(i) + "].";
        for (const auto& [voter, ballot] : r.ballots) {
            if (!people.contains(voter)) return no_participant(at + "ballots." + voter, voter);
            if (auto e = model::check_ballot(r, ballot)) return under(at + "ballots." + voter, *e);
        }
        if (auto e = model::check_paper(r)) return under(at.substr(0, at.size() - 1), *e);
        std::size_t k = 0;
        for (const auto& voter : r.done) {
            if (!people.contains(voter)) return no_participant(at + "done[" + std::to_string(k) + "]", voter);
            ++k;
        }
    }
    std::size_t i = 0;
    for (const auto& [key, values] : s.scores) {
        const std::string at = "archive.state.scores[" + std::to_string(i++) + "]";
        if (auto e = model::check_score_target(b, key.first, key.second)) return under(at, *e);
        for (const auto& [scorer, value] : values)
            if (!people.contains(scorer)) return no_participant(at + ".values." + scorer, scorer);
    }
    const auto& responses = s.evaluation.responses;
    for (std::size_t k = 0; k < responses.size(); ++k)
        if (!people.contains(responses[k].participant_id))
            return no_participant("archive.state.evaluation.responses[" + std::to_string(k) + "].participantId",
                                  responses[k].participant_id);
    return std::nullopt;
}

std::variant<std::vector<archived_participant>, std::string> read_participants(const json& list) {
    if (!list.is_array()) return std::string("archive.participants: must be an array");
    if (list.size() > max_participants)
        return "archive.participants: " + std::to_string(list.size()) +
               " is more than the limit of " + std::to_string(max_participants);
    std::vector<archived_participant> out;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string at = "archive.participants[" + std::to_string(i) + "]";
        if (!list[i].is_object()) return at + ": must be an object";
        model::field_reader r(list[i], at + ".");
        r.allow_only({"id", "displayName", "role", "removed", "createdAt"});
        archived_participant p;
        p.id = r.id("id");
        p.display_name = r.name_text("displayName", model::text::max_display_name);
        p.role = std::string(model::to_string(r.granted_role("role")));
        p.removed = r.boolean("removed");
        // At most a day ahead (another server's clock may run ahead a little): a room records
        // each newcomer as made after everyone it knows (P-SYNC-11), so a bogus future time
        // would carry over to every later participant.
        p.created_at = r.integer("createdAt", 0, util::now_ms() + latest_participant_ahead_ms);
        if (!r.ok()) return r.error()->message;
        if (!ids.insert(p.id).second) return at + ".id: a repeated participant id";
        out.push_back(std::move(p));
    }
    return out;
}

}  // namespace

json make_archive(const model::board& board,
                  const std::vector<store::participant_record>& participants,
                  std::int64_t exported_at) {
    json people = json::array();
    for (const auto& p : participants)
        people.push_back(json{{"id", p.id},
                              {"displayName", p.display_name},
                              {"role", p.role},
                              {"removed", p.removed},
                              {"createdAt", p.created_at}});
    return json{{"formatVersion", format_version},
                {"kind", kind},
                {"exportedAt", exported_at},
                {"state", board.to_json()},
                {"participants", std::move(people)}};
}

std::variant<contents, std::string> read_archive(const json& doc, const model::board_limits& limits) {
    if (!doc.is_object()) return std::string("archive: must be a JSON object");
    model::field_reader top(doc, "archive.");
    top.allow_only({"formatVersion", "kind", "exportedAt", "state", "participants"});
    const auto version = top.integer("formatVersion", 0, max_time);
    if (top.ok() && version != format_version)
        return "archive.formatVersion: " + std::to_string(version) +
               " is not a version this server reads (it reads 1)";
    const auto* k = top.find("kind");
    if (top.ok() && (!k || !k->is_string() || k->get<std::string>() != kind))
        return std::string("archive.kind: must be \"journeyboard.archive\"");
    top.integer("exportedAt", 0, max_time);
    const json* state = top.object("state");
    if (top.ok() && !doc.contains("participants")) return std::string("archive.participants: missing");
    if (!top.ok()) return top.error()->message;

    auto people = read_participants(doc.at("participants"));
    if (auto* problem = std::get_if<std::string>(&people)) return std::move(*problem);

    std::optional<model::board> board;
    try {
        board = model::board::from_json(*state, limits);
    } catch (const std::invalid_argument& e) {
        return under_state(e.what());
    } catch (const json::exception& e) {
        return under_state(std::string("board document: ") + e.what());
    }
    if (auto problem = limit_problem(*board, limits)) return std::move(*problem);
    contents out;
    out.state = board->to_json();
    // Archives written before the door existed (P-JOIN-10) have no doorOpen: an open door.
    json canonical = out.state;
    if (const auto f = state->find("facilitation");
        f != state->end() && f->is_object() && !f->contains("doorOpen") && board->state().facilitation.door_open)
        canonical["facilitation"].erase("doorOpen");
    if (auto d = first_difference(*state, canonical, "archive.state")) return std::move(*d);
    if (auto problem = reference_problem(*board, out.state)) return std::move(*problem);
    out.participants = std::get<std::vector<archived_participant>>(std::move(people));
    people_by_id roles;
    for (const auto& p : out.participants)
        roles.emplace(p.id, p.role == "facilitator" ? model::role::facilitator : model::role::participant);
    if (auto problem = participant_problem(*board, out.state, roles)) return std::move(*problem);
    out.workshop = board->info();
    return out;
}

std::string state_for(const contents& c, const std::string& new_id) {
    auto state = c.state;
    state["workshop"]["id"] = new_id;
    return state.dump();
}

}  // namespace jb::archive
