// P-ROLE-2 and P-FAC-4, table-driven: every operation kind, sent by every role (participant,
// facilitator, screen) on an open and on a locked board, is accepted or refused with the
// documented code, and a refusal changes nothing.
#include "model/board.hpp"

#include "session_fixture.hpp"

#include <set>

using namespace jb::test_session;

namespace {

// Two starting points: "idle" (no open round; closed round r0) and "voting" (round r1 open on
// c1 with facilitator votes, a vote of alice and of fran on it, the timer running). Both have
// touchpoint card t1 and the evaluation poll open with bram's answer r1.
board base(bool voting, bool locked) {
    board b = session_board();
    accept(b, journey_add{"j2", "Leeg", "a1", target_group::persona}, fran);
    for (const char* id : {"c1", "c2", "c3", "c4", "c5", "c6", "c7"}) accept(b, idea(id), alice);
    accept(b, idea("k1", "p1", "l5"), alice);
    accept(b, idea("t1", "p1", "l1"), alice);
    accept(b, evaluation_open{true}, fran);
    accept(b, evaluation_submit{3, "Mooi"}, bram);
    accept(b, group_add{"g1", "Groep", {"c2", "c3"}}, alice);
    accept(b, start_round("r0", round_scope{scope_kind::cards, {"c1", "c4"}, "", 0}), fran);
    accept(b, round_close{"r0"}, fran);
    if (voting) {
        auto r1 = start_round("r1", round_scope{scope_kind::cards, {"c1"}, "", 0});
        r1.facilitator_votes = true;
        accept(b, r1, fran);
        accept(b, vote_add{"r1", "c1"}, alice);
        accept(b, vote_add{"r1", "c1"}, fran);
        accept(b, timer_start{}, fran);
    }
    if (locked) accept(b, board_lock{true}, fran);
    return b;
}

struct row {
    operation op;
    bool voting;  // which starting point makes it valid
};

// One valid operation of every kind.
std::vector<row> every_kind() {
    return {
        {idea("c9"), false},
        {card_update{"c1", std::string("tekst"), std::nullopt}, false},
        {card_move{"c1", "p2", "l6", "a5"}, false},
        {card_delete{"c5"}, false},
        {workshop_update{"Nieuwe titel"}, false},
        {journey_add{"j9", "Reis", "a9", target_group::inwoner}, false},
        {journey_update{"j1", std::string("Reis"), std::nullopt}, false},
        {journey_delete{"j2"}, false},
        {phase_add{"j1", "p9", "Fase", "a9"}, false},
        {phase_update{"p1", std::string("Fase"), std::nullopt}, false},
        {phase_delete{"p5"}, false},
        {lane_add{"j1", "l9", "Rij", "a9", lane_kind::custom}, false},
        {lane_update{"l1", std::string("Rij"), std::nullopt, std::nullopt}, false},
        {lane_delete{"l4"}, false},
        {stage_set{"ideas"}, false},
        {stage_update{"ideas", std::string("Ideeën"), std::nullopt}, false},
        {timer_set{60'000}, false},
        {timer_start{}, false},
        {timer_pause{}, true},
        {timer_add{60'000}, false},
        {timer_reset{}, false},
        {board_lock{true}, false},
        {door_set{false}, false},
        {writing_private{true}, false},
        {focus_set{std::string("j1"), std::nullopt}, false},
        {screen_pin{std::string("prepare")}, false},
        {settings_update{anonymity::all}, false},
        {participant_role{"bram", role::facilitator}, false},
        {participant_remove{"bram"}, false},
        {card_link{"c1", std::string("k1")}, false},
        {group_add{"g9", "Nieuw", {"c5", "c6"}}, false},
        {card_group{"c7", "g1"}, false},
        {card_ungroup{"c2"}, false},
        {group_update{"g1", "Andere"}, false},
        {start_round("r9"), false},
        {vote_add{"r1", "c1"}, true},
        {vote_remove{"r1", "c1"}, true},
        {vote_done{"r1", true}, true},
        {round_close{"r1"}, true},
        {round_cancel{"r1"}, true},
        {round_reopen{"r0"}, false},
        {round_paper{"r0", "Tafel 1", {{"c1", 3}}}, false},
        {improvements_rounds{{"r0"}}, false},
        {improvement_update{"c1", std::string("Team"), improvement_status::done}, false},
        {score_set{score_scale::current, "t1", 1}, false},
        {evaluation_open{false}, false},
        {evaluation_submit{4, "Goed"}, false},
        {evaluation_show{"r1", true}, false},
    };
}

// What `ctx` must get for `op` (nothing: accepted).
std::optional<std::string> expected(const operation& op, const op_context& ctx, bool locked) {
    if (ctx.actor_role == role::screen) return "forbidden";
    const auto who = who_may(op);
    if (who == audience::facilitator && ctx.actor_role != role::facilitator) return "forbidden";
    if (who == audience::editors && locked && ctx.actor_role == role::participant) return "locked";
    return std::nullopt;
}

}  // namespace

TEST_CASE("P-ROLE-2 P-FAC-4 every operation kind for every role, on an open and a locked board",
          "[model][role]") {
    const auto rows = every_kind();
    std::set<std::string> kinds;
    for (const auto& r : rows) kinds.insert(std::string(kind_name(r.op)));
    CHECK(kinds.size() == std::variant_size_v<operation>);  // every kind is in the table

    for (const bool locked : {false, true}) {
        const board idle = base(false, locked), voting = base(true, locked);
        for (const auto& r : rows) {
            for (const auto& ctx : {alice, fran, screen}) {
                const std::string what = std::string(kind_name(r.op)) + " by " +
                                         std::string(to_string(ctx.actor_role)) +
                                         (locked ? " (locked)" : "");
                INFO(what);
                board b = r.voting ? voting : idle;
                operation op = r.op;
                b.prepare(op, ctx);
                const json before = b.to_json();
                const auto error = b.check(op, ctx);
                const auto want = expected(op, ctx, locked);
                if (want) {
                    REQUIRE(error);
                    CHECK(error->code == *want);
                    CHECK(b.to_json() == before);
                } else {
                    if (error) FAIL_CHECK(what << " refused: " << error->code << " " << error->message);
                    else b.apply(op, ctx);
                }
            }
        }
    }
}
