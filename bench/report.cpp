#include "report.hpp"

#include <cstdio>
#include <string>

namespace jb::bench {

namespace {
void row(std::ostream& out, const std::string& label, const std::string& value) {
    char line[256];
    std::snprintf(line, sizeof line, "  %-40s %s\n", label.c_str(), value.c_str());
    out << line;
}

std::string latency(const latency_summary& s) {
    if (s.count == 0) return "no samples";
    return "p50 " + format_ms(s.p50_ms) + " ms   p99 " + format_ms(s.p99_ms) + " ms   max " +
           format_ms(s.max_ms) + " ms   (n=" + std::to_string(s.count) + ")";
}

std::string mib(std::int64_t kib) { return format_ms(static_cast<double>(kib) / 1024.0) + " MiB"; }

void print_usage(std::ostream& out, const usage_window& u) {
    const auto share = [&](double cpu) {
        return u.wall_seconds > 0 ? " (" + format_ms(100.0 * cpu / u.wall_seconds) + " % of one core)"
                                  : std::string();
    };
    if (u.server_before && u.server_after) {
        const double cpu = u.server_after->cpu_seconds - u.server_before->cpu_seconds;
        row(out, "server CPU time (user+sys)", format_ms(cpu) + " s" + share(cpu));
        row(out, "server peak RSS (VmHWM)", mib(u.server_after->peak_rss_kib));
    } else {
        row(out, "server CPU time / peak RSS", "- (no --server-pid)");
    }
    const double self_cpu = u.self_after.cpu_seconds - u.self_before.cpu_seconds;
    row(out, "load generator CPU time", format_ms(self_cpu) + " s" + share(self_cpu));
    if (u.own_lag.count > 0)
        row(out, "load generator's own lag (5 ms timer)", "p50 " + format_ms(u.own_lag.p50_ms) + " ms   p99 " +
                                                          format_ms(u.own_lag.p99_ms) + " ms   max " +
                                                          format_ms(u.own_lag.max_ms) + " ms");
}

void print_errors(std::ostream& out, std::int64_t errors,
                  const std::map<std::string, std::int64_t>& kinds) {
    row(out, "errors", std::to_string(errors));
    for (const auto& [kind, count] : kinds) row(out, "  " + kind, std::to_string(count));
}
}  // namespace

void print_fanout(std::ostream& out, const fanout_config& config, const fanout_result& r,
                  const usage_window& usage) {
    out << "Fan-out: " << config.clients << " clients, " << config.rate << " op/s each, "
        << config.duration_s << " s (+ up to " << config.drain_s << " s drain)\n";
    row(out, "clients joined", std::to_string(r.clients_joined) + " of " +
                                   std::to_string(config.clients) + " in " +
                                   format_ms(r.join_seconds) + " s");
    row(out, "operations sent (adds / moves)", std::to_string(r.ops_sent) + " (" +
                                                   std::to_string(r.adds) + " / " +
                                                   std::to_string(r.moves) + ")");
    row(out, "operations acked", std::to_string(r.ops_acked));
    row(out, "operations rejected", std::to_string(r.ops_rejected));
    row(out, "operations lost", std::to_string(r.ops_lost));
    row(out, "fan-out latency (per op x receiver)", latency(r.fanout));
    row(out, "fan-out to all others (per op)", latency(r.fanout_all));
    row(out, "ack latency (send -> ack)", latency(r.ack));
    if (r.accepted_n > 0 && r.delivered_n > 0)  // split at the event's `at` (fanout_result)
        row(out, "split at the server's `at`, means",
            "send -> taken " + format_ms(r.accepted_mean_ms) + " ms, taken -> delivered " +
                format_ms(r.delivered_mean_ms) + " ms");
    row(out, "clients with events != acked ops", std::to_string(r.clients_mismatched));
    row(out, "events out of seq order", std::to_string(r.seq_violations));
    row(out, "messages received (all clients)", std::to_string(r.messages_received) + " (" +
                                                    mib(r.bytes_received / 1024) + ")");
    if (r.events_received > 0)
        row(out, "event messages (bytes each, mean)", std::to_string(r.events_received) + " (" +
                                                          std::to_string(r.event_bytes / r.events_received) + ")");
    row(out, "presence messages (all clients)", std::to_string(r.presence_received) + " (" +
                                                    mib(r.presence_bytes / 1024) + "; " +
                                                    mib(r.join_presence_bytes / 1024) + " while joining, " +
                                                    mib(r.welcome_presence_bytes / 1024) + " of it in welcomes)");
    if (config.burst > 0)
        row(out, "burst: first send -> last event", format_ms(r.burst_span_ms) + " ms");
    row(out, "drain after sending stopped", format_ms(r.drain_seconds) + " s");
    for (const auto& t : r.timeline)
        row(out, "  ops sent in second " + std::to_string(t.second), latency(t.fanout));
    print_errors(out, r.errors, r.error_kinds);
    print_usage(out, usage);
}

namespace {
double server_cpu(const usage_window& u) {
    return u.server_before && u.server_after ? u.server_after->cpu_seconds - u.server_before->cpu_seconds
                                             : -1;
}
}  // namespace

void summarise_fanout(std::ostream& out, const fanout_result& r, const usage_window& usage) {
    out << "fanout_p50 " << r.fanout.p50_ms << "\nfanout_p99 " << r.fanout.p99_ms
        << "\nall_p99 " << r.fanout_all.p99_ms << "\nack_p50 " << r.ack.p50_ms << "\nack_p99 "
        << r.ack.p99_ms << "\nops_sent " << r.ops_sent << "\nops_acked " << r.ops_acked << "\nops_lost " << r.ops_lost
        << "\nerrors " << r.errors << "\nburst_ms " << r.burst_span_ms << "\nevents "
        << r.events_received << "\nevent_bytes "
        << (r.events_received ? r.event_bytes / r.events_received : 0) << "\npresence_bytes "
        << r.presence_bytes << "\njoin_presence_bytes " << r.join_presence_bytes
        << "\nwelcome_presence_bytes " << r.welcome_presence_bytes << "\n";
    if (usage.own_lag.count > 0)
        out << "loadgen_lag_p50 " << usage.own_lag.p50_ms << "\nloadgen_lag_p99 " << usage.own_lag.p99_ms << "\n";
    if (const double cpu = server_cpu(usage); cpu >= 0) {
        out << "server_cpu_s " << cpu << "\n";
        if (r.events_received > 0)
            out << "cpu_us_per_event " << cpu * 1e6 / static_cast<double>(r.events_received) << "\n";
    }
}

void summarise_join(std::ostream& out, const join_result& r) {
    out << "join_p50 " << r.total.p50_ms << "\njoin_max " << r.total.max_ms << "\nerrors "
        << r.errors << "\n";
}

void print_join(std::ostream& out, const join_config& config, const join_result& r,
                const usage_window& usage) {
    out << "Join: a board of " << config.cards << " cards, " << config.joins << " new clients\n";
    row(out, "cards acked while filling", std::to_string(r.cards_acked) + " in " +
                                              format_ms(r.fill_seconds) + " s");
    row(out, "join -> full board (min / median / max)",
        r.total.count == 0 ? "no samples"
                           : format_ms(r.total.min_ms) + " / " + format_ms(r.total.p50_ms) +
                                 " / " + format_ms(r.total.max_ms) + " ms");
    for (std::size_t i = 0; i < r.samples.size(); ++i) {
        const auto& s = r.samples[i];
        row(out, "  join " + std::to_string(i + 1),
            format_ms(s.total_ms) + " ms = connect " + format_ms(s.connect_ms) + " + welcome " +
                format_ms(s.welcome_ms) + " + parse " + format_ms(s.parse_ms) + "; " +
                std::to_string(s.cards) + " cards, " + mib(static_cast<std::int64_t>(s.bytes / 1024)) +
                (s.snapshot ? ", snapshot" : ", events"));
    }
    print_errors(out, r.errors, r.error_kinds);
    print_usage(out, usage);
}

}  // namespace jb::bench
