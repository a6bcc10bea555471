// Bad input over the real WebSocket: every kind of bad message gets its error code, changes
// nothing, and leaves the connection working (P-SYNC-2); an oversized frame closes with 1009
// (P-WS-2) and a flood with 4029 (P-WS-4).
#include "support/server_process.hpp"
#include "support/ws_client.hpp"

#include <catch2/catch.hpp>

#include <functional>

using namespace jb::test;

namespace {

// One kind of bad message. `make` builds the frame for a given clientSeq (each op gets a fresh,
// increasing one, so that no rejection could be mistaken for a duplicate, P-SYNC-4).
struct bad_case {
    const char* name;
    std::function<std::string(std::int64_t)> make;
    bool schema_invalid;  // the schemas reject it too (logged for the contract tests as such)
    const char* code;     // the error code the server must answer
    bool names_seq;       // the error must carry the op's clientSeq
};

std::string op_text(std::int64_t seq, json op)
{
    return json{{"type", "op"}, {"clientSeq", seq}, {"op", std::move(op)}}.dump();
}

json with(json op, const std::string& key, json value)
{
    op[key] = std::move(value);
    return op;
}

}  // namespace

TEST_CASE("P-SYNC-2 each kind of bad message gets its error and the connection keeps working",
          "[ws][sync]")
{
    test_server server;
    const auto w = create_workshop(server.port());
    ws_client client(server.port());
    auto board = client.join(w.id).at("snapshot");
    const std::string card = new_id("card");
    client.apply(card_add(board, card, "bestaat"));  // clientSeq 1

    const json good_add = card_add(board, new_id("card"), "goed");
    json missing_text = good_add;
    missing_text.erase("text");
    const json phase_add{{"kind", "phase.add"}, {"journeyId", journey_id(board)},
                         {"phaseId", new_id("phase")}, {"title", "Extra"}, {"orderKey", "a5"}};

    const bad_case cases[] = {
        {"bad JSON", [](auto) { return std::string("{\"type\":\"op\","); }, true, "bad_json", false},
        {"not an object", [](auto) { return std::string("[1,2,3]"); }, true, "bad_message", false},
        {"unknown type", [](auto) { return std::string(R"({"type":"dance"})"); }, true, "unknown_type", false},
        {"missing field", [&](auto n) { return op_text(n, missing_text); }, true, "bad_message", true},
        {"missing op", [](auto n) { return json{{"type", "op"}, {"clientSeq", n}}.dump(); }, true,
         "bad_message", true},
        {"wrong type", [&](auto n) { return op_text(n, with(good_add, "text", 42)); }, true, "bad_message", true},
        {"wrong type of clientSeq",
         [&](auto) { return json{{"type", "op"}, {"clientSeq", "x"}, {"op", good_add}}.dump(); }, true,
         "bad_message", false},
        {"too long text", [&](auto n) { return op_text(n, with(good_add, "text", std::string(2001, 'x'))); },
         true, "invalid", true},
        {"unknown colour", [&](auto n) { return op_text(n, with(good_add, "color", "red")); }, true, "invalid",
         true},
        {"bad order key", [&](auto n) { return op_text(n, with(good_add, "orderKey", "a00")); }, true,
         "invalid", true},
        {"unknown op kind", [&](auto n) { return op_text(n, {{"kind", "card.paint"}, {"cardId", card}}); },
         true, "unknown_type", true},
        {"unknown card id", [&](auto n) { return op_text(n, card_update_text("no-such-card", "x")); }, false,
         "not_found", true},
        {"unknown lane id", [&](auto n) { return op_text(n, with(good_add, "laneId", "no-such-lane")); },
         false, "not_found", true},
        {"card id that exists", [&](auto n) { return op_text(n, with(good_add, "cardId", card)); }, false,
         "conflict", true},
        {"participant doing a facilitator op", [&](auto n) { return op_text(n, phase_add); }, false,
         "forbidden", true},
        {"participant renaming the workshop",
         [&](auto n) { return op_text(n, {{"kind", "workshop.update"}, {"title", "Nee"}}); }, false,
         "forbidden", true},
    };
    std::int64_t next_seq = 2;
    for (const auto& c : cases) {
        const std::int64_t seq = next_seq++;
        const std::string text = c.make(seq);
        INFO(c.name << ": " << text.substr(0, 200));
        if (c.schema_invalid)
            client.send_invalid(text);
        else
            client.send(json::parse(text));
        auto error = client.wait_error(std::nullopt);
        CHECK(error.at("code") == c.code);
        CHECK_FALSE(error.at("message").get<std::string>().empty());
        if (c.names_seq)
            CHECK(error.value("clientSeq", json()) == seq);
        // The connection still works: a valid op right after is applied.
        auto ack = client.wait_ack(client.send_op(card_add(board, new_id("card"), "na fout"), next_seq++));
        CHECK(ack.value("duplicate", false) == false);
    }

    // Nothing bad was applied: the board holds the first card and the valid ones only.
    ws_client check(server.port());
    auto snapshot = check.join(w.id).at("snapshot");
    CHECK(snapshot.at("cards").size() == 1 + std::size(cases));
    for (const auto& c : snapshot.at("cards")) {
        CHECK(c.at("text") != "goed");
        CHECK(c.at("color") == "yellow");
    }
    CHECK(snapshot.at("journeys").at(0).at("phases").size() == 5);
    CHECK(snapshot.at("workshop").at("title") == w.title);
}

TEST_CASE("P-SYNC-2 a rejected op does not move lastClientSeq", "[ws][sync]")
{
    test_server server;
    const auto w = create_workshop(server.port());
    ws_client client(server.port());
    auto board = client.join(w.id).at("snapshot");
    client.apply(card_add(board, new_id("card"), "een"));                  // clientSeq 1
    client.send_op(card_update_text("no-such-card", "x"));                 // clientSeq 2: refused
    CHECK(client.wait_error(2).at("code") == "not_found");
    client.close();

    ws_client again(server.port(), {.client_id = client.client_id()});
    auto welcome = again.join(w.id, {.last_seq = 1});
    CHECK(welcome.at("lastClientSeq") == 1);
    // clientSeq 2 was never applied, so sending it now (with a valid op) applies it.
    auto ack = again.wait_ack(again.send_op(card_add(board, new_id("card"), "twee"), 2));
    CHECK(ack.value("duplicate", false) == false);
    CHECK(ack.at("seq") == 2);
}

TEST_CASE("P-WS-1 a text frame that is not UTF-8 closes the connection with 1007", "[ws]")
{
    test_server server;
    const auto w = create_workshop(server.port());
    ws_client client(server.port());
    client.join(w.id);
    client.send_text("{\"type\":\"ping\",\"t\":1,\"x\":\"\xC3\x28\"}");
    CHECK(client.wait_closed().code == 1007);
    // The server keeps serving: a new connection joins.
    ws_client again(server.port());
    CHECK(again.join(w.id).at("type") == "welcome");
}

TEST_CASE("P-WS-1 a binary frame gets bad_message and the connection keeps working", "[ws]")
{
    test_server server;
    const auto w = create_workshop(server.port());
    ws_client client(server.port());
    client.join(w.id);
    client.send_binary("\x01\x02");
    CHECK(client.wait_error(std::nullopt).at("code") == "bad_message");
    client.send({{"type", "ping"}, {"t", 1}});
    CHECK(client.wait_for("pong").at("t") == 1);
}

TEST_CASE("P-WS-2 a message over maxMessageBytes closes the connection with 1009", "[ws]")
{
    test_server server({"--max-message-bytes", "4096"});
    const auto w = create_workshop(server.port());
    ws_client client(server.port());
    auto welcome = client.join(w.id);
    CHECK(welcome.at("limits").at("maxMessageBytes") == 4096);
    // A message near the limit is fine.
    CHECK(client.apply(card_add(welcome.at("snapshot"), new_id("card"), std::string(2000, 'x')))
              .at("seq") == 1);
    client.send_invalid(json{{"type", "ping"}, {"t", 2}, {"pad", std::string(5000, 'x')}}.dump());
    CHECK(client.wait_closed().code == 1009);
}

TEST_CASE("P-WS-4 a client that floods is closed with 4029, others keep working", "[ws]")
{
    // Almost no refill (one token per 100 s), so that a slow join on a busy machine cannot
    // give the flooder a 21st pong.
    test_server server({"--ws-rate-burst", "20", "--ws-rate-per-second", "0.01"});
    const auto w = create_workshop(server.port());
    ws_client flooder(server.port()), calm(server.port());
    flooder.join(w.id);
    auto board = calm.join(w.id).at("snapshot");
    // The hello used one token; 20 pings more than empties the bucket.
    for (int i = 0; i < 40; ++i) {
        try {
            flooder.send({{"type", "ping"}, {"t", i}});
        } catch (const std::exception&) {
            break;  // the server may already have closed
        }
    }
    auto closed = flooder.wait_closed();
    CHECK(closed.code == 4029);
    std::size_t pongs = 0;
    for (const auto& m : closed.before)
        pongs += m.value("type", "") == "pong";
    CHECK(pongs <= 20);
    CHECK(calm.apply(card_add(board, new_id("card"), "rustig")).at("seq") == 1);
}
