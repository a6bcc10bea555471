// Crash durability under load (P-SYNC-7, P-SYNC-4): clients add cards at the rate limit (50 a
// second each), the server is killed with SIGKILL at a random moment, restarted on the same
// database, and each client reconnects and resends what was not acknowledged, as the web
// client does. In the end every op sent is in the log exactly once (the acknowledged ones
// included), the seqs run 1..N without a gap, and the board holds every card.
// JB_SOAK_ITERATIONS (default 3) sets the number of kills; scripts/soak runs hundreds.
// JB_SOAK_SEED repeats a run (the seed is printed when the test fails).
#include "support/server_process.hpp"
#include "support/ws_client.hpp"

#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <map>
#include <random>
#include <set>
#include <thread>

using namespace jb::test;

namespace {

std::int64_t env_or(const char* name, std::int64_t fallback)
{
    const char* v = std::getenv(name);
    return v && *v ? std::strtoll(v, nullptr, 10) : fallback;
}

// One client's ops over every life of the server: ops[i] has clientSeq i + 1.
struct sender {
    std::string client_id = new_id("client");
    std::vector<json> ops;
    std::set<std::int64_t> acked;
    std::vector<std::string> refused;  // errors for ops, and closes that were not a crash
};

// One life of the server, seen by one client: join, resend what is not durable, then add cards
// in bursts of 10 every 200 ms (the sustained rate limit) until the server dies or `more` ends.
void run_sender(unsigned short port, const std::string& workshop_id, sender& s, bool add_more,
                std::atomic<bool>& stop)
{
    try {
        ws_client c(port, {.client_id = s.client_id, .contract_log = false});
        const auto welcome = c.join(workshop_id);
        const auto board = welcome.at("snapshot");
        const std::int64_t durable = welcome.at("lastClientSeq");
        for (std::int64_t seq = 1; seq <= durable; ++seq)
            s.acked.insert(seq);  // durable, whether or not its ack arrived before the crash
        std::set<std::int64_t> waiting;
        for (auto seq = durable + 1; seq <= static_cast<std::int64_t>(s.ops.size()); ++seq)
            waiting.insert(c.send_op(s.ops[seq - 1], seq));
        auto next_burst = std::chrono::steady_clock::now();
        for (;;) {
            if (add_more && !stop && waiting.empty()) {
                std::this_thread::sleep_until(next_burst);
                next_burst += std::chrono::milliseconds(200);
                for (int i = 0; i < 10; ++i) {
                    s.ops.push_back(card_add(board, new_id("card"), s.client_id + " " + std::to_string(s.ops.size()),
                                             "a" + std::to_string(s.ops.size() % 10), s.ops.size() % 5, s.ops.size() % 6));
                    waiting.insert(c.send_op(s.ops.back(), static_cast<std::int64_t>(s.ops.size())));
                }
            }
            if (waiting.empty()) return;
            const auto m = c.receive();
            if (m.value("type", "") == "ack") {
                s.acked.insert(m.at("clientSeq").get<std::int64_t>());
                waiting.erase(m.at("clientSeq").get<std::int64_t>());
            } else if (m.value("type", "") == "error") {
                s.refused.push_back(m.dump());  // (Catch2 may not be called from this thread)
            }
        }
    } catch (const std::exception& e) {
        // The server was killed under it: this life is over. A close with a code (4029 rate
        // limited, 4008 too slow, ...) is not a crash.
        if (std::string(e.what()).find("closed the connection") != std::string::npos) s.refused.push_back(e.what());
    }
}

// The workshop's log as the database holds it: seq → op.
std::map<std::int64_t, json> logged_ops(const std::filesystem::path& db, const std::string& workshop_id)
{
    sqlite3* handle = nullptr;
    REQUIRE(sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* q = nullptr;
    REQUIRE(sqlite3_prepare_v2(handle, "SELECT seq, op_json FROM ops WHERE workshop_id = ?1 ORDER BY seq",
                               -1, &q, nullptr) == SQLITE_OK);
    sqlite3_bind_text(q, 1, workshop_id.c_str(), -1, SQLITE_TRANSIENT);
    std::map<std::int64_t, json> out;
    while (sqlite3_step(q) == SQLITE_ROW)
        out[sqlite3_column_int64(q, 0)] = json::parse(reinterpret_cast<const char*>(sqlite3_column_text(q, 1)));
    sqlite3_finalize(q);
    sqlite3_close(handle);
    return out;
}

}  // namespace

TEST_CASE("P-SYNC-7 SIGKILL at random moments under load loses no acknowledged op and applies none twice",
          "[restart][slow]")
{
    const auto iterations = env_or("JB_SOAK_ITERATIONS", 3);
    const auto seed = static_cast<std::uint32_t>(env_or("JB_SOAK_SEED", std::random_device{}()));
    INFO("JB_SOAK_SEED=" << seed);
    std::mt19937 random(seed);

    test_server server;
    const auto w = create_workshop(server.port());
    std::vector<sender> senders(3);
    for (std::int64_t life = 0; life <= iterations; ++life) {
        const bool last = life == iterations;  // no kill: everyone resends until all is acked
        std::atomic<bool> stop{false};
        std::vector<std::thread> threads;
        for (auto& s : senders)
            threads.emplace_back([&, add = !last, port = server.port()] { run_sender(port, w.id, s, add, stop); });
        if (!last) {
            std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution(100, 1200)(random)));
            server.crash();
        }
        stop = true;
        for (auto& t : threads)
            t.join();
        if (!last)
            server.start();
    }
    CHECK(server.stop() == 0);

    const auto log = logged_ops(server.db_path(), w.id);
    std::map<std::string, int> times_logged;
    std::int64_t expected_seq = 1;
    for (const auto& [seq, op] : log) {
        CHECK(seq == expected_seq++);  // no gap
        times_logged[op.at("cardId").get<std::string>()] += 1;
    }
    std::size_t sent = 0;
    for (const auto& s : senders) {
        CHECK(s.refused == std::vector<std::string>{});
        sent += s.ops.size();
        CHECK(s.acked.size() == s.ops.size());
        for (const auto& op : s.ops) {
            INFO("card " << op.at("cardId"));
            CHECK(times_logged[op.at("cardId").get<std::string>()] == 1);
        }
    }
    CHECK(log.size() == sent);
    CHECK(sent >= 10);
}
