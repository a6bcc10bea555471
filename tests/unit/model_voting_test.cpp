// Voting rounds (protocol.md P-VOTE-*): budget, cap, the same voter from two connections,
// ranking with ties and the documented tie order, cancel and re-open, paper votes, the top-N
// scope, round timers, grouping during a round.
#include "model/board.hpp"

#include "session_fixture.hpp"

using namespace jb::test_session;

namespace {

// Ideas c1 (p2), c2 (p1), c3 (p1, after c2), and a pain point k1 (p1).
board ideas_board() {
    board b = session_board();
    accept(b, idea("c1", "p2"), alice);
    accept(b, idea("c2", "p1", "l6", "a0"), alice);
    accept(b, idea("c3", "p1", "l6", "a1"), bram);
    accept(b, idea("k1", "p1", "l5"), bram);
    return b;
}

const viewer as_alice{"alice", role::participant};

// The round as a participant's patch of `a` shows it (P-SYNC-9).
json round_seen(const applied& a, const std::string& id) {
    const json r = record_in(patch_for(a.changes, as_alice, true), "rounds", id);
    REQUIRE(!r.is_null());
    return r;
}

const voting_round& round_of(const board& b, const std::string& id) {
    const voting_round* r = b.state().find_round(id);
    REQUIRE(r);
    return *r;
}

}  // namespace

TEST_CASE("P-VOTE-2 a round's items are the idea cards in board order, a group once", "[model][vote]") {
    board b = ideas_board();
    accept(b, group_add{"g1", "Samen", {"c3", "c1"}}, alice);
    const auto done = accept(b, start_round("r1"), fran);
    // Board order: p1 before p2; c2 (a0) before c3 (a1); the group sorts as c3, its first card.
    CHECK(round_of(b, "r1").items == std::vector<std::string>{"c2", "g1"});
    CHECK(round_seen(done, "r1")["items"] == json{"c2", "g1"});
    CHECK(round_of(b, "r1").number == 1);
    CHECK(round_of(b, "r1").started_at == fran.at);
}

TEST_CASE("P-VOTE-2 scopes by lanes, phases and hand-picked cards, an empty scope is invalid", "[model][vote]") {
    board b = ideas_board();
    accept(b, start_round("r1", round_scope{scope_kind::lanes, {"l5"}, "", 0}), fran);
    CHECK(round_of(b, "r1").items == std::vector<std::string>{"k1"});
    accept(b, round_cancel{"r1"}, fran);
    accept(b, start_round("r2", round_scope{scope_kind::phases, {"p2"}, "", 0}), fran);
    CHECK(round_of(b, "r2").items == std::vector<std::string>{"c1"});
    accept(b, round_cancel{"r2"}, fran);
    accept(b, start_round("r3", round_scope{scope_kind::cards, {"c3", "k1"}, "", 0}), fran);
    CHECK(round_of(b, "r3").items == std::vector<std::string>{"k1", "c3"});  // lane l5 before l6
    accept(b, round_cancel{"r3"}, fran);
    refuse(b, start_round("r4", round_scope{scope_kind::phases, {"p3"}, "", 0}), fran, "invalid");
    refuse(b, start_round("r4", round_scope{scope_kind::lanes, {"nope"}, "", 0}), fran, "not_found");
    refuse(b, start_round("r4", round_scope{scope_kind::cards, {"nope"}, "", 0}), fran, "not_found");
    refuse(b, start_round("r1"), fran, "conflict");  // the id is taken
}

TEST_CASE("P-VOTE-1 one open round at a time", "[model][vote]") {
    board b = ideas_board();
    accept(b, start_round("r1"), fran);
    refuse(b, start_round("r2"), fran, "conflict");
    accept(b, round_close{"r1"}, fran);
    accept(b, start_round("r2"), fran);
}

TEST_CASE("P-VOTE-5 the budget and the per-item cap hold", "[model][vote]") {
    board b = ideas_board();
    accept(b, start_round("r1", {}, 3, 2), fran);
    accept(b, vote_add{"r1", "c1"}, alice);
    accept(b, vote_add{"r1", "c1"}, alice);
    refuse(b, vote_add{"r1", "c1"}, alice, "limit");  // cap 2
    accept(b, vote_add{"r1", "c2"}, alice);
    refuse(b, vote_add{"r1", "c3"}, alice, "limit");  // budget 3
    accept(b, vote_remove{"r1", "c1"}, alice);
    accept(b, vote_add{"r1", "c3"}, alice);
    CHECK(round_of(b, "r1").used_by("alice") == 3);
    // Bram's budget is his own.
    accept(b, vote_add{"r1", "c1"}, bram);
    refuse(b, vote_remove{"r1", "c2"}, bram, "conflict");
    refuse(b, vote_add{"r1", "k1"}, bram, "not_found");  // not an item
}

TEST_CASE("P-VOTE-5 the same participant voting from two connections, interleaved, keeps the budget",
          "[model][vote]") {
    board b = ideas_board();
    accept(b, start_round("r1", {}, 4, 2), fran);
    // Two tabs of alice send without waiting for each other; the room applies one at a time.
    const op_context tab1 = alice, tab2 = at(alice, 5001);
    const std::vector<std::pair<const op_context*, std::string>> sends{
        {&tab1, "c1"}, {&tab2, "c1"}, {&tab1, "c1"}, {&tab2, "c2"},
        {&tab1, "c2"}, {&tab2, "c3"}, {&tab1, "c3"}, {&tab2, "c2"}};
    int accepted = 0;
    for (const auto& [ctx, item] : sends) {
        operation op = vote_add{"r1", item};
        if (!b.check(op, *ctx)) {
            b.apply(op, *ctx);
            ++accepted;
        }
    }
    CHECK(accepted == 4);
    const auto& ballot = round_of(b, "r1").ballots.at("alice");
    CHECK(ballot.at("c1") == 2);
    for (const auto& [item, n] : ballot) CHECK(n <= 2);
    CHECK(round_of(b, "r1").used_by("alice") == 4);
}

TEST_CASE("P-VOTE-5 facilitators vote only when the round says so, screens never", "[model][vote]") {
    board b = ideas_board();
    accept(b, start_round("r1"), fran);
    refuse(b, vote_add{"r1", "c1"}, fran, "forbidden");
    refuse(b, vote_add{"r1", "c1"}, screen, "forbidden");
    accept(b, round_cancel{"r1"}, fran);
    auto with_facilitator = start_round("r2");
    with_facilitator.facilitator_votes = true;
    accept(b, with_facilitator, fran);
    accept(b, vote_add{"r2", "c1"}, fran);
    refuse(b, vote_add{"r2", "c1"}, screen, "forbidden");
}

TEST_CASE("P-VOTE-8 ranking: votes descending, ties share a rank in board order, zero votes ranked",
          "[model][vote]") {
    board b = ideas_board();
    accept(b, idea("c4", "p3"), alice);
    accept(b, start_round("r1", {}, 5, 2), fran);  // items: c2, c3 (p1), c1 (p2), c4 (p3)
    accept(b, vote_add{"r1", "c4"}, alice);
    accept(b, vote_add{"r1", "c4"}, alice);
    accept(b, vote_add{"r1", "c1"}, alice);
    accept(b, vote_add{"r1", "c3"}, bram);
    const auto done = accept(b, round_close{"r1"}, fran);
    const auto& r = round_of(b, "r1");
    REQUIRE(r.result);
    CHECK(r.result->voters == 2);
    std::vector<std::tuple<std::string, std::int64_t, bool, std::int64_t>> got;
    for (const auto& e : r.result->ranking) got.emplace_back(e.item_id, e.rank, e.tied, e.votes);
    using row = std::tuple<std::string, std::int64_t, bool, std::int64_t>;
    CHECK(got == std::vector<row>{{"c4", 1, false, 2}, {"c3", 2, true, 1}, {"c1", 2, true, 1},
                                  {"c2", 4, false, 0}});
    const json ranking = round_seen(done, "r1")["result"]["ranking"];
    CHECK(ranking[1]["itemId"] == "c3");
    CHECK(ranking[1]["rank"] == 2);
    CHECK(!ranking[0].contains("voterIds"));  // anonymous round
    // Closed: votes are frozen.
    refuse(b, vote_add{"r1", "c2"}, alice, "conflict");
}

TEST_CASE("P-VOTE-8 a round that is not anonymous names the voters of each item", "[model][vote]") {
    board b = ideas_board();
    auto open = start_round("r1");
    open.anonymous = false;
    accept(b, open, fran);
    accept(b, vote_add{"r1", "c1"}, bram);
    accept(b, vote_add{"r1", "c1"}, alice);
    const auto done = accept(b, round_close{"r1"}, fran);
    CHECK(round_seen(done, "r1")["result"]["ranking"][0]["voterIds"] == json{"alice", "bram"});
}

TEST_CASE("P-VOTE-9 paper votes add to the digital ones, per label, and re-rank a closed round",
          "[model][vote]") {
    board b = ideas_board();
    accept(b, start_round("r1"), fran);
    accept(b, vote_add{"r1", "c1"}, alice);
    accept(b, round_paper{"r1", "Tafel 3", {{"c2", 2}}}, fran);
    accept(b, round_close{"r1"}, fran);
    CHECK(round_of(b, "r1").result->ranking[0].item_id == "c2");
    CHECK(round_of(b, "r1").result->ranking[0].paper == 2);
    // Replacing the label's votes on a closed round recomputes and reports the result.
    const auto done = accept(b, round_paper{"r1", "Tafel 3", {{"c1", 1}}}, fran);
    const json first = round_seen(done, "r1")["result"]["ranking"][0];
    CHECK(first["itemId"] == "c1");
    CHECK(first["votes"] == 2);
    CHECK(round_of(b, "r1").paper.size() == 1);
    accept(b, round_paper{"r1", "Tafel 3", {}}, fran);  // removes the label
    CHECK(round_of(b, "r1").paper.empty());
    refuse(b, round_paper{"r1", "Tafel 4", {{"k1", 1}}}, fran, "not_found");
    accept(b, round_cancel{"r1"}, fran);
    refuse(b, round_paper{"r1", "Tafel 3", {{"c1", 1}}}, fran, "conflict");
}

TEST_CASE("P-VOTE-11 cancel discards the votes, re-open restores an open round", "[model][vote]") {
    board b = ideas_board();
    accept(b, start_round("r1"), fran);
    accept(b, vote_add{"r1", "c1"}, alice);
    accept(b, round_paper{"r1", "Tafel 1", {{"c2", 3}}}, fran);
    accept(b, round_close{"r1"}, fran);
    accept(b, round_reopen{"r1"}, fran);  // a closed round keeps its votes
    CHECK(round_of(b, "r1").used_by("alice") == 1);
    CHECK(!round_of(b, "r1").result);
    accept(b, round_cancel{"r1"}, fran);
    CHECK(round_of(b, "r1").status == round_status::cancelled);
    CHECK(round_of(b, "r1").ballots.empty());
    CHECK(round_of(b, "r1").paper.empty());
    refuse(b, round_cancel{"r1"}, fran, "conflict");
    accept(b, start_round("r2"), fran);
    refuse(b, round_reopen{"r1"}, fran, "conflict");  // r2 is open
    accept(b, round_close{"r2"}, fran);
    accept(b, round_reopen{"r1"}, fran);
    CHECK(round_of(b, "r1").status == round_status::open);
    accept(b, vote_add{"r1", "c1"}, alice);
}

TEST_CASE("P-VOTE-5 after a re-open, an item deleted since the close takes no new votes", "[model][vote]") {
    board b = ideas_board();
    accept(b, start_round("r1"), fran);
    accept(b, vote_add{"r1", "c1"}, alice);
    accept(b, round_close{"r1"}, fran);
    accept(b, card_delete{"c1"}, alice);  // allowed: r1 is closed
    accept(b, round_reopen{"r1"}, fran);
    refuse(b, vote_add{"r1", "c1"}, bram, "not_found");
    refuse(b, round_paper{"r1", "Tafel 1", {{"c1", 2}}}, fran, "not_found");
    accept(b, vote_remove{"r1", "c1"}, alice);  // a vote on it can still be taken back
    accept(b, vote_add{"r1", "c2"}, bram);      // the items still on the board take votes
    accept(b, round_paper{"r1", "Tafel 1", {{"c2", 2}, {"c1", 0}}}, fran);
}

TEST_CASE("P-VOTE-2 a round on the top N of a closed round includes ties at the cut", "[model][vote]") {
    board b = ideas_board();
    accept(b, start_round("r1", {}, 3, 2), fran);
    accept(b, vote_add{"r1", "c1"}, alice);
    accept(b, vote_add{"r1", "c1"}, alice);
    accept(b, vote_add{"r1", "c2"}, bram);
    accept(b, vote_add{"r1", "c3"}, bram);
    refuse(b, start_round("r2", round_scope{scope_kind::top, {}, "r1", 2}), fran, "conflict");  // r1 open
    accept(b, round_close{"r1"}, fran);
    accept(b, start_round("r2", round_scope{scope_kind::top, {}, "r1", 2}), fran);
    // c1 (2), then c2 and c3 tied at rank 2: the cut after two includes both (in board order).
    CHECK(round_of(b, "r2").items == std::vector<std::string>{"c2", "c3", "c1"});
    accept(b, round_cancel{"r2"}, fran);
    accept(b, start_round("r3", round_scope{scope_kind::top, {}, "r1", 1}), fran);
    CHECK(round_of(b, "r3").items == std::vector<std::string>{"c1"});
}

TEST_CASE("P-VOTE-10 a round with a time limit ends at start plus duration, re-open restarts it",
          "[model][vote]") {
    board b = ideas_board();
    auto timed = start_round("r1");
    timed.duration_ms = 60'000;
    accept(b, timed, at(fran, 10'000));
    CHECK(round_of(b, "r1").ends_at == 70'000);
    accept(b, round_close{"r1"}, op_context{"", role::facilitator, 70'000});  // the server itself
    CHECK(round_of(b, "r1").closed_at == 70'000);
    accept(b, round_reopen{"r1"}, at(fran, 100'000));
    CHECK(round_of(b, "r1").ends_at == 160'000);
}

TEST_CASE("P-VOTE-3 grouping changes and deletes of an open round's items are conflicts", "[model][vote]") {
    board b = ideas_board();
    accept(b, group_add{"g1", "Samen", {"c2", "c3"}}, alice);
    accept(b, start_round("r1", round_scope{scope_kind::cards, {"c2", "c1"}, "", 0}), fran);
    refuse(b, card_ungroup{"c2"}, alice, "conflict");
    refuse(b, card_delete{"c3"}, alice, "conflict");  // in a group that is an item
    refuse(b, card_delete{"c1"}, alice, "conflict");
    refuse(b, group_add{"g2", "Nieuw", {"c1", "k1"}}, alice, "conflict");
    accept(b, card_update{"c1", std::string("nieuwe tekst"), std::nullopt}, alice);
    accept(b, group_update{"g1", "Andere titel"}, alice);
    accept(b, round_close{"r1"}, fran);
    accept(b, card_ungroup{"c2"}, alice);
    CHECK(!b.state().groups.contains("g1"));  // one card left: the group goes
    CHECK(!b.find_card("c3")->group_id);
}

TEST_CASE("P-VOTE-4 groups: one journey, no card twice, ids shared with cards", "[model][vote]") {
    board b = ideas_board();
    refuse(b, group_add{"c1", "Zelfde id", {"c2", "c3"}}, alice, "conflict");
    accept(b, group_add{"g1", "Samen", {"c2", "c3"}}, alice);
    refuse(b, group_add{"g2", "Nog eens", {"c1", "c2"}}, alice, "conflict");
    refuse(b, card_group{"c2", "g1"}, alice, "conflict");
    refuse(b, card_group{"c1", "nope"}, alice, "not_found");
    accept(b, card_group{"c1", "g1"}, alice);
    accept(b, card_delete{"c1"}, alice);
    accept(b, card_delete{"c2"}, alice);
    CHECK(!b.state().groups.contains("g1"));
    CHECK(!b.find_card("c3")->group_id);
}

TEST_CASE("P-IMP-2 an idea links to a pain point of its journey, deleting the target unlinks", "[model][imp]") {
    board b = ideas_board();
    refuse(b, card_link{"k1", std::string("c1")}, alice, "invalid");  // k1 is not an idea
    refuse(b, card_link{"c1", std::string("c2")}, alice, "invalid");  // c2 is not a pain point
    accept(b, card_link{"c1", std::string("k1")}, bram);
    CHECK(b.find_card("c1")->linked_to == "k1");
    accept(b, card_delete{"k1"}, bram);
    CHECK(!b.find_card("c1")->linked_to);
}

TEST_CASE("P-IMP-1 P-IMP-3 the improvement list takes closed rounds, owner and status", "[model][imp]") {
    board b = ideas_board();
    accept(b, start_round("r1"), fran);
    refuse(b, improvements_rounds{{"r1"}}, fran, "conflict");
    refuse(b, improvement_update{"k1", std::string("Team"), std::nullopt}, fran, "not_found");
    accept(b, round_close{"r1"}, fran);
    accept(b, improvements_rounds{{"r1"}}, fran);
    accept(b, improvement_update{"c1", std::string("Team Vergunningen"), improvement_status::planned}, fran);
    const json doc = b.view_for({"alice", role::participant});
    CHECK(doc["improvements"] == json{{"roundIds", {"r1"}},
                                      {"items", {{{"itemId", "c1"}, {"owner", "Team Vergunningen"},
                                                  {"status", "planned"}}}}});
}

TEST_CASE("P-VOTE-12 rounds, votes and results survive a trip through the stored document", "[model][vote]") {
    board b = ideas_board();
    accept(b, start_round("r1"), fran);
    accept(b, vote_add{"r1", "c1"}, alice);
    accept(b, round_paper{"r1", "Tafel 2", {{"c2", 1}}}, fran);
    accept(b, round_close{"r1"}, fran);
    auto open = start_round("r2");
    open.duration_ms = 30'000;
    accept(b, open, fran);
    accept(b, vote_add{"r2", "c2"}, bram);
    accept(b, vote_done{"r2", true}, bram);
    const json doc = b.to_json();
    const board copy = board::from_json(doc);
    CHECK(copy.to_json() == doc);
    CHECK(copy.state().find_round("r2")->done.contains("bram"));
    CHECK(copy.state().find_round("r2")->ends_at == fran.at + 30'000);
}

TEST_CASE("P-IMP-5 the board names the round closed last, in the snapshot and the patches", "[model][vote]") {
    board b = ideas_board();
    CHECK(b.view_for(as_alice)["improvementList"]["latestRoundId"] == nullptr);
    accept(b, start_round("r1"), fran);
    const auto first = accept(b, round_close{"r1"}, at(fran, 7000));
    CHECK(patch_for(first.changes, as_alice, true)["improvementList"]["latestRoundId"] == "r1");
    accept(b, start_round("r2"), fran);
    accept(b, round_close{"r2"}, at(fran, 7000));  // closed at the same moment: the higher number
    CHECK(b.view_for(as_alice)["improvementList"]["latestRoundId"] == "r2");
    accept(b, improvements_rounds{{"r1"}}, fran);  // the list's rounds are chosen apart from it
    CHECK(b.view_for(as_alice)["improvementList"]["roundIds"] == json{"r1"});
    CHECK(b.view_for(as_alice)["improvementList"]["latestRoundId"] == "r2");
    const auto cancelled = accept(b, round_cancel{"r2"}, fran);
    CHECK(patch_for(cancelled.changes, as_alice, true)["improvementList"]["latestRoundId"] == "r1");
    const auto reopened = accept(b, round_reopen{"r1"}, fran);  // none closed
    CHECK(patch_for(reopened.changes, as_alice, true)["improvementList"] == b.view_for(as_alice)["improvementList"]);
    CHECK(b.view_for(as_alice)["improvementList"]["latestRoundId"] == nullptr);
}
