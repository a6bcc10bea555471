// The voting progress in presence (P-VOTE-7) when voters come and go: the server decides who
// counts in the open round, so that a voter whose phone lost the network (and may hold queued
// votes) stays in the facilitator's progress as offline instead of disappearing.
#include "support/server_process.hpp"
#include "support/session_scenario.hpp"
#include "support/ws_client.hpp"

#include <catch2/catch.hpp>

using namespace jb::test;

TEST_CASE("P-VOTE-7 an offline voter who held a ballot stays in the progress, one who left before the round does not",
          "[ws][vote]")
{
    test_server server;
    session_scenario s(server.port());
    // Bram was here earlier in the day and left before the round.
    std::string bram_id;
    {
        ws_client bram(server.port());
        bram_id = bram.join(s.w.id, {.display_name = "Bram"}).at("you").at("participantId");
        bram.close();
    }
    ws_client cleo(server.port());
    const std::string cleo_id = cleo.join(s.w.id, {.display_name = "Cleo"}).at("you").at("participantId");
    ws_client dirk(server.port());
    const std::string dirk_id = dirk.join(s.w.id, {.display_name = "Dirk"}).at("you").at("participantId");

    s.fran.apply(s.round_start("r1"));
    // Cleo votes once; Dirk has the ballot open. Both then lose the network.
    cleo.apply({{"kind", "vote.add"}, {"roundId", s.id("r1")}, {"itemId", s.id("c1")}});
    s.fran.receive_until(
        [&](const json& m) {
            return m.at("type") == "presence" && presence_entry(s.fran.presence(), dirk_id).value("voting", json()).is_object() &&
                   presence_entry(s.fran.presence(), cleo_id).value("voting", json()).value("used", 0) == 1;
        },
        "presence with Cleo's vote and Dirk's ballot");
    cleo.close();
    dirk.close();

    s.fran.receive_until(
        [&](const json& m) {
            return m.at("type") == "presence" && presence_entry(s.fran.presence(), cleo_id).value("online", true) == false &&
                   presence_entry(s.fran.presence(), dirk_id).value("online", true) == false;
        },
        "presence with Cleo and Dirk offline");
    CHECK(presence_entry(s.fran.presence(), cleo_id).at("voting") == json{{"used", 1}, {"done", false}});
    CHECK(presence_entry(s.fran.presence(), dirk_id).at("voting") == json{{"used", 0}, {"done", false}});
    CHECK(presence_entry(s.fran.presence(), s.anna_id).at("voting") == json{{"used", 0}, {"done", false}});
    // Offline since before the round: not one of its voters.
    CHECK(presence_entry(s.fran.presence(), bram_id).at("online") == false);
    CHECK(presence_entry(s.fran.presence(), bram_id).at("voting").is_null());
    // The facilitator does not vote in this round.
    CHECK(presence_entry(s.fran.presence(), s.fran_id).at("voting").is_null());

    // P-PRES-5: a participant's list holds the offline ballot holders too (their progress counts
    // for everyone), but Bram, offline and without a ballot, only as a count.
    s.anna.wait_presence(
        [&] {
            const auto seen = s.anna.presence();
            return presence_entry(seen, cleo_id).value("online", true) == false &&
                   presence_entry(seen, dirk_id).value("online", true) == false && seen.value("offline", 0) == 1;
        },
        "Anna's list with Cleo and Dirk offline");
    const auto anna_sees = s.anna.presence();
    CHECK(presence_entry(anna_sees, cleo_id).at("voting") == json{{"used", 1}, {"done", false}});
    CHECK(presence_entry(anna_sees, cleo_id).at("online") == false);
    CHECK(presence_entry(anna_sees, dirk_id).at("online") == false);
    CHECK(presence_entry(anna_sees, bram_id).empty());
    CHECK(anna_sees.at("offline") == 1);
}
