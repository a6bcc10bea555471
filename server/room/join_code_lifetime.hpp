#pragma once
// How long a join code admits new participants (P-JOIN-12): until `lifetime` after the
// workshop's last activity, the same activity retention counts (P-DEL-3): its creation, its last
// logged operation, its last new participant. A code read off a projector then stops working
// once the workshop is over, without anyone having to close the door (P-JOIN-10).

#include "store/store.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <string>

namespace jb::room {

// The last activity of a workshop as loaded from the store (ms since the epoch).
inline std::int64_t last_activity_of(const store::loaded_workshop& loaded) {
    std::int64_t last = std::max(loaded.workshop.created_at, loaded.last_op_at);
    for (const auto& op : loaded.ops_after) last = std::max(last, op.at);
    for (const auto& p : loaded.participants) last = std::max(last, p.created_at);
    return last;
}

// Whether a code whose workshop was last active at `last_activity` still admits newcomers at
// `now` (both ms since the epoch). A zero lifetime never expires.
inline bool join_code_expired(std::int64_t last_activity, std::int64_t now,
                              std::chrono::milliseconds lifetime) {
    return lifetime.count() > 0 && now - last_activity >= lifetime.count();
}

// "12 h", or "5 min" below an hour: the lifetime as the refusal names it.
inline std::string lifetime_text(std::chrono::milliseconds lifetime) {
    using namespace std::chrono;
    return lifetime >= hours(1) ? std::to_string(duration_cast<hours>(lifetime).count()) + " h"
                                : std::to_string(duration_cast<minutes>(lifetime).count()) + " min";
}

}  // namespace jb::room
