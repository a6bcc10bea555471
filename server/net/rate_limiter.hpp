#pragma once
// Token-bucket rate limiting (protocol P-WS-4 per connection, P-HTTP-5 per client address).
// Pure: the caller passes the time, so tests need no clock and no sleeping.

#include <chrono>
#include <cstddef>
#include <string>
#include <unordered_map>

namespace jb::net {

using rate_clock = std::chrono::steady_clock;

struct rate_limit {
    double burst = 1;       // tokens the bucket holds when full
    double per_second = 1;  // tokens added per second, up to burst
};

// A bucket that starts full; each take() spends one token if there is one.
class token_bucket {
public:
    token_bucket(rate_limit limit, rate_clock::time_point now);

    // Spends one token; false (and nothing spent) if the bucket is empty.
    bool take(rate_clock::time_point now);
    // Whether the bucket is full at `now` (then it behaves exactly like a new one).
    bool full(rate_clock::time_point now);

private:
    void refill(rate_clock::time_point now);

    rate_limit limit_;
    double tokens_;
    rate_clock::time_point last_;
};

// One bucket per key (a client address). Memory stays bounded: when there are more than
// `soft_max_keys` buckets, full ones are forgotten, which changes no answer because a full
// bucket and a new one behave the same. Not thread-safe: the owner serialises calls.
class keyed_rate_limiter {
public:
    explicit keyed_rate_limiter(rate_limit limit, std::size_t soft_max_keys = 10'000);

    bool take(const std::string& key, rate_clock::time_point now);
    std::size_t keys() const { return buckets_.size(); }

private:
    void prune(rate_clock::time_point now);

    rate_limit limit_;
    std::size_t soft_max_keys_;
    std::size_t prune_at_;
    std::unordered_map<std::string, token_bucket> buckets_;
};

}  // namespace jb::net
