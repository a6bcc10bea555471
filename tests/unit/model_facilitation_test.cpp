// The facilitator's controls and who sees what (protocol.md P-FAC-*, P-VOTE-6): stages, the
// timer, the lock, private writing and its reveal, focus, anonymity, hidden vote events, and
// boards stored before any of this existed.
#include "model/board.hpp"

#include "session_fixture.hpp"

using namespace jb::test_session;

namespace {

const json* card_in(const json& doc, const std::string& id) {
    for (const auto& c : doc["cards"])
        if (c["id"] == id) return &c;
    return nullptr;
}

const viewer as_alice{"alice", role::participant}, as_bram{"bram", role::participant},
    as_fran{"fran", role::facilitator}, as_screen{"", role::screen};

}  // namespace

TEST_CASE("P-FAC-1 the default stages, set and edited by the facilitator", "[model][fac]") {
    board b = session_board();
    const auto& f = b.state().facilitation;
    std::vector<std::string> ids;
    for (const auto& s : f.stages) ids.push_back(s.id);
    CHECK(ids == std::vector<std::string>{"prepare", "map", "ideas", "vote", "results", "evaluate"});
    CHECK(f.stage_id == "prepare");
    CHECK(f.stages[1].title == "Klantreis in kaart brengen");
    accept(b, stage_set{"ideas"}, fran);
    accept(b, stage_update{"ideas", std::nullopt, std::string("Eén idee per kaart.")}, fran);
    CHECK(b.state().facilitation.stage_id == "ideas");
    CHECK(b.state().facilitation.stages[2].instruction == "Eén idee per kaart.");
    refuse(b, stage_set{"nope"}, fran, "not_found");
    refuse(b, stage_set{"map"}, alice, "forbidden");
}

TEST_CASE("P-FAC-2 the timer: set, start, pause, add, reset on the server's clock", "[model][fac]") {
    board b = session_board();
    const auto& t = b.state().facilitation.timer;
    accept(b, timer_set{60'000}, fran);
    CHECK((t.duration_ms == 60'000 && t.remaining_ms == 60'000 && !t.ends_at));
    refuse(b, timer_pause{}, fran, "conflict");
    accept(b, timer_start{}, at(fran, 100'000));
    CHECK(t.ends_at == 160'000);
    refuse(b, timer_start{}, fran, "conflict");
    accept(b, timer_add{60'000}, at(fran, 110'000));
    CHECK((t.ends_at == 220'000 && t.duration_ms == 120'000));
    accept(b, timer_pause{}, at(fran, 130'000));
    CHECK((!t.ends_at && t.remaining_ms == 90'000));
    accept(b, timer_add{1'000}, fran);
    CHECK(t.remaining_ms == 91'000);
    accept(b, timer_start{}, at(fran, 200'000));
    CHECK(t.ends_at == 291'000);
    accept(b, timer_reset{}, fran);
    CHECK((!t.ends_at && t.remaining_ms == 121'000));
    accept(b, timer_start{}, at(fran, 300'000));
    accept(b, timer_pause{}, at(fran, 999'000));  // ran out: nothing left
    CHECK(t.remaining_ms == 0);
    refuse(b, timer_start{}, fran, "conflict");
}

TEST_CASE("P-FAC-4 a locked board refuses participants' edits but not the facilitator's or votes",
          "[model][fac]") {
    board b = session_board();
    accept(b, idea("c1"), alice);
    accept(b, start_round("r1"), fran);
    accept(b, board_lock{true}, fran);
    refuse(b, idea("c2"), alice, "locked");
    refuse(b, card_update{"c1", std::string("x"), std::nullopt}, alice, "locked");
    accept(b, idea("c3"), fran);
    accept(b, vote_add{"r1", "c1"}, alice);
    accept(b, board_lock{false}, fran);
    accept(b, idea("c2"), alice);
}

TEST_CASE("P-FAC-6 private writing: only the author sees and acts on the card until the reveal",
          "[model][fac]") {
    board b = session_board();
    accept(b, writing_private{true}, fran);
    const auto added = accept(b, idea("c1", "p1", "l1"), alice);  // a touchpoint: not anonymous
    accept(b, idea("f1", "p1", "l1"), fran);                       // a facilitator's is not private
    CHECK(b.find_card("c1")->private_card);
    CHECK(!b.find_card("f1")->private_card);
    CHECK(added.visibility.only_for == "alice");
    CHECK(b.to_json()["facilitation"]["privateCount"] == 1);

    CHECK(card_in(b.view_for(as_alice), "c1"));
    CHECK(!card_in(b.view_for(as_bram), "c1"));
    CHECK(!card_in(b.view_for(as_fran), "c1"));
    CHECK(b.view_for(as_bram)["facilitation"]["privateCount"] == 1);
    refuse(b, card_update{"c1", std::string("x"), std::nullopt}, bram, "not_found");
    refuse(b, card_delete{"c1"}, fran, "not_found");
    const auto edited = accept(b, card_update{"c1", std::string("mijn idee"), std::nullopt}, alice);
    CHECK(edited.visibility.only_for == "alice");
    // A hidden event tells others only its seq and time.
    const json body{{"seq", 7}, {"at", 1}, {"by", "alice"}, {"op", {{"kind", "card.update"}}}};
    CHECK(render_event(body, edited.visibility, as_bram) ==
          json{{"seq", 7}, {"at", 1}, {"op", {{"kind", "hidden"}}}});
    CHECK(render_event(body, edited.visibility, as_alice) == body);

    // The reveal's patch brings the card to everyone, and the count down to zero (P-SYNC-9).
    const auto revealed = accept(b, writing_private{false}, fran);
    const json seen = patch_for(revealed.changes, as_bram, true);
    REQUIRE(seen["cards"].size() == 1);
    CHECK(seen["cards"][0]["id"] == "c1");
    CHECK(!seen["cards"][0].contains("private"));  // no longer private: left out (P-SYNC-9)
    CHECK(seen["facilitation"]["privateCount"] == 0);
    CHECK(!seen.contains("removed"));
    CHECK(card_in(b.view_for(as_bram), "c1"));
    accept(b, card_update{"c1", std::string("x"), std::nullopt}, bram);
}

TEST_CASE("P-FAC-6 a phase or lane that holds only private cards is not empty, and the refusal says why",
          "[model][fac]") {
    board b = session_board();
    accept(b, writing_private{true}, fran);
    accept(b, idea("c1", "p2", "l1"), alice);
    accept(b, idea("c2", "p2", "l1", "a1"), bram);
    CHECK(refuse(b, phase_delete{"p2"}, fran, "conflict").message ==
          "op.phaseId: phase \"p2\" still holds 2 cards (2 private, not revealed yet)");
    accept(b, writing_private{false}, fran);
    CHECK(refuse(b, phase_delete{"p2"}, fran, "conflict").message ==
          "op.phaseId: phase \"p2\" still holds 2 cards");
}

TEST_CASE("P-FAC-6 P-FAC-8 adding and deleting a private card tells everyone the new privateCount",
          "[model][fac]") {
    board b = session_board();
    accept(b, writing_private{true}, fran);
    const auto first = accept(b, idea("c1", "p1", "l1"), alice);
    CHECK(patch_for(first.changes, as_bram, false) == json{{"facilitation", first.changes.upserts["facilitation"]}});
    CHECK(first.changes.upserts["facilitation"]["privateCount"] == 1);
    const auto second = accept(b, idea("c2"), bram);
    // A facilitator's card is not private: the count stays, its patch holds the card alone.
    const auto by_fran = accept(b, idea("f1"), fran);
    CHECK(!by_fran.changes.upserts.contains("facilitation"));
    CHECK(!record_in(patch_for(by_fran.changes, as_bram, true), "cards", "f1").contains("private"));
    json body{{"seq", 5}, {"at", 1}, {"by", "bram"}, {"op", encode_operation(operation(idea("c2")))}};
    body["op"]["private"] = true;
    const json hidden{{"seq", 5}, {"at", 1}, {"op", {{"kind", "hidden"}}}};
    CHECK(render_event(body, second.visibility, as_alice) == hidden);
    CHECK(render_event(body, second.visibility, as_fran) == hidden);
    CHECK(render_event(body, second.visibility, as_screen) == hidden);
    CHECK(render_event(body, second.visibility, as_bram) == body);
    // The count reaches everyone in the patch, the hidden form's too (P-SYNC-9).
    CHECK(patch_for(second.changes, as_alice, false) ==
          json{{"facilitation", second.changes.upserts["facilitation"]}});
    CHECK(second.changes.upserts["facilitation"]["privateCount"] == 2);
    // An edit changes no count: its hidden form stays bare.
    const auto edited = accept(b, card_update{"c2", std::string("x"), std::nullopt}, bram);
    CHECK(patch_for(edited.changes, as_alice, false).is_null());
    const auto deleted = accept(b, card_delete{"c1"}, alice);
    CHECK(patch_for(deleted.changes, as_bram, false) == json{{"facilitation", deleted.changes.upserts["facilitation"]}});
    CHECK(patch_for(deleted.changes, as_bram, false)["facilitation"]["privateCount"] == 1);
    CHECK(!accept(b, card_delete{"f1"}, fran).changes.upserts.contains("facilitation"));
}

TEST_CASE("P-FAC-6 a private card is not a round's item", "[model][fac]") {
    board b = session_board();
    accept(b, idea("c1"), alice);
    accept(b, writing_private{true}, fran);
    accept(b, idea("c2"), bram);
    accept(b, start_round("r1"), fran);
    CHECK(b.state().find_round("r1")->items == std::vector<std::string>{"c1"});
    accept(b, round_cancel{"r1"}, fran);
    refuse(b, start_round("r2", round_scope{scope_kind::cards, {"c2"}, "", 0}), fran, "not_found");
}

TEST_CASE("P-FAC-6 a private card cannot be grouped or linked, even by its author", "[model][fac]") {
    board b = session_board();
    accept(b, idea("shared"), alice);
    accept(b, idea("pain", "p1", "l5"), alice);
    accept(b, idea("g1a"), alice);
    accept(b, idea("g1b"), alice);
    accept(b, group_add{"g1", "Samen", {"g1a", "g1b"}}, alice);
    accept(b, writing_private{true}, fran);
    accept(b, idea("mine"), alice);
    accept(b, idea("mine2"), alice);
    accept(b, idea("my-pain", "p1", "l5"), alice);
    refuse(b, group_add{"g2", "Geheim", {"mine", "mine2"}}, alice, "conflict");
    refuse(b, group_add{"g3", "Half", {"shared", "mine"}}, alice, "conflict");
    refuse(b, card_group{"mine", "g1"}, alice, "conflict");
    refuse(b, card_link{"mine", std::string("pain")}, alice, "conflict");
    refuse(b, card_link{"shared", std::string("my-pain")}, alice, "conflict");
    // Revealed, they take part like any card.
    accept(b, writing_private{false}, fran);
    accept(b, group_add{"g2", "Nu samen", {"mine", "mine2"}}, alice);
    accept(b, card_link{"shared", std::string("my-pain")}, alice);
}

TEST_CASE("P-FAC-9 authorship of pain points and ideas is hidden from everyone but the author",
          "[model][fac]") {
    board b = session_board();
    const auto idea_added = accept(b, idea("c1"), alice);             // idea lane
    const auto touch_added = accept(b, idea("t1", "p1", "l1"), alice);  // touchpoint lane
    CHECK(idea_added.visibility.anonymous_author == "alice");
    CHECK(!touch_added.visibility.anonymous_author);
    for (const auto& v : {as_bram, as_fran, as_screen}) {
        const json doc = b.view_for(v);
        CHECK(!card_in(doc, "c1")->contains("authorId"));
        CHECK(card_in(doc, "t1")->at("authorId") == "alice");
    }
    CHECK(card_in(b.view_for(as_alice), "c1")->at("authorId") == "alice");

    const json body{{"seq", 1}, {"at", 1}, {"by", "alice"}, {"op", {{"kind", "card.add"}}}};
    CHECK(render_event(body, idea_added.visibility, as_bram) ==
          json{{"seq", 1}, {"at", 1}, {"op", {{"kind", "card.add"}}}});
    CHECK(render_event(body, idea_added.visibility, as_alice) == body);
    // One serialisation per form: everyone but the author shares the anonymous one.
    CHECK(render_key(body, idea_added.visibility, as_bram) == "anonymous");
    CHECK(render_key(body, idea_added.visibility, as_screen) == "anonymous");
    CHECK(render_key(body, idea_added.visibility, as_alice) == "whole");
    // Someone else's edit of the card: hidden from others, whole for the author and the editor.
    const auto edit = accept(b, card_update{"c1", std::string("x"), std::nullopt}, bram);
    json by_bram = body;
    by_bram["by"] = "bram";
    CHECK(render_event(by_bram, edit.visibility, as_bram) == by_bram);
    CHECK(render_event(by_bram, edit.visibility, as_alice) == by_bram);
    CHECK(!render_event(by_bram, edit.visibility, as_fran).contains("by"));

    accept(b, settings_update{anonymity::none}, fran);
    CHECK(card_in(b.view_for(as_bram), "c1")->at("authorId") == "alice");
    accept(b, settings_update{anonymity::all}, fran);
    CHECK(!card_in(b.view_for(as_bram), "t1")->contains("authorId"));
}

TEST_CASE("P-FAC-9 revealed private cards keep their author hidden where anonymous", "[model][fac]") {
    board b = session_board();
    accept(b, writing_private{true}, fran);
    accept(b, idea("c1"), alice);
    const auto revealed = accept(b, writing_private{false}, fran);
    // The patch carries the revealed card (P-SYNC-9), its author only for the author.
    CHECK(!patch_for(revealed.changes, as_bram, true)["cards"][0].contains("authorId"));
    CHECK(patch_for(revealed.changes, as_alice, true)["cards"][0]["authorId"] == "alice");
    CHECK_FALSE(patch_for(revealed.changes, as_bram, true)["cards"][0].contains("private"));  // false: left out
}

TEST_CASE("P-VOTE-6 votes are hidden from everyone but the voter, snapshots show only one's own",
          "[model][vote]") {
    board b = session_board();
    accept(b, idea("c1"), alice);
    accept(b, start_round("r1"), fran);
    const auto voted = accept(b, vote_add{"r1", "c1"}, alice);
    CHECK(voted.visibility.only_for == "alice");
    CHECK(accept(b, vote_done{"r1", true}, alice).visibility.only_for == "alice");
    CHECK(b.view_for(as_alice)["rounds"][0]["myVotes"] == json{{"c1", 1}});
    CHECK(b.view_for(as_bram)["rounds"][0]["myVotes"] == json::object());
    CHECK(b.view_for(as_screen)["rounds"][0]["myVotes"] == json::object());
    CHECK(!b.view_for(as_fran)["rounds"][0].contains("ballots"));
}

TEST_CASE("P-VOTE-5 each viewer's round says whether they vote in it", "[model][vote]") {
    board b = session_board();
    accept(b, idea("c1"), alice);
    accept(b, start_round("r1"), fran);
    CHECK(b.view_for(as_alice)["rounds"][0]["mayVote"] == true);
    CHECK(b.view_for(as_fran)["rounds"][0]["mayVote"] == false);
    CHECK(b.view_for(as_screen)["rounds"][0]["mayVote"] == false);
    accept(b, round_close{"r1"}, fran);
    auto with_facilitators = start_round("r2");
    with_facilitators.facilitator_votes = true;
    accept(b, with_facilitators, fran);
    const json fran_view = b.view_for(as_fran);
    CHECK(record_in(fran_view, "rounds", "r2").at("mayVote") == true);
    CHECK(record_in(b.view_for(as_screen), "rounds", "r2").at("mayVote") == false);
}

TEST_CASE("P-FAC-7 focus follows the facilitator and forgets deleted places", "[model][fac]") {
    board b = session_board();
    accept(b, focus_set{std::string("j1"), std::string("p2")}, fran);
    CHECK(b.to_json()["facilitation"]["focus"] == json{{"journeyId", "j1"}, {"phaseId", "p2"}});
    refuse(b, focus_set{std::string("j1"), std::string("nope")}, fran, "not_found");
    accept(b, phase_delete{"p2"}, fran);
    CHECK(b.to_json()["facilitation"]["focus"] == json{{"journeyId", "j1"}, {"phaseId", nullptr}});
    accept(b, focus_set{std::nullopt, std::nullopt}, fran);
    CHECK(b.to_json()["facilitation"]["focus"].is_null());
}

TEST_CASE("P-FAC-10 the facilitator pins a stage on the big screen, everyone sees it, it is stored",
          "[model][fac]") {
    board b = session_board();
    CHECK_FALSE(b.to_json()["facilitation"].contains("screenPin"));  // following the stage
    refuse(b, screen_pin{std::string("prepare")}, alice, "forbidden");
    refuse(b, screen_pin{std::string("prepare")}, screen, "forbidden");
    refuse(b, screen_pin{std::string("nope")}, fran, "not_found");
    const auto pinned = accept(b, screen_pin{std::string("prepare")}, fran);
    CHECK(pinned.visibility.same_for_everyone());  // the event reaches everyone whole
    accept(b, stage_set{"map"}, fran);
    CHECK(b.state().facilitation.screen_pin == std::optional<std::string>("prepare"));
    for (const auto& v : {as_alice, as_fran, as_screen})
        CHECK(b.view_for(v)["facilitation"]["screenPin"] == "prepare");
    const board loaded = board::from_json(b.to_json());
    CHECK(loaded.state().facilitation.screen_pin == std::optional<std::string>("prepare"));
    accept(b, screen_pin{std::nullopt}, fran);
    CHECK_FALSE(b.state().facilitation.screen_pin);
    CHECK_FALSE(b.to_json()["facilitation"].contains("screenPin"));
}

TEST_CASE("a board stored before facilitation existed loads with the defaults", "[model][fac]") {
    board b = session_board();
    accept(b, idea("c1"), alice);
    json old = b.to_json();
    for (const char* field : {"facilitation", "groups", "rounds", "improvements"}) old.erase(field);
    for (auto& c : old["cards"])
        for (const char* field : {"groupId", "linkedTo", "private"}) c.erase(field);
    const board loaded = board::from_json(old);
    json expected = session_board().to_json();
    expected["cards"] = b.to_json()["cards"];
    CHECK(loaded.to_json() == expected);
    CHECK(loaded.state().facilitation.stage_id == "prepare");
    CHECK(loaded.state().facilitation.timer.duration_ms == 300'000);
}
