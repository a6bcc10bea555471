// The presence list and its changes on the wire (protocol P-PRES-3, P-PRES-5 … P-PRES-7).
#include "protocol/presence.hpp"

#include "support/presence_list.hpp"

#include <catch2/catch.hpp>

using nlohmann::json;
using namespace jb;
using namespace jb::protocol;

namespace {

presence_view view_of(std::vector<presence_entry> entries, std::size_t offline = 0) {
    presence_view v;
    for (auto& e : entries) v.entries.emplace(e.number, std::move(e));
    v.offline = offline;
    return v;
}

const presence_entry anna{"p1", "Anna", model::role::facilitator, true, std::string("c1"), std::nullopt, 1};
const presence_entry bob{"p2", "Bob", model::role::participant, false, std::nullopt, voting_progress{2, true}, 2};

}  // namespace

TEST_CASE("P-PRES-3 an entry leaves out editing and voting while null, role and online at their usual values",
          "[protocol]") {
    const presence_entry cleo{"p3", "Cleo", model::role::participant, true, std::nullopt, std::nullopt, 3};
    CHECK(json::parse(encode_presence_list(view_of({anna, bob, cleo}, 3))) ==
          json{{"participants",
                {{{"number", 1}, {"participantId", "p1"}, {"displayName", "Anna"}, {"role", "facilitator"},
                  {"editing", "c1"}},
                 {{"number", 2}, {"participantId", "p2"}, {"displayName", "Bob"}, {"online", false},
                  {"voting", {{"used", 2}, {"done", true}}}},
                 {{"number", 3}, {"participantId", "p3"}, {"displayName", "Cleo"}}}},
               {"offline", 3}});
    CHECK(json::parse(encode_presence_reset(view_of({}))) ==
          json{{"type", "presence"}, {"participants", json::array()}, {"offline", 0}});
}

TEST_CASE("P-PRES-3 a change names by number who joined, what changed of whom, and who left", "[protocol]") {
    CHECK_FALSE(encode_presence_change(view_of({anna, bob}, 1), view_of({anna, bob}, 1)));

    auto anna_done = anna;
    anna_done.editing.reset();
    anna_done.voting = voting_progress{0, false};
    anna_done.role = model::role::participant;
    const presence_entry cleo{"p3", "Cleo", model::role::participant, true, std::nullopt, std::nullopt, 3};
    const auto change = encode_presence_change(view_of({anna, bob}, 1), view_of({anna_done, cleo}, 2));
    REQUIRE(change);
    CHECK(json::parse(*change) ==
          json{{"type", "presence"},
               {"joined", {{{"number", 3}, {"participantId", "p3"}, {"displayName", "Cleo"}}}},
               {"updated",
                {{{"number", 1}, {"role", "participant"}, {"editing", nullptr}, {"voting", {{"used", 0}, {"done", false}}}}}},
               {"left", {2}},
               {"offline", 2}});

    // Only the offline count changed: nothing else is said.
    CHECK(json::parse(*encode_presence_change(view_of({anna}, 1), view_of({anna}, 2))) ==
          json{{"type", "presence"}, {"offline", 2}});
}

TEST_CASE("P-PRES-6 a crowded list counts the online participants and the voters it leaves out", "[protocol]") {
    auto crowded = view_of({anna}, 4);
    crowded.online = 1200;
    crowded.voters = {900, 250};
    CHECK(json::parse(encode_presence_list(crowded)) ==
          json{{"participants", {{{"number", 1}, {"participantId", "p1"}, {"displayName", "Anna"},
                                  {"role", "facilitator"}, {"editing", "c1"}}}},
               {"offline", 4},
               {"online", 1200},
               {"voters", {{"count", 900}, {"done", 250}}}});
    // A change says a count only when it changed, and the voters as a whole, 0 when none are left.
    auto later = crowded;
    later.online = 1201;
    later.voters = {};
    CHECK(json::parse(*encode_presence_change(crowded, later)) ==
          json{{"type", "presence"}, {"online", 1201}, {"voters", {{"count", 0}, {"done", 0}}}});
    CHECK_FALSE(encode_presence_change(later, later));
}

TEST_CASE("P-PRES-7 a connection's own entry rides on its change as you", "[protocol]") {
    const presence_entry cleo{"p3", "Cleo", model::role::participant, true, std::nullopt, voting_progress{1, false}, 3};
    const std::string change = R"({"type":"presence","online":12})";
    CHECK(json::parse(encode_presence_with_you(&change, cleo)) ==
          json{{"type", "presence"},
               {"online", 12},
               {"you", {{"number", 3}, {"participantId", "p3"}, {"displayName", "Cleo"}, {"voting", {{"used", 1}, {"done", false}}}}}});
    CHECK(json::parse(encode_presence_with_you(nullptr, cleo)).at("you").at("number") == 3);
}

TEST_CASE("P-PRES-3 applying every change to the first list gives the last list", "[protocol]") {
    // A client that keeps the welcome's list and applies each change holds what the server holds.
    std::vector<presence_view> steps{view_of({anna}), view_of({anna, bob}, 0), view_of({bob}, 1)};
    auto renamed = bob;
    renamed.display_name = "Bobby";
    renamed.role = model::role::facilitator;
    renamed.online = true;
    renamed.voting.reset();
    steps.push_back(view_of({renamed}, 1));
    auto counted = view_of({renamed}, 2);
    counted.online = 7;
    counted.voters = {3, 1};
    steps.push_back(counted);
    steps.push_back(view_of({}, 0));
    test::presence_list client;
    client.take(json{{"type", "welcome"}, {"presence", json::parse(encode_presence_list(steps[0]))}});
    for (std::size_t i = 1; i < steps.size(); ++i) {
        client.take(json::parse(encode_presence_change(steps[i - 1], steps[i]).value()));
        test::presence_list whole;
        whole.take(json::parse(encode_presence_reset(steps[i])));
        CHECK(client.json() == whole.json());
        CHECK(client.online() == whole.online());
        CHECK(client.voters() == whole.voters());
    }
}
