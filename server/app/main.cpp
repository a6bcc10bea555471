// journeyboard: one process serving the web client, the JSON API and the WebSocket endpoint on
// one port. Start-up failures print a clear message and exit 2; SIGINT/SIGTERM shut down
// gracefully (protocol P-WS-6) and exit 0.

#include "app/config.hpp"
#include "net/api.hpp"
#include "net/listener.hpp"
#include "net/shared_state.hpp"
#include "net/static_files.hpp"
#include "room/registry.hpp"
#include "store/sqlite_store.hpp"
#include "store/store_worker.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>

#include <csignal>
#include <filesystem>
#include <functional>
#include <iostream>
#include <memory>
#include <thread>
#include <vector>

namespace {

namespace asio = boost::asio;
using namespace jb;

std::string url_host(const asio::ip::address& a)
{
    return a.is_v6() ? "[" + a.to_string() + "]" : a.to_string();
}

int fail_start(const std::string& message)
{
    std::cerr << "journeyboard: " << message << std::endl;
    return 2;
}

// Closes the connections nobody else will close and stops the io_context once they are done,
// or after a grace period, whichever comes first.
void finish_shutdown(asio::io_context& ioc, net::shared_state& state, asio::steady_timer& timer,
                     std::chrono::steady_clock::time_point deadline)
{
    if (state.session_count() == 0 || std::chrono::steady_clock::now() >= deadline)
        return ioc.stop();
    timer.expires_after(std::chrono::milliseconds(10));
    timer.async_wait([&ioc, &state, &timer, deadline](boost::system::error_code ec) {
        if (!ec)
            finish_shutdown(ioc, state, timer, deadline);
    });
}

int run(const app::config& cfg)
{
    boost::system::error_code ec;
    const auto address = asio::ip::make_address(cfg.bind, ec);
    if (ec)
        return fail_start("--bind " + cfg.bind + " is not an IP address");

    std::unique_ptr<store::sqlite_store> db;
    try {
        const auto parent = std::filesystem::path(cfg.db).parent_path();
        if (!parent.empty())
            std::filesystem::create_directories(parent);
        db = std::make_unique<store::sqlite_store>(cfg.db);
    } catch (const std::exception& e) {
        return fail_start("cannot open the database " + cfg.db + ": " + e.what());
    }

    net::static_files files;
    try {
        files = net::static_files::load(cfg.static_dir);
    } catch (const std::exception& e) {
        return fail_start("cannot read the web client in " + cfg.static_dir + ": " + e.what());
    }
    if (!files.available())
        std::cerr << "journeyboard: no built web client in " << cfg.static_dir
                  << " (no index.html); pages will say how to build it\n";

    store::store_worker worker(*db);
    asio::io_context ioc(static_cast<int>(cfg.threads));
    room::registry registry(ioc, worker, cfg.room);
    net::api api(worker, cfg.create_rate);
    auto state = std::make_shared<net::shared_state>(cfg.net, std::move(files), api, registry);
    auto lst = std::make_shared<net::listener>(ioc, asio::ip::tcp::endpoint(address, cfg.port),
                                               state, ec);
    if (ec) {
        worker.stop();
        return fail_start("cannot listen on " + url_host(address) + ":" +
                          std::to_string(cfg.port) + ": " + ec.message());
    }
    lst->run();
    std::cout << "Journeyboard listening on http://" << url_host(address) << ":"
              << lst->local_endpoint().port() << "/" << std::endl;

    // Graceful shutdown: stop accepting; let every room make its accepted ops durable and close
    // its connections with 1001; close the connections no room holds; then stop. A second
    // signal, or a shutdown that takes too long, stops at once (the worker still commits what
    // it holds below).
    asio::signal_set signals(ioc, SIGINT, SIGTERM);
    asio::steady_timer drain_timer(ioc);
    const auto going_away = protocol::close_code::going_away;
    std::function<void(boost::system::error_code, int)> on_second = [&](auto e, int) {
        if (!e)
            ioc.stop();
    };
    signals.async_wait([&](boost::system::error_code e, int) {
        if (e)
            return;
        signals.async_wait(on_second);
        lst->stop();
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        registry.shutdown(going_away, [&, deadline] {
            state->close_all(going_away, "server shutting down");
            asio::post(ioc, [&, deadline] { finish_shutdown(ioc, *state, drain_timer, deadline); });
        });
        // If a room never reports back, do not hang: stop at the deadline regardless.
        auto guard = std::make_shared<asio::steady_timer>(ioc, deadline);
        guard->async_wait([&ioc, guard](boost::system::error_code te) {
            if (!te)
                ioc.stop();
        });
    });

    std::vector<std::thread> threads;
    for (unsigned i = 1; i < cfg.threads; ++i)
        threads.emplace_back([&ioc] { ioc.run(); });
    ioc.run();
    for (auto& t : threads)
        t.join();
    // Everything accepted is committed before the process ends, also after a forced stop.
    worker.stop();
    return 0;
}

}  // namespace

int main(int argc, char** argv)
{
    auto parsed = app::parse_config(argc, argv);
    if (auto* exit = std::get_if<app::config_exit>(&parsed)) {
        (exit->code == 0 ? std::cout : std::cerr) << exit->text << std::flush;
        return exit->code;
    }
    try {
        return run(std::get<app::config>(parsed));
    } catch (const std::exception& e) {
        std::cerr << "journeyboard: " << e.what() << std::endl;
        return 2;
    }
}
