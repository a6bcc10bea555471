// Idle rooms are unloaded from memory (--room-idle-seconds) and come back from the store with
// everything they acknowledged: the same cards, seq, clientSeq and participant.
#include "support/server_process.hpp"
#include "support/ws_client.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

using namespace jb::test;

namespace {

// How often the server has logged that `workshop_id` was unloaded.
std::size_t unloads_logged(const test_server& server, const std::string& workshop_id)
{
    const auto log = server.log();
    const auto needle = "msg=\"workshop unloaded (idle)\" workshop=" + workshop_id;
    std::size_t count = 0;
    for (auto at = log.find(needle); at != std::string::npos; at = log.find(needle, at + 1))
        ++count;
    return count;
}

// Waits (polling the log, at most 20 s) until the server has unloaded the workshop `n` times.
bool wait_for_unloads(const test_server& server, const std::string& workshop_id, std::size_t n)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (unloads_logged(server, workshop_id) < n) {
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return true;
}

}  // namespace

TEST_CASE("an idle room is unloaded and reloads with every acknowledged operation", "[idle][slow]")
{
    test_server server({"--room-idle-seconds", "1"}, true);
    auto w = create_workshop(server.port());

    ws_client first(server.port());
    auto welcome = first.join(w.id);
    const json board = welcome.at("snapshot");
    const std::string token = welcome.at("you").at("participantToken");
    const std::string me = welcome.at("you").at("participantId");
    first.apply(card_add(board, new_id("card"), "Formulier niet te vinden"));
    first.apply(card_add(board, new_id("card"), "Wachten op besluit", "a1", 2, 4));
    first.close();

    REQUIRE(wait_for_unloads(server, w.id, 1));

    // Back from the store: the same participant, the cards, the log and the client's clientSeq
    // go on where they were.
    ws_client again(server.port(), {.client_id = first.client_id()});
    again.set_next_client_seq(3);
    auto back = again.join(w.id, {.participant_token = token});
    CHECK(back.at("you").at("participantId") == me);
    CHECK(back.at("seq") == 2);
    CHECK(back.at("lastClientSeq") == 2);
    CHECK(back.at("snapshot").at("cards").size() == 2);
    CHECK(again.apply(card_add(board, new_id("card"), "Verder")).at("seq") == 3);

    // While someone is connected the room stays.
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));
    CHECK(unloads_logged(server, w.id) == 1);
    again.close();
    REQUIRE(wait_for_unloads(server, w.id, 2));
}

TEST_CASE("joins racing an unload never lose an acknowledged operation", "[idle][slow]")
{
    // Each cycle leaves the room idle for about the unload time and then joins again, so some
    // joins arrive while the room is being unloaded: they are closed with 1001 (and reconnect)
    // or wait for the reload. Either way the log goes on without a gap.
    test_server server({"--room-idle-seconds", "1"}, true);
    auto w = create_workshop(server.port());
    json board;
    std::int64_t seq = 0;
    std::string client_id;
    std::int64_t client_seq = 0;
    for (int cycle = 0; cycle < 6; ++cycle) {
        for (int attempt = 0;; ++attempt) {
            REQUIRE(attempt < 5);
            try {
                ws_client c(server.port(), {.client_id = client_id});
                client_id = c.client_id();
                c.set_next_client_seq(client_seq + 1);
                auto welcome = c.join(w.id);
                if (board.is_null())
                    board = welcome.at("snapshot");
                if (welcome.at("lastClientSeq") == client_seq + 1) {
                    // Applied, and the connection closed before its ack arrived.
                    seq = welcome.at("seq");
                    ++client_seq;
                    break;
                }
                CHECK(welcome.at("seq") == seq);
                auto ack = c.apply(card_add(board, new_id("card"), "ronde " + std::to_string(cycle)));
                CHECK(ack.at("seq") == seq + 1);
                seq = ack.at("seq");
                client_seq = ack.at("clientSeq");
                break;
            } catch (const std::exception& e) {
                // Closed by the unload (1001): join again, as a browser does.
                INFO("attempt " << attempt << ": " << e.what());
            }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(700 + 150 * cycle));
    }
    ws_client last(server.port());
    auto welcome = last.join(w.id);
    CHECK(welcome.at("seq") == seq);
    CHECK(welcome.at("snapshot").at("cards").size() == 6);
}
