#pragma once
// What every connection shares (chat-multi's shared_state): the limits, the preloaded static
// files, the API, the room registry, and the set of live WebSocket sessions so that shutdown can
// reach the ones no room holds (not joined yet).

#include "net/api.hpp"
#include "net/rate_limiter.hpp"
#include "net/send_queue.hpp"
#include "net/static_files.hpp"
#include "room/registry.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace jb::net {

class websocket_session;

// Every limit of the network layer, set explicitly and configurable (app/config).
struct net_options {
    std::size_t max_body_bytes = 16 * 1024;     // P-HTTP-2
    // POST /api/workshops/import (P-ARC-2): holds the archive of the largest board (P-LIM-1).
    std::size_t max_archive_bytes = 16 * 1024 * 1024;
    std::size_t max_header_bytes = 8 * 1024;
    std::chrono::seconds http_timeout{30};      // per request, and for idle keep-alive
    std::size_t max_message_bytes = 64 * 1024;  // P-WS-2
    send_queue_limits send_queue;               // P-WS-5
    rate_limit ws_rate{200, 50};                // P-WS-4
    std::vector<std::string> allow_origins;     // P-WS-3
    std::string client_ip_header;               // e.g. X-Real-IP behind a local proxy; empty: none
    std::chrono::seconds hello_timeout{10};     // P-WS-9
    std::size_t max_connections = 5000;         // P-WS-10, WebSockets in total
    std::size_t max_connections_per_address = 200;  // P-WS-10 (a class behind one NAT shares one)
    std::chrono::seconds close_grace{30};       // P-WS-5: a closing peer that reads nothing
};

// What the process says about itself (app/server): GET /readyz and GET /metrics.
class service_status {
public:
    virtual ~service_status() = default;
    // Calls `done` once, from any thread: empty when ready, else why not (P-OPS-1).
    virtual void readiness(std::function<void(std::string problem)> done) = 0;
    // The Prometheus exposition text (P-OPS-2).
    virtual std::string metrics_text() = 0;
};

// Who may GET /metrics on a listener (P-OPS-2).
enum class metrics_access {
    none,           // never: --metrics-bind gave it a listener of its own
    loopback_only,  // connections from this host that did not come through a reverse proxy
    only,           // the --metrics-bind listener: /metrics, /readyz and /healthz, nothing else
};

class shared_state {
public:
    shared_state(net_options options, static_files files, api& api, room::registry& registry);

    const net_options& options() const { return options_; }
    const static_files& files() const { return files_; }
    net::api& api() { return api_; }
    room::registry& registry() { return registry_; }
    // Set before the listener runs (app/server).
    void set_status(service_status& status, metrics_access access)
    {
        status_ = &status;
        metrics_access_ = access;
    }
    service_status* status() const { return status_; }
    metrics_access metrics() const { return metrics_access_; }

    // Live WebSocket sessions. Sessions add themselves when they start and remove themselves
    // in their destructor; close_all reaches each one that is still alive.
    void add(const std::shared_ptr<websocket_session>& session);
    void remove(const websocket_session* session);
    void close_all(std::uint16_t code, const std::string& reason);
    std::size_t session_count();

    // P-WS-10: a WebSocket from `address` may open if neither its address nor the server is at
    // its cap; release() gives the place back (websocket_session's destructor).
    enum class admission { admitted, address_full, server_full };
    admission reserve(const std::string& address);
    void release(const std::string& address);
    // Lowers the total cap (to fit the open-file limit, app/server), before anything connects.
    void limit_connections(std::size_t max) { options_.max_connections = std::min(options_.max_connections, max); }

private:
    net_options options_;  // changed only by limit_connections, before the listener runs
    const static_files files_;
    net::api& api_;
    room::registry& registry_;
    service_status* status_ = nullptr;
    metrics_access metrics_access_ = metrics_access::loopback_only;
    std::mutex mutex_;  // guards sessions_: sessions run on many strands
    std::map<const websocket_session*, std::weak_ptr<websocket_session>> sessions_;
    std::map<std::string, std::size_t> per_address_;  // open WebSockets by client address
    std::size_t reserved_ = 0;
};

}  // namespace jb::net
