// jb_loadgen: the load generator behind scripts/bench (docs/performance.md). It drives a
// running journeyboard server over loopback with many WebSocket clients on one io_context and
// prints what it measured. It never judges the figures: targets live in the docs.

#include "fanout_scenario.hpp"
#include "http_api.hpp"
#include "join_scenario.hpp"
#include "report.hpp"
#include "workshops.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/program_options.hpp>

#include <unistd.h>

#include <fstream>
#include <iostream>
#include <memory>

namespace po = boost::program_options;
using namespace jb::bench;

namespace {

struct options {
    std::string host = "127.0.0.1";
    std::uint16_t port = 0;
    int server_pid = 0;
    std::string scenario = "all";
    fanout_config fanout;
    std::size_t workshops = 1;  // fan-out: run it in this many workshops at once
    bool workshop_in_url = false;
    join_config join;
    double time_limit_s = 0;
    std::string summary;  // also write the figures as `key value` lines here
};

// Samples how late a 5 ms timer fires on this (the only) thread until `done`: every latency
// the load generator measures includes this backlog of its own.
struct lag_samples {
    bool done = false;
    std::vector<std::int64_t> lag_us;
};

asio::awaitable<void> sample_own_lag(std::shared_ptr<lag_samples> samples) {
    asio::steady_timer timer(co_await asio::this_coro::executor);
    while (!samples->done) {
        const auto due = steady::now() + std::chrono::milliseconds(5);
        timer.expires_at(due);
        co_await timer.async_wait(asio::use_awaitable);
        samples->lag_us.push_back(
            std::chrono::duration_cast<std::chrono::microseconds>(steady::now() - due).count());
    }
}

// Figures of one scenario, with the resource use around it.
template <class Run>
asio::awaitable<void> measured(const options& opt, usage_window& usage, Run run) {
    usage.server_before = opt.server_pid ? read_process_usage(opt.server_pid) : std::nullopt;
    usage.self_before = read_process_usage(::getpid()).value_or(process_usage{});
    const auto start = steady::now();
    auto lag = std::make_shared<lag_samples>();
    asio::co_spawn(co_await asio::this_coro::executor, sample_own_lag(lag), asio::detached);
    struct stop_sampling {  // also if run() throws: the sampler must not keep io.run() going
        lag_samples& lag;
        ~stop_sampling() { lag.done = true; }  // it ends at its next tick
    } stop{*lag};
    co_await run();
    usage.own_lag = summarise(lag->lag_us);
    usage.wall_seconds = std::chrono::duration<double>(steady::now() - start).count();
    usage.server_after = opt.server_pid ? read_process_usage(opt.server_pid) : std::nullopt;
    usage.self_after = read_process_usage(::getpid()).value_or(process_usage{});
}

asio::awaitable<int> run_all(const options& opt, const server_address& addr) {
    int status = 0;
    if (opt.scenario == "fanout" && opt.workshops > 1) {
        fanout_result result;
        usage_window usage;
        co_await measured(opt, usage, [&]() -> asio::awaitable<void> {
            result = co_await run_workshops(addr, opt.fanout, opt.workshops);
        });
        std::cout << "In " << opt.workshops << " workshops at once; figures over all of them\n";
        print_fanout(std::cout, opt.fanout, result, usage);
        if (!opt.summary.empty()) {
            std::ofstream out(opt.summary, std::ios::app);
            summarise_fanout(out, result, usage);
        }
        std::cout << std::endl;
        co_return result.clients_joined == 0 ? 2 : 0;
    }
    if (opt.scenario == "all" || opt.scenario == "fanout") {
        auto workshop = co_await create_workshop(addr, "Benchmark: fan-out");
        if (auto* failure = std::get_if<std::string>(&workshop)) {
            std::cerr << "jb_loadgen: " << *failure << "\n";
            co_return 2;
        }
        fanout_scenario scenario(addr, std::get<created_workshop>(workshop).workshop_id,
                                 opt.fanout);
        fanout_result result;
        usage_window usage;
        co_await measured(opt, usage, [&]() -> asio::awaitable<void> {
            result = co_await scenario.run();
        });
        print_fanout(std::cout, opt.fanout, result, usage);
        if (!opt.summary.empty()) {
            std::ofstream out(opt.summary, std::ios::app);
            summarise_fanout(out, result, usage);
        }
        std::cout << std::endl;
        if (result.clients_joined == 0) status = 2;
    }
    if (opt.scenario == "all" || opt.scenario == "join") {
        auto workshop = co_await create_workshop(addr, "Benchmark: join a full board");
        if (auto* failure = std::get_if<std::string>(&workshop)) {
            std::cerr << "jb_loadgen: " << *failure << "\n";
            co_return 2;
        }
        join_scenario scenario(addr, std::get<created_workshop>(workshop).workshop_id, opt.join);
        join_result result;
        usage_window usage;
        co_await measured(opt, usage, [&]() -> asio::awaitable<void> {
            result = co_await scenario.run();
        });
        print_join(std::cout, opt.join, result, usage);
        if (!opt.summary.empty()) {
            std::ofstream out(opt.summary, std::ios::app);
            summarise_join(out, result);
        }
        std::cout << std::endl;
        if (result.samples.empty()) status = 2;
    }
    co_return status;
}

}  // namespace

int main(int argc, char** argv) {
    options opt;
    po::options_description desc(
        "jb_loadgen: load generator for a running journeyboard server (see docs/performance.md)");
    desc.add_options()
        ("help", "show this help")
        ("host", po::value(&opt.host)->default_value(opt.host), "server address")
        ("port", po::value(&opt.port)->required(), "server port")
        ("server-pid", po::value(&opt.server_pid), "server process id, to read its CPU time and peak RSS")
        ("scenario", po::value(&opt.scenario)->default_value(opt.scenario), "fanout, join or all")
        ("clients,n", po::value(&opt.fanout.clients)->default_value(opt.fanout.clients), "fan-out: clients (per workshop)")
        ("workshop-in-url", po::bool_switch(&opt.workshop_in_url), "upgrade on /ws?w={workshop} (P-WS-11), for a router in front of several nodes")
        ("workshops", po::value(&opt.workshops)->default_value(opt.workshops), "fan-out: run it in this many workshops at once (--scenario fanout)")
        ("rate,r", po::value(&opt.fanout.rate)->default_value(opt.fanout.rate), "fan-out: operations per second per client")
        ("duration,d", po::value(&opt.fanout.duration_s)->default_value(opt.fanout.duration_s), "fan-out: seconds of sending")
        ("drain", po::value(&opt.fanout.drain_s)->default_value(opt.fanout.drain_s), "fan-out: seconds to wait for late acks and events")
        ("connect-parallel", po::value(&opt.fanout.connect_parallel)->default_value(opt.fanout.connect_parallel), "fan-out: joins in flight at once")
        ("burst", po::value(&opt.fanout.burst)->default_value(opt.fanout.burst), "fan-out: send this many operations at once, shared out over the clients, instead of --rate for --duration")
        ("protocol-version", po::value(&hello_protocol_version)->default_value(hello_protocol_version), "protocolVersion in hello (an older server: 4, 3, 2 or 1; see messages.hpp)")
        ("summary", po::value(&opt.summary), "also append the figures to this file as `key value` lines")
        ("timeline", po::bool_switch(&opt.fanout.timeline), "fan-out: also print the latency of each second's operations")
        ("cards", po::value(&opt.join.cards)->default_value(opt.join.cards), "join: cards on the board")
        ("joins", po::value(&opt.join.joins)->default_value(opt.join.joins), "join: new clients to time")
        ("batch", po::value(&opt.join.batch)->default_value(opt.join.batch), "join: operations pipelined per filling connection")
        ("seed", po::value(&opt.fanout.seed)->default_value(opt.fanout.seed), "random seed")
        ("time-limit", po::value(&opt.time_limit_s), "stop after this many seconds whatever happens (default: from the other options)");
    po::variables_map vm;
    try {
        po::store(po::parse_command_line(argc, argv, desc), vm);
        if (vm.count("help")) {
            std::cout << desc << "\n";
            return 0;
        }
        po::notify(vm);
    } catch (const po::error& e) {
        std::cerr << "jb_loadgen: " << e.what() << "\n" << desc << "\n";
        return 64;
    }
    if (opt.fanout.clients < 2 || opt.fanout.rate <= 0 || opt.fanout.duration_s <= 0 ||
        opt.join.joins == 0 || (opt.scenario != "all" && opt.scenario != "fanout" &&
                                opt.scenario != "join")) {
        std::cerr << "jb_loadgen: need --clients >= 2, --rate > 0, --duration > 0, --joins >= 1 "
                     "and --scenario fanout|join|all\n";
        return 64;
    }
    opt.join.seed = opt.fanout.seed;

    asio::io_context io(1);
    server_address addr{opt.host, opt.port, {}, opt.workshop_in_url};
    boost::system::error_code ec;
    addr.endpoint = tcp::endpoint(asio::ip::make_address(opt.host, ec), opt.port);
    if (ec) {
        std::cerr << "jb_loadgen: --host must be an IP address: " << ec.message() << "\n";
        return 64;
    }

    // Always stops by itself: joins, the load, the drain, filling and joining a board, with room.
    if (opt.time_limit_s <= 0)
        opt.time_limit_s = 180 + opt.fanout.duration_s + opt.fanout.drain_s +
                           static_cast<double>(opt.join.cards) / 50.0;
    asio::steady_timer watchdog(io, std::chrono::duration_cast<steady::duration>(
                                        std::chrono::duration<double>(opt.time_limit_s)));
    bool timed_out = false;
    watchdog.async_wait([&](boost::system::error_code wait_ec) {
        if (wait_ec) return;
        timed_out = true;
        io.stop();
    });

    int status = 1;
    asio::co_spawn(io, run_all(opt, addr), [&](std::exception_ptr e, int result) {
        status = e ? 1 : result;
        watchdog.cancel();
        if (e) {
            try {
                std::rethrow_exception(e);
            } catch (const std::exception& ex) {
                std::cerr << "jb_loadgen: " << ex.what() << "\n";
            }
        }
    });
    io.run();
    if (timed_out) {
        std::cerr << "jb_loadgen: stopped after the time limit of " << opt.time_limit_s << " s\n";
        return 3;
    }
    return status;
}
