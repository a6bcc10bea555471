#include "room/durable_board.hpp"

#include <stdexcept>

namespace jb::room {

void check_log_follows_snapshot(const store::loaded_workshop& loaded) {
    auto expected = loaded.snapshot.seq + 1;
    for (const auto& logged : loaded.ops_after) {
        if (logged.seq != expected)
            throw std::invalid_argument("its log has a gap: op " +
                                        std::to_string(expected) + " is missing before op " +
                                        std::to_string(logged.seq));
        ++expected;
    }
}

model::board durable_board(const store::loaded_workshop& loaded, model::board_limits limits) {
    check_log_follows_snapshot(loaded);
    auto b = model::board::from_json(nlohmann::json::parse(loaded.snapshot.state_json), limits);
    for (const auto& logged : loaded.ops_after) {
        // From the log: fields only the server sets (a private card.add) are allowed.
        auto decoded = model::decode_operation(nlohmann::json::parse(logged.op_json), true);
        if (auto* err = std::get_if<model::op_error>(&decoded))
            throw std::invalid_argument("workshop " + loaded.workshop.id + " op " +
                                        std::to_string(logged.seq) +
                                        " cannot be replayed: " + err->message);
        // The role does not matter to apply(): what depended on it is in the logged op.
        b.apply(std::get<model::operation>(decoded),
                model::op_context{logged.by, model::role::facilitator, logged.at});
    }
    return b;
}

}  // namespace jb::room
