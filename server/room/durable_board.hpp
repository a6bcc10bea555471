#pragma once
// The board of a workshop as the store holds it: its latest snapshot with every operation logged
// after it applied, exactly as a room rebuilds it on load. For work that reads a workshop without
// its live room (archive, exports, copying a structure); call it on the store thread.

#include "model/board.hpp"
#include "store/store.hpp"

namespace jb::room {

// Throws std::invalid_argument unless the logged ops follow the snapshot seq by seq (snapshot.seq
// + 1, + 2, …). A gap means an acknowledged-looking op is missing: replaying past it would
// rebuild a board nobody saw, so the workshop is not served until an operator repairs it.
void check_log_follows_snapshot(const store::loaded_workshop& loaded);

// Throws std::invalid_argument (or a JSON error) if the stored state cannot be read back,
// including a log with a gap (check_log_follows_snapshot).
model::board durable_board(const store::loaded_workshop& loaded, model::board_limits limits = {});

}  // namespace jb::room
