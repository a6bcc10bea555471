// Roles over the real server (P-ROLE-*): every facilitator command from a participant or a
// screen is refused and changes nothing; the facilitator's succeed; every new operation kind is
// sent and its event logged (the contract tests check them against schemas/); the screen, role
// hand-over and removal.
#include "support/server_process.hpp"
#include "support/session_scenario.hpp"
#include "support/ws_client.hpp"

#include <catch2/catch.hpp>

using namespace jb::test;

namespace {

// The board as a fresh facilitator connection sees it, and where the log stands.
std::pair<json, std::int64_t> state_of(unsigned short port, const workshop& w)
{
    ws_client look(port, {.contract_log = false});
    auto welcome = look.join(w.id, {.display_name = "Kijker", .facilitator_key = w.facilitator_key});
    return {welcome.at("snapshot"), welcome.at("seq").get<std::int64_t>()};
}

}  // namespace

TEST_CASE("P-ROLE-2 a participant or a screen sending any facilitator command gets forbidden and nothing changes",
          "[ws][role]")
{
    test_server server;
    session_scenario s(server.port());
    ws_client screen(server.port());
    screen.join(s.w.id, {.display_name = "Beamer", .screen_key = s.w.screen_key});
    const auto before = state_of(server.port(), s.w);

    auto commands = s.facilitator_commands();
    commands.push_back({{"kind", "participant.remove"}, {"participantId", s.fran_id}});
    for (const auto& op : commands) {
        INFO(op.dump());
        CHECK(s.anna.wait_error(s.anna.send_op(op)).at("code") == "forbidden");
    }
    // A screen may send nothing at all, not even an edit or a vote.
    std::vector<json> everything = commands;
    everything.push_back(s.idea("x1"));
    everything.push_back({{"kind", "card.update"}, {"cardId", s.id("c1")}, {"text", "x"}});
    everything.push_back({{"kind", "vote.add"}, {"roundId", s.id("r0")}, {"itemId", s.id("c1")}});
    for (const auto& op : everything) {
        INFO(op.dump());
        CHECK(screen.wait_error(screen.send_op(op)).at("code") == "forbidden");
    }
    CHECK(state_of(server.port(), s.w) == before);
}

TEST_CASE("P-ROLE-2 P-FAC-4 the facilitator's commands succeed, a locked board refuses participants' edits",
          "[ws][role]")
{
    test_server server;
    session_scenario s(server.port());
    for (const auto& op : s.facilitator_commands()) {
        INFO(op.dump());
        s.fran.apply(op);
        if (op.at("kind") == "board.lock" && op.at("locked") == true) {
            CHECK(s.anna.wait_error(s.anna.send_op(s.idea("locked"))).at("code") == "locked");
            CHECK(s.anna.wait_error(s.anna.send_op({{"kind", "card.link"}, {"cardId", s.id("c1")},
                                                    {"targetId", s.id("k1")}}))
                      .at("code") == "locked");
            s.fran.apply(s.idea("by-fran"));  // the facilitator still edits
        }
    }
    // Everyone's edits: link, groups.
    s.anna.apply({{"kind", "card.link"}, {"cardId", s.id("c1")}, {"targetId", s.id("k1")}});
    s.anna.apply({{"kind", "group.add"}, {"groupId", s.id("g2")}, {"title", "Samen"},
                  {"cardIds", {s.id("c5"), s.id("c6")}}});
    s.anna.apply({{"kind", "card.group"}, {"cardId", s.id("c7")}, {"groupId", s.id("g2")}});
    s.anna.apply({{"kind", "card.ungroup"}, {"cardId", s.id("c7")}});
    s.anna.apply({{"kind", "group.update"}, {"groupId", s.id("g2")}, {"title", "Anders"}});
    const auto [board, seq] = state_of(server.port(), s.w);
    CHECK(board.at("facilitation").at("stageId") == "ideas");
    CHECK(board.at("facilitation").at("anonymity") == "none");
    CHECK(board.at("workshop").at("title") == "Nieuw");
    CHECK(board.at("rounds").size() == 2);
    CHECK(board.at("rounds").at(1).at("status") == "cancelled");
    CHECK(board.at("groups").size() == 2);
}

TEST_CASE("P-VOTE-5 P-VOTE-6 P-VOTE-7 P-FAC-5 a round end to end: votes, done, paper, close with the result",
          "[ws][vote]")
{
    test_server server;
    session_scenario s(server.port());
    ws_client bram(server.port());
    const std::string bram_id = bram.join(s.w.id, {.display_name = "Bram"}).at("you").at("participantId");
    ws_client anna2(server.port());  // Anna's second tab
    anna2.join(s.w.id, {.display_name = "Anna", .participant_token = s.anna_token});

    auto start = s.fran.apply(s.round_start("r1", {{"kind", "cards"}, {"cardIds", {s.id("c1"), s.id("c4")}}}));
    const auto started = s.anna.wait_event(start.at("seq"));
    CHECK(started.at("patch").at("rounds").at(0).at("items") == json{s.id("c1"), s.id("c4")});
    // Who votes in it is the server's word, each viewer's own (P-VOTE-5): not the facilitator here.
    CHECK(started.at("patch").at("rounds").at(0).at("mayVote") == true);
    CHECK(s.fran.wait_event(start.at("seq")).at("patch").at("rounds").at(0).at("mayVote") == false);

    auto vote = s.anna.apply({{"kind", "vote.add"}, {"roundId", s.id("r1")}, {"itemId", s.id("c1")}});
    const std::int64_t vote_seq = vote.at("seq");
    // Anna's other tab sees her vote; Bram and the facilitator see only that something happened.
    CHECK(anna2.wait_event(vote_seq).at("op").at("kind") == "vote.add");
    const auto hidden = bram.wait_event(vote_seq);
    CHECK(hidden.at("op") == json{{"kind", "hidden"}});
    CHECK_FALSE(hidden.contains("by"));
    CHECK_FALSE(hidden.contains("clientSeq"));
    CHECK(s.fran.wait_event(vote_seq).at("op") == json{{"kind", "hidden"}});

    // The second tab shares the budget (3) and the cap (2).
    anna2.apply({{"kind", "vote.add"}, {"roundId", s.id("r1")}, {"itemId", s.id("c1")}});
    CHECK(s.anna.wait_error(s.anna.send_op({{"kind", "vote.add"}, {"roundId", s.id("r1")},
                                            {"itemId", s.id("c1")}}))
              .at("code") == "limit");
    anna2.apply({{"kind", "vote.add"}, {"roundId", s.id("r1")}, {"itemId", s.id("c4")}});
    CHECK(anna2.wait_error(anna2.send_op({{"kind", "vote.add"}, {"roundId", s.id("r1")},
                                          {"itemId", s.id("c4")}}))
              .at("code") == "limit");
    anna2.apply({{"kind", "vote.remove"}, {"roundId", s.id("r1")}, {"itemId", s.id("c4")}});
    bram.apply({{"kind", "vote.add"}, {"roundId", s.id("r1")}, {"itemId", s.id("c4")}});
    bram.apply({{"kind", "vote.done"}, {"roundId", s.id("r1")}, {"done", true}});
    // The facilitator does not vote in this round.
    CHECK(s.fran.wait_error(s.fran.send_op({{"kind", "vote.add"}, {"roundId", s.id("r1")},
                                            {"itemId", s.id("c4")}}))
              .at("code") == "forbidden");

    // Presence shows counts and who is done, never which items.
    s.fran.wait_presence(
        [&] {
            return presence_entry(s.fran.presence(), bram_id).value("voting", json()).is_object() &&
                   presence_entry(s.fran.presence(), bram_id).at("voting").at("done") == true &&
                   presence_entry(s.fran.presence(), s.anna_id).value("voting", json()).value("used", 0) == 2;
        },
        "presence with voting progress");
    CHECK(presence_entry(s.fran.presence(), s.anna_id).at("voting") == json{{"used", 2}, {"done", false}});
    CHECK(presence_entry(s.fran.presence(), s.fran_id).at("voting").is_null());

    s.fran.apply({{"kind", "round.paper"}, {"roundId", s.id("r1")}, {"label", "Tafel 3"},
                  {"votes", {{s.id("c4"), 2}}}});
    auto close = s.fran.apply({{"kind", "round.close"}, {"roundId", s.id("r1")}});
    const auto result = bram.wait_event(close.at("seq")).at("patch").at("rounds").at(0).at("result");
    CHECK(result.at("voters") == 2);
    CHECK(result.at("ranking") ==
          json{{{"itemId", s.id("c4")}, {"rank", 1}, {"tied", false}, {"votes", 3}, {"digital", 1}, {"paper", 2}},
               {{"itemId", s.id("c1")}, {"rank", 2}, {"tied", false}, {"votes", 2}, {"digital", 2}, {"paper", 0}}});

    // A newcomer's snapshot: the result, and only its own (no) votes.
    ws_client carla(server.port());
    const auto snap = carla.join(s.w.id).at("snapshot");
    CHECK(snap.at("rounds").at(1).at("result") == result);
    CHECK(snap.at("rounds").at(1).at("myVotes") == json::object());
}

TEST_CASE("P-ROLE-5 a screen joins read-only with its key, is not listed, and sees no votes", "[ws][role]")
{
    test_server server;
    session_scenario s(server.port());
    ws_client wrong(server.port());
    const auto refused = wrong.hello(s.w.id, {.screen_key = std::string(22, 'x')});
    CHECK(refused.at("code") == "forbidden");
    CHECK(wrong.wait_closed().code == 4003);

    ws_client screen(server.port());
    const auto welcome = screen.join(s.w.id, {.display_name = "Beamer", .screen_key = s.w.screen_key});
    CHECK(welcome.at("you") == json{{"participantId", ""}, {"participantToken", ""},
                                    {"displayName", "Beamer"}, {"role", "screen"}});
    CHECK(welcome.at("joinCode") == s.w.join_code);  // to show on the projector
    CHECK_FALSE(welcome.contains("screenKey"));
    // Anna's idea cards are anonymous to the screen.
    for (const auto& c : welcome.at("snapshot").at("cards"))
        if (c.at("laneId") == lane_id(s.board, 5)) CHECK_FALSE(c.contains("authorId"));

    screen.send({{"type", "presence"}, {"editing", nullptr}});
    s.fran.apply(s.round_start("r1"));
    auto vote = s.anna.apply({{"kind", "vote.add"}, {"roundId", s.id("r1")}, {"itemId", s.id("c1")}});
    CHECK(screen.wait_event(vote.at("seq")).at("op") == json{{"kind", "hidden"}});
    s.fran.receive_until(
        [&](const json& m) { return m.at("type") == "presence" && presence_entry(s.fran.presence(), s.anna_id).value("voting", json()).is_object(); },
        "presence during the round");
    CHECK(s.fran.presence().at("participants").size() == 2);  // Fran and Anna; no screen

    // The facilitator's welcome carries the screen key again.
    ws_client fran2(server.port());
    CHECK(fran2.join(s.w.id, {.facilitator_key = s.w.facilitator_key}).at("screenKey") == s.w.screen_key);
}

TEST_CASE("P-ROLE-1 P-ROLE-3 handing over the facilitator role applies at once to open connections", "[ws][role]")
{
    test_server server;
    session_scenario s(server.port());
    const json stage{{"kind", "stage.set"}, {"stageId", "map"}};
    CHECK(s.fran.wait_error(s.fran.send_op({{"kind", "participant.role"}, {"participantId", s.fran_id},
                                            {"role", "participant"}}))
              .at("code") == "conflict");  // the last facilitator
    CHECK(s.anna.wait_error(s.anna.send_op(stage)).at("code") == "forbidden");
    s.fran.apply({{"kind", "participant.role"}, {"participantId", s.anna_id}, {"role", "facilitator"}});
    s.anna.apply(stage);  // the same connection, now a facilitator
    s.anna.apply({{"kind", "participant.role"}, {"participantId", s.fran_id}, {"role", "participant"}});
    CHECK(s.fran.wait_error(s.fran.send_op(stage)).at("code") == "forbidden");
    // Stored with the participant: a new connection of Anna's is a facilitator too.
    ws_client again(server.port());
    const auto welcome = again.join(s.w.id, {.display_name = "Anna", .participant_token = s.anna_token});
    CHECK(welcome.at("you").at("role") == "facilitator");
    CHECK(welcome.at("joinCode") == s.w.join_code);
}

TEST_CASE("P-ROLE-4 a removed participant gets error removed and close 4003, cannot come back, and its cards stay",
          "[ws][role]")
{
    test_server server;
    session_scenario s(server.port());
    CHECK(s.fran.wait_error(s.fran.send_op({{"kind", "participant.remove"}, {"participantId", s.fran_id}}))
              .at("code") == "conflict");  // not yourself
    s.fran.apply({{"kind", "participant.remove"}, {"participantId", s.anna_id}});
    const auto closed = s.anna.wait_closed();
    CHECK(closed.code == 4003);
    bool told = false;
    for (const auto& m : closed.before)
        told = told || (m.at("type") == "error" && m.at("code") == "removed");
    for (const auto& m : s.anna.skipped())
        told = told || (m.value("type", "") == "error" && m.value("code", "") == "removed");
    CHECK(told);

    ws_client back(server.port());
    CHECK(back.hello(s.w.id, {.participant_token = s.anna_token}).at("code") == "removed");
    CHECK(back.wait_closed().code == 4003);

    const auto [board, seq] = state_of(server.port(), s.w);
    std::size_t cards = 0;
    for (const auto& c : board.at("cards"))
        cards += c.at("id").get<std::string>().starts_with(s.prefix) ? 1 : 0;
    CHECK(cards == 8);
    s.fran.receive_until(
        [&](const json& m) { return m.at("type") == "presence" && presence_entry(s.fran.presence(), s.anna_id).empty(); },
        "presence without the removed participant");
}
