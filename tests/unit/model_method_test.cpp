// The journey method on the board (protocol.md P-METH-*, P-EVAL-*): a touchpoint's channel,
// scores and their tallies, the evaluation poll, who may do what, what each viewer sees, and
// the stored form's round trip.
#include "model/board.hpp"

#include "session_fixture.hpp"

using namespace jb::test_session;

namespace {

const viewer as_alice{"alice", role::participant}, as_bram{"bram", role::participant},
    as_fran{"fran", role::facilitator}, as_screen{"", role::screen};

op_error rejects(const json& j) {
    auto result = decode_operation(j);
    REQUIRE(std::holds_alternative<op_error>(result));
    return std::get<op_error>(result);
}

operation decodes(const json& j) {
    auto result = decode_operation(j);
    if (auto* e = std::get_if<op_error>(&result)) FAIL(e->code << " " << e->message);
    return std::get<operation>(result);
}

json with(json j, const std::string& field, json value) {
    j[field] = std::move(value);
    return j;
}

json without(json j, const std::string& field) {
    j.erase(field);
    return j;
}

// The default board with touchpoint cards t1, t2 (phase p1, lane l1) and t3 (p2), an idea c1.
board method_board() {
    board b = session_board();
    accept(b, idea("t1", "p1", "l1", "a0"), alice);
    accept(b, idea("t2", "p1", "l1", "a1"), bram);
    accept(b, idea("t3", "p2", "l1"), alice);
    accept(b, idea("c1"), alice);
    return b;
}

score_set score(score_scale s, std::string target, std::optional<std::int64_t> value) {
    return score_set{s, std::move(target), value};
}

const json* score_entry(const json& doc, const std::string& scale, const std::string& target) {
    for (const auto& e : doc["scores"])
        if (e["scale"] == scale && e["targetId"] == target) return &e;
    return nullptr;
}

// The tally of score `id` ("<scale>:<targetId>") as the patch of `a` shows it to bram, without
// bram's own score (P-SYNC-9); null when the patch removes it, as it does once nobody scores.
json tally_seen(const applied& a, const std::string& id) {
    const json p = patch_for(a.changes, as_bram, true);
    json r = record_in(p, "scores", id);
    if (r.is_null()) {
        CHECK(p["removed"]["scores"] == json{id});
        return nullptr;
    }
    r.erase("mine");
    return r;
}

// The evaluation as the patch of `a` shows it to a facilitator: the count and the responses.
json evaluation_seen(const applied& a) { return patch_for(a.changes, as_fran, true).at("evaluation"); }

// The event body as the room keeps it (protocol::event_body): since protocol 4 without the
// sender's tab and without the effect, which the patch carries (P-SYNC-9, P-SYNC-11).
json body_of(const applied&, const operation& op, const std::string& by) {
    return json{{"seq", 9}, {"at", 1}, {"by", by}, {"op", encode_operation(op)}};
}

}  // namespace

TEST_CASE("P-MSG-1 P-METH-1 P-METH-2 P-EVAL-1 the method's operations decode and encode back",
          "[model][method]") {
    const json examples = json::parse(R"([
      {"kind":"card.add","cardId":"c1","journeyId":"j1","phaseId":"p1","laneId":"l1","text":"",
       "color":"blue","orderKey":"a0","channel":"desk"},
      {"kind":"card.update","cardId":"c1","channel":"email"},
      {"kind":"card.update","cardId":"c1","channel":null},
      {"kind":"score.set","scale":"current","targetId":"c1","value":-2},
      {"kind":"score.set","scale":"desired","targetId":"c1","value":2},
      {"kind":"score.set","scale":"expected","targetId":"p1","value":5},
      {"kind":"score.set","scale":"experienced","targetId":"p1","value":null},
      {"kind":"evaluation.open","open":true},
      {"kind":"evaluation.submit","rating":4,"remarks":"Goed.\nMeer tijd graag."},
      {"kind":"evaluation.submit","rating":1,"remarks":""},
      {"kind":"evaluation.show","responseId":"r2","shown":true}
    ])");
    for (const auto& example : examples) {
        INFO(example.dump());
        const operation op = decodes(example);
        CHECK(encode_operation(op) == example);
        CHECK(kind_name(op) == example["kind"].get<std::string>());
    }
    // A card.add with a null channel is the card.add without one.
    const json add = examples[0];
    CHECK(encode_operation(decodes(with(add, "channel", nullptr))) == without(add, "channel"));
    CHECK(std::get<card_add>(decodes(add)).channel == channel_kind::desk);
    const auto cleared = std::get<card_update>(decodes(examples[2])).channel;
    CHECK((cleared.has_value() && !cleared->has_value()));
    CHECK(!std::get<card_update>(decodes(json{{"kind", "card.update"}, {"cardId", "c1"}, {"text", ""}})).channel);
    for (auto c : {channel_kind::website, channel_kind::phone, channel_kind::desk, channel_kind::letter,
                   channel_kind::email, channel_kind::app, channel_kind::other})
        CHECK(parse_channel(to_string(c)) == c);
}

TEST_CASE("P-MSG-1 the method's operations are strict and name the field", "[model][method]") {
    const json emotion{{"kind", "score.set"}, {"scale", "current"}, {"targetId", "t1"}, {"value", 1}};
    const json gap{{"kind", "score.set"}, {"scale", "expected"}, {"targetId", "p1"}, {"value", 3}};
    const json submit{{"kind", "evaluation.submit"}, {"rating", 3}, {"remarks", ""}};
    auto e = rejects(with(emotion, "value", 3));
    CHECK((e.code == "invalid" && e.message == "op.value: must be at most 2"));
    e = rejects(with(emotion, "value", -3));
    CHECK((e.code == "invalid" && e.message == "op.value: must be at least -2"));
    e = rejects(with(gap, "value", 0));
    CHECK((e.code == "invalid" && e.message == "op.value: must be at least 1"));
    CHECK(rejects(with(gap, "value", 6)).message == "op.value: must be at most 5");
    e = rejects(with(gap, "value", "3"));
    CHECK((e.code == "bad_message" && e.message == "op.value: must be an integer, not a string"));
    e = rejects(with(gap, "value", 2.5));
    CHECK(e.code == "bad_message");
    e = rejects(without(gap, "value"));
    CHECK((e.code == "bad_message" && e.message == "op.value: missing"));
    e = rejects(with(gap, "scale", "mood"));
    CHECK((e.code == "invalid" && e.message == "op.scale: must be one of current, desired, expected, experienced"));
    CHECK(rejects(with(gap, "targetId", "p 1")).message == "op.targetId: must match ^[A-Za-z0-9_-]{1,64}$");
    CHECK(rejects(with(gap, "by", "alice")).message == "unknown field \"op.by\"");

    e = rejects(with(submit, "rating", 0));
    CHECK((e.code == "invalid" && e.message == "op.rating: must be at least 1"));
    CHECK(rejects(with(submit, "rating", 6)).message == "op.rating: must be at most 5");
    e = rejects(without(submit, "remarks"));
    CHECK((e.code == "bad_message" && e.message == "op.remarks: missing"));
    e = rejects(with(submit, "remarks", std::string(2001, 'x')));
    CHECK((e.code == "invalid" && e.message == "op.remarks: longer than 2000 characters"));
    CHECK(rejects(with(submit, "remarks", "bel\a")).code == "invalid");
    decodes(with(submit, "remarks", std::string(2000, 'x')));
    e = rejects(json{{"kind", "evaluation.open"}, {"open", 1}});
    CHECK((e.code == "bad_message" && e.message == "op.open: must be a boolean, not a number"));
    const json show{{"kind", "evaluation.show"}, {"responseId", "r1"}, {"shown", true}};
    e = rejects(without(show, "shown"));
    CHECK((e.code == "bad_message" && e.message == "op.shown: missing"));
    CHECK(rejects(with(show, "shown", "yes")).message == "op.shown: must be a boolean, not a string");
    CHECK(rejects(with(show, "responseId", "r 1")).message == "op.responseId: must match ^[A-Za-z0-9_-]{1,64}$");
    CHECK(rejects(with(show, "remarks", "x")).message == "unknown field \"op.remarks\"");

    const json add{{"kind", "card.add"}, {"cardId", "c1"}, {"journeyId", "j1"}, {"phaseId", "p1"},
                   {"laneId", "l1"}, {"text", ""}, {"color", "blue"}, {"orderKey", "a0"}};
    e = rejects(with(add, "channel", "fax"));
    CHECK((e.code == "invalid" &&
           e.message == "op.channel: must be one of website, phone, desk, letter, email, app, other, or null"));
    CHECK(rejects(with(add, "channel", 3)).code == "bad_message");
    e = rejects(json{{"kind", "card.update"}, {"cardId", "c1"}});
    CHECK((e.code == "bad_message" && e.message == "op: needs text, color or channel"));
}

TEST_CASE("P-METH-1 a card's channel is set on add, changed and cleared by update, kept by a move",
          "[model][method]") {
    board b = session_board();
    card_add add = idea("t1", "p1", "l1");
    add.channel = channel_kind::phone;
    accept(b, add, alice);
    CHECK(b.find_card("t1")->channel == channel_kind::phone);
    card_update update{"t1", std::nullopt, std::nullopt, std::optional<channel_kind>(channel_kind::website)};
    accept(b, update, bram);
    CHECK(b.find_card("t1")->channel == channel_kind::website);
    accept(b, card_update{"t1", std::string("Loket"), std::nullopt}, bram);  // no channel: unchanged
    CHECK(b.find_card("t1")->channel == channel_kind::website);
    accept(b, card_move{"t1", "p2", "l6", "a0"}, alice);  // allowed on any card, kept on a move
    CHECK(b.view_for(as_bram)["cards"][0]["channel"] == "website");
    update.channel = std::optional<channel_kind>();
    accept(b, update, alice);
    CHECK(!b.find_card("t1")->channel);
    CHECK_FALSE(b.view_for(as_bram)["cards"][0].contains("channel"));  // cleared: left out (P-SYNC-9)
}

TEST_CASE("P-METH-2 P-ROLE-2 P-FAC-4 who may score and answer: not a screen, locked or not",
          "[model][method]") {
    board b = method_board();
    accept(b, evaluation_open{true}, fran);
    accept(b, board_lock{true}, fran);
    accept(b, score(score_scale::current, "t1", 1), alice);
    accept(b, score(score_scale::expected, "p1", 4), fran);
    accept(b, evaluation_submit{4, ""}, alice);
    accept(b, evaluation_submit{5, "Top"}, fran);
    CHECK(refuse(b, score(score_scale::current, "t1", 1), screen, "forbidden").message ==
          "op.kind: a screen may not do score.set");
    refuse(b, evaluation_submit{3, ""}, screen, "forbidden");
    refuse(b, evaluation_open{false}, alice, "forbidden");
    refuse(b, evaluation_open{false}, screen, "forbidden");
    accept(b, evaluation_open{false}, fran);
    CHECK(refuse(b, evaluation_submit{3, ""}, bram, "conflict").message == "op: the evaluation poll is closed");
    refuse(b, evaluation_submit{3, ""}, fran, "conflict");
}

TEST_CASE("P-METH-2 score targets: touchpoint cards for emotion, also phases for expectation and experience",
          "[model][method]") {
    board b = method_board();
    accept(b, score(score_scale::current, "t1", -2), alice);
    accept(b, score(score_scale::desired, "t1", 2), alice);
    accept(b, score(score_scale::expected, "t1", 5), alice);
    accept(b, score(score_scale::experienced, "p1", 1), alice);
    auto e = refuse(b, score(score_scale::current, "c1", 1), alice, "invalid");
    CHECK(e.message == "op.targetId: card \"c1\" is not in a touchpoint lane");
    refuse(b, score(score_scale::expected, "c1", 1), alice, "invalid");
    e = refuse(b, score(score_scale::desired, "p1", 1), alice, "not_found");
    CHECK(e.message == "op.targetId: no card \"p1\"");
    e = refuse(b, score(score_scale::experienced, "nope", 1), alice, "not_found");
    CHECK(e.message == "op.targetId: no phase or card \"nope\"");

    // A private card: nobody else knows it; its author scores it after the reveal.
    accept(b, writing_private{true}, fran);
    accept(b, idea("t9", "p1", "l1", "a5"), alice);
    refuse(b, score(score_scale::current, "t9", 1), bram, "not_found");
    refuse(b, score(score_scale::current, "t9", 1), alice, "conflict");
    accept(b, writing_private{false}, fran);
    accept(b, score(score_scale::current, "t9", 1), bram);
}

TEST_CASE("P-METH-2 P-METH-3 scoring again replaces, null removes, the tally counts scorers per value",
          "[model][method]") {
    board b = method_board();
    auto a = accept(b, score(score_scale::current, "t1", 2), alice);
    CHECK(tally_seen(a, "current:t1") == json{{"scale", "current"}, {"targetId", "t1"}, {"counts", {0, 0, 0, 0, 1}}});
    a = accept(b, score(score_scale::current, "t1", -1), bram);
    CHECK(tally_seen(a, "current:t1")["counts"] == json{0, 1, 0, 0, 1});
    CHECK(record_in(patch_for(a.changes, as_bram, true), "scores", "current:t1")["mine"] == -1);
    a = accept(b, score(score_scale::current, "t1", -1), alice);  // again: replaces
    CHECK(tally_seen(a, "current:t1")["counts"] == json{0, 2, 0, 0, 0});
    a = accept(b, score(score_scale::expected, "p1", 1), alice);
    CHECK(tally_seen(a, "expected:p1") == json{{"scale", "expected"}, {"targetId", "p1"}, {"counts", {1, 0, 0, 0, 0}}});
    a = accept(b, score(score_scale::expected, "p1", 5), fran);
    CHECK(tally_seen(a, "expected:p1")["counts"] == json{1, 0, 0, 0, 1});
    a = accept(b, score(score_scale::current, "t1", std::nullopt), bram);
    CHECK(tally_seen(a, "current:t1")["counts"] == json{0, 1, 0, 0, 0});
    a = accept(b, score(score_scale::current, "t1", std::nullopt), alice);
    CHECK(tally_seen(a, "current:t1").is_null());  // nobody scores it: the patch removes it
    CHECK(!b.state().scores.contains({score_scale::current, "t1"}));  // no score: no entry
    a = accept(b, score(score_scale::current, "t1", std::nullopt), alice);  // nothing to remove
    CHECK(tally_seen(a, "current:t1").is_null());
    CHECK(b.state().scores.size() == 1);
}

TEST_CASE("P-METH-2 one participant on two connections is one scorer", "[model][method]") {
    // The room gives both connections the participant's id; the board keys scores by it.
    board b = method_board();
    const op_context tab1 = at(alice, 7000), tab2 = at(alice, 7001);
    accept(b, score(score_scale::desired, "t2", 1), tab1);
    const auto a = accept(b, score(score_scale::desired, "t2", 2), tab2);
    CHECK(tally_seen(a, "desired:t2")["counts"] == json{0, 0, 0, 0, 1});
    CHECK(b.state().scores.at({score_scale::desired, "t2"}) == score_values{{"alice", 2}});
}

TEST_CASE("P-METH-2 deleting a card or a phase removes its scores, a move keeps them", "[model][method]") {
    board b = method_board();
    accept(b, score(score_scale::current, "t1", 1), alice);
    accept(b, score(score_scale::expected, "t1", 2), alice);
    accept(b, score(score_scale::current, "t3", 1), alice);
    accept(b, score(score_scale::experienced, "p4", 3), bram);
    accept(b, score(score_scale::experienced, "p5", 3), bram);
    accept(b, card_move{"t3", "p3", "l2", "a0"}, alice);
    CHECK(b.state().scores.contains({score_scale::current, "t3"}));
    accept(b, card_delete{"t1"}, bram);
    CHECK(!b.state().scores.contains({score_scale::current, "t1"}));
    CHECK(!b.state().scores.contains({score_scale::expected, "t1"}));
    accept(b, phase_delete{"p4"}, fran);
    CHECK(!b.state().scores.contains({score_scale::experienced, "p4"}));
    CHECK(b.state().scores.size() == 2);  // t3 and p5
    board::from_json(b.to_json());       // and the stored form still loads

    // A journey's phases go with it.
    accept(b, journey_add{"j2", "Tweede", "a1", target_group::inwoner}, fran);
    accept(b, phase_add{"j2", "q1", "Fase", "a0"}, fran);
    accept(b, score(score_scale::expected, "q1", 4), alice);
    accept(b, journey_delete{"j2"}, fran);
    CHECK(!b.state().scores.contains({score_scale::expected, "q1"}));
    board::from_json(b.to_json());
}

TEST_CASE("P-METH-3 a score event is whole for its sender, others get the tally without value or sender",
          "[model][method]") {
    board b = method_board();
    accept(b, score(score_scale::current, "t1", 2), bram);
    const operation op = score(score_scale::current, "t1", -2);
    const auto a = accept(b, op, alice);
    const json body = body_of(a, op, "alice");
    CHECK(render_event(body, a.visibility, as_alice) == body);
    const json others{{"seq", 9}, {"at", 1},
                      {"op", {{"kind", "score.set"}, {"scale", "current"}, {"targetId", "t1"}}}};
    for (const auto& v : {as_bram, as_fran, as_screen}) {
        CHECK(render_event(body, a.visibility, v) == others);
        CHECK(render_key(body, a.visibility, v) == "answer");
        // The tally reaches them in the patch, without anyone's value (P-SYNC-9).
        const auto patch = patch_for(a.changes, v, sees_event(a.visibility, v));
        CHECK(patch["scores"][0]["counts"] == json{1, 0, 0, 0, 1});
        CHECK(patch["scores"][0]["mine"] == (v.participant_id == "bram" ? json(2) : json(nullptr)));
    }
    CHECK(render_key(body, a.visibility, as_alice) == "whole");
}

TEST_CASE("P-METH-4 the board state's scores: counts and the viewer's own value, sorted, stored values",
          "[model][method]") {
    board b = method_board();
    accept(b, score(score_scale::experienced, "p1", 2), alice);
    accept(b, score(score_scale::current, "t2", 0), alice);
    accept(b, score(score_scale::current, "t1", 1), bram);
    accept(b, score(score_scale::current, "t1", -2), alice);
    accept(b, score(score_scale::desired, "t1", 2), fran);
    const json alice_view = b.view_for(as_alice)["scores"];
    CHECK(alice_view == json::parse(R"([
      {"scale":"current","targetId":"t1","counts":[1,0,0,1,0],"mine":-2},
      {"scale":"current","targetId":"t2","counts":[0,0,1,0,0],"mine":0},
      {"scale":"desired","targetId":"t1","counts":[0,0,0,0,1],"mine":null},
      {"scale":"experienced","targetId":"p1","counts":[0,1,0,0,0],"mine":2}
    ])"));
    CHECK(*score_entry(b.view_for(as_fran), "desired", "t1") ==
          json{{"scale", "desired"}, {"targetId", "t1"}, {"counts", {0, 0, 0, 0, 1}}, {"mine", 2}});
    const json screen_view = b.view_for(as_screen);  // kept: the loop below walks into it
    for (const auto& e : screen_view["scores"]) CHECK(e["mine"] == nullptr);
    CHECK(b.to_json()["scores"][0] ==
          json{{"scale", "current"}, {"targetId", "t1"}, {"values", {{"alice", -2}, {"bram", 1}}}});
}

TEST_CASE("P-EVAL-1 P-EVAL-2 responses get r1, r2 in order of first submission, again replaces in place",
          "[model][method]") {
    board b = method_board();
    refuse(b, evaluation_submit{4, ""}, alice, "conflict");  // closed by default
    CHECK(!b.state().evaluation.open);
    accept(b, evaluation_open{true}, fran);
    const auto response = [](std::string id, int rating, std::string remarks) {
        return json{{"id", std::move(id)}, {"rating", rating}, {"remarks", std::move(remarks)}};
    };
    auto a = accept(b, evaluation_submit{4, "Leerzaam"}, bram);
    CHECK(evaluation_seen(a)["count"] == 1);
    CHECK(evaluation_seen(a)["responses"] == json::array({response("r1", 4, "Leerzaam")}));  // json{x} is x itself under clang
    a = accept(b, evaluation_submit{2, "Te lang"}, at(alice, 8000));
    CHECK(evaluation_seen(a)["count"] == 2);
    CHECK(evaluation_seen(a)["responses"] == json{response("r1", 4, "Leerzaam"), response("r2", 2, "Te lang")});
    a = accept(b, evaluation_submit{5, "Toch goed\nDank"}, at(bram, 9000));
    CHECK(evaluation_seen(a)["count"] == 2);
    CHECK(evaluation_seen(a)["responses"][0] == response("r1", 5, "Toch goed\nDank"));
    CHECK(patch_for(a.changes, as_bram, true)["evaluation"]["mine"] == json{{"rating", 5}, {"remarks", "Toch goed\nDank"}});
    const auto& responses = b.state().evaluation.responses;
    REQUIRE(responses.size() == 2);
    CHECK((responses[0].id == "r1" && responses[0].participant_id == "bram" && responses[0].rating == 5 &&
           responses[0].remarks == "Toch goed\nDank" && responses[0].at == 9000));
    CHECK((responses[1].id == "r2" && responses[1].participant_id == "alice"));
    accept(b, evaluation_open{false}, fran);
    accept(b, evaluation_open{true}, fran);  // reopening keeps the responses
    a = accept(b, evaluation_submit{3, ""}, fran);
    CHECK(evaluation_seen(a)["count"] == 3);
    CHECK(evaluation_seen(a)["responses"][2] == response("r3", 3, ""));
}

TEST_CASE("P-EVAL-2 an evaluation event: whole for its sender, without sender for facilitators, hidden with its patch for others",
          "[model][method]") {
    board b = method_board();
    accept(b, evaluation_open{true}, fran);
    const operation op = evaluation_submit{4, "Fijne dag"};
    const auto a = accept(b, op, alice);
    const json body = body_of(a, op, "alice");
    CHECK(render_event(body, a.visibility, as_alice) == body);
    json for_facilitator = body;
    for_facilitator.erase("by");
    CHECK(render_event(body, a.visibility, as_fran) == for_facilitator);
    const json hidden{{"seq", 9}, {"at", 1}, {"op", {{"kind", "hidden"}}}};
    // The count reaches the others in the hidden form's patch (P-EVAL-1, P-SYNC-9).
    CHECK(patch_for(a.changes, as_bram, false)["evaluation"]["count"] == 1);
    CHECK(patch_for(a.changes, as_bram, false)["evaluation"]["summary"] ==
          json::parse(R"({"ratings":[0,0,0,1,0],"average":4.0,"shown":[]})"));
    CHECK(patch_for(a.changes, as_bram, false)["evaluation"]["responses"] == json::array());
    CHECK(render_event(body, a.visibility, as_bram) == hidden);
    CHECK(render_event(body, a.visibility, as_screen) == hidden);
    CHECK(render_key(body, a.visibility, as_bram) == "hidden");
    CHECK(render_key(body, a.visibility, as_fran) == "anonymous");
    CHECK(render_key(body, a.visibility, as_alice) == "whole");
    // A facilitator's own response is whole for them, hidden for participants.
    const operation mine = evaluation_submit{5, ""};
    const auto f = accept(b, mine, fran);
    const json fbody = body_of(f, mine, "fran");
    CHECK(render_event(fbody, f.visibility, as_fran) == fbody);
    CHECK(render_event(fbody, f.visibility, as_alice)["op"] == json{{"kind", "hidden"}});
}

TEST_CASE("P-EVAL-3 the board state's evaluation: responses for facilitators, one's own for everyone",
          "[model][method]") {
    board b = method_board();
    CHECK(b.view_for(as_alice)["evaluation"] ==
          json::parse(R"({"open":false,"count":0,"mine":null,"responses":[],
              "summary":{"ratings":[0,0,0,0,0],"average":null,"shown":[]}})"));
    accept(b, evaluation_open{true}, fran);
    accept(b, evaluation_submit{2, "Kort"}, at(bram, 7000));
    accept(b, evaluation_submit{4, ""}, at(alice, 7100));
    const json summary = json::parse(R"({"ratings":[0,1,0,1,0],"average":3.0,"shown":[]})");
    CHECK(b.view_for(as_alice)["evaluation"] ==
          json{{"open", true}, {"count", 2}, {"mine", {{"rating", 4}, {"remarks", ""}}},
               {"responses", json::array()}, {"summary", summary}});
    CHECK(b.view_for(as_screen)["evaluation"] ==
          json{{"open", true}, {"count", 2}, {"mine", nullptr}, {"responses", json::array()}, {"summary", summary}});
    CHECK(b.view_for(as_fran)["evaluation"] == json{{"open", true}, {"count", 2}, {"mine", nullptr},
        {"responses", json::parse(R"([{"id":"r1","rating":2,"remarks":"Kort"},{"id":"r2","rating":4,"remarks":""}])")},
        {"summary", summary}});
    CHECK(b.to_json()["evaluation"] == json::parse(R"({"open":true,"responses":[
        {"id":"r1","participantId":"bram","rating":2,"remarks":"Kort","at":7000},
        {"id":"r2","participantId":"alice","rating":4,"remarks":"","at":7100}]})"));
}

TEST_CASE("P-EVAL-4 the summary: ratings per value, the average to one decimal, the remarks a facilitator shows",
          "[model][method]") {
    board b = method_board();
    accept(b, evaluation_open{true}, fran);
    accept(b, evaluation_submit{5, "Heel leerzaam"}, bram);
    accept(b, evaluation_submit{4, "  \n "}, alice);
    auto a = accept(b, evaluation_submit{4, "Meer pauzes"}, fran);
    CHECK(evaluation_seen(a)["summary"] == json::parse(R"({"ratings":[0,0,0,2,1],"average":4.3,"shown":[]})"));

    // Only a facilitator chooses; the response must exist and say something.
    refuse(b, evaluation_show{"r1", true}, bram, "forbidden");
    refuse(b, evaluation_show{"r1", true}, screen, "forbidden");
    CHECK(refuse(b, evaluation_show{"r9", true}, fran, "not_found").message == "op.responseId: no response \"r9\"");
    CHECK(refuse(b, evaluation_show{"r2", true}, fran, "invalid").message ==
          "op.responseId: response \"r2\" has no remarks");
    a = accept(b, evaluation_show{"r3", true}, fran);
    a = accept(b, evaluation_show{"r1", true}, fran);
    const json both = json::parse(R"([{"id":"r1","remarks":"Heel leerzaam"},{"id":"r3","remarks":"Meer pauzes"}])");
    CHECK(patch_for(a.changes, as_screen, true)["evaluation"]["summary"] ==
          json{{"ratings", {0, 0, 0, 2, 1}}, {"average", 4.3}, {"shown", both}});
    CHECK(a.visibility.same_for_everyone());
    CHECK(b.view_for(as_screen)["evaluation"]["summary"]["shown"] == both);
    CHECK(b.view_for(as_alice)["evaluation"]["summary"]["shown"] == both);
    accept(b, evaluation_show{"r1", true}, fran);  // again: no change, no error

    // New remarks leave the screen (the facilitator chose the old ones); a new rating alone does not.
    a = accept(b, evaluation_submit{3, "Meer pauzes"}, fran);
    CHECK(evaluation_seen(a)["summary"]["shown"].size() == 2);
    a = accept(b, evaluation_submit{5, "Iets heel anders"}, bram);
    CHECK(evaluation_seen(a)["summary"]["shown"] == json::parse(R"([{"id":"r3","remarks":"Meer pauzes"}])"));
    a = accept(b, evaluation_show{"r3", false}, fran);
    CHECK(evaluation_seen(a)["summary"]["shown"] == json::array());
    accept(b, evaluation_show{"r2", false}, fran);  // taking off what is not shown: nothing to do

    // A projector shows at most three beside the chart.
    accept(b, evaluation_submit{1, "Vier"}, op_context{"dirk", role::participant, 9000});
    for (const char* id : {"r1", "r3", "r4"}) accept(b, evaluation_show{id, true}, fran);
    accept(b, evaluation_submit{2, "Nog meer"}, op_context{"eva", role::participant, 9100});
    CHECK(refuse(b, evaluation_show{"r5", true}, fran, "limit").message ==
          "op.shown: the big screen already shows 3 remarks");
    accept(b, evaluation_show{"r4", false}, fran);
    // Chosen while the poll is open or after it closed.
    accept(b, evaluation_open{false}, fran);
    accept(b, evaluation_show{"r5", true}, fran);

    // Stored with the responses, only where set; and read back.
    const json doc = b.to_json();
    CHECK(doc["evaluation"]["responses"][0]["shown"] == true);
    CHECK(!doc["evaluation"]["responses"][1].contains("shown"));
    CHECK(board::from_json(doc).view_for(as_screen) == b.view_for(as_screen));
}

TEST_CASE("P-METH-4 P-EVAL-3 channels, scores and responses survive the stored document", "[model][method][store]") {
    board b = method_board();
    card_update channel{"t1", std::nullopt, std::nullopt, std::optional<channel_kind>(channel_kind::letter)};
    accept(b, channel, alice);
    accept(b, score(score_scale::current, "t1", -1), alice);
    accept(b, score(score_scale::expected, "p2", 3), bram);
    accept(b, evaluation_open{true}, fran);
    accept(b, evaluation_submit{5, "Één ding: 🙂"}, bram);
    const json doc = b.to_json();
    board back = board::from_json(doc);
    CHECK(back.to_json() == doc);
    CHECK(back.find_card("t1")->channel == channel_kind::letter);
    CHECK(back.view_for(as_bram) == b.view_for(as_bram));
    // The next response after a reload is still numbered on.
    accept(back, evaluation_submit{1, ""}, alice);
    CHECK(back.state().evaluation.responses.back().id == "r2");
}

TEST_CASE("P-METH-4 P-EVAL-3 a board stored before the method existed loads with its defaults",
          "[model][method][store]") {
    board b = method_board();
    json doc = b.to_json();
    doc.erase("scores");
    doc.erase("evaluation");
    for (auto& c : doc["cards"]) c.erase("channel");
    const board old = board::from_json(doc);
    CHECK(old.state().scores.empty());
    CHECK(!old.state().evaluation.open);
    CHECK(old.state().evaluation.responses.empty());
    CHECK(!old.find_card("t1")->channel);
    const json view = old.view_for(as_alice);
    CHECK(view["scores"] == json::array());
    CHECK_FALSE(view["cards"][0].contains("channel"));  // null: left out at its default (P-SYNC-9)
    CHECK(view["evaluation"]["responses"] == json::array());
    CHECK(view["evaluation"]["summary"] == json::parse(R"({"ratings":[0,0,0,0,0],"average":null,"shown":[]})"));
}

TEST_CASE("P-METH-4 P-EVAL-3 a malformed stored method state is refused with the field named",
          "[model][method][store]") {
    board b = method_board();
    accept(b, score(score_scale::current, "t1", -1), alice);
    accept(b, evaluation_open{true}, fran);
    accept(b, evaluation_submit{5, ""}, bram);
    const json good = b.to_json();
    const auto fails = [&](const std::function<void(json&)>& spoil, const std::string& message) {
        json doc = good;
        spoil(doc);
        INFO(message);
        CHECK_THROWS_WITH(board::from_json(doc), "board document: " + message);
    };
    fails([](json& d) { d["scores"][0]["values"]["alice"] = 3; }, "scores[0].values.alice: must be at most 2");
    fails([](json& d) { d["scores"][0]["scale"] = "mood"; },
          "scores[0].scale: must be one of current, desired, expected, experienced");
    fails([](json& d) { d["scores"][0]["targetId"] = "gone"; }, "scores[0].targetId: no phase or card \"gone\"");
    fails([](json& d) { d["scores"][0]["extra"] = 1; }, "unknown field \"scores[0].extra\"");
    fails([](json& d) { d["scores"].push_back(d["scores"][0]); },
          "scores[1]: out of order or given twice (sorted by scale, then targetId)");
    fails([](json& d) { d["scores"].insert(d["scores"].begin(), json{{"scale", "experienced"},
                                            {"targetId", "p1"}, {"values", {{"bram", 2}}}}); },
          "scores[1]: out of order or given twice (sorted by scale, then targetId)");
    fails([](json& d) { d["scores"] = json::object(); }, "scores: must be an array");
    fails([](json& d) { d["scores"][0]["values"] = json::object(); }, "scores[0].values: holds no score");
    fails([](json& d) { d["scores"][0]["values"] = {{"a b", 1}}; }, "scores[0].values: \"a b\" is not a participant id");
    fails([](json& d) { d["evaluation"]["responses"][0]["rating"] = 0; },
          "evaluation.responses[0].rating: must be at least 1");
    fails([](json& d) { d["evaluation"]["responses"][0]["id"] = "r7"; },
          "evaluation.responses[0].id: must be \"r1\"");
    fails([](json& d) { d["evaluation"]["responses"][0].erase("participantId"); },
          "evaluation.responses[0].participantId: missing");
    fails([](json& d) { d["evaluation"].erase("open"); }, "evaluation.open: missing");
    fails([](json& d) { d["evaluation"]["responses"][0]["shown"] = 1; },
          "evaluation.responses[0].shown: must be a boolean, not a number");
    fails([](json& d) { d["evaluation"]["count"] = 1; }, "unknown field \"evaluation.count\"");
    fails([](json& d) { d["cards"][0]["channel"] = "fax"; },
          "cards[0].channel: must be one of website, phone, desk, letter, email, app, other, or null");
}
