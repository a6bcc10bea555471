#pragma once
// Summaries of measured durations, and the server's resource use read from /proc.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace jb::bench {

/// Percentiles of a set of durations, in milliseconds (nearest-rank).
struct latency_summary {
    std::size_t count = 0;
    double min_ms = 0, p50_ms = 0, p99_ms = 0, max_ms = 0;
};

// Sorts `samples_us` (microseconds) in place and summarises it.
latency_summary summarise(std::vector<std::int64_t>& samples_us);

/// Fan-out latency of the operations sent in one second of the run.
struct timeline_entry {
    std::size_t second = 0;
    latency_summary fanout;
};

// Latency per second of sending: `samples[k]` belongs to an op sent in second `seconds[k]` (the
// two in the same order: call it before summarise() sorts the samples). Throws
// std::invalid_argument if their lengths differ.
std::vector<timeline_entry> timeline_of(const std::vector<std::int64_t>& samples,
                                        const std::vector<std::uint32_t>& seconds);

/// What /proc says about one process at one moment.
struct process_usage {
    double cpu_seconds = 0;        // utime + stime
    std::int64_t peak_rss_kib = 0;  // VmHWM
    std::int64_t rss_kib = 0;       // VmRSS
};

// Nothing if the process does not exist (or /proc cannot be read).
std::optional<process_usage> read_process_usage(int pid);

// "12.3" with one decimal, or "-" for a missing value.
std::string format_ms(double ms);

}  // namespace jb::bench
