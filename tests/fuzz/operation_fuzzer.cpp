// Operations against a live board, as a room runs them: decode, prepare, check, apply. The
// input is one operation per line, each line's first byte choosing who sends it (facilitator,
// or one of two participants). What must hold:
// - decoding, checking and applying never crash or throw;
// - an accepted operation round-trips through its logged form (encode, decode from the log);
// - replaying the log on the initial board, as a room does on load, gives the live board, and
//   so does replaying its second half on a snapshot taken half-way;
// - the stored form (the snapshot) reads back exactly.
#include "model/board.hpp"
#include "model/operation.hpp"

#include "fuzz_check.hpp"

#include <array>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

using namespace jb;
using nlohmann::json;

namespace {

struct logged {
    json op;
    std::string by;
    std::int64_t at = 0;
};

// The default board with readable ids (seeds use them): journey j1, phases p1..p5, lanes lT
// (touchpoint), lV, lE, lM (emotion), lK (pain point), lI (idea).
model::board initial_board() {
    static const std::array<const char*, 12> ids{"j1", "p1", "p2", "p3", "p4", "p5",
                                                 "lT", "lV", "lE", "lM", "lK", "lI"};
    std::size_t n = 0;
    return model::board::make_default({"w1", "Fuzz", 1000},
                                      [&] { return n < ids.size() ? ids[n++] : "x" + std::to_string(n++); });
}

// Replays `log` from `from` on the board stored as `state`, as room.cpp does after a load.
json replay(const json& state, const std::vector<logged>& log, std::size_t from) {
    auto b = model::board::from_json(state);
    for (std::size_t i = from; i < log.size(); ++i) {
        auto decoded = model::decode_operation(log[i].op, true);
        auto* op = std::get_if<model::operation>(&decoded);
        fuzz::require(op != nullptr, "a logged op decodes from the log");
        b.apply(*op, model::op_context{log[i].by, model::role::facilitator, log[i].at});
    }
    return b.to_json();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const json start = initial_board().to_json();
    static const std::array<std::pair<const char*, model::role>, 3> actors{
        {{"f1", model::role::facilitator}, {"u1", model::role::participant}, {"u2", model::role::participant}}};

    auto live = model::board::from_json(start);
    std::vector<logged> log;
    json half_way_state = start;
    std::size_t half_way = 0;
    std::int64_t at = 2000;

    const std::string_view input(reinterpret_cast<const char*>(data), size);
    std::size_t lines = 0;
    for (std::size_t pos = 0; pos < input.size() && lines < 64; ++lines) {
        auto end = input.find('\n', pos);
        if (end == std::string_view::npos) end = input.size();
        const auto line = input.substr(pos, end - pos);
        pos = end + 1;
        if (line.empty()) continue;
        const auto& [who, role] = actors[static_cast<unsigned char>(line[0]) % actors.size()];
        const auto doc = json::parse(line.substr(1), nullptr, false);
        if (doc.is_discarded()) continue;

        auto decoded = model::decode_operation(doc);
        auto* op = std::get_if<model::operation>(&decoded);
        if (!op) continue;
        const model::op_context ctx{who, role, at += 1000};
        live.prepare(*op, ctx);
        if (live.check(*op, ctx)) continue;

        const auto as_logged = model::encode_operation(*op);
        auto again = model::decode_operation(as_logged, true);
        auto* back = std::get_if<model::operation>(&again);
        fuzz::require(back != nullptr, "an accepted op's logged form decodes");
        fuzz::require(model::encode_operation(*back) == as_logged, "an accepted op round-trips through its logged form");

        live.apply(*op, ctx);
        log.push_back({as_logged, who, ctx.at});
        if (log.size() == 4) {  // a snapshot, as the room writes one every snapshot_every ops
            half_way_state = live.to_json();
            half_way = log.size();
        }
    }

    const auto now = live.to_json();
    fuzz::require(model::board::from_json(now).to_json() == now, "the snapshot reads back exactly");
    fuzz::require(replay(start, log, 0) == now, "replaying the log gives the live board");
    fuzz::require(replay(half_way_state, log, half_way) == now,
                  "a snapshot plus the ops after it gives the live board");
    return 0;
}
