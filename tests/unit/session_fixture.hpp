#pragma once
// Boards for the facilitation, voting and visibility tests: the default board with fixed ids
// (journey j1; phases p1…p5; lanes l1 touchpoint … l5 pain_point, l6 idea), contexts for each
// role, and helpers that apply an op (it must be accepted) or prove it is rejected without a
// change.
#include "model/board.hpp"

#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

namespace jb::test_session {

using nlohmann::json;
using namespace jb::model;

inline board session_board() {
    auto ids = std::make_shared<std::vector<std::string>>(std::vector<std::string>{
        "j1", "p1", "p2", "p3", "p4", "p5", "l1", "l2", "l3", "l4", "l5", "l6"});
    auto next = std::make_shared<std::size_t>(0);
    return board::make_default({"w1", "Workshop", 1000}, [ids, next] { return ids->at((*next)++); });
}

inline const op_context alice{"alice", role::participant, 5000};
inline const op_context bram{"bram", role::participant, 5000};
inline const op_context fran{"fran", role::facilitator, 6000};
inline const op_context screen{"", role::screen, 6000};

inline op_context at(op_context ctx, std::int64_t when) {
    ctx.at = when;
    return ctx;
}

// A card in phase `phase`, lane l6 (idea) unless told otherwise.
inline card_add idea(std::string id, std::string phase = "p1", std::string lane = "l6",
                     std::string key = "a0") {
    return card_add{std::move(id), "j1", std::move(phase), std::move(lane), "idee", std::move(key),
                    card_color::yellow};
}

// Prepares (as the room does), checks (must accept) and applies.
inline applied accept(board& b, operation op, const op_context& ctx) {
    b.prepare(op, ctx);
    const auto error = b.check(op, ctx);
    if (error) FAIL("rejected: " << error->code << " " << error->message);
    return b.apply(op, ctx);
}

// check() rejects with `code`, and the board is unchanged.
inline op_error refuse(const board& b, operation op, const op_context& ctx, const char* code) {
    const json before = b.to_json();
    b.prepare(op, ctx);
    const auto error = b.check(op, ctx);
    REQUIRE(error);
    CHECK(error->code == code);
    CHECK(b.to_json() == before);
    return *error;
}

// The record of collection `section` with this id in patch `p` (patch_for), or null.
inline json record_in(const json& p, const std::string& section, const std::string& id) {
    if (p.is_object() && p.contains(section))
        for (const auto& r : p[section])
            if (record_id(section, r) == id) return r;
    return nullptr;
}

inline round_start start_round(std::string id, round_scope scope = {}, std::int64_t budget = 3,
                               std::int64_t cap = 2) {
    round_start r;
    r.round_id = std::move(id);
    r.criterion = "impact";
    r.budget = budget;
    r.max_per_item = cap;
    r.scope = std::move(scope);
    return r;
}

}  // namespace jb::test_session
