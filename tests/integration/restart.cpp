// Durability across server restarts (P-SYNC-7) and graceful shutdown (P-WS-6), with the real
// binary stopped by SIGTERM or killed by SIGKILL between acknowledgements and restart.
#include "support/server_process.hpp"
#include "support/ws_client.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <memory>
#include <set>
#include <thread>

using namespace jb::test;

namespace {

// Adds `n` cards without waiting between them, then waits for every ack; returns the card ids.
std::vector<std::string> add_cards(ws_client& client, const json& board, int n, const std::string& label)
{
    std::vector<std::string> ids;
    std::vector<std::int64_t> seqs;
    for (int i = 0; i < n; ++i) {
        ids.push_back(new_id("card"));
        seqs.push_back(client.send_op(card_add(board, ids.back(), label + " " + std::to_string(i),
                                               "a" + std::to_string(i % 10), i % 5, i % 6)));
    }
    for (auto s : seqs)
        client.wait_ack(s);
    return ids;
}

// A client joining right after a restart. On PostgreSQL (the store-pg suite) a crashed run's
// workshop lease is still live for up to 3 s, and the restarted node answers 4010 until it runs
// out (P-WS-12): the client reconnects, as the web client does.
std::unique_ptr<ws_client> join_after_restart(unsigned short port, const std::string& workshop_id,
                                              json& welcome, ws_client::options opts = {},
                                              const hello_options& hello = {})
{
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    for (;;) {
        auto client = std::make_unique<ws_client>(port, opts);
        try {
            welcome = client->join(workshop_id, hello);
            return client;
        } catch (const std::exception& e) {
            if (std::string(e.what()).find("4010") == std::string::npos || std::chrono::steady_clock::now() > until)
                throw;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

// After a restart: the board holds exactly `expected`, the log goes on at `seq` + 1, and the
// client's clientSeq is remembered (P-SYNC-7).
void check_restored(test_server& server, const workshop& w, const std::string& client_id,
                    const std::set<std::string>& expected, std::int64_t seq, std::int64_t client_seq,
                    const json& board)
{
    json welcome;
    auto joined = join_after_restart(server.port(), w.id, welcome, {.client_id = client_id});
    auto& again = *joined;
    again.set_next_client_seq(client_seq + 1);
    CHECK(welcome.at("seq") == seq);
    CHECK(welcome.at("lastClientSeq") == client_seq);
    CHECK(card_ids(welcome.at("snapshot")) == expected);

    // A resend of the last op is recognised; a new one continues the log.
    CHECK(again.wait_ack(again.send_op(card_add(board, new_id("card"), "dubbel"), client_seq))
              .at("duplicate") == true);
    CHECK(again.apply(card_add(board, new_id("card"), "verder")).at("seq") == seq + 1);
}

}  // namespace

TEST_CASE("P-SYNC-7 a graceful restart keeps every acknowledged operation", "[restart][slow]")
{
    test_server server;
    const auto w = create_workshop(server.port());
    ws_client client(server.port());
    auto welcome = client.join(w.id, {.facilitator_key = w.facilitator_key});
    const auto board = welcome.at("snapshot");
    const auto cards = add_cards(client, board, 30, "voor herstart");
    client.apply({{"kind", "workshop.update"}, {"title", "Na de herstart"}});
    const std::string id = client.client_id();
    const std::string token = welcome.at("you").at("participantToken");
    client.close();

    CHECK(server.stop() == 0);
    server.start();

    check_restored(server, w, id, {cards.begin(), cards.end()}, 31, 31, board);
    // Everything else survived too: the workshop, its join code, the facilitator role.
    CHECK(http_get(server.port(), "/api/join/" + w.join_code).json_body().at("title") == w.title);
    ws_client lead(server.port());
    auto again = lead.join(w.id, {.participant_token = token, .facilitator_key = w.facilitator_key});
    CHECK(again.at("snapshot").at("workshop").at("title") == "Na de herstart");
    CHECK(again.at("you").at("participantId") == welcome.at("you").at("participantId"));
}

TEST_CASE("P-SYNC-7 a crash right after the acks keeps every acknowledged operation", "[restart][slow]")
{
    test_server server;
    const auto w = create_workshop(server.port());
    ws_client client(server.port());
    const auto board = client.join(w.id).at("snapshot");
    const auto cards = add_cards(client, board, 50, "voor crash");
    const std::string id = client.client_id();

    server.crash();  // SIGKILL: no flush, no goodbye
    CHECK(client.wait_closed().code == 1006);
    server.start();

    check_restored(server, w, id, {cards.begin(), cards.end()}, 50, 50, board);
}

TEST_CASE("P-SYNC-7 restarts in a row keep seq and clientSeq going", "[restart][slow]")
{
    test_server server;
    const auto w = create_workshop(server.port());
    std::string id;
    json board;
    std::set<std::string> all;
    for (int round = 0; round < 3; ++round) {
        json welcome;
        auto joined = join_after_restart(server.port(), w.id, welcome, {.client_id = id});
        auto& client = *joined;
        id = client.client_id();
        client.set_next_client_seq(round * 10 + 1);
        board = welcome.at("snapshot");
        CHECK(welcome.at("seq") == round * 10);
        CHECK(welcome.at("lastClientSeq") == round * 10);
        CHECK(card_ids(board) == all);
        for (const auto& c : add_cards(client, board, 10, "ronde " + std::to_string(round)))
            all.insert(c);
        if (round % 2) {
            server.crash();
        } else {
            client.close();
            CHECK(server.stop() == 0);
        }
        server.start();
    }
}

TEST_CASE("P-WS-6 SIGTERM closes every WebSocket with 1001 after its ops are durable", "[restart][slow]")
{
    test_server server;
    const auto w = create_workshop(server.port());
    ws_client writer(server.port()), watcher(server.port()), idle(server.port());
    const auto board = writer.join(w.id).at("snapshot");
    watcher.join(w.id);
    // `idle` is connected but never joined: no room holds it, and it must be closed too.

    std::vector<std::string> sent;
    for (int i = 0; i < 40; ++i) {
        sent.push_back(new_id("card"));
        writer.send_op(card_add(board, sent.back(), "tijdens stoppen", "a" + std::to_string(i % 10)));
    }
    // Stop while ops may still be on their way; every one that is acknowledged must survive.
    server.begin_stop();

    std::set<std::string> acked;
    auto closed = writer.wait_closed();
    CHECK(closed.code == 1001);
    for (const auto& m : closed.before)
        if (m.value("type", "") == "ack")
            acked.insert(sent.at(m.at("clientSeq").get<std::size_t>() - 1));
    for (const auto& m : writer.skipped())
        if (m.value("type", "") == "ack")
            acked.insert(sent.at(m.at("clientSeq").get<std::size_t>() - 1));
    CHECK(watcher.wait_closed().code == 1001);
    CHECK(idle.wait_closed().code == 1001);
    CHECK(server.finish_stop() == 0);

    server.start();
    ws_client check(server.port());
    auto snapshot = check.join(w.id).at("snapshot");
    const auto stored = card_ids(snapshot);
    for (const auto& id : acked)
        CHECK(stored.contains(id));
}
