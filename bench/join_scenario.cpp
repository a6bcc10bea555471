#include "join_scenario.hpp"

#include "join.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/this_coro.hpp>

#include <algorithm>
#include <memory>

namespace jb::bench {

namespace {
constexpr auto poll_interval = std::chrono::milliseconds(2);
constexpr auto batch_timeout = std::chrono::seconds(60);
constexpr auto observer_timeout = std::chrono::seconds(30);
constexpr auto pause_between_joins = std::chrono::milliseconds(200);

double millis(steady::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }
}  // namespace

join_scenario::join_scenario(server_address addr, std::string workshop_id, join_config config)
    : addr_(std::move(addr)), workshop_id_(std::move(workshop_id)), config_(config) {}

asio::awaitable<join_result> join_scenario::run() {
    auto ex = co_await asio::this_coro::executor;
    ws_client observer(ex);
    nlohmann::json welcome;
    if (auto failure = co_await join_workshop(observer, addr_, workshop_id_, "bench-observer",
                                              "Bench observer", welcome);
        !failure.empty()) {
        error("observer join: " + failure);
        co_return result_;
    }
    const auto layout = layout_of(welcome);
    if (!layout) {
        error("welcome without a journey, phases and lanes");
        co_return result_;
    }
    layout_ = *layout;
    observer_open_ = true;
    asio::co_spawn(ex, observe(observer), asio::detached);

    co_await fill();
    // The board is full once the observer has seen every accepted card.
    const auto wait_start = steady::now();
    while (observer_open_ && observer_events_ < static_cast<std::int64_t>(result_.cards_acked) &&
           steady::now() - wait_start < observer_timeout)
        co_await sleep_for(poll_interval);

    for (std::size_t n = 0; n < config_.joins; ++n) {
        co_await measure_join(n);
        co_await sleep_for(pause_between_joins);
    }
    co_await observer.close();
    std::vector<std::int64_t> totals;
    for (const auto& s : result_.samples)
        totals.push_back(static_cast<std::int64_t>(s.total_ms * 1000.0));
    result_.total = summarise(totals);
    co_return result_;
}

asio::awaitable<void> join_scenario::fill() {
    const auto start = steady::now();
    const auto batch = std::max<std::size_t>(1, config_.batch);
    for (std::size_t first = 0, b = 0; first < config_.cards; first += batch, ++b)
        co_await fill_batch(b, first, std::min(batch, config_.cards - first));
    result_.fill_seconds = std::chrono::duration<double>(steady::now() - start).count();
}

asio::awaitable<void> join_scenario::fill_batch(std::size_t batch_index, std::size_t first,
                                                std::size_t count) {
    auto ex = co_await asio::this_coro::executor;
    // One connection per batch keeps each under the per-connection rate limit's burst; its
    // operations are pipelined (all written before the first ack is awaited).
    ws_client ws(ex);
    nlohmann::json welcome;
    const auto id = "bench-fill-" + std::to_string(batch_index);
    if (auto failure = co_await join_workshop(ws, addr_, workshop_id_, id, "Bench filler", welcome);
        !failure.empty()) {
        error("filler join: " + failure);
        co_return;
    }
    // Read acks concurrently with the writes, so neither side's buffers fill up.
    struct progress {
        std::size_t answered = 0;
        bool reading = true;
    };
    auto state = std::make_shared<progress>();
    asio::co_spawn(
        ex,
        [&ws, state, this]() -> asio::awaitable<void> {
            while (!(co_await ws.read())) {
                const auto message = nlohmann::json::parse(ws.message(), nullptr, false);
                const auto type = string_field(message, "type");
                if (type == "ack") {
                    ++state->answered;
                    ++result_.cards_acked;
                } else if (type == "error") {
                    ++state->answered;
                    error("error " + string_field(message, "code"));
                }
            }
            state->reading = false;
        },
        asio::detached);

    std::mt19937_64 rng(config_.seed + batch_index);
    const auto cells = layout_.phase_ids.size() * layout_.lane_ids.size();
    for (std::size_t k = 0; k < count; ++k) {
        const auto n = first + k;
        // Spread the cards over every cell, each cell's cards in ascending key order.
        const auto cell = n % cells;
        auto text = card_add_message(static_cast<std::int64_t>(k) + 1, "f" + std::to_string(n),
                                     layout_, cell / layout_.lane_ids.size(),
                                     cell % layout_.lane_ids.size(), card_text(rng, n),
                                     sequential_order_key(n / cells));
        if (auto ec = co_await ws.write(std::move(text))) {
            error("filler write: " + ec.message());
            break;
        }
    }
    const auto wait_start = steady::now();
    while (state->reading && state->answered < count && steady::now() - wait_start < batch_timeout)
        co_await sleep_for(poll_interval);
    if (state->answered < count) error("filler: operations without an answer");
    co_await ws.close();
    while (state->reading) co_await sleep_for(poll_interval);
}

asio::awaitable<void> join_scenario::observe(ws_client& ws) {
    while (!(co_await ws.read())) {
        const auto message = nlohmann::json::parse(ws.message(), nullptr, false);
        if (string_field(message, "type") == "event") ++observer_events_;
    }
    observer_open_ = false;
}

asio::awaitable<void> join_scenario::measure_join(std::size_t n) {
    ws_client ws(co_await asio::this_coro::executor);
    join_sample sample;
    const auto start = steady::now();
    if (auto ec = co_await ws.connect(addr_)) {
        error("join connect: " + ec.message());
        co_return;
    }
    const auto connected = steady::now();
    if (auto ec = co_await ws.write(hello_message(workshop_id_, "bench-join-" + std::to_string(n),
                                                  "Bench joiner"))) {
        error("join hello: " + ec.message());
        co_return;
    }
    // Read up to the welcome; each message is parsed once, as a real client would.
    steady::time_point received;
    nlohmann::json board;
    for (int skipped = 0;; ++skipped) {
        if (auto ec = co_await ws.read()) {
            error("join read: " + ec.message());
            co_return;
        }
        received = steady::now();
        board = nlohmann::json::parse(ws.message(), nullptr, false);
        const auto type = string_field(board, "type");
        if (type == "welcome") break;
        if ((type != "presence" && type != "pong") || skipped > 1000) {
            error("join: " + (type.empty() ? std::string("unparsable message") : type) +
                  " instead of welcome");
            co_return;
        }
    }
    sample.bytes = ws.message().size();
    const auto snapshot = board.find("snapshot");
    if (snapshot != board.end() && snapshot->is_object()) {
        sample.snapshot = true;
        if (const auto cards = snapshot->find("cards"); cards != snapshot->end() && cards->is_array())
            sample.cards = cards->size();
    } else if (const auto events = board.find("events"); events != board.end() && events->is_array()) {
        // A welcome that replays the log instead: count what the replay would leave.
        std::int64_t cards = 0;
        for (const auto& e : *events) {
            const auto op = e.find("op");
            if (op == e.end()) continue;
            const auto kind = string_field(*op, "kind");
            cards += kind == "card.add" ? 1 : kind == "card.delete" ? -1 : 0;
        }
        sample.cards = static_cast<std::size_t>(std::max<std::int64_t>(0, cards));
    }
    const auto ready = steady::now();
    sample.connect_ms = millis(connected - start);
    sample.welcome_ms = millis(received - connected);
    sample.parse_ms = millis(ready - received);  // parse, plus finding the cards in it
    sample.total_ms = millis(ready - start);
    if (sample.cards != result_.cards_acked) error("join: board has a different number of cards");
    result_.samples.push_back(sample);
    co_await ws.close();
}

void join_scenario::error(const std::string& kind) {
    ++result_.errors;
    ++result_.error_kinds[kind];
}

}  // namespace jb::bench
