// Strict decoding and canonical encoding of the facilitation, grouping, voting and improvement
// operations (protocol.md "Operations", P-MSG-1): field-named errors, ranges, round trips.
#include "model/operation.hpp"

#include <catch2/catch.hpp>

using nlohmann::json;
using namespace jb::model;

namespace {

// One valid example of every new kind, in canonical form.
const json examples = json::parse(R"([
  {"kind":"stage.set","stageId":"ideas"},
  {"kind":"stage.update","stageId":"ideas","title":"Ideeën","instruction":"Eén idee\nper kaart."},
  {"kind":"timer.set","durationMs":300000},
  {"kind":"timer.start"},
  {"kind":"timer.pause"},
  {"kind":"timer.add","ms":60000},
  {"kind":"timer.reset"},
  {"kind":"board.lock","locked":true},
  {"kind":"writing.private","on":false},
  {"kind":"focus.set","journeyId":"j1","phaseId":null},
  {"kind":"settings.update","anonymity":"none"},
  {"kind":"participant.role","participantId":"p1","role":"facilitator"},
  {"kind":"participant.remove","participantId":"p1"},
  {"kind":"card.link","cardId":"c1","targetId":null},
  {"kind":"group.add","groupId":"g1","title":"Samen","cardIds":["c1","c2"]},
  {"kind":"card.group","cardId":"c3","groupId":"g1"},
  {"kind":"card.ungroup","cardId":"c3"},
  {"kind":"group.update","groupId":"g1","title":"Anders"},
  {"kind":"round.start","roundId":"r1","criterion":"impact","budget":5,"maxPerItem":2,
   "durationMs":null,"anonymous":true,"facilitatorVotes":false,"scope":{"kind":"ideas"}},
  {"kind":"round.start","roundId":"r2","criterion":"haalbaarheid","budget":3,"maxPerItem":3,
   "durationMs":60000,"anonymous":false,"facilitatorVotes":true,"scope":{"kind":"top","roundId":"r1","n":5}},
  {"kind":"round.start","roundId":"r3","criterion":"impact","budget":1,"maxPerItem":1,
   "durationMs":null,"anonymous":true,"facilitatorVotes":false,"scope":{"kind":"lanes","laneIds":["l1"]}},
  {"kind":"vote.add","roundId":"r1","itemId":"c1"},
  {"kind":"vote.remove","roundId":"r1","itemId":"c1"},
  {"kind":"vote.done","roundId":"r1","done":true},
  {"kind":"round.close","roundId":"r1"},
  {"kind":"round.cancel","roundId":"r1"},
  {"kind":"round.reopen","roundId":"r1"},
  {"kind":"round.paper","roundId":"r1","label":"Tafel 3","votes":{"c1":4,"g1":0}},
  {"kind":"improvements.rounds","roundIds":[]},
  {"kind":"improvement.update","itemId":"c1","owner":"","status":"in_progress"},
  {"kind":"screen.pin","stageId":"prepare"},
  {"kind":"screen.pin","stageId":null}
])");

op_error rejects(const json& j) {
    auto result = decode_operation(j);
    REQUIRE(std::holds_alternative<op_error>(result));
    return std::get<op_error>(result);
}

json with(json j, const std::string& field, json value) {
    j[field] = std::move(value);
    return j;
}

}  // namespace

TEST_CASE("P-MSG-1 every facilitation, voting and improvement kind decodes and encodes back", "[model]") {
    for (const auto& example : examples) {
        INFO(example.dump());
        auto result = decode_operation(example);
        REQUIRE(std::holds_alternative<operation>(result));
        CHECK(encode_operation(std::get<operation>(result)) == example);
        CHECK(kind_name(std::get<operation>(result)) == example["kind"].get<std::string>());
    }
}

TEST_CASE("P-MSG-1 the new kinds are strict and name the field", "[model]") {
    CHECK(rejects(with(examples[3], "x", 1)).message == "unknown field \"op.x\"");
    CHECK(rejects(json{{"kind", "stage.update"}, {"stageId", "a"}}).message ==
          "op: needs title or instruction");
    auto e = rejects(with(examples[2], "durationMs", 999));
    CHECK((e.code == "invalid" && e.message == "op.durationMs: must be at least 1000"));
    e = rejects(with(examples[7], "locked", "yes"));
    CHECK((e.code == "bad_message" && e.message == "op.locked: must be a boolean, not a string"));
    e = rejects(json{{"kind", "focus.set"}, {"journeyId", nullptr}, {"phaseId", "p1"}});
    CHECK((e.code == "invalid" && e.message == "op.phaseId: must be null when journeyId is null"));
    CHECK(rejects(json{{"kind", "focus.set"}, {"journeyId", nullptr}}).message == "op.phaseId: missing");
    e = rejects(with(examples[11], "role", "screen"));
    CHECK((e.code == "invalid" && e.message == "op.role: must be one of participant, facilitator"));
    e = rejects(with(examples[14], "cardIds", {"c1"}));
    CHECK((e.code == "invalid" && e.message == "op.cardIds: must hold 2 to 50 ids"));
    e = rejects(with(examples[14], "cardIds", {"c1", "c1"}));
    CHECK(e.message == "op.cardIds[1]: id \"c1\" given twice");
    e = rejects(with(examples[18], "maxPerItem", 6));
    CHECK((e.code == "invalid" && e.message == "op.maxPerItem: must be at most budget"));
    e = rejects(with(examples[18], "durationMs", 9999));
    CHECK(e.message == "op.durationMs: must be at least 10000");
    e = rejects(with(examples[18], "scope", {{"kind", "lanes"}}));
    CHECK((e.code == "bad_message" && e.message == "op.scope.laneIds: missing"));
    e = rejects(with(examples[18], "scope", {{"kind", "ideas"}, {"laneIds", {"l1"}}}));
    CHECK(e.message == "unknown field \"op.scope.laneIds\"");
    e = rejects(with(examples[18], "scope", {{"kind", "best"}}));
    CHECK(e.message == "op.scope.kind: must be one of ideas, lanes, phases, cards, top");
    e = rejects(with(examples[18], "criterion", std::string(81, 'x')));
    CHECK(e.message == "op.criterion: longer than 80 characters");
    e = rejects(with(examples[27], "votes", {{"c1", 1001}}));
    CHECK((e.code == "invalid" && e.message == "op.votes.c1: must be at most 1000"));
    e = rejects(with(examples[27], "votes", {{"c 1", 1}}));
    CHECK(e.code == "invalid");
    e = rejects(with(examples[28], "roundIds", json::array({"r1", "r2", "r3", "r4", "r5", "r6", "r7",
                                                            "r8", "r9", "r10", "r11", "r12", "r13", "r14",
                                                            "r15", "r16", "r17", "r18", "r19", "r20", "r21"})));
    CHECK(e.message == "op.roundIds: must hold 0 to 20 ids");
    CHECK(rejects(json{{"kind", "improvement.update"}, {"itemId", "c1"}}).message == "op: needs owner or status");
    e = rejects(with(examples[29], "status", "klaar"));
    CHECK(e.message == "op.status: must be one of open, planned, in_progress, done, dropped");
}

TEST_CASE("P-MSG-1 P-FAC-10 screen.pin needs a stage id or null, and nothing else", "[model]") {
    CHECK(rejects(json{{"kind", "screen.pin"}}).message == "op.stageId: missing");
    auto e = rejects(json{{"kind", "screen.pin"}, {"stageId", "a b"}});
    CHECK(e.code == "invalid");
    e = rejects(json{{"kind", "screen.pin"}, {"stageId", nullptr}, {"journeyId", "j1"}});
    CHECK(e.message == "unknown field \"op.journeyId\"");
}

TEST_CASE("P-FAC-6 only the log may carry card.add's private flag", "[model]") {
    const json add = json::parse(R"({"kind":"card.add","cardId":"c1","journeyId":"j1","phaseId":"p1",
        "laneId":"l1","text":"t","color":"yellow","orderKey":"a0","private":true})");
    CHECK(rejects(add).message == "unknown field \"op.private\"");
    auto logged = decode_operation(add, true);
    REQUIRE(std::holds_alternative<operation>(logged));
    CHECK(std::get<card_add>(std::get<operation>(logged)).private_card);
    CHECK(encode_operation(std::get<operation>(logged)) == add);
}
