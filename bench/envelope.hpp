#pragma once
// The top-level fields of a server message that the fan-out scenario needs, read without
// building a JSON document: at N = 200 every client reads N events a second, and the load
// generator shares the server's cores, so its parsing cost is kept small.

#include <cstdint>
#include <string>
#include <string_view>

namespace jb::bench {

struct envelope {
    std::string type, client_id, code;
    std::int64_t seq = -1, client_seq = -1;
    std::int64_t at = -1;  // an event's server time (ms since the epoch)
    bool duplicate = false;
};

// Nothing but `type` empty if `text` is not a JSON object. Nested values (the operation, a
// presence list) are scanned over, not kept.
envelope read_envelope(std::string_view text);

}  // namespace jb::bench
