#include "net/rate_limiter.hpp"

#include <algorithm>

namespace jb::net {

token_bucket::token_bucket(rate_limit limit, rate_clock::time_point now)
    : limit_(limit), tokens_(limit.burst), last_(now)
{
}

void token_bucket::refill(rate_clock::time_point now)
{
    if (now <= last_)
        return;
    const double seconds = std::chrono::duration<double>(now - last_).count();
    tokens_ = std::min(limit_.burst, tokens_ + seconds * limit_.per_second);
    last_ = now;
}

bool token_bucket::take(rate_clock::time_point now)
{
    refill(now);
    if (tokens_ < 1)
        return false;
    tokens_ -= 1;
    return true;
}

bool token_bucket::full(rate_clock::time_point now)
{
    refill(now);
    return tokens_ >= limit_.burst;
}

keyed_rate_limiter::keyed_rate_limiter(rate_limit limit, std::size_t soft_max_keys)
    : limit_(limit), soft_max_keys_(std::max<std::size_t>(soft_max_keys, 1)),
      prune_at_(soft_max_keys_)
{
}

bool keyed_rate_limiter::take(const std::string& key, rate_clock::time_point now)
{
    auto it = buckets_.find(key);
    if (it == buckets_.end()) {
        if (buckets_.size() >= prune_at_)
            prune(now);
        it = buckets_.emplace(key, token_bucket(limit_, now)).first;
    }
    return it->second.take(now);
}

void keyed_rate_limiter::prune(rate_clock::time_point now)
{
    for (auto it = buckets_.begin(); it != buckets_.end();)
        it = it->second.full(now) ? buckets_.erase(it) : std::next(it);
    // If most buckets are still busy (a burst from many addresses), wait until the map has
    // doubled before scanning again, so pruning stays amortised O(1) per call.
    prune_at_ = std::max(soft_max_keys_, buckets_.size() * 2);
}

}  // namespace jb::net
