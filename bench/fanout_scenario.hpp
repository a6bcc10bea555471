#pragma once
// Scenario 1: N clients in one workshop each add or move cards at r operations per second;
// measures how long an operation takes to reach every other client, and whether any is lost.

#include "messages.hpp"
#include "stats.hpp"
#include "ws_client.hpp"

#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

namespace jb::bench {

struct fanout_config {
    std::size_t clients = 200;
    double rate = 1.0;        // operations per second per client (mean; intervals jittered)
    double duration_s = 30;   // how long clients send
    double drain_s = 10;      // how long to wait afterwards for missing acks and events
    std::size_t connect_parallel = 16;
    std::size_t max_cards_per_client = 20;  // then a client only moves (workshop card limit)
    std::uint64_t seed = 1;
    bool timeline = false;  // also report latency per second of the run (where does it grow?)
    // Burst instead of a rate: every client sends its share of `burst` operations back to back,
    // all starting at once; the figure is first send → last delivery (0: the rate scenario).
    std::size_t burst = 0;
    // Keep the raw samples in the result, for figures over several workshops (bench/workshops.cpp).
    bool keep_samples = false;
    // --timeline over several workshops: the moment every workshop counts its seconds from (else
    // each counts from its own start of sending), so that a second means the same in all of them.
    std::optional<steady::time_point> timeline_epoch;
};

struct fanout_result {
    std::size_t clients_joined = 0;
    std::int64_t ops_sent = 0, ops_acked = 0, ops_rejected = 0, ops_lost = 0;
    std::int64_t adds = 0, moves = 0;
    latency_summary fanout;       // per (operation, receiving client other than the sender)
    latency_summary fanout_all;   // per operation: until the last other client had it
    latency_summary ack;          // send → ack
    std::int64_t errors = 0;      // error messages, failed joins, unexpected closes
    std::map<std::string, std::int64_t> error_kinds;
    std::int64_t clients_mismatched = 0;  // event count != acked operations
    std::int64_t seq_violations = 0;      // an event whose seq is not the previous + 1
    std::int64_t messages_received = 0, bytes_received = 0;
    std::int64_t events_received = 0, event_bytes = 0;        // `event` messages only
    std::int64_t presence_received = 0, presence_bytes = 0;   // `presence` messages and welcome.presence
    std::int64_t join_presence_bytes = 0;  // of those, received while clients were joining
    std::int64_t welcome_presence_bytes = 0;  // welcome.presence (counted in presence_bytes too)
    double burst_span_ms = 0;  // burst: first operation sent → last event received
    double join_seconds = 0, load_seconds = 0, drain_seconds = 0;
    std::vector<timeline_entry> timeline;  // when config.timeline
    // When config.keep_samples: the samples behind fanout, fanout_all and ack (microseconds).
    std::vector<std::int64_t> fanout_us, fanout_all_us, ack_us;
    std::vector<std::uint32_t> fanout_second;  // and with config.timeline: each fanout sample's second
    // Where the fan-out latency goes, split at the event's `at` (the server's clock when it took
    // the op, whole milliseconds; same machine, same clock): send -> taken, from the sender's own
    // copy, and taken -> delivered, from every other copy. Means only: each sample is off by up
    // to 1 ms, by 0.5 ms on average (`at` is rounded down), which the means correct.
    double accepted_mean_ms = 0, delivered_mean_ms = 0;
    std::int64_t accepted_n = 0, delivered_n = 0;
};

/// Owns the N clients of one run and everything measured about their operations. Everything
/// runs on one thread, so the bookkeeping needs no locks and every time is on one clock.
class fanout_scenario {
public:
    fanout_scenario(server_address addr, std::string workshop_id, fanout_config config);
    asio::awaitable<fanout_result> run();

private:
    struct op_record {
        steady::time_point sent, last_seen;
        std::int64_t sent_wall_us = 0;  // the same moment on the system clock, for the split at `at`
        std::int32_t seen_by_others = 0;
        bool acked = false, rejected = false;
    };
    struct client {
        std::unique_ptr<ws_client> ws;
        std::string id;
        bool joined = false, reading = false;
        std::int64_t last_seq = 0, events = 0;
        std::vector<op_record> ops;
        std::vector<std::string> cards;
        std::mt19937_64 rng;
    };

    asio::awaitable<void> join_worker();
    asio::awaitable<void> read_loop(std::size_t i);
    asio::awaitable<void> send_loop(std::size_t i, steady::time_point start,
                                    steady::time_point end);
    asio::awaitable<void> burst_loop(std::size_t i, steady::time_point start, std::size_t count);
    void on_message(std::size_t i, steady::time_point at, std::string_view text);
    // An event reached client i at `at`: counted against the operation it carries, once its
    // sender is known (see seq_owner_).
    void on_event_seen(std::size_t i, steady::time_point at, std::size_t sender, std::int64_t client_seq);
    std::string next_operation(client& c);
    bool all_settled() const;
    void error(const std::string& kind);
    void finish();

    server_address addr_;
    std::string workshop_id_;
    fanout_config config_;
    std::vector<client> clients_;
    std::unordered_map<std::string, std::size_t> index_of_;
    // Protocol 4 names no sender's clientId in events to others (P-SYNC-11): the sender's own
    // copy carries its clientSeq, which ties the seq to an operation; an event that reached an
    // observer first waits in seen_early_ until then.
    struct op_ref {
        std::size_t sender = 0;
        std::int64_t client_seq = 0;
    };
    struct sighting {
        std::size_t receiver = 0;
        steady::time_point at;
    };
    std::unordered_map<std::int64_t, op_ref> seq_owner_;
    std::unordered_map<std::int64_t, std::vector<sighting>> seen_early_;
    std::vector<std::int64_t> fanout_us_, ack_us_;
    std::vector<std::uint32_t> fanout_second_;  // the second of the run each sample's op was sent in
    double accepted_sum_us_ = 0, delivered_sum_us_ = 0;  // see fanout_result::accepted_mean_ms
    steady::time_point load_start_, first_sent_{steady::time_point::max()}, last_event_{};
    board_layout layout_;
    fanout_result result_;
    std::size_t next_join_ = 0;
    std::size_t busy_ = 0;     // coroutines of the current phase still running
    std::size_t readers_ = 0;  // read loops still running
    bool closing_ = false;
};

}  // namespace jb::bench
