#include "net/join_guard.hpp"

#include <algorithm>

namespace jb::net {

join_guard::join_guard(join_guard_limits limits, std::size_t soft_max_keys)
    : limits_(limits), lookups_(limits.lookups, soft_max_keys), soft_max_keys_(soft_max_keys)
{
}

std::optional<std::chrono::seconds> join_guard::admit(const std::string& address,
                                                      rate_clock::time_point now)
{
    using std::chrono::seconds;
    if (const auto it = misses_.find(address); it != misses_.end() && now < it->second.blocked_until)
        return std::max(seconds(1), std::chrono::ceil<seconds>(it->second.blocked_until - now));
    if (!lookups_.take(address, now))
        return seconds(1);
    return std::nullopt;
}

void join_guard::missed(const std::string& address, rate_clock::time_point now)
{
    if (misses_.size() >= soft_max_keys_ && !misses_.contains(address))
        prune(now);
    auto& m = misses_[address];
    if (m.count > 0 && now - m.last > limits_.forget_after)
        m.count = 0;
    m.last = now;
    if (++m.count <= limits_.free_misses)
        return;
    // 1 s, 2 s, 4 s, … up to max_delay.
    const unsigned doublings = std::min(m.count - limits_.free_misses - 1, 30u);
    const auto delay = std::min<std::chrono::seconds>(limits_.first_delay * (std::int64_t{1} << doublings),
                                                      limits_.max_delay);
    m.blocked_until = now + delay;
}

void join_guard::prune(rate_clock::time_point now)
{
    std::erase_if(misses_, [&](const auto& entry) {
        return now >= entry.second.blocked_until && now - entry.second.last > limits_.forget_after;
    });
}

}  // namespace jb::net
