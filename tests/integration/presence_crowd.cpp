// Presence in a crowded room (P-PRES-6, P-PRES-7, P-VOTE-7): above --presence-list-max,
// participants get listed only the facilitators and those editing a card, counts of the rest and
// their own entry; facilitators keep the whole list. So a room of 2,000 does not send each of
// them the other 1,999 entries.
#include "support/server_process.hpp"
#include "support/session_scenario.hpp"
#include "support/ws_client.hpp"

#include <catch2/catch.hpp>

using namespace jb::test;

namespace {
std::string join_as(ws_client& c, const session_scenario& s, const std::string& name)
{
    return c.join(s.w.id, {.display_name = name}).at("you").at("participantId");
}
}  // namespace

TEST_CASE("P-PRES-6 P-PRES-7 a crowded room lists facilitators and editors to participants and counts the rest",
          "[ws]")
{
    test_server server({"--presence-list-max", "4"});
    session_scenario s(server.port());  // Fran (facilitator) and Anna
    ws_client bram(server.port()), cleo(server.port()), dirk(server.port());
    const auto bram_id = join_as(bram, s, "Bram");
    const auto cleo_id = join_as(cleo, s, "Cleo");
    join_as(dirk, s, "Dirk");

    // Five in the list would be more than four: Anna's list holds Fran, and counts four online,
    // herself among them; her own entry comes as `you`.
    s.anna.receive_until(
        [&](const json& m) {
            return m.at("type") == "presence" && s.anna.presence_state().online() == 4 &&
                   s.anna.presence_state().you().is_object();
        },
        "the crowded list");
    CHECK(s.anna.presence_state().size() == 1);
    CHECK(presence_entry(s.anna.presence(), s.fran_id).at("role") == "facilitator");
    CHECK(s.anna.presence_state().you().at("participantId") == s.anna_id);
    CHECK(s.anna.presence_state().you().at("number") == s.anna_number);
    CHECK(s.anna.presence_state().you().at("online") == true);
    // Fran keeps everyone.
    s.fran.receive_until([&](const json& m) { return m.at("type") == "presence" && s.fran.presence_state().size() == 5; },
                         "the facilitator's whole list");
    CHECK(s.fran.presence_state().online() == 0);

    // Someone editing a card matters to everyone: Bram is listed while he edits.
    bram.send({{"type", "presence"}, {"editing", s.id("c1")}});
    s.anna.receive_until(
        [&](const json& m) {
            return m.at("type") == "presence" && presence_entry(s.anna.presence(), bram_id).value("editing", json()) == s.id("c1");
        },
        "Bram editing");
    CHECK(s.anna.presence_state().online() == 3);

    // Four in the list is still crowded (no flapping at the limit) ...
    dirk.close();
    s.anna.receive_until([&](const json& m) { return m.at("type") == "presence" && s.anna.presence_state().offline() == 1; },
                         "Dirk offline");
    CHECK(s.anna.presence_state().online() == 2);
    CHECK(s.anna.presence_state().size() == 2);
    // ... three (three quarters of four) lists everyone again.
    cleo.close();
    s.anna.receive_until([&](const json& m) { return m.at("type") == "presence" && s.anna.presence_state().offline() == 2; },
                         "Cleo offline");
    CHECK(s.anna.presence_state().online() == 0);
    CHECK(s.anna.presence_state().size() == 3);
    CHECK(presence_entry(s.anna.presence(), s.anna_id).at("online") == true);
    CHECK(presence_entry(s.anna.presence(), cleo_id).empty());
}

TEST_CASE("P-PRES-6 P-VOTE-7 in a crowded room participants count the voters, facilitators see each", "[ws][vote]")
{
    test_server server({"--presence-list-max", "4"});
    session_scenario s(server.port());
    ws_client bram(server.port()), cleo(server.port()), dirk(server.port());
    join_as(bram, s, "Bram");
    const auto cleo_id = join_as(cleo, s, "Cleo");
    join_as(dirk, s, "Dirk");

    s.fran.apply(s.round_start("r1"));
    s.anna.receive_until(
        [&](const json& m) {
            return m.at("type") == "presence" && s.anna.presence_state().voters() == json{{"count", 4}, {"done", 0}} &&
                   s.anna.presence_state().you().value("voting", json()).is_object();
        },
        "four voters counted");
    CHECK(s.anna.presence_state().you().at("voting") == json{{"used", 0}, {"done", false}});

    cleo.apply({{"kind", "vote.done"}, {"roundId", s.id("r1")}, {"done", true}});
    s.anna.receive_until(
        [&](const json& m) { return m.at("type") == "presence" && s.anna.presence_state().voters().at("done") == 1; },
        "Cleo done");
    s.fran.receive_until(
        [&](const json& m) {
            return m.at("type") == "presence" && presence_entry(s.fran.presence(), cleo_id).value("voting", json()).value("done", false);
        },
        "Cleo done, by name, for the facilitator");

    // Offline, Cleo held a ballot: she still counts (P-VOTE-7).
    cleo.close();
    s.anna.receive_until([&](const json& m) { return m.at("type") == "presence" && s.anna.presence_state().offline() == 1; },
                         "Cleo offline");
    CHECK(s.anna.presence_state().voters() == json{{"count", 4}, {"done", 1}});
    CHECK(s.anna.presence_state().online() == 3);
}
