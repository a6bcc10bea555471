#include "app/server.hpp"

#include "app/service_notify.hpp"
#include "app/version.hpp"
#include "net/static_files.hpp"
#include "store/audit.hpp"
#include "store/open_store.hpp"
#include "util/clock.hpp"
#include "util/log.hpp"
#include "util/metrics.hpp"

#include <boost/asio/ip/address.hpp>
#include <boost/asio/post.hpp>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <sys/resource.h>
#include <thread>
#include <vector>

namespace jb::app {

namespace asio = boost::asio;

namespace {

// Past this, a shutdown that waits for rooms or clients stops anyway (the worker still commits
// everything it holds before the process ends).
constexpr std::chrono::seconds shutdown_limit{10};
// How long clients get to answer the close frames.
constexpr std::chrono::seconds close_grace{3};
// How long the store may take to answer GET /readyz's query before the server counts as not
// ready (a commit stuck on a full disk, a store thread that died).
constexpr std::chrono::seconds ready_deadline{2};
// How often workshops past the retention period are looked for.
constexpr std::chrono::hours retention_interval{1};

// Raises the soft open-file limit to the hard one (a common soft limit of 1,024 is far below
// what a training day's connections need) and returns the soft limit now in force.
rlim_t raise_open_file_limit()
{
    rlimit lim{};
    if (getrlimit(RLIMIT_NOFILE, &lim) != 0)
        return 1024;
    if (lim.rlim_cur < lim.rlim_max) {
        rlimit raised = lim;
        raised.rlim_cur = lim.rlim_max;
        if (setrlimit(RLIMIT_NOFILE, &raised) == 0)
            lim = raised;
    }
    return lim.rlim_cur;
}

// WebSockets that fit in `files` descriptors, leaving a quarter (and 32) for HTTP requests,
// the database and the server's own (P-WS-10).
std::size_t connections_that_fit(rlim_t files)
{
    if (files == RLIM_INFINITY || files > 1'000'000'000)
        return static_cast<std::size_t>(-1);
    const auto usable = static_cast<std::int64_t>(files) * 3 / 4 - 32;
    return static_cast<std::size_t>(std::max<std::int64_t>(usable, 1));
}

std::string url_host(const asio::ip::address& a)
{
    return a.is_v6() ? "[" + a.to_string() + "]" : a.to_string();
}

}  // namespace

server::server(config cfg)
    : cfg_(std::move(cfg)), ioc_(static_cast<int>(cfg_.threads)), signals_(ioc_, SIGINT, SIGTERM),
      drain_timer_(ioc_), deadline_timer_(ioc_), retention_strand_(asio::make_strand(ioc_)),
      retention_timer_(retention_strand_)
{
    // The signal set exists from here on: a SIGTERM sent as soon as the address is announced
    // is handled, not fatal.
}

server::~server()
{
    if (worker_)
        worker_->stop();
}

std::string server::start()
{
    boost::system::error_code ec;
    const auto address = asio::ip::make_address(cfg_.bind, ec);
    if (ec)
        return "--bind " + cfg_.bind + " is not an IP address";
    try {
        if (!store::is_postgresql_url(cfg_.db)) {
            const auto parent = std::filesystem::path(cfg_.db).parent_path();
            if (!parent.empty())
                std::filesystem::create_directories(parent);
        }
        db_ = store::open_store(cfg_.db, cfg_.db_read_connections);
        // Before the worker starts: this thread is still the store's only user.
        join_codes_.reset(db_->list_workshops());
    } catch (const std::exception& e) {
        return "cannot open the database " + store::describe_db(cfg_.db) + ": " + e.what();
    }
    net::static_files files;
    try {
        files = net::static_files::load(cfg_.static_dir);
    } catch (const std::exception& e) {
        return "cannot read the web client in " + cfg_.static_dir + ": " + e.what();
    }
    if (!files.available())
        log::warn("server", "no built web client (no index.html); pages will say how to build it",
                  {{"static", cfg_.static_dir}});

    if (std::filesystem::is_directory(cfg_.templates_dir)) {
        try {
            templates_ = templates::template_library::load(cfg_.templates_dir, cfg_.room.limits);
        } catch (const std::exception& e) {
            return "cannot read the journey templates in " + cfg_.templates_dir + ": " + e.what();
        }
    } else {
        log::warn("server", "no journey templates (no such folder); workshops start from the default or an empty board",
                  {{"templates", cfg_.templates_dir}});
    }

    // PostgreSQL's read pool gets a reader thread per connection (store_worker::read).
    const auto* shared_store = dynamic_cast<store::pg_store*>(db_.get());
    worker_ = std::make_unique<store::store_worker>(*db_, shared_store ? shared_store->read_connections() : 0);
    // Only a SQLite file is copied by the server (config refuses --backup-dir with PostgreSQL).
    if (auto* file = dynamic_cast<store::sqlite_store*>(db_.get()); file && !cfg_.backup_dir.empty())
        backups_ = std::make_unique<backup_schedule>(
            ioc_, *worker_, *file,
            backup_options{cfg_.backup_dir, std::chrono::hours(cfg_.backup_every_hours), cfg_.backup_keep});
    if (auto* shared = dynamic_cast<store::pg_store*>(db_.get())) {
        leases_ = std::make_unique<room::workshop_leases>(ioc_, *worker_, *shared, room::new_node_id());
        log::info("lease", "rooms are served under workshop leases", {{"node", leases_->owner()}});
    }
    registry_ = std::make_unique<room::registry>(ioc_, *worker_, cfg_.room, leases_.get());
    api_ = std::make_unique<net::api>(*worker_, *registry_, templates_, cfg_.create_rate,
                                      join_codes_, cfg_.join_lookups);
    if (leases_)
        api_->look_up_missed_codes_in_store();
    state_ = std::make_shared<net::shared_state>(cfg_.net, std::move(files), *api_, *registry_);
    if (const auto fit = connections_that_fit(raise_open_file_limit()); fit < cfg_.net.max_connections) {
        log::warn("server", "--max-connections lowered to fit the open-file limit",
                  {{"max_connections", fit}, {"configured", cfg_.net.max_connections}});
        state_->limit_connections(fit);
    }
    state_->set_status(*this, cfg_.metrics_bind.empty() ? net::metrics_access::loopback_only
                                                        : net::metrics_access::none);
    listener_ = std::make_shared<net::listener>(ioc_, asio::ip::tcp::endpoint(address, cfg_.port),
                                                state_, ec);
    if (ec)
        return "cannot listen on " + url_host(address) + ":" + std::to_string(cfg_.port) + ": " +
               ec.message();
    if (!cfg_.metrics_bind.empty()) {
        metrics_state_ = std::make_shared<net::shared_state>(cfg_.net, net::static_files{}, *api_, *registry_);
        metrics_state_->set_status(*this, net::metrics_access::only);
        metrics_listener_ = std::make_shared<net::listener>(ioc_, *metrics_endpoint(cfg_.metrics_bind),
                                                            metrics_state_, ec);
        if (ec)
            return "cannot listen on --metrics-bind " + cfg_.metrics_bind + ": " + ec.message();
    }
    url_ = "http://" + url_host(address) + ":" + std::to_string(listener_->local_endpoint().port()) + "/";
    return {};
}

int server::run()
{
    signals_.async_wait([this](boost::system::error_code ec, int) { on_signal(ec); });
    listener_->run();
    if (metrics_listener_)
        metrics_listener_->run();
    // Tests and scripts read the address from this stdout line; the log says it too.
    std::cout << "Journeyboard listening on " << url_ << std::endl;
    log::info("server", "listening", {{"url", url_}, {"version", version_text()}, {"db", store::describe_db(cfg_.db)}});
    notify_ready("listening on " + url_);
    if (backups_)
        backups_->start();
    if (cfg_.retention_days > 0 || cfg_.audit_retention_days > 0)
        asio::post(retention_strand_, [this] { check_retention(); });

    std::vector<std::thread> threads;
    for (unsigned i = 1; i < cfg_.threads; ++i)
        threads.emplace_back([this] { ioc_.run(); });
    ioc_.run();
    for (auto& t : threads)
        t.join();
    // Everything accepted is committed before the process ends, also after a forced stop.
    worker_->stop();
    return 0;
}

void server::on_signal(boost::system::error_code ec)
{
    if (ec)
        return;
    // A second signal stops at once.
    signals_.async_wait([this](boost::system::error_code e, int) {
        if (!e)
            ioc_.stop();
    });
    shutting_down_ = true;
    notify_stopping();
    log::info("server", "shutting down");
    if (backups_)
        backups_->stop();
    listener_->stop();
    if (metrics_listener_)
        metrics_listener_->stop();
    asio::post(retention_strand_, [this] {
        retention_stopped_ = true;
        retention_timer_.cancel();
    });
    deadline_timer_.expires_after(shutdown_limit);
    deadline_timer_.async_wait([this](boost::system::error_code e) {
        if (!e)
            ioc_.stop();  // a room never reported back
    });
    // Rooms close their connections once their accepted ops are durable (P-WS-6).
    registry_->shutdown(protocol::close_code::going_away,
                        [this] { asio::post(ioc_, [this] { on_rooms_closed(); }); });
}

void server::on_rooms_closed()
{
    // Connections no room holds (not joined yet) are closed here.
    state_->close_all(protocol::close_code::going_away, "server shutting down");
    wait_for_sessions(std::chrono::steady_clock::now() + close_grace);
}

void server::wait_for_sessions(std::chrono::steady_clock::time_point deadline)
{
    if (state_->session_count() == 0 || std::chrono::steady_clock::now() >= deadline)
        return ioc_.stop();
    drain_timer_.expires_after(std::chrono::milliseconds(10));
    drain_timer_.async_wait([this, deadline](boost::system::error_code ec) {
        if (!ec)
            wait_for_sessions(deadline);
    });
}

void server::readiness(std::function<void(std::string problem)> done)
{
    if (shutting_down_)
        return done("shutting down");
    // Whichever comes first answers: the store's reply or the deadline.
    struct probe {
        // A constructor, not aggregate initialisation in make_shared: clang 14 (the sanitizer
        // and fuzz builds) has no parenthesised aggregate initialisation yet.
        probe(std::function<void(std::string)> d, asio::io_context& ioc) : done(std::move(d)), timer(ioc) {}
        std::function<void(std::string)> done;
        std::atomic<bool> answered{false};
        asio::steady_timer timer;
        void answer(std::string problem)
        {
            if (!answered.exchange(true))
                done(std::move(problem));
        }
    };
    auto p = std::make_shared<probe>(std::move(done), ioc_);
    p->timer.expires_after(ready_deadline);
    p->timer.async_wait([p](boost::system::error_code ec) {
        if (!ec)
            p->answer("the store did not answer within " + std::to_string(ready_deadline.count()) + " s");
    });
    worker_->run([p, this](store::store& s) {
        try {
            s.find_workshop("readyz");  // any real query: it proves the database answers
        } catch (const std::exception& e) {
            return p->answer(std::string("the store failed: ") + e.what());
        }
        p->answer(shutting_down_ ? "shutting down" : "");
        asio::post(ioc_, [p] { p->timer.cancel(); });
    });
}

std::string server::metrics_text()
{
    metrics::get().store_queue.set(static_cast<std::int64_t>(worker_->queue_depth()));
    return metrics::exposition();
}

void server::check_retention()
{
    if (retention_stopped_)
        return;  // shutting down
    const auto now = util::now_ms();
    constexpr std::int64_t day_ms = 86'400'000;
    const unsigned days = cfg_.retention_days, audit_days = cfg_.audit_retention_days;
    // The selection runs on the store thread; each deletion goes through the registry, so a
    // live room closes its clients with 4004 before its rows go (P-DEL-3).
    worker_->run([this, now, days, audit_days](store::store& s) {
        std::vector<std::string> expired;
        try {
            if (audit_days > 0)
                if (const auto n = s.delete_audit_before(now - audit_days * day_ms))
                    log::info("retention", "audit entries deleted", {{"entries", n}, {"older_than_days", audit_days}});
            if (days > 0)
                expired = s.workshops_inactive_since(now - days * day_ms);
        } catch (const std::exception& e) {
            log::error("retention", "cannot list old workshops", {{"error", e.what()}});
        }
        for (const auto& id : expired) {
            registry_->remove(id, [this, id, days](std::optional<bool> existed) {
                if (existed && *existed)
                    join_codes_.remove_workshop(id);
                if (!existed || *existed)
                    worker_->run([id, days, ok = existed.has_value()](store::store& s) {
                        store::record_audit(s, {0, id, "retention", "workshop.delete", ok ? "ok" : "failed",
                                                "no activity for more than " + std::to_string(days) + " days"});
                    });
            });
        }
    });
    retention_timer_.expires_after(retention_interval);
    retention_timer_.async_wait([this](boost::system::error_code ec) {
        if (!ec)
            check_retention();
    });
}

}  // namespace jb::app
