#pragma once
// Presence on the wire as a whole list and as changes to it (protocol P-PRES-1 … P-PRES-7):
// the welcome carries the list, later `presence` messages only what changed since the last
// one, so a join costs each connection one entry instead of the whole list again. Entries are
// keyed by the participant's number and leave out the usual values (P-PRES-3); a crowded room
// counts, instead of listing, the participants who do not matter to everyone (P-PRES-6). Pure
// functions, no I/O.

#include "protocol/messages.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace jb::protocol {

// Voters of the open round a list leaves out, and how many of them are done (P-PRES-6, P-VOTE-7).
struct voter_count {
    std::int64_t count = 0, done = 0;
    bool operator==(const voter_count&) const = default;
};

// One form of the presence list, as a group of viewers holds it: the entries it lists by
// participant number, and what it leaves out, counted: offline participants (P-PRES-5), and in a
// crowded room the online participants and the voters it does not list (P-PRES-6).
struct presence_view {
    std::map<std::int64_t, presence_entry> entries;
    std::size_t offline = 0;
    std::size_t online = 0;
    voter_count voters;
    bool operator==(const presence_view&) const = default;
};

// {"participants":[…],"offline":n[,"online":n][,"voters":{…}]}: the list as `welcome.presence`
// holds it.
std::string encode_presence_list(const presence_view& view);
// {"type":"presence","participants":[…],"offline":n,…}: the whole list, replacing what the
// client holds (a connection that moves to another form, P-PRES-4).
std::string encode_presence_reset(const presence_view& view);
// {"type":"presence","joined":[…],"updated":[…],"left":[…],"offline":n,"online":n,"voters":{…}},
// each part only when it has something: what turns `before` into `after` (P-PRES-3). Nothing
// when they are equal.
std::optional<std::string> encode_presence_change(const presence_view& before,
                                                  const presence_view& after);
// `message` (a change or a whole list; none: an otherwise empty presence message) with the
// connection's own entry as `you`, for a crowded room's list that does not hold it (P-PRES-7).
std::string encode_presence_with_you(const std::string* message, const presence_entry& you);

}  // namespace jb::protocol
