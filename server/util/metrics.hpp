#pragma once
// The server's Prometheus metrics: a few counters, gauges and histograms that the code updates
// where things happen (lock-free or under a short mutex), and the text exposition format that
// GET /metrics answers with (version 0.0.4, checked with `promtool check metrics` in the tests).
// Debian 12 has no prometheus-cpp package, hence this small writer.

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace jb::metrics {

// A counter per label value (e.g. requests by status), created on first use.
class counter_family {
public:
    counter_family(std::string name, std::string help, std::string label);
    void add(const std::string& label_value, std::uint64_t n = 1);
    std::uint64_t value(const std::string& label_value) const;
    void write(std::string& out) const;

private:
    std::string name_, help_, label_;
    mutable std::mutex mutex_;
    std::map<std::string, std::uint64_t> values_;
};

class gauge {
public:
    gauge(std::string name, std::string help);
    void add(std::int64_t n) { value_ += n; }
    void set(std::int64_t n) { value_ = n; }
    std::int64_t value() const { return value_.load(); }
    void write(std::string& out) const;

private:
    std::string name_, help_;
    std::atomic<std::int64_t> value_{0};
};

// A histogram per label value (empty label: none), with fixed upper bounds.
class histogram {
public:
    histogram(std::string name, std::string help, std::vector<double> bounds, std::string label = {});
    void observe(double v, const std::string& label_value = {});
    void write(std::string& out) const;

private:
    struct series {
        std::vector<std::uint64_t> buckets;  // per bound, not cumulative
        std::uint64_t count = 0;
        double sum = 0;
    };
    std::string name_, help_, label_;
    std::vector<double> bounds_;
    mutable std::mutex mutex_;
    std::map<std::string, series> series_;
};

// Every metric of the server (docs/operations.md explains each).
struct server_metrics {
    gauge http_connections{"journeyboard_http_connections_open", "HTTP connections open (not upgraded)"};
    gauge websockets{"journeyboard_websocket_connections_open", "WebSocket connections open"};
    gauge rooms{"journeyboard_rooms_live", "workshops loaded in memory"};
    gauge participants_online{"journeyboard_participants_online", "connections joined to a workshop"};
    counter_family ops_accepted{"journeyboard_operations_accepted_total", "board operations accepted, by kind", "kind"};
    counter_family ops_refused{"journeyboard_operations_refused_total", "board operations refused, by error code", "code"};
    histogram commit_seconds{"journeyboard_commit_duration_seconds", "time one store transaction took to commit",
                             {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5}};
    histogram commit_batch{"journeyboard_commit_batch_size", "writes grouped into one store transaction",
                           {1, 2, 4, 8, 16, 32, 64, 128, 256}};
    histogram ack_seconds{"journeyboard_ack_duration_seconds", "from an operation's arrival to its acknowledgement (durable)",
                          {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5}};
    gauge send_queue_bytes{"journeyboard_send_queue_bytes", "bytes queued to send on all WebSockets"};
    counter_family closes{"journeyboard_websocket_closes_total", "WebSocket connections closed by the server, by close code", "code"};
    counter_family http_requests{"journeyboard_http_requests_total", "HTTP requests answered, by status", "status"};
    counter_family exports{"journeyboard_exports_total", "exports and archives made, by format", "format"};
    histogram export_seconds{"journeyboard_export_duration_seconds", "time to build one export, by format",
                             {0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30}, "format"};
    gauge store_queue{"journeyboard_store_queue_depth", "jobs waiting for the store thread"};
    counter_family audit_events{"journeyboard_audit_events_total", "audit trail entries written, by action", "action"};
    counter_family backups{"journeyboard_backups_total", "scheduled backups, by outcome", "outcome"};
};

server_metrics& get();

// The exposition text: every server metric, then process_resident_memory_bytes and
// process_open_fds read from /proc/self. `extra` may add more (it appends to the text).
std::string exposition(const std::function<void(std::string&)>& extra = {});

}  // namespace jb::metrics
