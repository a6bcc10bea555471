// The board's rules (protocol.md P-SYNC-1, P-SYNC-2, P-SYNC-3 and the error codes): check()
// accepts or rejects each operation with the right code and changes nothing; apply() has the
// documented effect.
#include "model/board.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using nlohmann::json;
using namespace jb::model;

namespace {

// make_default asks for ids journey first, then the five phases, then the six lanes.
std::function<std::string()> fixed_ids() {
    auto ids = std::make_shared<std::vector<std::string>>(std::vector<std::string>{
        "j1", "p1", "p2", "p3", "p4", "p5", "l1", "l2", "l3", "l4", "l5", "l6"});
    auto next = std::make_shared<std::size_t>(0);
    return [ids, next] { return ids->at((*next)++); };
}

// The default board (make_default takes no limits: a trip through from_json sets them).
board default_board(board_limits limits = {}) {
    const board b = board::make_default({"w1", "Workshop", 1000}, fixed_ids());
    return board::from_json(b.to_json(), limits);
}

const op_context participant{"alice", role::participant, 5000};
const op_context facilitator{"fran", role::facilitator, 6000};

card_add add_card(std::string id, std::string phase = "p1", std::string lane = "l1",
                  std::string journey = "j1") {
    return card_add{std::move(id), std::move(journey), std::move(phase), std::move(lane),
                    "tekst", "a0", card_color::yellow};
}

// check() must accept; then apply.
void do_op(board& b, const operation& op, const op_context& ctx) {
    const auto error = b.check(op, ctx);
    if (error) FAIL("rejected: " << error->code << " " << error->message);
    b.apply(op, ctx);
}

// check() must reject with `code`, and the board must be unchanged.
op_error rejected(const board& b, const operation& op, const op_context& ctx, const char* code) {
    const json before = b.to_json();
    const auto error = b.check(op, ctx);
    REQUIRE(error);
    CHECK(error->code == code);
    CHECK(b.to_json() == before);
    return *error;
}

// A board with a second journey "j2" holding phase "q1" and lane "m1".
board two_journeys() {
    board b = default_board();
    do_op(b, journey_add{"j2", "Tweede reis", "a1", target_group::ondernemer}, facilitator);
    do_op(b, phase_add{"j2", "q1", "Fase", "a0"}, facilitator);
    do_op(b, lane_add{"j2", "m1", "Rij", "a0", lane_kind::custom}, facilitator);
    return b;
}

}  // namespace

TEST_CASE("P-SYNC-1 a participant adds a card: author and times come from the context", "[model]") {
    board b = default_board();
    do_op(b, add_card("c1", "p2", "l3"), participant);
    const card* c = b.find_card("c1");
    REQUIRE(c);
    CHECK(c->journey_id == "j1");
    CHECK(c->phase_id == "p2");
    CHECK(c->lane_id == "l3");
    CHECK(c->text == "tekst");
    CHECK(c->author_id == "alice");
    CHECK(c->created_at == 5000);
    CHECK(c->updated_at == 5000);
    CHECK(c->order_key == "a0");
}

TEST_CASE("P-SYNC-2 card.add with an existing card id is a conflict", "[model]") {
    board b = default_board();
    do_op(b, add_card("c1"), participant);
    const op_error e = rejected(b, add_card("c1", "p2"), participant, "conflict");
    CHECK(e.message == "op.cardId: a card \"c1\" already exists");
}

TEST_CASE("P-SYNC-2 card.add into a journey, phase or lane that does not exist is not_found",
          "[model]") {
    board b = default_board();
    CHECK(rejected(b, add_card("c1", "p1", "l1", "nope"), participant, "not_found").message ==
          "op.journeyId: no journey \"nope\"");
    CHECK(rejected(b, add_card("c1", "px"), participant, "not_found").message ==
          "op.phaseId: no phase \"px\"");
    CHECK(rejected(b, add_card("c1", "p1", "lx"), participant, "not_found").message ==
          "op.laneId: no lane \"lx\"");
}

TEST_CASE("P-SYNC-2 card.add with a phase or lane of another journey is invalid", "[model]") {
    board b = two_journeys();
    CHECK(rejected(b, add_card("c1", "q1", "l1"), participant, "invalid").message ==
          "op.phaseId: phase \"q1\" is not in journey \"j1\"");
    CHECK(rejected(b, add_card("c1", "p1", "m1"), participant, "invalid").message ==
          "op.laneId: lane \"m1\" is not in journey \"j1\"");
    do_op(b, add_card("c1", "q1", "m1", "j2"), participant);
}

TEST_CASE("P-SYNC-2 a workshop holds at most max_cards cards", "[model]") {
    board_limits limits;
    limits.max_cards = 2;
    board b = default_board(limits);
    do_op(b, add_card("c1"), participant);
    do_op(b, add_card("c2"), participant);
    const op_error e = rejected(b, add_card("c3"), participant, "limit");
    CHECK(e.message == "op: the workshop already holds 2 cards, the most it may hold");
    // Deleting one makes room again.
    do_op(b, card_delete{"c1"}, participant);
    do_op(b, add_card("c3"), participant);
}

TEST_CASE("P-LIM-1 the cards' text together is bounded: growing past it is limit, shrinking never",
          "[model]") {
    board_limits limits;
    limits.max_card_text_bytes = 10;
    board b = default_board(limits);
    auto with_text = [](std::string id, std::string text) {
        auto op = add_card(std::move(id));
        op.text = std::move(text);
        return op;
    };
    do_op(b, with_text("c1", "12345"), participant);
    do_op(b, with_text("c2", "1234"), participant);  // 9 of 10 bytes
    const op_error e = rejected(b, with_text("c3", "12"), participant, "limit");
    CHECK(e.message == "op.text: the workshop's cards already hold 9 bytes of text; together they may hold at most 10");
    do_op(b, with_text("c3", "1"), participant);  // exactly the bound
    do_op(b, with_text("c4", ""), participant);  // no text: always room
    rejected(b, card_update{"c2", std::string("12345"), {}, {}}, participant, "limit");
    do_op(b, card_update{"c1", std::string("1"), {}, {}}, participant);  // shrinking makes room
    do_op(b, card_update{"c2", std::string("12345678"), {}, {}}, participant);
    do_op(b, card_update{"c2", {}, card_color::blue, {}}, participant);  // no text: not counted
    // Multi-byte characters count as their UTF-8 bytes.
    rejected(b, card_update{"c4", std::string("é"), {}, {}}, participant, "limit");
    CHECK(b.card_text_bytes() == 10);

    // The board keeps its total as it goes (no walk over every card per op): a delete gives its
    // bytes back, and a board read back from its stored form counts the same.
    do_op(b, card_delete{"c2"}, participant);
    CHECK(b.card_text_bytes() == 2);
    board read_back = board::from_json(b.to_json(), limits);
    CHECK(read_back.card_text_bytes() == 2);
    do_op(read_back, with_text("c5", "12345678"), participant);
    CHECK(rejected(read_back, with_text("c6", "1"), participant, "limit").message ==
          "op.text: the workshop's cards already hold 10 bytes of text; together they may hold at most 10");
}

TEST_CASE("the default limit is 10,000 cards", "[model]") {
    CHECK(board_limits{}.max_card_text_bytes == 2 * 1024 * 1024);
    CHECK(board_limits{}.max_cards == 10'000);
    CHECK(board_limits{}.max_journeys == 20);
    CHECK(board_limits{}.max_phases == 30);
    CHECK(board_limits{}.max_lanes == 30);
}

TEST_CASE("P-SYNC-3 card.update sets the given fields, the last one applied wins", "[model]") {
    board b = default_board();
    do_op(b, add_card("c1"), participant);
    do_op(b, card_update{"c1", std::string("eerst"), card_color::green}, participant);
    do_op(b, card_update{"c1", std::string("dan dit"), std::nullopt},
          op_context{"bob", role::participant, 7000});
    const card* c = b.find_card("c1");
    CHECK(c->text == "dan dit");
    CHECK(c->color == card_color::green);  // not in the second update: kept
    CHECK(c->author_id == "alice");        // an edit does not change the author
    CHECK(c->created_at == 5000);
    CHECK(c->updated_at == 7000);
    CHECK(rejected(b, card_update{"zz", std::string("x"), std::nullopt}, participant, "not_found")
              .message == "op.cardId: no card \"zz\"");
}

TEST_CASE("card.move changes cell and key within the card's journey", "[model]") {
    board b = two_journeys();
    do_op(b, add_card("c1"), participant);
    do_op(b, card_move{"c1", "p4", "l6", "a0V"}, op_context{"bob", role::participant, 8000});
    const card* c = b.find_card("c1");
    CHECK(c->phase_id == "p4");
    CHECK(c->lane_id == "l6");
    CHECK(c->order_key == "a0V");
    CHECK(c->journey_id == "j1");
    CHECK(c->updated_at == 8000);

    CHECK(rejected(b, card_move{"zz", "p1", "l1", "a0"}, participant, "not_found").message ==
          "op.cardId: no card \"zz\"");
    CHECK(rejected(b, card_move{"c1", "px", "l1", "a0"}, participant, "not_found").message ==
          "op.phaseId: no phase \"px\"");
    CHECK(rejected(b, card_move{"c1", "p1", "lx", "a0"}, participant, "not_found").message ==
          "op.laneId: no lane \"lx\"");
    // Moving into another journey's phase or lane is refused: a card stays in its journey.
    CHECK(rejected(b, card_move{"c1", "q1", "m1", "a0"}, participant, "invalid").message ==
          "op.phaseId: phase \"q1\" is not in journey \"j1\"");
    CHECK(rejected(b, card_move{"c1", "p1", "m1", "a0"}, participant, "invalid").message ==
          "op.laneId: lane \"m1\" is not in journey \"j1\"");
}

TEST_CASE("card.delete removes the card, a missing one is not_found", "[model]") {
    board b = default_board();
    do_op(b, add_card("c1"), participant);
    do_op(b, card_delete{"c1"}, participant);
    CHECK_FALSE(b.find_card("c1"));
    CHECK(b.cards().empty());
    rejected(b, card_delete{"c1"}, participant, "not_found");
    // Its id is free again.
    do_op(b, add_card("c1"), participant);
}

TEST_CASE("structure operations by a participant are forbidden", "[model]") {
    const board b = two_journeys();
    const std::vector<operation> structure{
        workshop_update{"Nieuw"},
        journey_add{"j3", "T", "a2", target_group::inwoner},
        journey_update{"j2", std::string("T"), std::nullopt},
        journey_delete{"j2"},
        phase_add{"j1", "p9", "T", "a9"},
        phase_update{"p1", std::string("T"), std::nullopt},
        phase_delete{"p1"},
        lane_add{"j1", "l9", "T", "a9", lane_kind::idea},
        lane_update{"l1", std::nullopt, std::nullopt, lane_kind::idea},
        lane_delete{"l1"},
    };
    for (const auto& op : structure) {
        INFO(kind_name(op));
        const op_error e = rejected(b, op, participant, "forbidden");
        CHECK(e.message == "op.kind: only a facilitator may do " + std::string(kind_name(op)));
        CHECK_FALSE(b.check(op, facilitator));
    }
    // The role is checked first: even an op on a missing id is forbidden, not not_found.
    rejected(b, phase_delete{"nope"}, participant, "forbidden");
}

TEST_CASE("a facilitator may do card operations too", "[model]") {
    board b = default_board();
    do_op(b, add_card("c1"), facilitator);
    CHECK(b.find_card("c1")->author_id == "fran");
}

TEST_CASE("workshop.update sets the title", "[model]") {
    board b = default_board();
    do_op(b, workshop_update{"Vergunning Ede"}, facilitator);
    CHECK(b.info().title == "Vergunning Ede");
}

TEST_CASE("journey.add makes an empty journey, its id must be new and the count bounded",
          "[model]") {
    board_limits limits;
    limits.max_journeys = 2;
    board b = default_board(limits);
    do_op(b, journey_add{"j2", "Ondernemers", "a1", target_group::ondernemer}, facilitator);
    const journey* j = b.find_journey("j2");
    REQUIRE(j);
    CHECK(j->title == "Ondernemers");
    CHECK(j->group == target_group::ondernemer);
    CHECK(j->order_key == "a1");
    CHECK(j->phases.empty());
    CHECK(j->lanes.empty());
    CHECK(rejected(b, journey_add{"j1", "T", "a2", target_group::inwoner}, facilitator, "conflict")
              .message == "op.journeyId: a journey \"j1\" already exists");
    CHECK(rejected(b, journey_add{"j3", "T", "a2", target_group::inwoner}, facilitator, "limit")
              .message == "op: the workshop already holds 2 journeys, the most it may hold");
}

TEST_CASE("journey.update sets the given fields", "[model]") {
    board b = default_board();
    do_op(b, journey_update{"j1", std::nullopt, target_group::persona}, facilitator);
    CHECK(b.find_journey("j1")->group == target_group::persona);
    CHECK(b.find_journey("j1")->title == "Klantreis");
    do_op(b, journey_update{"j1", std::string("Reis"), std::nullopt}, facilitator);
    CHECK(b.find_journey("j1")->title == "Reis");
    rejected(b, journey_update{"jx", std::string("T"), std::nullopt}, facilitator, "not_found");
}

TEST_CASE("journey.delete: not the last journey, not one that holds cards", "[model]") {
    board b = two_journeys();
    CHECK(rejected(b, journey_delete{"jx"}, facilitator, "not_found").message ==
          "op.journeyId: no journey \"jx\"");
    do_op(b, add_card("c1", "q1", "m1", "j2"), participant);
    CHECK(rejected(b, journey_delete{"j2"}, facilitator, "conflict").message ==
          "op.journeyId: journey \"j2\" still holds 1 card");
    do_op(b, card_delete{"c1"}, participant);
    do_op(b, journey_delete{"j2"}, facilitator);
    CHECK_FALSE(b.find_journey("j2"));
    // Its phases and lanes went with it: their ids are free again.
    CHECK_FALSE(b.phase_owner("q1"));
    CHECK_FALSE(b.lane_owner("m1"));
    CHECK(rejected(b, journey_delete{"j1"}, facilitator, "conflict").message ==
          "op.journeyId: the last journey cannot be deleted");
}

TEST_CASE("phase.add inserts in key order, ids are unique across journeys", "[model]") {
    board b = two_journeys();
    do_op(b, phase_add{"j1", "p0", "Voorbereiden", "Zz"}, facilitator);
    do_op(b, phase_add{"j1", "p9", "Bezwaar", "a5"}, facilitator);
    do_op(b, phase_add{"j1", "p25", "Tussen", "a2V"}, facilitator);
    std::vector<std::string> order;
    for (const auto& p : b.find_journey("j1")->phases) order.push_back(p.id);
    CHECK(order == std::vector<std::string>{"p0", "p1", "p2", "p3", "p25", "p4", "p5", "p9"});
    CHECK(rejected(b, phase_add{"jx", "p10", "T", "a9"}, facilitator, "not_found").message ==
          "op.journeyId: no journey \"jx\"");
    CHECK(rejected(b, phase_add{"j1", "q1", "T", "a9"}, facilitator, "conflict").message ==
          "op.phaseId: a phase \"q1\" already exists");
    // Only phases share the phase id space: a lane id may be reused as a phase id.
    do_op(b, phase_add{"j1", "l1", "Zelfde id als een rij", "a9"}, facilitator);
}

TEST_CASE("equal keys are ordered by id", "[model]") {
    board b = default_board();
    do_op(b, phase_add{"j1", "zz", "Z", "a0"}, facilitator);
    do_op(b, phase_add{"j1", "aa", "A", "a0"}, facilitator);
    std::vector<std::string> order;
    for (const auto& p : b.find_journey("j1")->phases) order.push_back(p.id);
    CHECK(order == std::vector<std::string>{"aa", "p1", "zz", "p2", "p3", "p4", "p5"});
}

TEST_CASE("a journey holds at most max_phases phases and max_lanes lanes", "[model]") {
    board_limits limits;
    limits.max_phases = 6;
    limits.max_lanes = 7;
    board b = default_board(limits);
    do_op(b, phase_add{"j1", "p6", "T", "a9"}, facilitator);
    CHECK(rejected(b, phase_add{"j1", "p7", "T", "aA"}, facilitator, "limit").message ==
          "op: the journey already holds 6 phases, the most it may hold");
    do_op(b, lane_add{"j1", "l7", "T", "a9", lane_kind::custom}, facilitator);
    CHECK(rejected(b, lane_add{"j1", "l8", "T", "aA", lane_kind::custom}, facilitator, "limit")
              .message == "op: the journey already holds 7 lanes, the most it may hold");
    // Per journey: another journey has room.
    do_op(b, journey_add{"j2", "T", "a1", target_group::inwoner}, facilitator);
    do_op(b, phase_add{"j2", "p7", "T", "a0"}, facilitator);
}

TEST_CASE("phase.update renames and reorders", "[model]") {
    board b = default_board();
    do_op(b, phase_update{"p1", std::string("Eerst"), std::string("a9")}, facilitator);
    const auto& phases = b.find_journey("j1")->phases;
    CHECK(phases.back().id == "p1");
    CHECK(phases.back().title == "Eerst");
    CHECK(phases.back().order_key == "a9");
    CHECK(phases.front().id == "p2");
    do_op(b, phase_update{"p1", std::string("Weer eerst"), std::nullopt}, facilitator);
    CHECK(phases.back().title == "Weer eerst");
    CHECK(rejected(b, phase_update{"px", std::string("T"), std::nullopt}, facilitator, "not_found")
              .message == "op.phaseId: no phase \"px\"");
}

TEST_CASE("phase.delete only when no card is in it", "[model]") {
    board b = default_board();
    do_op(b, add_card("c1", "p2", "l1"), participant);
    CHECK(rejected(b, phase_delete{"p2"}, facilitator, "conflict").message ==
          "op.phaseId: phase \"p2\" still holds 1 card");
    do_op(b, phase_delete{"p3"}, facilitator);
    CHECK_FALSE(b.phase_owner("p3"));
    CHECK(b.find_journey("j1")->phases.size() == 4);
    rejected(b, phase_delete{"p3"}, facilitator, "not_found");
}

TEST_CASE("lane.add, lane.update and lane.delete follow the same rules", "[model]") {
    board b = two_journeys();
    do_op(b, lane_add{"j1", "l7", "Kanaal", "a6", lane_kind::custom}, facilitator);
    CHECK(b.find_journey("j1")->lanes.back().id == "l7");
    CHECK(rejected(b, lane_add{"j1", "m1", "T", "a7", lane_kind::idea}, facilitator, "conflict")
              .message == "op.laneId: a lane \"m1\" already exists");
    rejected(b, lane_add{"jx", "l8", "T", "a7", lane_kind::idea}, facilitator, "not_found");

    do_op(b, lane_update{"l7", std::nullopt, std::string("Zz"), lane_kind::touchpoint}, facilitator);
    const lane& first = b.find_journey("j1")->lanes.front();
    CHECK(first.id == "l7");
    CHECK(first.kind == lane_kind::touchpoint);
    CHECK(first.title == "Kanaal");
    CHECK(rejected(b, lane_update{"lx", std::string("T"), std::nullopt, std::nullopt}, facilitator,
                   "not_found")
              .message == "op.laneId: no lane \"lx\"");

    do_op(b, add_card("c1", "p1", "l7"), participant);
    CHECK(rejected(b, lane_delete{"l7"}, facilitator, "conflict").message ==
          "op.laneId: lane \"l7\" still holds 1 card");
    do_op(b, card_delete{"c1"}, participant);
    do_op(b, lane_delete{"l7"}, facilitator);
    CHECK_FALSE(b.lane_owner("l7"));
    rejected(b, lane_delete{"l7"}, facilitator, "not_found");
}
