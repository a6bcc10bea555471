// The journey method over the real server (P-METH-*, P-EVAL-*): channels, scores and evaluation
// responses reach each viewer in its form (the sender, the sender's other tab, another
// participant, a facilitator, the big screen), live, in delta replay and after a restart.
#include "support/server_process.hpp"
#include "support/ws_client.hpp"

#include <catch2/catch.hpp>

using namespace jb::test;

namespace {

// Two participants (Anna on two connections, Bram), a facilitator and the big screen.
struct method_room {
    workshop w;
    ws_client fran, anna, anna2, bram, screen;
    json board;
    std::int64_t anna_number = 0;  // what events' `by` says for Anna (P-SYNC-11)
    std::string anna_id, anna_token, bram_id, bram_token, bram_client, fran_id, fran_token;
    std::int64_t bram_seq = 0;  // where Bram's first welcome stood
    std::string touchpoint = new_id("t"), other_touchpoint = new_id("t");

    explicit method_room(unsigned short port)
        : w(create_workshop(port)), fran(port), anna(port), anna2(port), bram(port), screen(port)
    {
        auto fw = fran.join(w.id, {.display_name = "Fran", .facilitator_key = w.facilitator_key});
        board = fw.at("snapshot");
        fran_id = fw.at("you").at("participantId");
        fran_token = fw.at("you").at("participantToken");
        auto aw = anna.join(w.id, {.display_name = "Anna"});
        anna_id = aw.at("you").at("participantId");
        anna_number = aw.at("you").at("number");
        anna_token = aw.at("you").at("participantToken");
        anna2.join(w.id, {.display_name = "Anna", .participant_token = anna_token});
        fran.apply({{"kind", "stage.set"}, {"stageId", "map"}});  // so Bram's welcome stands past 0
        auto bw = bram.join(w.id, {.display_name = "Bram"});
        bram_id = bw.at("you").at("participantId");
        bram_token = bw.at("you").at("participantToken");
        bram_client = bram.client_id();
        bram_seq = bw.at("seq");
        screen.join(w.id, {.display_name = "Scherm", .screen_key = w.screen_key});
    }

    std::string phase(std::size_t n = 0) const { return phase_id(board, n); }

    std::vector<ws_client*> everyone() { return {&fran, &anna, &anna2, &bram, &screen}; }
};

json score(const std::string& scale, const std::string& target, json value)
{
    return {{"kind", "score.set"}, {"scale", scale}, {"targetId", target}, {"value", value}};
}

json submit(int rating, const std::string& remarks)
{
    return {{"kind", "evaluation.submit"}, {"rating", rating}, {"remarks", remarks}};
}

// The counts of the one score an event's patch carries (P-SYNC-9; protocol 3 sent them as
// effect.tally too).
json counts_in(const json& event)
{
    return event.at("patch").at("scores").at(0).at("counts");
}

// The copy another tab of the sender gets: the same, without the sender's clientSeq (P-SYNC-11).
json other_tab(json event)
{
    event.erase("clientSeq");
    return event;
}

// The form of an event everyone but its sender gets: no sender, no value (P-METH-3).
// The event without its sender (and value), and without its patch, which is each viewer's own
// (P-SYNC-9: `mine`, the answers a facilitator sees).
json without_sender(json event, bool drop_value)
{
    for (const char* f : {"by", "clientSeq", "patch"}) event.erase(f);
    if (drop_value) event["op"].erase("value");
    return event;
}

const json& score_entry(const json& snapshot, const std::string& scale, const std::string& target)
{
    for (const auto& e : snapshot.at("scores"))
        if (e.at("scale") == scale && e.at("targetId") == target) return e;
    throw std::runtime_error("no score entry " + scale + " " + target);
}

// Sets up the scores and responses the tests below look at; returns the seqs of interest.
struct story {
    std::int64_t channel_set, anna_scored, anna2_scored, evaluation_open, anna_answered, bram_answered;
};

story play(method_room& r)
{
    story s{};
    json add = card_add(r.board, r.touchpoint, "Balie", "a0", 0, 0);  // lane 0: touchpoint
    add["channel"] = "desk";
    r.anna.apply(add);
    r.bram.apply(card_add(r.board, r.other_touchpoint, "Website", "a1", 1, 0));
    s.channel_set = r.bram.apply({{"kind", "card.update"}, {"cardId", r.other_touchpoint},
                                  {"channel", "website"}}).at("seq");
    s.anna_scored = r.anna.apply(score("current", r.touchpoint, -1)).at("seq");
    r.bram.apply(score("current", r.touchpoint, 2));
    s.anna2_scored = r.anna2.apply(score("current", r.touchpoint, 1)).at("seq");  // replaces Anna's
    r.fran.apply(score("expected", r.phase(0), 4));
    r.anna.apply(score("experienced", r.phase(0), 2));
    r.bram.apply(score("desired", r.other_touchpoint, 2));
    r.bram.apply(score("desired", r.other_touchpoint, nullptr));  // and taken back
    s.evaluation_open = r.fran.apply({{"kind", "evaluation.open"}, {"open", true}}).at("seq");
    s.anna_answered = r.anna.apply(submit(4, "Leerzaam.\nMeer tijd graag.")).at("seq");
    s.bram_answered = r.bram.apply(submit(2, "")).at("seq");
    r.anna2.apply(submit(5, "Toch top"));  // Anna again: replaces r1
    return s;
}

}  // namespace

TEST_CASE("P-METH-1 P-METH-2 P-METH-3 P-EVAL-1 P-EVAL-2 scores and responses reach each viewer in its form",
          "[ws][method]")
{
    test_server server;
    method_room r(server.port());
    const story s = play(r);

    // The channel travels whole to everyone, in the card the event's patch holds (P-SYNC-12).
    for (auto* c : r.everyone())
        CHECK(patched_card(c->wait_event(s.channel_set), r.other_touchpoint).at("channel") == "website");

    // Anna's score: whole on both her connections; without sender and value for everyone else.
    const json whole = r.anna.wait_event(s.anna_scored);
    CHECK(whole.at("by") == r.anna_number);
    CHECK(whole.at("op").at("value") == -1);
    CHECK_FALSE(whole.contains("effect"));
    CHECK(counts_in(whole) == json{0, 1, 0, 0, 0});
    CHECK(r.anna2.wait_event(s.anna_scored) == other_tab(whole));
    for (auto* c : {&r.bram, &r.fran, &r.screen}) {
        CHECK(without_sender(c->wait_event(s.anna_scored), false) == without_sender(whole, true));
        // P-SYNC-9: the score's record with the counts, and not Anna's value as one's own.
        CHECK(c->wait_event(s.anna_scored).at("patch").at("scores")[0].at("mine") == nullptr);
    }
    CHECK(whole.at("patch").at("scores")[0].at("mine") == -1);

    // Her second tab scores again: still one scorer, her value replaced.
    const json again = r.bram.wait_event(s.anna2_scored);
    CHECK(counts_in(again) == json{0, 0, 0, 1, 1});
    CHECK_FALSE(again.at("op").contains("value"));
    CHECK(r.anna.wait_event(s.anna2_scored).at("op").at("value") == 1);

    // The evaluation: whole for Anna's tabs, without sender for the facilitator, hidden with
    // its count for the others.
    const json answer = r.anna.wait_event(s.anna_answered);
    CHECK(answer.at("op") == submit(4, "Leerzaam.\nMeer tijd graag."));
    const json first_summary = json::parse(R"({"ratings":[0,0,0,1,0],"average":4.0,"shown":[]})");
    CHECK_FALSE(answer.contains("effect"));
    CHECK(answer.at("patch").at("evaluation").at("count") == 1);
    CHECK(answer.at("patch").at("evaluation").at("summary") == first_summary);
    CHECK(r.anna2.wait_event(s.anna_answered) == other_tab(answer));
    CHECK(without_sender(r.fran.wait_event(s.anna_answered), false) == without_sender(answer, false));
    const json hidden{{"type", "event"}, {"seq", s.anna_answered}, {"at", answer.at("at")}, {"op", {{"kind", "hidden"}}}};
    // P-SYNC-9: the hidden form's patch has the count and the summary, never the answer.
    const json count_only{{"open", true}, {"count", 1}, {"mine", nullptr}, {"responses", json::array()},
                          {"summary", first_summary}};
    for (auto* c : {&r.bram, &r.screen}) {
        CHECK(without_sender(c->wait_event(s.anna_answered), false) == hidden);
        CHECK(c->wait_event(s.anna_answered).at("patch") == json{{"evaluation", count_only}});
    }
    CHECK(r.fran.wait_event(s.anna_answered).at("patch").at("evaluation").at("responses").size() == 1);
    const json second = r.fran.wait_event(s.bram_answered).at("patch").at("evaluation");
    CHECK((second.at("responses").at(1).at("id") == "r2" && second.at("count") == 2));
    CHECK(r.anna.wait_event(s.bram_answered).at("op") == json{{"kind", "hidden"}});

    // The snapshots: counts for all, one's own value and response, the responses for facilitators.
    const auto snap = [&](hello_options o) {
        return ws_client(server.port(), {.contract_log = false}).join(r.w.id, o).at("snapshot");
    };
    const json anna_view = snap({.participant_token = r.anna_token});
    const json bram_view = snap({.participant_token = r.bram_token});
    const json fran_view = snap({.participant_token = r.fran_token, .facilitator_key = r.w.facilitator_key});
    const json screen_view = snap({.screen_key = r.w.screen_key});
    CHECK(score_entry(anna_view, "current", r.touchpoint) ==
          json{{"scale", "current"}, {"targetId", r.touchpoint}, {"counts", {0, 0, 0, 1, 1}}, {"mine", 1}});
    CHECK(score_entry(bram_view, "current", r.touchpoint).at("mine") == 2);
    CHECK(score_entry(screen_view, "current", r.touchpoint).at("mine") == nullptr);
    CHECK(score_entry(fran_view, "expected", r.phase(0)).at("mine") == 4);
    CHECK(anna_view.at("scores").size() == 3);  // the desired score taken back left no entry
    CHECK(anna_view.at("evaluation") == json{{"open", true}, {"count", 2},
                                             {"mine", {{"rating", 5}, {"remarks", "Toch top"}}},
                                             {"responses", json::array()},
                                             {"summary", {{"ratings", {0, 1, 0, 0, 1}}, {"average", 3.5},
                                                          {"shown", json::array()}}}});
    CHECK(screen_view.at("evaluation").at("summary") == anna_view.at("evaluation").at("summary"));
    CHECK(screen_view.at("evaluation").at("mine") == nullptr);
    CHECK(fran_view.at("evaluation").at("responses") ==
          json::parse(R"([{"id":"r1","rating":5,"remarks":"Toch top"},{"id":"r2","rating":2,"remarks":""}])"));
    for (const auto& c : anna_view.at("cards"))
        CHECK(c.at("channel") == (c.at("id") == r.touchpoint ? "desk" : "website"));
}

TEST_CASE("P-METH-2 P-EVAL-1 P-ROLE-5 P-FAC-4 the screen is refused, scores and answers go on while locked",
          "[ws][method]")
{
    test_server server;
    method_room r(server.port());
    r.anna.apply(card_add(r.board, r.touchpoint, "Telefoon", "a0", 0, 0));
    CHECK(r.anna.wait_error(r.anna.send_op(submit(3, ""))).at("code") == "conflict");  // closed
    CHECK(r.anna.wait_error(r.anna.send_op({{"kind", "evaluation.open"}, {"open", true}})).at("code") ==
          "forbidden");
    r.fran.apply({{"kind", "evaluation.open"}, {"open", true}});
    r.fran.apply({{"kind", "board.lock"}, {"locked", true}});
    CHECK(r.screen.wait_error(r.screen.send_op(score("current", r.touchpoint, 1))).at("code") == "forbidden");
    CHECK(r.screen.wait_error(r.screen.send_op(submit(3, ""))).at("code") == "forbidden");
    r.bram.apply(score("current", r.touchpoint, 1));
    const std::int64_t answered = r.bram.apply(submit(3, "Op slot, toch antwoorden")).at("seq");
    // P-EVAL-4: only a facilitator puts a remark on the big screen; the screen gets the summary.
    r.screen.wait_event(answered);
    const json show{{"kind", "evaluation.show"}, {"responseId", "r1"}, {"shown", true}};
    CHECK(r.anna.wait_error(r.anna.send_op(show)).at("code") == "forbidden");
    const std::int64_t shown = r.fran.apply(show).at("seq");
    CHECK(r.screen.wait_event(shown).at("patch").at("evaluation").at("summary").at("shown") ==
          json::parse(R"([{"id":"r1","remarks":"Op slot, toch antwoorden"}])"));
    const auto e = r.bram.wait_error(r.bram.send_op(score("current", r.phase(0), 1)));
    CHECK((e.at("code") == "not_found" && e.at("message") == "op.targetId: no card \"" + r.phase(0) + "\""));
    // Out of range: logged as a message the schemas must reject too.
    r.bram.send_invalid(json{{"type", "op"}, {"clientSeq", 1000}, {"op", score("expected", r.phase(0), 6)}}.dump());
    const auto bad = r.bram.wait_error(1000);
    CHECK((bad.at("code") == "invalid" && bad.at("message") == "op.value: must be at most 5"));
}

TEST_CASE("P-METH-4 P-EVAL-3 P-SYNC-5 P-SYNC-7 a reconnect and a restart replay each viewer the same",
          "[restart][method][slow]")
{
    test_server server;
    method_room r(server.port());
    const story s = play(r);
    const std::int64_t last = r.fran.wait_event(s.anna_answered + 2).at("seq");

    // What Bram saw live, from his welcome on.
    std::map<std::int64_t, json> live;
    for (std::int64_t seq = r.bram_seq + 1; seq <= last; ++seq) {
        live[seq] = r.bram.wait_event(seq);
        live[seq].erase("type");  // welcome.events holds bodies
    }
    const auto replayed = [&](ws_client& c) {
        std::map<std::int64_t, json> got;
        const auto welcome = c.join(r.w.id, {.display_name = "Bram", .last_seq = r.bram_seq,
                                             .participant_token = r.bram_token});
        for (const auto& e : welcome.at("events")) got[e.at("seq")] = e;
        return got;
    };
    ws_client bram2(server.port(), {.client_id = r.bram_client});
    CHECK(replayed(bram2) == live);
    bram2.close();

    const auto snap = [&](hello_options o) {
        return ws_client(server.port(), {.contract_log = false}).join(r.w.id, o).at("snapshot");
    };
    const json before_anna = snap({.participant_token = r.anna_token});
    const json before_fran = snap({.participant_token = r.fran_token, .facilitator_key = r.w.facilitator_key});
    const json before_screen = snap({.screen_key = r.w.screen_key});
    for (auto* c : r.everyone()) c->close();

    REQUIRE(server.stop() == 0);
    server.start();
    CHECK(snap({.participant_token = r.anna_token}) == before_anna);
    CHECK(snap({.participant_token = r.fran_token, .facilitator_key = r.w.facilitator_key}) == before_fran);
    CHECK(snap({.screen_key = r.w.screen_key}) == before_screen);
    ws_client bram3(server.port(), {.client_id = r.bram_client});
    CHECK(replayed(bram3) == live);

    // The numbering and the scorers carry on where they were.
    ws_client anna(server.port());
    anna.join(r.w.id, {.participant_token = r.anna_token});
    const auto rescored = anna.apply(score("current", r.touchpoint, -2));
    CHECK(counts_in(anna.wait_event(rescored.at("seq"))) == json{1, 0, 0, 0, 1});
    ws_client cora(server.port());
    cora.join(r.w.id, {.display_name = "Cora"});
    const auto third = cora.apply(submit(3, ""));
    // Numbered on after the restart; the summary counts the responses from before it too.
    const auto poll = cora.wait_event(third.at("seq")).at("patch").at("evaluation");
    CHECK(poll.at("count") == 3);
    CHECK(poll.at("summary") == json::parse(R"({"ratings":[0,1,1,0,1],"average":3.3,"shown":[]})"));
    CHECK(snap({.participant_token = r.fran_token, .facilitator_key = r.w.facilitator_key})
              .at("evaluation").at("responses").back().at("id") == "r3");
}
