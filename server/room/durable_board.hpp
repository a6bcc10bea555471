#pragma once
// The board of a workshop as the store holds it: its latest snapshot with every operation logged
// after it applied, exactly as a room rebuilds it on load. For work that reads a workshop without
// its live room (archive, exports, copying a structure); call it on the store thread.

#include "model/board.hpp"
#include "store/store.hpp"

namespace jb::room {

// Throws std::invalid_argument (or a JSON error) if the stored state cannot be read back.
model::board durable_board(const store::loaded_workshop& loaded, model::board_limits limits = {});

}  // namespace jb::room
