#pragma once
// Applies one operation to a board as the room does (decode, prepare, check, apply), for the
// benchmarks that build a large board through the board's own operations. A refusal is a bug in
// the benchmark's generator, so it throws. `track_changes`: as board::apply.

#include "model/board.hpp"
#include "model/operation.hpp"

#include <nlohmann/json.hpp>

#include <stdexcept>

namespace jb::bench {

inline void play(model::board& b, const nlohmann::json& op, const model::op_context& who,
                 bool track_changes = true)
{
    auto decoded = model::decode_operation(op);
    if (auto* bad = std::get_if<model::op_error>(&decoded))
        throw std::runtime_error("bad op " + op.dump() + ": " + bad->message);
    auto& o = std::get<model::operation>(decoded);
    b.prepare(o, who);
    if (const auto refused = b.check(o, who))
        throw std::runtime_error("refused op " + op.dump() + ": " + refused->message);
    b.apply(o, who, track_changes);
}

}  // namespace jb::bench
