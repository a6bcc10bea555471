#pragma once
// A workshop set up for the facilitation and voting integration tests, over the real server: a
// facilitator, a participant, idea cards c1…c7 and a pain point k1 (ids made unique per test),
// a group g1 of c2 and c3, a closed round r0 on c1 and c4, and an empty second journey j2.
#include "support/ws_client.hpp"

#include <string>
#include <vector>

namespace jb::test {

// One participant's entry in a presence list (ws_client::presence()), or an empty object when
// the list does not hold them (not yet joined, removed, or offline and summarised: P-PRES-5).
inline json presence_entry(const json& presence, const std::string& participant_id)
{
    for (const auto& p : presence.at("participants"))
        if (p.at("participantId") == participant_id)
            return p;
    return json::object();
}

struct session_scenario {
    workshop w;
    ws_client fran, anna;
    json board;  // the facilitator's first snapshot
    std::string fran_id, anna_id, anna_token;
    std::int64_t anna_number = 0;  // what events' `by` says for Anna (P-SYNC-11)
    std::string prefix = new_id("s");

    std::string id(const std::string& name) const { return prefix + name; }

    session_scenario(unsigned short port)
        : w(create_workshop(port)), fran(port), anna(port)
    {
        auto fw = fran.join(w.id, {.display_name = "Fran", .facilitator_key = w.facilitator_key});
        board = fw.at("snapshot");
        fran_id = fw.at("you").at("participantId");
        auto aw = anna.join(w.id, {.display_name = "Anna"});
        anna_id = aw.at("you").at("participantId");
        anna_number = aw.at("you").at("number");
        anna_token = aw.at("you").at("participantToken");
        for (int i = 1; i <= 7; ++i)
            anna.apply(idea("c" + std::to_string(i), "a" + std::to_string(i)));
        anna.apply(card_add(board, id("k1"), "Lange wachttijd", "a0", 0, 4));
        anna.apply({{"kind", "group.add"}, {"groupId", id("g1")}, {"title", "Groep"},
                    {"cardIds", {id("c2"), id("c3")}}});
        fran.apply(round_start("r0", {{"kind", "cards"}, {"cardIds", {id("c1"), id("c4")}}}));
        fran.apply({{"kind", "round.close"}, {"roundId", id("r0")}});
        fran.apply({{"kind", "journey.add"}, {"journeyId", id("j2")}, {"title", "Leeg"},
                    {"targetGroup", "persona"}, {"orderKey", "a5"}});
    }

    // An idea card (lane 5, phase 0).
    json idea(const std::string& name, const std::string& key = "a0") const
    {
        return card_add(board, id(name), "Idee " + name, key, 0, 5);
    }

    json round_start(const std::string& name, json scope = {{"kind", "ideas"}}, bool facilitator_votes = false,
                     json duration = nullptr, int budget = 3, int cap = 2) const
    {
        return {{"kind", "round.start"}, {"roundId", id(name)}, {"criterion", "impact"},
                {"budget", budget}, {"maxPerItem", cap}, {"durationMs", duration},
                {"anonymous", true}, {"facilitatorVotes", facilitator_votes}, {"scope", scope}};
    }

    // Every facilitator command, each valid in the state the scenario sets up.
    std::vector<json> facilitator_commands() const
    {
        return {
            {{"kind", "workshop.update"}, {"title", "Nieuw"}},
            {{"kind", "journey.update"}, {"journeyId", journey_id(board)}, {"title", "Reis"}},
            {{"kind", "phase.update"}, {"phaseId", phase_id(board, 0)}, {"title", "Fase"}},
            {{"kind", "lane.update"}, {"laneId", lane_id(board, 0)}, {"title", "Rij"}},
            {{"kind", "phase.add"}, {"journeyId", journey_id(board)}, {"phaseId", id("p9")},
             {"title", "Fase"}, {"orderKey", "a9"}},
            {{"kind", "lane.add"}, {"journeyId", journey_id(board)}, {"laneId", id("l9")},
             {"title", "Rij"}, {"laneKind", "custom"}, {"orderKey", "a9"}},
            {{"kind", "journey.add"}, {"journeyId", id("j9")}, {"title", "Reis"},
             {"targetGroup", "inwoner"}, {"orderKey", "a9"}},
            {{"kind", "phase.delete"}, {"phaseId", phase_id(board, 4)}},
            {{"kind", "lane.delete"}, {"laneId", lane_id(board, 3)}},
            {{"kind", "journey.delete"}, {"journeyId", id("j2")}},
            {{"kind", "stage.set"}, {"stageId", "ideas"}},
            {{"kind", "stage.update"}, {"stageId", "ideas"}, {"instruction", "Schrijf ideeën."}},
            {{"kind", "timer.set"}, {"durationMs", 60000}},
            {{"kind", "timer.start"}},
            {{"kind", "timer.add"}, {"ms", 60000}},
            {{"kind", "timer.pause"}},
            {{"kind", "timer.reset"}},
            {{"kind", "board.lock"}, {"locked", true}},
            {{"kind", "board.lock"}, {"locked", false}},
            {{"kind", "writing.private"}, {"on", true}},
            {{"kind", "writing.private"}, {"on", false}},
            {{"kind", "focus.set"}, {"journeyId", journey_id(board)}, {"phaseId", phase_id(board, 1)}},
            {{"kind", "screen.pin"}, {"stageId", "prepare"}},
            {{"kind", "settings.update"}, {"anonymity", "none"}},
            {{"kind", "improvements.rounds"}, {"roundIds", {id("r0")}}},
            {{"kind", "improvement.update"}, {"itemId", id("c1")}, {"owner", "Team"}, {"status", "planned"}},
            {{"kind", "round.paper"}, {"roundId", id("r0")}, {"label", "Tafel 1"}, {"votes", {{id("c4"), 2}}}},
            {{"kind", "round.reopen"}, {"roundId", id("r0")}},
            {{"kind", "round.close"}, {"roundId", id("r0")}},
            round_start("r1", {{"kind", "cards"}, {"cardIds", {id("c1")}}}, true),
            {{"kind", "round.cancel"}, {"roundId", id("r1")}},
            {{"kind", "participant.role"}, {"participantId", anna_id}, {"role", "facilitator"}},
            {{"kind", "participant.role"}, {"participantId", anna_id}, {"role", "participant"}},
        };
    }
};

}  // namespace jb::test
