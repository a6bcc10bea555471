// Synchronisation over the real server: convergence (P-SYNC-1, P-SYNC-3), reconnect by delta or
// snapshot (P-SYNC-5), idempotent resends (P-SYNC-4), and every operation kind end to end.
#include "support/server_process.hpp"
#include "support/ws_client.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <tuple>

using namespace jb::test;

namespace {

// The ops of the events a client got, in seq order. (Who did each may be hidden from some
// viewers, P-FAC-9, so by, clientId and clientSeq are not compared.)
std::vector<json> event_log(const ws_client& c)
{
    std::vector<json> out;
    for (const auto& [seq, e] : c.events())
        out.push_back(json{{"seq", seq}, {"op", e.at("op")}});
    return out;
}

const json* find_card(const json& snapshot, const std::string& id)
{
    for (const auto& c : snapshot.at("cards"))
        if (c.at("id") == id)
            return &c;
    return nullptr;
}

}  // namespace

TEST_CASE("P-SYNC-1 two clients converge: each gets every event, the sender its ack after it",
          "[sync]")
{
    test_server server;
    const auto w = create_workshop(server.port());
    ws_client anna(server.port()), bram(server.port());
    const auto anna_welcome = anna.join(w.id);
    auto board = anna_welcome.at("snapshot");
    const auto bram_welcome = bram.join(w.id);

    const std::string c1 = new_id("card"), c2 = new_id("card");
    const auto s1 = anna.send_op(card_add(board, c1, "Formulier is lang", "a0"));
    const auto s2 = bram.send_op(card_add(board, c2, "Geen bevestiging", "a1", 1, 2));

    // The event of one's own op comes before its ack.
    // P-SYNC-11: only the sender's copy has the clientSeq; both name it by its number.
    std::map<std::int64_t, std::int64_t> number_of_seq;
    for (auto [client, seq, welcome] : {std::tuple{&anna, s1, &anna_welcome}, std::tuple{&bram, s2, &bram_welcome}}) {
        auto ack = client->wait_ack(seq);
        const auto own = client->events().find(ack.at("seq").get<std::int64_t>());
        REQUIRE(own != client->events().end());
        CHECK_FALSE(own->second.contains("clientId"));
        CHECK(own->second.at("clientSeq") == seq);
        CHECK(own->second.at("by") == welcome->at("you").at("number"));
        number_of_seq[ack.at("seq").get<std::int64_t>()] = welcome->at("you").at("number").get<std::int64_t>();
    }
    anna.wait_event(2);
    bram.wait_event(2);
    for (const auto* c : {&anna, &bram})
        for (const auto& [seq, e] : c->events()) {
            const bool own = (c == &anna) == (e.at("by") == anna_welcome.at("you").at("number"));
            CHECK(e.contains("clientSeq") == own);
            CHECK(e.at("by") == number_of_seq.at(seq));
        }
    CHECK(event_log(anna) == event_log(bram));
    CHECK(event_log(anna).size() == 2);

    // A newcomer's snapshot holds both cards.
    ws_client carla(server.port());
    auto snapshot = carla.join(w.id).at("snapshot");
    REQUIRE(find_card(snapshot, c1));
    REQUIRE(find_card(snapshot, c2));
    CHECK(find_card(snapshot, c2)->at("text") == "Geen bevestiging");
    CHECK(find_card(snapshot, c2)->at("laneId") == lane_id(board, 2));
}

TEST_CASE("P-SYNC-3 concurrent edits to one card converge to the same state everywhere", "[sync]")
{
    test_server server;
    const auto w = create_workshop(server.port());
    ws_client anna(server.port()), bram(server.port());
    auto board = anna.join(w.id).at("snapshot");
    bram.join(w.id);
    const std::string card = new_id("card");
    anna.apply(card_add(board, card, "begin"));

    // Both write the same fields without waiting for each other.
    std::vector<std::int64_t> anna_seqs, bram_seqs;
    for (int i = 0; i < 25; ++i) {
        anna_seqs.push_back(anna.send_op(card_update_text(card, "anna " + std::to_string(i))));
        bram_seqs.push_back(bram.send_op(
            {{"kind", "card.update"}, {"cardId", card}, {"text", "bram " + std::to_string(i)},
             {"color", i % 2 ? "blue" : "pink"}}));
        if (i % 5 == 0)
            bram_seqs.push_back(bram.send_op({{"kind", "card.move"}, {"cardId", card},
                                              {"phaseId", phase_id(board, i % 5)},
                                              {"laneId", lane_id(board, i % 6)}, {"orderKey", "a0"}}));
    }
    // The last operation's seq is the highest ack's; each client waits for that event. (An ack
    // says its own operation is durable, not that the other client has been sent it yet: a
    // ping's pong does not wait for the room, so it is no barrier for the other's events.)
    std::int64_t last = 0;
    for (auto s : anna_seqs)
        last = std::max(last, anna.wait_ack(s).at("seq").get<std::int64_t>());
    for (auto s : bram_seqs)
        last = std::max(last, bram.wait_ack(s).at("seq").get<std::int64_t>());
    anna.wait_event(last);
    bram.wait_event(last);
    REQUIRE(anna.events().rbegin()->first == last);
    REQUIRE(bram.events().rbegin()->first == last);
    CHECK(event_log(anna) == event_log(bram));  // same events, same order

    // Last writer in server order wins, for each field: the card as the last event left it.
    std::string text, color = "yellow";
    for (const auto& [seq, e] : anna.events()) {
        if (const auto patched = patched_card(e, card); !patched.is_null()) {
            text = patched.at("text");
            color = patched.at("color");
        }
    }
    // Fresh joins (full snapshots) from both sides agree with each other and with the log.
    ws_client anna2(server.port(), {.client_id = anna.client_id()}),
        bram2(server.port(), {.client_id = bram.client_id()});
    auto snap_a = anna2.join(w.id).at("snapshot");
    auto snap_b = bram2.join(w.id).at("snapshot");
    CHECK(snap_a == snap_b);
    REQUIRE(find_card(snap_a, card));
    CHECK(find_card(snap_a, card)->at("text") == text);
    CHECK(find_card(snap_a, card)->at("color") == color);
}

TEST_CASE("P-SYNC-5 a client that reconnects gets exactly the events it missed", "[sync]")
{
    test_server server;
    const auto w = create_workshop(server.port());
    ws_client anna(server.port()), bram(server.port());
    auto board = anna.join(w.id).at("snapshot");
    bram.join(w.id);
    anna.apply(card_add(board, new_id("card"), "een"));  // seq 1
    anna.close();

    std::vector<json> missed;
    for (int i = 0; i < 3; ++i)
        missed.push_back(card_add(board, new_id("card"), "gemist " + std::to_string(i), "a" + std::to_string(i + 1)));
    for (const auto& op : missed)
        bram.apply(op);  // seqs 2..4

    ws_client again(server.port(), {.client_id = anna.client_id()});
    auto welcome = again.join(w.id, {.last_seq = 1});
    CHECK_FALSE(welcome.contains("snapshot"));
    CHECK(welcome.at("seq") == 4);
    CHECK(welcome.at("lastClientSeq") == 1);
    const auto& events = welcome.at("events");
    REQUIRE(events.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(events[i].at("seq") == static_cast<std::int64_t>(i + 2));
        CHECK(events[i].at("op") == json{{"kind", "card.add"}, {"cardId", missed[i].at("cardId")}});  // P-SYNC-12
        CHECK(patched_card(events[i], missed[i].at("cardId")).at("text") == missed[i].at("text"));
        CHECK_FALSE(events[i].contains("clientSeq"));  // bram's, not this tab's (P-SYNC-11)
    }

    // Up to date: nothing to send.
    ws_client current(server.port());
    auto none = current.join(w.id, {.last_seq = 4});
    CHECK(none.at("events").empty());
    CHECK(none.at("seq") == 4);

    // lastSeq 0 is a client with no state: a snapshot, though every event is still held.
    ws_client fresh(server.port());
    auto whole = fresh.join(w.id, {.last_seq = 0});
    CHECK(whole.contains("snapshot"));
    CHECK_FALSE(whole.contains("events"));
    CHECK(whole.at("seq") == 4);

    // Events keep flowing after the reconnect, with no gap.
    bram.apply(card_add(board, new_id("card"), "daarna", "a9"));
    CHECK(again.wait_for("event").at("seq") == 5);
}

TEST_CASE("P-SYNC-5 a gap older than the replay window gets a snapshot", "[sync]")
{
    test_server server({"--replay-window", "3"});
    const auto w = create_workshop(server.port());
    ws_client anna(server.port()), bram(server.port());
    auto board = anna.join(w.id).at("snapshot");
    bram.join(w.id);
    anna.apply(card_add(board, new_id("card"), "een"));  // seq 1
    anna.close();

    std::vector<std::string> cards;
    for (int i = 0; i < 5; ++i) {
        cards.push_back(new_id("card"));
        bram.apply(card_add(board, cards.back(), "gemist", "a" + std::to_string(i + 1)));  // seqs 2..6
    }

    SECTION("behind by more than the window: snapshot")
    {
        ws_client again(server.port(), {.client_id = anna.client_id()});
        auto welcome = again.join(w.id, {.last_seq = 1});
        REQUIRE(welcome.contains("snapshot"));
        CHECK(welcome.at("seq") == 6);
        CHECK(welcome.at("snapshot").at("cards").size() == 6);
        for (const auto& id : cards)
            CHECK(find_card(welcome.at("snapshot"), id));
        bram.apply(card_add(board, new_id("card"), "daarna", "a9"));
        CHECK(again.wait_for("event").at("seq") == 7);
    }
    SECTION("behind by no more than the window: events")
    {
        ws_client again(server.port(), {.client_id = anna.client_id()});
        auto welcome = again.join(w.id, {.last_seq = 3});
        CHECK_FALSE(welcome.contains("snapshot"));
        REQUIRE(welcome.at("events").size() == 3);
        CHECK(welcome.at("events").at(0).at("seq") == 4);
    }
}

TEST_CASE("P-SYNC-4 a resent op is not applied twice", "[sync]")
{
    test_server server;
    const auto w = create_workshop(server.port());
    ws_client anna(server.port()), bram(server.port());
    auto board = anna.join(w.id).at("snapshot");
    bram.join(w.id);
    const json op = card_add(board, new_id("card"), "één keer");
    auto first = anna.wait_ack(anna.send_op(op, 1));
    CHECK(first.value("duplicate", false) == false);
    CHECK(first.at("seq") == 1);
    bram.wait_for("event");

    // The same clientSeq again: acknowledged as a duplicate, no event for anyone.
    auto dup = anna.wait_ack(anna.send_op(op, 1));
    CHECK(dup.at("duplicate") == true);
    CHECK(dup.at("seq") == 1);
    for (const auto& m : anna.sync())
        CHECK(m.at("type") != "event");
    for (const auto& m : bram.sync())
        CHECK(m.at("type") != "event");
    CHECK(anna.events().size() == 1);

    // After a reconnect the server says where the client stands, and still refuses to repeat.
    anna.close();
    ws_client again(server.port(), {.client_id = anna.client_id()});
    auto welcome = again.join(w.id, {.last_seq = 1});
    CHECK(welcome.at("lastClientSeq") == 1);
    CHECK(again.wait_ack(again.send_op(op, 1)).at("duplicate") == true);

    ws_client check(server.port());
    CHECK(check.join(w.id).at("snapshot").at("cards").size() == 1);
}

TEST_CASE("P-SYNC-4 P-SYNC-5 an op whose ack was lost is not applied again after a reconnect",
          "[sync]")
{
    test_server server;
    const auto w = create_workshop(server.port());
    std::string client_id;
    json board, op;
    {
        ws_client anna(server.port());
        client_id = anna.client_id();
        board = anna.join(w.id).at("snapshot");
        anna.apply(card_add(board, new_id("card"), "een"));  // seq 1
        op = card_add(board, new_id("card"), "ack kwijt", "a1");
        anna.send_op(op, 2);
        // Gone before reading the ack. Closing waits for the server's close reply, which
        // it sends only after it has handed op 2 to the room.
    }
    // Another client's op is ordered after op 2; once it is acknowledged, op 2 is durable too.
    ws_client other(server.port());
    other.join(w.id);
    other.apply(card_add(board, new_id("card"), "later", "a2"));

    ws_client again(server.port(), {.client_id = client_id});
    auto welcome = again.join(w.id, {.last_seq = 1});
    CHECK(welcome.at("lastClientSeq") == 2);
    REQUIRE(welcome.at("events").size() == 2);
    CHECK(welcome.at("events").at(0).at("op").at("cardId") == op.at("cardId"));
    CHECK(welcome.at("events").at(0).at("clientSeq") == 2);
    // The client resends its unacknowledged op, as P-SYNC-5 says: a duplicate.
    CHECK(again.wait_ack(again.send_op(op, 2)).at("duplicate") == true);
}

TEST_CASE("P-SYNC-12 every operation kind is applied and broadcast, a card's add, update and move by kind and card id with the card in the patch", "[sync]")
{
    test_server server;
    const auto w = create_workshop(server.port());
    ws_client lead(server.port()), member(server.port());
    auto board = lead.join(w.id, {.display_name = "Begeleider", .facilitator_key = w.facilitator_key})
                     .at("snapshot");
    member.join(w.id, {.display_name = "Deelnemer"});
    const std::string j = new_id("journey"), p = new_id("phase"), l = new_id("lane"), c = new_id("card");

    const std::vector<std::pair<ws_client*, json>> steps = {
        {&lead, {{"kind", "workshop.update"}, {"title", "Vergunning, versie 2"}}},
        {&lead, {{"kind", "journey.add"}, {"journeyId", j}, {"title", "Ondernemer start"},
                 {"targetGroup", "ondernemer"}, {"orderKey", "a5"}}},
        {&lead, {{"kind", "journey.update"}, {"journeyId", j}, {"targetGroup", "persona"}}},
        {&lead, {{"kind", "phase.add"}, {"journeyId", j}, {"phaseId", p}, {"title", "Start"}, {"orderKey", "a0"}}},
        {&lead, {{"kind", "phase.update"}, {"phaseId", p}, {"title", "Begin"}}},
        {&lead, {{"kind", "lane.add"}, {"journeyId", j}, {"laneId", l}, {"title", "Kanaal"},
                 {"laneKind", "custom"}, {"orderKey", "a0"}}},
        {&lead, {{"kind", "lane.update"}, {"laneId", l}, {"laneKind", "touchpoint"}}},
        {&member, card_add(board, c, "Balie dicht")},
        {&member, {{"kind", "card.update"}, {"cardId", c}, {"color", "green"}}},
        {&member, {{"kind", "card.move"}, {"cardId", c}, {"phaseId", phase_id(board, 3)},
                   {"laneId", lane_id(board, 4)}, {"orderKey", "a3"}}},
        {&member, {{"kind", "card.delete"}, {"cardId", c}}},
        {&lead, {{"kind", "phase.delete"}, {"phaseId", p}}},
        {&lead, {{"kind", "lane.delete"}, {"laneId", l}}},
        {&lead, {{"kind", "journey.delete"}, {"journeyId", j}}},
    };
    std::int64_t seq = 0;
    for (const auto& [who, op] : steps) {
        INFO(op.dump());
        CHECK(who->apply(op).at("seq") == ++seq);
        ws_client* other = who == &lead ? &member : &lead;
        auto event = other->wait_event(seq);
        CHECK(event.at("seq") == seq);
        const auto kind = op.at("kind").get<std::string>();
        if (kind != "card.add" && kind != "card.update" && kind != "card.move") {
            CHECK(event.at("op") == op);
            continue;
        }
        // P-SYNC-12: the op names the card, and its patch holds everything the op said.
        CHECK(event.at("op") == json{{"kind", kind}, {"cardId", op.at("cardId")}});
        const auto patched = patched_card(event, op.at("cardId"));
        REQUIRE(patched.is_object());
        for (const auto& [field, value] : op.items())
            if (field != "kind" && field != "cardId") CHECK(patched.at(field) == value);
    }
    ws_client check(server.port());
    auto snapshot = check.join(w.id).at("snapshot");
    CHECK(snapshot.at("workshop").at("title") == "Vergunning, versie 2");
    CHECK(snapshot.at("journeys").size() == 1);
    CHECK(snapshot.at("cards").empty());
}
