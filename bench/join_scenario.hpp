#pragma once
// Scenario 2: a board pre-filled with many cards; measures how long a new client takes from
// opening the WebSocket to having the full board (the welcome parsed).

#include "messages.hpp"
#include "stats.hpp"
#include "ws_client.hpp"

#include <map>
#include <string>
#include <vector>

namespace jb::bench {

struct join_config {
    std::size_t cards = 5000;
    std::size_t joins = 10;
    std::size_t batch = 150;  // operations pipelined per filling connection (under the burst limit)
    std::uint64_t seed = 1;
};

/// One new client's join, split into its steps.
struct join_sample {
    double connect_ms = 0;  // TCP connect + WebSocket upgrade
    double welcome_ms = 0;  // hello sent → welcome fully received
    double parse_ms = 0;    // welcome parsed and its cards counted
    double total_ms = 0;    // connect started → board ready
    std::size_t bytes = 0, cards = 0;
    bool snapshot = false;  // welcome carried a snapshot (else events to replay)
};

struct join_result {
    std::size_t cards_acked = 0;
    double fill_seconds = 0;
    std::vector<join_sample> samples;
    latency_summary total;  // of samples' total_ms
    std::int64_t errors = 0;
    std::map<std::string, std::int64_t> error_kinds;
};

/// Owns the filling connections, an observer that stays in the workshop (so the room is live,
/// as in a workshop in progress), and the joining clients.
class join_scenario {
public:
    join_scenario(server_address addr, std::string workshop_id, join_config config);
    asio::awaitable<join_result> run();

private:
    asio::awaitable<void> fill();
    asio::awaitable<void> fill_batch(std::size_t batch_index, std::size_t first,
                                     std::size_t count);
    asio::awaitable<void> observe(ws_client& ws);
    asio::awaitable<void> measure_join(std::size_t n);
    void error(const std::string& kind);

    server_address addr_;
    std::string workshop_id_;
    join_config config_;
    join_result result_;
    board_layout layout_;
    std::int64_t observer_events_ = 0;
    bool observer_open_ = false;
};

}  // namespace jb::bench
