#pragma once
// The whole server process: owns the store and its worker thread, the io_context and its
// threads, the room registry, the network layer, and the graceful shutdown of P-WS-6:
// on SIGINT/SIGTERM stop accepting, let every room make its accepted operations durable and
// close its connections with 1001, close the connections no room holds, then stop.

#include "app/backup_schedule.hpp"
#include "app/config.hpp"
#include "net/api.hpp"
#include "net/listener.hpp"
#include "net/shared_state.hpp"
#include "room/registry.hpp"
#include "store/sqlite_store.hpp"
#include "store/store_worker.hpp"
#include "templates/template_library.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>

namespace jb::app {

class server : public net::service_status {
public:
    explicit server(config cfg);
    ~server() override;

    // Opens the database, reads the web client and binds the port. On failure returns what
    // went wrong (for stderr); nothing is left running.
    std::string start();
    // Announces the address on stdout, then serves until shut down. Returns the exit status.
    int run();

    // GET /readyz (P-OPS-1): ready when not shutting down and the store thread answers a
    // query within ready_deadline.
    void readiness(std::function<void(std::string problem)> done) override;
    // GET /metrics (P-OPS-2).
    std::string metrics_text() override;

private:
    void on_signal(boost::system::error_code ec);
    void on_rooms_closed();
    void wait_for_sessions(std::chrono::steady_clock::time_point deadline);
    // Deletes the workshops inactive for longer than --retention-days (P-DEL-3), then again
    // an hour later. Runs on retention_strand_.
    void check_retention();

    config cfg_;
    std::unique_ptr<store::store> db_;  // sqlite_store or pg_store, as --db says
    std::unique_ptr<store::store_worker> worker_;
    boost::asio::io_context ioc_;
    // After ioc_: its timer must be destroyed while ioc_'s timer service still exists (ASan
    // found the schedule's destructor reaching into the destroyed service at exit).
    std::unique_ptr<backup_schedule> backups_;  // --backup-dir
    // A store shared by nodes (PostgreSQL): rooms are served under workshop leases.
    std::unique_ptr<room::workshop_leases> leases_;
    std::unique_ptr<room::registry> registry_;
    templates::template_library templates_;
    net::join_code_index join_codes_;
    std::unique_ptr<net::api> api_;
    std::shared_ptr<net::shared_state> state_;
    std::shared_ptr<net::listener> listener_;
    // --metrics-bind: a second listener that serves only /metrics, /readyz and /healthz.
    std::shared_ptr<net::shared_state> metrics_state_;
    std::shared_ptr<net::listener> metrics_listener_;
    std::atomic<bool> shutting_down_{false};
    boost::asio::signal_set signals_;
    boost::asio::steady_timer drain_timer_, deadline_timer_;
    // The retention timer is re-armed by its own handler and cancelled by the signal handler,
    // which run on different io threads: both go through this strand, and a stopped retention
    // is never re-armed.
    boost::asio::strand<boost::asio::io_context::executor_type> retention_strand_;
    boost::asio::steady_timer retention_timer_;
    bool retention_stopped_ = false;
    std::string url_;
};

}  // namespace jb::app
