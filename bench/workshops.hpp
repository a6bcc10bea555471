#pragma once
// Many workshops at once (scripts/bench --cluster, docs/performance.md "Cluster"): the fan-out
// scenario run in W workshops of its own side by side on the one io_context, and its figures
// over all of them, as if one scenario had measured every operation.

#include "fanout_scenario.hpp"

namespace jb::bench {

// Creates `workshops` workshops on `addr` and runs `config` (its clients per workshop) in each.
// A workshop that could not be created counts as an error of the result.
asio::awaitable<fanout_result> run_workshops(server_address addr, fanout_config config,
                                             std::size_t workshops);

}  // namespace jb::bench
