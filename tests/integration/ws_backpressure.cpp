// Backpressure over the real server (P-WS-5): a client that does not read is closed with 4008
// once its outgoing queue passes the bound, and the others are not held up by it.
#include "support/server_process.hpp"
#include "support/ws_client.hpp"

#include <catch2/catch.hpp>

using namespace jb::test;

TEST_CASE("P-WS-5 a client that never reads is closed with 4008 while others keep working",
          "[ws][slow]")
{
    // Bounds far below the defaults, but above one batch of the fast client's traffic (a group
    // commit delivers a whole batch of events at once).
    test_server server({"--ws-queue-bytes", "524288", "--ws-queue-messages", "1000",
                        "--ws-rate-burst", "100000", "--ws-rate-per-second", "100000"});
    const auto w = create_workshop(server.port());
    // A tiny receive window, so the kernel's buffers fill quickly too. Thousands of 2 KB
    // updates would only bloat the contract log (other tests log the same shapes).
    ws_client slow(server.port(), {.receive_buffer = 4096, .contract_log = false});
    ws_client fast(server.port(), {.contract_log = false});
    slow.join(w.id);
    const auto board = fast.join(w.id).at("snapshot");
    const std::string card = new_id("card");
    fast.apply(card_add(board, card, "begin"));

    // Several MB of events (more than any socket buffer holds) while `slow` reads nothing.
    const std::string text(2000, 'x');
    constexpr int total = 3000, batch = 20;
    for (int done = 0; done < total; done += batch) {
        std::vector<std::int64_t> seqs;
        for (int i = 0; i < batch; ++i)
            seqs.push_back(fast.send_op(card_update_text(card, text.substr(0, 1990) + std::to_string(done + i))));
        for (auto s : seqs)
            fast.wait_ack(s);
    }
    // The others keep working.
    CHECK(fast.apply(card_update_text(card, "nog steeds")).contains("seq"));

    // Reading now, `slow` finds what fit in the buffers, then the close.
    auto closed = slow.wait_closed();
    CHECK(closed.code == 4008);
    std::size_t events = 0;
    for (const auto& m : closed.before)
        events += m.value("type", "") == "event";
    CHECK(events < static_cast<std::size_t>(total));
}
