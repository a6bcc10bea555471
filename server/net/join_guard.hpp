#pragma once
// Throttles join-code guessing per client address (P-HTTP-12). A code is 6 characters from 31
// (≈ 8.9·10⁸ codes); unthrottled, one machine found a live code every few minutes. Two limits:
// - every lookup takes a token from the address's bucket (bursts, then a steady rate);
// - every lookup that finds nothing counts as a miss: past `free_misses`, each further miss
//   blocks the address for a delay that doubles up to `max_delay`. Misses are forgotten after
//   `forget_after` without one, so a class behind one NAT address that mistypes a few codes
//   is not punished for long.
// Pure: the caller passes the time. Not thread-safe: the owner serialises calls.

#include "net/rate_limiter.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <unordered_map>

namespace jb::net {

struct join_guard_limits {
    rate_limit lookups{60, 1};  // per address: bursts of 60, then one per second
    unsigned free_misses = 20;  // misses before the delay starts
    std::chrono::seconds first_delay{1}, max_delay{60};
    std::chrono::seconds forget_after{std::chrono::minutes(15)};
};

class join_guard {
public:
    explicit join_guard(join_guard_limits limits, std::size_t soft_max_keys = 10'000);

    // Nothing: the lookup may go ahead (and has taken its token). Else: refused; retry after
    // this many seconds (at least 1).
    std::optional<std::chrono::seconds> admit(const std::string& address, rate_clock::time_point now);
    // The lookup found no workshop.
    void missed(const std::string& address, rate_clock::time_point now);

private:
    struct misses {
        unsigned count = 0;
        rate_clock::time_point last, blocked_until;
    };
    void prune(rate_clock::time_point now);

    join_guard_limits limits_;
    keyed_rate_limiter lookups_;
    std::size_t soft_max_keys_;
    std::unordered_map<std::string, misses> misses_;
};

}  // namespace jb::net
