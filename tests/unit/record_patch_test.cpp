// Events carry results (P-SYNC-9): for every operation of a whole workshop, each viewer's view
// before it plus that viewer's patch is that viewer's view after it; and the digest (P-SYNC-10)
// is the same on both sides and tells different boards apart.
#include "model/record_patch.hpp"
#include "model/digest_cache.hpp"

#include "session_fixture.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <optional>

using namespace jb::test_session;
using nlohmann::json;

namespace {

const char* const collections[] = {"journeys", "cards", "groups", "rounds", "scores"};

bool is_collection(const std::string& section) {
    for (const char* c : collections)
        if (section == c) return true;
    return false;
}

// What a client does with a patch, and nothing more: replace by id, remove by id.
void apply_patch(json& view, const json& patch) {
    for (const auto& [section, value] : patch.items()) {
        if (section == "removed") continue;
        if (!is_collection(section)) {
            view[section] = value;
            continue;
        }
        for (const auto& record : value) {
            auto& list = view[section];
            const auto id = record_id(section, record);
            bool replaced = false;
            for (auto& old : list)
                if (record_id(section, old) == id) old = record, replaced = true;
            if (!replaced) list.push_back(record);
        }
    }
    if (!patch.contains("removed")) return;
    for (const auto& [section, ids] : patch["removed"].items()) {
        auto& list = view[section];
        json kept = json::array();
        for (auto& r : list)
            if (std::find(ids.begin(), ids.end(), record_id(section, r)) == ids.end()) kept.push_back(r);
        list = std::move(kept);
    }
}

// The same records in any order: arrays of records compared by id.
json by_id(json view) {
    for (const char* c : collections) {
        json keyed = json::object();
        for (const auto& r : view[c]) keyed[record_id(c, r)] = r;
        view[c] = std::move(keyed);
    }
    return view;
}

struct watcher {
    viewer who;
    json view;
};

// Applies `op` as `ctx` and checks every watcher's patched view against its fresh view, and the
// room's digest of it (kept from the changed records, P-SYNC-10) against the view's own.
void step(board& b, digest_cache& cache, std::vector<watcher>& watchers, operation op, const op_context& ctx) {
    const std::string name(kind_name(op));
    const auto done = accept(b, std::move(op), ctx);
    cache.update(done.changes);
    const bool one_patch = patch_same_for_everyone(done.changes);
    std::optional<json> first_patch;
    for (auto& w : watchers) {
        const auto patch = patch_for(done.changes, w.who, sees_event(done.visibility, w.who));
        // What the room sends everyone alike must be what each would get on its own.
        if (one_patch && sees_event(done.visibility, w.who)) {
            if (!first_patch) first_patch = patch;
            INFO("one patch for everyone after " << name);
            CHECK(patch == *first_patch);
        }
        if (!patch.is_null()) apply_patch(w.view, patch);
        const auto fresh = b.view_for(w.who);
        INFO("viewer '" << w.who.participant_id << "' after " << name);
        CHECK(by_id(w.view) == by_id(fresh));
        CHECK(board_digest(w.view) == board_digest(fresh));
        CHECK(cache.digest_for(b, w.who) == board_digest(fresh));
        CHECK(digest_cache(b).digest_for(b, w.who) == board_digest(fresh));  // as a reloaded room has it
        w.view = fresh;  // go on from the truth, so one miss is reported once
    }
}

}  // namespace

TEST_CASE("P-SYNC-9 P-SYNC-10 every viewer's patches turn its view into the next one, and the room's digest follows, through a whole workshop",
          "[model][patch]") {
    board b = session_board();
    std::vector<watcher> watchers;
    for (const auto& ctx : {alice, bram, fran, screen})
        watchers.push_back({viewer{ctx.actor_id, ctx.actor_role}, b.view_for(viewer{ctx.actor_id, ctx.actor_role})});
    digest_cache cache(b);

    step(b, cache, watchers, card_add{"t1", "j1", "p1", "l1", "balie", "a0", card_color::blue}, alice);
    step(b, cache, watchers, card_update{"t1", std::string("loket"), std::nullopt, std::nullopt}, alice);
    step(b, cache, watchers, idea("i1"), alice);
    step(b, cache, watchers, idea("i2", "p2"), bram);
    step(b, cache, watchers, card_add{"k1", "j1", "p1", "l5", "wachten", "a0", card_color::pink}, bram);
    step(b, cache, watchers, card_link{"i1", std::string("k1")}, alice);
    step(b, cache, watchers, writing_private{true}, fran);
    step(b, cache, watchers, idea("secret", "p1", "l6", "a5"), alice);  // private to alice
    step(b, cache, watchers, card_update{"secret", std::string("geheim"), std::nullopt, std::nullopt}, alice);
    step(b, cache, watchers, idea("gone", "p1", "l6", "a6"), bram);
    step(b, cache, watchers, card_delete{"gone"}, bram);  // a private card's delete: only the count
    step(b, cache, watchers, writing_private{false}, fran);  // the reveal
    step(b, cache, watchers, card_move{"secret", "p2", "l6", "a1"}, alice);
    step(b, cache, watchers, settings_update{anonymity::none}, fran);  // authors show
    step(b, cache, watchers, settings_update{anonymity::all}, fran);   // authors hide
    step(b, cache, watchers, group_add{"g1", "Samen", {"i2", "secret"}}, fran);
    step(b, cache, watchers, start_round("r1"), fran);
    step(b, cache, watchers, vote_add{"r1", "i1"}, alice);
    step(b, cache, watchers, vote_add{"r1", "g1"}, bram);
    step(b, cache, watchers, vote_remove{"r1", "i1"}, alice);
    step(b, cache, watchers, vote_add{"r1", "g1"}, alice);
    step(b, cache, watchers, vote_done{"r1", true}, alice);
    step(b, cache, watchers, round_close{"r1"}, fran);  // the improvement list appears
    step(b, cache, watchers, improvement_update{"g1", std::string("Piet"), improvement_status::planned}, fran);
    step(b, cache, watchers, card_update{"i2", std::string("beter"), std::nullopt, std::nullopt}, bram);  // a member's text in the list
    step(b, cache, watchers, card_ungroup{"secret"}, fran);  // the group goes, the list changes
    step(b, cache, watchers, score_set{score_scale::current, "t1", 1}, alice);
    step(b, cache, watchers, score_set{score_scale::current, "t1", -2}, bram);
    step(b, cache, watchers, score_set{score_scale::current, "t1", std::nullopt}, alice);
    step(b, cache, watchers, evaluation_open{true}, fran);
    step(b, cache, watchers, evaluation_submit{4, "Goed"}, alice);
    step(b, cache, watchers, evaluation_submit{2, ""}, bram);
    // The room serves bram as a facilitator from this event on (his record's role changes as it
    // applies): the event's patch turns his participant's view into a facilitator's (the
    // evaluation's answers, P-EVAL-3; each round's mayVote, P-VOTE-5).
    watchers[1].who.who = role::facilitator;
    step(b, cache, watchers, participant_role{"bram", role::facilitator}, fran);
    step(b, cache, watchers, lane_update{"l6", std::nullopt, std::nullopt, lane_kind::custom, std::nullopt}, fran);
    // The method's figures (P-METH-5) follow scores, touchpoint cards and their moves.
    step(b, cache, watchers, score_set{score_scale::expected, "p1", 4}, alice);
    step(b, cache, watchers, score_set{score_scale::experienced, "p1", 2}, bram);  // a gap
    step(b, cache, watchers, card_add{"t2", "j1", "p2", "l1", "brief", "a0", card_color::blue}, bram);  // a curve point
    step(b, cache, watchers, card_update{"t2", std::string("mail"), std::nullopt, std::nullopt}, bram);
    step(b, cache, watchers, card_move{"t2", "p1", "l1", "a1"}, bram);  // along the curve
    step(b, cache, watchers, card_move{"t2", "p1", "l6", "a9"}, bram);  // off it
    step(b, cache, watchers, card_delete{"t1"}, alice);  // with its scores
    step(b, cache, watchers, phase_add{"j1", "p6", "Nazorg", "z0"}, fran);
    step(b, cache, watchers, phase_delete{"p6"}, fran);
}

TEST_CASE("P-SYNC-10 the board digest is the shared vector's, and changes with any record", "[model][patch]") {
    std::ifstream in(JB_SOURCE_DIR "/tests/fixtures/digest/board.json");
    REQUIRE(in);
    const json fixture = json::parse(in);
    CHECK(board_digest(fixture.at("board")) == fixture.at("digest").get<std::string>());

    json changed = fixture.at("board");
    changed["cards"][0]["text"] = "anders";
    CHECK(board_digest(changed) != board_digest(fixture.at("board")));
    json reordered = fixture.at("board");
    std::swap(reordered["cards"][0], reordered["cards"][1]);
    CHECK(board_digest(reordered) == board_digest(fixture.at("board")));  // records, not positions
}

TEST_CASE("P-SYNC-9 a card leaves out its fields at their default, in the snapshot and in patches alike",
          "[model][patch]") {
    board b = session_board();
    const viewer as_bram{"bram", role::participant};
    const auto added = accept(b, card_add{"t1", "j1", "p1", "l1", "balie", "a0", card_color::blue}, alice);
    const json plain = patch_for(added.changes, as_bram, true).at("cards").at(0);
    for (const char* key : {"groupId", "linkedTo", "channel", "private"}) {
        INFO(key);
        CHECK_FALSE(plain.contains(key));
        CHECK_FALSE(b.view_for(as_bram).at("cards").at(0).contains(key));
    }
    CHECK(plain.at("authorId") == "alice");  // what is not a default stays

    accept(b, idea("i1"), alice);
    accept(b, card_add{"k1", "j1", "p1", "l5", "wachten", "a0", card_color::pink}, bram);
    const auto linked = accept(b, card_link{"i1", std::string("k1")}, alice);
    CHECK(patch_for(linked.changes, as_bram, true).at("cards").at(0).at("linkedTo") == "k1");
    accept(b, writing_private{true}, fran);
    const auto secret = accept(b, idea("secret", "p1", "l6", "a5"), alice);
    CHECK(patch_for(secret.changes, viewer{"alice", role::participant}, true).at("cards").at(0).at("private") == true);
}

TEST_CASE("P-SYNC-10 in the digest a field left out, null and false are the same", "[model][patch]") {
    json full = {{"cards", {{{"id", "c1"}, {"text", "x"}, {"groupId", nullptr}, {"private", false}}}},
                 {"facilitation", {{"locked", false}, {"focus", nullptr}}}};
    const json slim = {{"cards", {{{"id", "c1"}, {"text", "x"}}}}, {"facilitation", json::object()}};
    CHECK(board_digest(full) == board_digest(slim));
    full["cards"][0]["private"] = true;
    CHECK(board_digest(full) != board_digest(slim));
}
