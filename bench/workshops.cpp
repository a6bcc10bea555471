#include "workshops.hpp"

#include "http_api.hpp"
#include "join.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>

#include <algorithm>
#include <memory>

namespace jb::bench {

namespace {

template <class T>
void append(std::vector<T>& to, const std::vector<T>& from) {
    to.insert(to.end(), from.begin(), from.end());
}

// The figures of all workshops as one: counts add up, latencies from the pooled samples.
fanout_result merge(std::vector<fanout_result>& parts) {
    fanout_result all;
    for (auto& r : parts) {
        all.clients_joined += r.clients_joined;
        all.ops_sent += r.ops_sent;
        all.ops_acked += r.ops_acked;
        all.ops_rejected += r.ops_rejected;
        all.ops_lost += r.ops_lost;
        all.adds += r.adds;
        all.moves += r.moves;
        all.errors += r.errors;
        for (const auto& [kind, n] : r.error_kinds) all.error_kinds[kind] += n;
        all.clients_mismatched += r.clients_mismatched;
        all.seq_violations += r.seq_violations;
        all.messages_received += r.messages_received;
        all.bytes_received += r.bytes_received;
        all.events_received += r.events_received;
        all.event_bytes += r.event_bytes;
        all.presence_received += r.presence_received;
        all.presence_bytes += r.presence_bytes;
        all.join_presence_bytes += r.join_presence_bytes;
        all.welcome_presence_bytes += r.welcome_presence_bytes;
        all.join_seconds = std::max(all.join_seconds, r.join_seconds);
        all.load_seconds = std::max(all.load_seconds, r.load_seconds);
        all.drain_seconds = std::max(all.drain_seconds, r.drain_seconds);
        append(all.fanout_us, r.fanout_us);
        append(all.fanout_all_us, r.fanout_all_us);
        append(all.ack_us, r.ack_us);
        append(all.fanout_second, r.fanout_second);
        all.accepted_mean_ms += r.accepted_mean_ms * static_cast<double>(r.accepted_n);
        all.accepted_n += r.accepted_n;
        all.delivered_mean_ms += r.delivered_mean_ms * static_cast<double>(r.delivered_n);
        all.delivered_n += r.delivered_n;
    }
    if (all.accepted_n > 0) all.accepted_mean_ms /= static_cast<double>(all.accepted_n);
    if (all.delivered_n > 0) all.delivered_mean_ms /= static_cast<double>(all.delivered_n);
    // Before summarise() sorts the samples: fanout_second follows their order. The seconds count
    // from one moment for all workshops (fanout_config::timeline_epoch), which was before the
    // joins: the timeline starts at the first second anything was sent.
    if (!all.fanout_second.empty()) {
        const auto first = *std::min_element(all.fanout_second.begin(), all.fanout_second.end());
        for (auto& second : all.fanout_second) second -= first;
        all.timeline = timeline_of(all.fanout_us, all.fanout_second);
    }
    all.fanout = summarise(all.fanout_us);
    all.fanout_all = summarise(all.fanout_all_us);
    all.ack = summarise(all.ack_us);
    return all;
}

}  // namespace

asio::awaitable<fanout_result> run_workshops(server_address addr, fanout_config config,
                                             std::size_t workshops) {
    auto ex = co_await asio::this_coro::executor;
    config.keep_samples = true;
    config.timeline_epoch = steady::now();
    std::vector<fanout_result> results(workshops);
    std::vector<std::unique_ptr<fanout_scenario>> scenarios;
    std::size_t running = 0, not_created = 0;
    for (std::size_t k = 0; k < workshops; ++k) {
        auto made = co_await create_workshop(addr, "Benchmark: workshop " + std::to_string(k + 1));
        if (std::holds_alternative<std::string>(made)) {
            ++not_created;
            continue;
        }
        auto one = config;
        one.seed = config.seed * 1'000 + k;  // clients and their choices differ per workshop
        scenarios.push_back(std::make_unique<fanout_scenario>(addr, std::get<created_workshop>(made).workshop_id, one));
        ++running;
        asio::co_spawn(ex, scenarios.back()->run(), [&results, &running, k](std::exception_ptr e, fanout_result r) {
            if (e) ++r.error_kinds["workshop run threw"], ++r.errors;
            results[k] = std::move(r);
            --running;
        });
    }
    while (running > 0) co_await sleep_for(std::chrono::milliseconds(20));
    auto all = merge(results);
    if (not_created > 0) {
        all.errors += static_cast<std::int64_t>(not_created);
        all.error_kinds["workshop not created"] += static_cast<std::int64_t>(not_created);
    }
    co_return all;
}

}  // namespace jb::bench
