#pragma once
// Prints the figures of a run as a plain-text table (what scripts/bench shows).

#include "fanout_scenario.hpp"
#include "join_scenario.hpp"

#include <optional>
#include <ostream>

namespace jb::bench {

/// The server's and the load generator's resource use over one scenario.
struct usage_window {
    std::optional<process_usage> server_before, server_after;
    process_usage self_before, self_after;
    double wall_seconds = 0;
    // How late the load generator's own timer ran, sampled every 5 ms during the run: its
    // thread's backlog, which every latency it measures includes (the server's and the relay's).
    latency_summary own_lag;
};

void print_fanout(std::ostream& out, const fanout_config& config, const fanout_result& r,
                  const usage_window& usage);
void print_join(std::ostream& out, const join_config& config, const join_result& r,
                const usage_window& usage);

// The same figures as `key value` lines, one per figure, for scripts/bench --peers to put
// side by side (times in ms, CPU per delivered event in µs).
void summarise_fanout(std::ostream& out, const fanout_result& r, const usage_window& usage);
void summarise_join(std::ostream& out, const join_result& r);

}  // namespace jb::bench
