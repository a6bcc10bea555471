#include "fanout_scenario.hpp"

#include "envelope.hpp"
#include "join.hpp"
#include "send_pattern.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>

namespace jb::bench {

namespace {
constexpr auto poll_interval = std::chrono::milliseconds(10);
constexpr auto join_timeout = std::chrono::seconds(120);
constexpr auto close_timeout = std::chrono::seconds(5);
constexpr auto settle_time = std::chrono::seconds(1);

// The system clock in microseconds: the server's `at` is on it (the same machine's).
std::int64_t wall_us() {
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::int64_t micros(steady::duration d) {
    return std::chrono::duration_cast<std::chrono::microseconds>(d).count();
}
double seconds(steady::duration d) { return std::chrono::duration<double>(d).count(); }
}  // namespace

fanout_scenario::fanout_scenario(server_address addr, std::string workshop_id,
                                 fanout_config config)
    : addr_(std::move(addr)), workshop_id_(std::move(workshop_id)), config_(config),
      clients_(config.clients) {
    for (std::size_t i = 0; i < clients_.size(); ++i) {
        clients_[i].id = "bench-" + std::to_string(config_.seed) + "-" + std::to_string(i);
        clients_[i].rng.seed(config_.seed * 1'000'003 + i);
        index_of_.emplace(clients_[i].id, i);
    }
    const auto expected_ops = static_cast<std::size_t>(
        config_.rate * config_.duration_s * static_cast<double>(config_.clients) * 1.1);
    ack_us_.reserve(expected_ops);
    fanout_us_.reserve(expected_ops * (config_.clients > 0 ? config_.clients - 1 : 0));
}

asio::awaitable<fanout_result> fanout_scenario::run() {
    auto ex = co_await asio::this_coro::executor;

    // 1. Join every client, a few at a time (a burst of N connects is not what is measured).
    const auto join_start = steady::now();
    for (std::size_t w = 0; w < std::max<std::size_t>(1, config_.connect_parallel); ++w) {
        ++busy_;
        asio::co_spawn(ex, join_worker(), asio::detached);
    }
    while (busy_ > 0 && steady::now() - join_start < join_timeout) co_await sleep_for(poll_interval);
    result_.join_seconds = seconds(steady::now() - join_start);
    if (result_.clients_joined == 0 || layout_.phase_ids.empty()) {
        error("no client joined");
        finish();
        co_return result_;
    }
    // Let the presence broadcasts of the joins die down before measuring.
    co_await sleep_for(settle_time);
    result_.join_presence_bytes = result_.presence_bytes;

    // 2. Load: every joined client sends for D seconds.
    const auto start = steady::now() + std::chrono::milliseconds(50);
    load_start_ = start;
    const auto end = start + std::chrono::duration_cast<steady::duration>(
                                 std::chrono::duration<double>(config_.duration_s));
    std::size_t senders = 0;
    for (const auto& c : clients_) senders += c.joined ? 1 : 0;
    for (std::size_t i = 0, k = 0; i < clients_.size(); ++i) {
        if (!clients_[i].joined) continue;
        ++busy_;
        if (config_.burst == 0) {
            asio::co_spawn(ex, send_loop(i, start, end), asio::detached);
        } else {  // the burst's operations shared out as evenly as the clients allow
            const auto share = config_.burst / senders + (k++ < config_.burst % senders ? 1 : 0);
            asio::co_spawn(ex, burst_loop(i, start, share), asio::detached);
        }
    }
    while (busy_ > 0) co_await sleep_for(poll_interval);
    result_.load_seconds = seconds(steady::now() - start);

    // 3. Drain: wait for outstanding acks and events, up to the drain period.
    const auto drain_start = steady::now();
    const auto drain = std::chrono::duration<double>(config_.drain_s);
    while (!all_settled() && steady::now() - drain_start < drain) co_await sleep_for(poll_interval);
    result_.drain_seconds = seconds(steady::now() - drain_start);
    if (config_.burst > 0 && last_event_ > first_sent_)
        result_.burst_span_ms = std::chrono::duration<double, std::milli>(last_event_ - first_sent_).count();

    // 4. Close every connection; drop those that do not finish the close handshake.
    closing_ = true;
    for (auto& c : clients_)
        if (c.reading) asio::co_spawn(ex, c.ws->close(), asio::detached);
    const auto close_start = steady::now();
    while (readers_ > 0 && steady::now() - close_start < close_timeout)
        co_await sleep_for(poll_interval);
    for (auto& c : clients_)
        if (c.reading) c.ws->abort();
    while (readers_ > 0) co_await sleep_for(poll_interval);

    finish();
    co_return result_;
}

asio::awaitable<void> fanout_scenario::join_worker() {
    auto ex = co_await asio::this_coro::executor;
    while (next_join_ < clients_.size()) {
        const auto i = next_join_++;
        auto& c = clients_[i];
        c.ws = std::make_unique<ws_client>(ex);
        nlohmann::json welcome;
        const auto failure = co_await join_workshop(*c.ws, addr_, workshop_id_, c.id,
                                                    "Bench " + std::to_string(i), welcome);
        if (!failure.empty()) {
            error("join: " + failure);
            continue;
        }
        if (layout_.phase_ids.empty()) {
            if (auto layout = layout_of(welcome)) layout_ = *layout;
        }
        // Protocol 2 sends the presence list in the welcome (P-PRES-3): it counts as presence,
        // so that servers before and after the change are compared on everything they send.
        if (const auto presence = welcome.find("presence"); presence != welcome.end()) {
            const auto bytes = static_cast<std::int64_t>(presence->dump().size());
            result_.presence_bytes += bytes;
            result_.welcome_presence_bytes += bytes;
        }
        c.joined = true;
        c.last_seq = int_field(welcome, "seq", 0);
        ++result_.clients_joined;
        c.reading = true;
        ++readers_;
        asio::co_spawn(ex, read_loop(i), asio::detached);
    }
    --busy_;
}

asio::awaitable<void> fanout_scenario::read_loop(std::size_t i) {
    auto& c = clients_[i];
    for (;;) {
        if (auto ec = co_await c.ws->read()) {
            if (!closing_) {
                const auto code = c.ws->close_code();
                error(code ? "closed by server " + std::to_string(code) : "read: " + ec.message());
            }
            break;
        }
        on_message(i, steady::now(), c.ws->message());
    }
    c.reading = false;
    --readers_;
}

void fanout_scenario::on_message(std::size_t i, steady::time_point at, std::string_view text) {
    auto& receiver = clients_[i];
    ++result_.messages_received;
    result_.bytes_received += static_cast<std::int64_t>(text.size());
    const auto message = read_envelope(text);
    const auto& type = message.type;

    if (type == "event") {
        if (message.at >= 0 && message.client_seq < 1 && message.client_id.empty()) {
            delivered_sum_us_ += static_cast<double>(wall_us() - message.at * 1000) - 500;
            ++result_.delivered_n;
        }
        ++receiver.events;
        ++result_.events_received;
        result_.event_bytes += static_cast<std::int64_t>(text.size());
        last_event_ = std::max(last_event_, at);
        if (message.seq != receiver.last_seq + 1) ++result_.seq_violations;
        receiver.last_seq = message.seq;
        if (!message.client_id.empty()) {  // protocol 3 and older: every copy names its sender
            const auto sender = index_of_.find(message.client_id);
            if (sender == index_of_.end()) {
                error("event for an operation not sent");
                return;
            }
            on_event_seen(i, at, sender->second, message.client_seq);
        } else if (message.client_seq >= 1) {  // protocol 4: the sender's own copy
            seq_owner_[message.seq] = op_ref{i, message.client_seq};
            if (message.at >= 0 && message.client_seq <= static_cast<std::int64_t>(receiver.ops.size())) {
                accepted_sum_us_ += static_cast<double>(message.at * 1000 -
                                                        receiver.ops[message.client_seq - 1].sent_wall_us) + 500;
                ++result_.accepted_n;
            }
            on_event_seen(i, at, i, message.client_seq);
            if (const auto early = seen_early_.find(message.seq); early != seen_early_.end()) {
                for (const auto& s : early->second) on_event_seen(s.receiver, s.at, i, message.client_seq);
                seen_early_.erase(early);
            }
        } else if (const auto owner = seq_owner_.find(message.seq); owner != seq_owner_.end()) {
            on_event_seen(i, at, owner->second.sender, owner->second.client_seq);
        } else {
            seen_early_[message.seq].push_back(sighting{i, at});
        }
    } else if (type == "ack") {
        if (message.client_seq < 1 ||
            message.client_seq > static_cast<std::int64_t>(receiver.ops.size())) {
            error("ack for an operation not sent");
            return;
        }
        auto& op = receiver.ops[message.client_seq - 1];
        if (op.acked) error("second ack");
        op.acked = true;
        ack_us_.push_back(micros(at - op.sent));
        if (message.duplicate) error("ack marked duplicate");
    } else if (type == "error") {
        error("error " + message.code);
        if (message.client_seq >= 1 &&
            message.client_seq <= static_cast<std::int64_t>(receiver.ops.size()))
            receiver.ops[message.client_seq - 1].rejected = true;
    } else if (type == "presence") {
        ++result_.presence_received;
        result_.presence_bytes += static_cast<std::int64_t>(text.size());
    } else if (type != "pong") {
        error("unexpected message " + (type.empty() ? std::string(text.substr(0, 40)) : type));
    }
}

void fanout_scenario::on_event_seen(std::size_t i, steady::time_point at, std::size_t sender,
                                    std::int64_t client_seq) {
    if (client_seq < 1 || client_seq > static_cast<std::int64_t>(clients_[sender].ops.size())) {
        error("event for an operation not sent");
        return;
    }
    if (sender == i) return;  // its own event: the ack is what the sender measures
    auto& op = clients_[sender].ops[client_seq - 1];
    ++op.seen_by_others;
    op.last_seen = std::max(op.last_seen, at);
    fanout_us_.push_back(micros(at - op.sent));
    if (config_.timeline)
        fanout_second_.push_back(static_cast<std::uint32_t>(
            std::chrono::duration_cast<std::chrono::seconds>(
                op.sent - config_.timeline_epoch.value_or(load_start_)).count()));
}

asio::awaitable<void> fanout_scenario::send_loop(std::size_t i, steady::time_point start,
                                                 steady::time_point end) {
    auto& c = clients_[i];
    asio::steady_timer timer(co_await asio::this_coro::executor);
    const std::chrono::duration<double> period(1.0 / config_.rate);
    // Deadlines are absolute so the mean rate stays r; the pattern is send_pattern.hpp's.
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const double u_length = unit(c.rng);
    auto at = start + std::chrono::duration_cast<steady::duration>(
                          period * first_send_offset(u_length, unit(c.rng)));
    while (at < end && c.reading) {
        timer.expires_at(at);
        boost::system::error_code ec;
        co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
        if (!c.reading) break;
        auto text = next_operation(c);
        c.ops.back().sent = steady::now();
        c.ops.back().sent_wall_us = wall_us();
        c.ops.back().last_seen = c.ops.back().sent;
        ++result_.ops_sent;
        if (auto write_ec = co_await c.ws->write(std::move(text))) {
            error("write: " + write_ec.message());
            break;
        }
        at += std::chrono::duration_cast<steady::duration>(period * send_interval(unit(c.rng)));
    }
    --busy_;
}

asio::awaitable<void> fanout_scenario::burst_loop(std::size_t i, steady::time_point start,
                                                  std::size_t count) {
    auto& c = clients_[i];
    asio::steady_timer timer(co_await asio::this_coro::executor, start);
    boost::system::error_code ec;
    co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    for (std::size_t n = 0; n < count && c.reading; ++n) {
        auto text = next_operation(c);
        c.ops.back().sent = steady::now();
        c.ops.back().sent_wall_us = wall_us();
        c.ops.back().last_seen = c.ops.back().sent;
        first_sent_ = std::min(first_sent_, c.ops.back().sent);
        ++result_.ops_sent;
        if (auto write_ec = co_await c.ws->write(std::move(text))) {
            error("write: " + write_ec.message());
            break;
        }
    }
    --busy_;
}

std::string fanout_scenario::next_operation(client& c) {
    const auto client_seq = static_cast<std::int64_t>(c.ops.size()) + 1;
    c.ops.emplace_back();
    std::uniform_int_distribution<std::size_t> phase(0, layout_.phase_ids.size() - 1);
    std::uniform_int_distribution<std::size_t> lane(0, layout_.lane_ids.size() - 1);
    std::bernoulli_distribution coin(0.5);
    const bool add = c.cards.empty() || (c.cards.size() < config_.max_cards_per_client && coin(c.rng));
    if (add) {
        ++result_.adds;
        c.cards.push_back("c" + c.id.substr(c.id.rfind('-') + 1) + "-" +
                          std::to_string(c.cards.size()));
        return card_add_message(client_seq, c.cards.back(), layout_, phase(c.rng), lane(c.rng),
                                card_text(c.rng, c.cards.size()), random_order_key(c.rng));
    }
    ++result_.moves;
    std::uniform_int_distribution<std::size_t> card(0, c.cards.size() - 1);
    return card_move_message(client_seq, c.cards[card(c.rng)], layout_, phase(c.rng),
                             lane(c.rng), random_order_key(c.rng));
}

bool fanout_scenario::all_settled() const {
    const auto others = static_cast<std::int32_t>(result_.clients_joined) - 1;
    for (const auto& c : clients_)
        for (const auto& op : c.ops)
            if (!op.rejected && (!op.acked || op.seen_by_others < others)) return false;
    return true;
}

void fanout_scenario::error(const std::string& kind) {
    ++result_.errors;
    ++result_.error_kinds[kind];
}

void fanout_scenario::finish() {
    // Seen by observers, but the sender never got its own copy: nothing ties it to an operation.
    for (const auto& [seq, sightings] : seen_early_)
        for (std::size_t k = 0; k < sightings.size(); ++k) error("event for an operation not sent");
    seen_early_.clear();
    const auto others = static_cast<std::int32_t>(result_.clients_joined) - 1;
    std::vector<std::int64_t> complete_us;
    for (const auto& c : clients_) {
        for (const auto& op : c.ops) {
            if (op.rejected) {
                ++result_.ops_rejected;
                continue;
            }
            if (op.acked) ++result_.ops_acked;
            if (!op.acked || op.seen_by_others < others)
                ++result_.ops_lost;
            else
                complete_us.push_back(micros(op.last_seen - op.sent));
        }
    }
    // Every client must have received exactly one event per accepted operation.
    for (const auto& c : clients_)
        if (c.joined && c.events != result_.ops_acked) ++result_.clients_mismatched;
    // With keep_samples the pooled timeline is merge()'s (bench/workshops.cpp).
    if (config_.timeline && !config_.keep_samples) result_.timeline = timeline_of(fanout_us_, fanout_second_);
    if (result_.accepted_n > 0) result_.accepted_mean_ms = accepted_sum_us_ / 1000.0 / result_.accepted_n;
    if (result_.delivered_n > 0) result_.delivered_mean_ms = delivered_sum_us_ / 1000.0 / result_.delivered_n;
    if (config_.keep_samples) {  // before summarise() sorts them: fanout_second_ follows their order
        result_.fanout_us = fanout_us_;
        result_.fanout_all_us = complete_us;
        result_.ack_us = ack_us_;
        result_.fanout_second = fanout_second_;
    }
    result_.fanout = summarise(fanout_us_);
    result_.fanout_all = summarise(complete_us);
    result_.ack = summarise(ack_us_);
}

}  // namespace jb::bench
