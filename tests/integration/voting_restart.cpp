// Rounds across reconnects and restarts (P-VOTE-10, P-VOTE-12), and what each viewer is sent:
// private cards, anonymous authorship and hidden votes, live and in delta replay (P-FAC-6,
// P-FAC-8, P-FAC-9).
#include "support/server_process.hpp"
#include "support/session_scenario.hpp"
#include "support/ws_client.hpp"

#include "store/sqlite_handle.hpp"

#include <catch2/catch.hpp>

using namespace jb::test;

namespace {

const json& round_in(const json& snapshot, const std::string& id)
{
    for (const auto& r : snapshot.at("rounds"))
        if (r.at("id") == id)
            return r;
    throw std::runtime_error("no round " + id);
}

json vote(const session_scenario& s, const std::string& round, const std::string& item)
{
    return {{"kind", "vote.add"}, {"roundId", s.id(round)}, {"itemId", s.id(item)}};
}

}  // namespace

TEST_CASE("P-VOTE-12 P-FAC-3 votes, an open timed round, the stage and the timer survive a reconnect and a graceful restart",
          "[restart][vote][slow]")
{
    test_server server;
    session_scenario s(server.port());
    s.fran.apply({{"kind", "stage.set"}, {"stageId", "vote"}});
    s.fran.apply({{"kind", "timer.set"}, {"durationMs", 120000}});
    s.fran.apply({{"kind", "timer.start"}});
    const auto started = s.fran.apply(s.round_start("r1", {{"kind", "ideas"}}, false, 600000));
    s.anna.apply(vote(s, "r1", "c1"));
    s.anna.apply(vote(s, "r1", "c1"));

    ws_client reload(server.port());
    auto snapshot = reload.join(s.w.id, {.participant_token = s.anna_token}).at("snapshot");
    const json round = round_in(snapshot, s.id("r1"));
    CHECK(round.at("myVotes") == json{{s.id("c1"), 2}});
    CHECK(round.at("status") == "open");
    const auto ends_at = round.at("endsAt").get<std::int64_t>();
    CHECK(ends_at == s.anna.events().at(started.at("seq")).at("at").get<std::int64_t>() + 600000);
    reload.close();
    s.anna.close();
    s.fran.close();

    REQUIRE(server.stop() == 0);
    server.start();
    ws_client anna(server.port());
    snapshot = anna.join(s.w.id, {.participant_token = s.anna_token}).at("snapshot");
    CHECK(round_in(snapshot, s.id("r1")).at("myVotes") == json{{s.id("c1"), 2}});
    CHECK(round_in(snapshot, s.id("r1")).at("endsAt") == ends_at);
    CHECK(snapshot.at("facilitation").at("stageId") == "vote");
    CHECK(snapshot.at("facilitation").at("timer").at("durationMs") == 120000);
    CHECK(snapshot.at("facilitation").at("timer").at("endsAt").is_number());
    CHECK(anna.wait_error(anna.send_op(vote(s, "r1", "c1"))).at("code") == "limit");  // cap 2 holds
    anna.apply(vote(s, "r1", "c4"));
    CHECK(anna.wait_error(anna.send_op(vote(s, "r1", "c5"))).at("code") == "limit");  // budget 3 holds
}

TEST_CASE("P-FAC-10 P-FAC-3 a stage pinned on the big screen reaches the screen live and survives a restart",
          "[restart][ws][slow]")
{
    test_server server;
    session_scenario s(server.port());
    ws_client screen(server.port());
    screen.join(s.w.id, {.display_name = "Beamer", .screen_key = s.w.screen_key});
    CHECK(s.anna.wait_error(s.anna.send_op({{"kind", "screen.pin"}, {"stageId", "prepare"}})).at("code") ==
          "forbidden");
    CHECK(s.fran.wait_error(s.fran.send_op({{"kind", "screen.pin"}, {"stageId", "nope"}})).at("code") ==
          "not_found");
    const auto pinned = s.fran.apply({{"kind", "screen.pin"}, {"stageId", "prepare"}});
    CHECK(screen.wait_event(pinned.at("seq")).at("op") == json{{"kind", "screen.pin"}, {"stageId", "prepare"}});
    s.fran.apply({{"kind", "stage.set"}, {"stageId", "map"}});
    screen.close();
    s.anna.close();
    s.fran.close();

    REQUIRE(server.stop() == 0);
    server.start();
    ws_client again(server.port());
    auto f = again.join(s.w.id, {.display_name = "Beamer", .screen_key = s.w.screen_key}).at("snapshot").at("facilitation");
    CHECK(f.at("screenPin") == "prepare");
    CHECK(f.at("stageId") == "map");
    ws_client fran(server.port());
    fran.join(s.w.id, {.facilitator_key = s.w.facilitator_key});
    const auto unpinned = fran.apply({{"kind", "screen.pin"}, {"stageId", nullptr}});
    CHECK(again.wait_event(unpinned.at("seq")).at("op").at("stageId").is_null());
}

TEST_CASE("P-VOTE-10 a round whose time ran out while the server was down is closed by the server after the restart",
          "[restart][vote][slow]")
{
    test_server server;
    session_scenario s(server.port());
    s.fran.apply(s.round_start("r1", {{"kind", "ideas"}}, false, 600000));
    const auto last = s.anna.apply(vote(s, "r1", "c4"));
    s.anna.close();
    s.fran.close();
    REQUIRE(server.stop() == 0);
    {
        // The server stays down past endsAt: the round started 11 minutes ago.
        jb::store::sqlite::database db(server.db_path().string());
        db.exec("UPDATE ops SET at = at - 660000 WHERE op_json LIKE '%\"round.start\"%' AND op_json LIKE '%" +
                s.id("r1") + "%'");
    }
    server.start();
    ws_client fran(server.port());
    const auto welcome = fran.join(s.w.id, {.last_seq = last.at("seq").get<std::int64_t>(),
                                            .facilitator_key = s.w.facilitator_key});
    const std::int64_t close_seq = last.at("seq").get<std::int64_t>() + 1;
    const auto closed = welcome.at("events").empty() ? fran.wait_event(close_seq) : welcome.at("events").at(0);
    CHECK(closed.at("seq") == close_seq);
    CHECK(closed.at("op") == json{{"kind", "round.close"}, {"roundId", s.id("r1")}});
    CHECK_FALSE(closed.contains("by"));
    CHECK_FALSE(closed.contains("clientSeq"));
    CHECK_FALSE(closed.contains("effect"));  // protocol 4: the closed round in the patch has it
    const auto& result = closed.at("patch").at("rounds").at(0).at("result");
    CHECK(result.at("voters") == 1);
    CHECK(result.at("ranking").at(0).at("itemId") == s.id("c4"));

    ws_client anna(server.port());
    const auto snapshot = anna.join(s.w.id, {.participant_token = s.anna_token}).at("snapshot");
    CHECK(round_in(snapshot, s.id("r1")).at("status") == "closed");
    CHECK(anna.wait_error(anna.send_op(vote(s, "r1", "c1"))).at("code") == "conflict");
}

TEST_CASE("P-FAC-6 P-FAC-8 P-FAC-9 private and anonymous cards on the wire, live and in delta replay",
          "[ws][fac]")
{
    test_server server;
    session_scenario s(server.port());
    ws_client bram(server.port());
    const auto bram_welcome = bram.join(s.w.id, {.display_name = "Bram"});
    const std::string bram_token = bram_welcome.at("you").at("participantToken");
    const std::string bram_client = bram.client_id();
    const std::int64_t bram_seq = bram_welcome.at("seq");

    // An idea is anonymous: others get its event without by (and, as every event of another
    // tab, without clientSeq: P-SYNC-11).
    const auto added = s.anna.apply(s.idea("open"));
    const auto others_view = bram.wait_event(added.at("seq"));
    CHECK(others_view.at("op").at("cardId") == s.id("open"));
    CHECK_FALSE(others_view.contains("by"));
    CHECK_FALSE(s.fran.wait_event(added.at("seq")).contains("by"));
    CHECK(s.anna.events().at(added.at("seq")).at("by") == s.anna_number);

    s.fran.apply({{"kind", "writing.private"}, {"on", true}});
    const auto secret = s.anna.apply(s.idea("secret"));
    const std::int64_t secret_seq = secret.at("seq");
    CHECK(patched_card(s.anna.events().at(secret_seq), s.id("secret")).at("private") == true);
    CHECK(bram.wait_event(secret_seq).at("op") == json{{"kind", "hidden"}});
    // Live for others: the hidden form's patch has the count, and nothing of the card.
    CHECK(bram.wait_event(secret_seq).at("patch").at("facilitation").at("privateCount") == 1);
    CHECK_FALSE(bram.wait_event(secret_seq).at("patch").contains("cards"));
    CHECK_FALSE(bram.wait_event(secret_seq).contains("effect"));
    CHECK(s.fran.wait_event(secret_seq).at("op") == json{{"kind", "hidden"}});
    CHECK(s.fran.wait_error(s.fran.send_op({{"kind", "card.delete"}, {"cardId", s.id("secret")}}))
              .at("code") == "not_found");

    // Bram reconnects: the delta shows him exactly what he saw live.
    bram.close();
    ws_client bram2(server.port(), {.client_id = bram_client});
    const auto replay = bram2.join(s.w.id, {.display_name = "Bram", .last_seq = bram_seq,
                                           .participant_token = bram_token});
    bool saw_hidden = false, saw_anonymous = false;
    for (const auto& e : replay.at("events")) {
        if (e.at("seq") == secret_seq) saw_hidden = e.at("op") == json{{"kind", "hidden"}};
        if (e.at("seq") == added.at("seq")) saw_anonymous = !e.contains("by");
    }
    CHECK(saw_hidden);
    CHECK(saw_anonymous);
    const auto snapshot = ws_client(server.port(), {.contract_log = false}).join(s.w.id).at("snapshot");
    CHECK(snapshot.at("facilitation").at("privateCount") == 1);

    // The reveal shows the card to everyone, its author still hidden from others.
    const auto reveal = s.fran.apply({{"kind", "writing.private"}, {"on", false}});
    const auto revealed = bram2.wait_event(reveal.at("seq")).at("patch").at("cards");
    REQUIRE(revealed.size() == 1);
    CHECK(revealed.at(0).at("id") == s.id("secret"));
    CHECK_FALSE(revealed.at(0).contains("private"));  // false: left out at its default (P-SYNC-9)
    CHECK_FALSE(revealed.at(0).contains("authorId"));
    CHECK(s.anna.wait_event(reveal.at("seq")).at("patch").at("cards").at(0).at("authorId") == s.anna_id);
    bram2.apply({{"kind", "card.update"}, {"cardId", s.id("secret")}, {"text", "Nu zichtbaar"}});
}
