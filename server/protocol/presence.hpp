#pragma once
// Presence on the wire as a whole list and as changes to it (protocol P-PRES-1 … P-PRES-5):
// the welcome carries the list, later `presence` messages only what changed since the last
// one, so a join costs each connection one entry instead of the whole list again. Pure
// functions, no I/O.

#include "protocol/messages.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <string>

namespace jb::protocol {

// One form of the presence list, as a group of viewers holds it: the entries it lists by
// participant id, and how many offline participants it leaves out (counted, not listed).
struct presence_view {
    std::map<std::string, presence_entry> entries;
    std::size_t offline = 0;
    bool operator==(const presence_view&) const = default;
};

// {"participants":[…],"offline":n}: the list as `welcome.presence` holds it.
std::string encode_presence_list(const presence_view& view);
// {"type":"presence","participants":[…],"offline":n}: the whole list, replacing what the
// client holds (a connection that moves to another form, P-PRES-4).
std::string encode_presence_reset(const presence_view& view);
// {"type":"presence","joined":[…],"updated":[…],"left":[…],"offline":n}, each part only when it
// has something: what turns `before` into `after` (P-PRES-3). Nothing when they are equal.
std::optional<std::string> encode_presence_change(const presence_view& before,
                                                  const presence_view& after);

}  // namespace jb::protocol
