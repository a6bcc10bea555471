// The presence list and its changes on the wire (protocol P-PRES-3, P-PRES-5).
#include "protocol/presence.hpp"

#include "support/presence_list.hpp"

#include <catch2/catch.hpp>

using nlohmann::json;
using namespace jb;
using namespace jb::protocol;

namespace {

presence_view view_of(std::vector<presence_entry> entries, std::size_t offline = 0) {
    presence_view v;
    for (auto& e : entries) v.entries.emplace(e.participant_id, std::move(e));
    v.offline = offline;
    return v;
}

const presence_entry anna{"p1", "Anna", model::role::facilitator, true, std::string("c1"), std::nullopt, 1};
const presence_entry bob{"p2", "Bob", model::role::participant, false, std::nullopt, voting_progress{2, true}, 2};

}  // namespace

TEST_CASE("P-PRES-3 the list leaves out editing and voting while they are null", "[protocol]") {
    CHECK(json::parse(encode_presence_list(view_of({anna, bob}, 3))) ==
          json{{"participants",
                {{{"participantId", "p1"}, {"number", 1}, {"displayName", "Anna"}, {"role", "facilitator"},
                  {"online", true}, {"editing", "c1"}},
                 {{"participantId", "p2"}, {"number", 2}, {"displayName", "Bob"}, {"role", "participant"},
                  {"online", false}, {"voting", {{"used", 2}, {"done", true}}}}}},
               {"offline", 3}});
    CHECK(json::parse(encode_presence_reset(view_of({}))) ==
          json{{"type", "presence"}, {"participants", json::array()}, {"offline", 0}});
}

TEST_CASE("P-PRES-3 a change names who joined, what changed of whom, and who left", "[protocol]") {
    CHECK_FALSE(encode_presence_change(view_of({anna, bob}, 1), view_of({anna, bob}, 1)));

    auto anna_done = anna;
    anna_done.editing.reset();
    anna_done.voting = voting_progress{0, false};
    const presence_entry cleo{"p3", "Cleo", model::role::participant, true, std::nullopt, std::nullopt, 3};
    const auto change = encode_presence_change(view_of({anna, bob}, 1), view_of({anna_done, cleo}, 2));
    REQUIRE(change);
    CHECK(json::parse(*change) ==
          json{{"type", "presence"},
               {"joined", {{{"participantId", "p3"}, {"number", 3}, {"displayName", "Cleo"}, {"role", "participant"}, {"online", true}}}},
               {"updated", {{{"participantId", "p1"}, {"editing", nullptr}, {"voting", {{"used", 0}, {"done", false}}}}}},
               {"left", {"p2"}},
               {"offline", 2}});

    // Only the offline count changed: nothing else is said.
    CHECK(json::parse(*encode_presence_change(view_of({anna}, 1), view_of({anna}, 2))) ==
          json{{"type", "presence"}, {"offline", 2}});
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
    steps.push_back(view_of({}, 0));
    test::presence_list client;
    client.take(json{{"type", "welcome"}, {"presence", json::parse(encode_presence_list(steps[0]))}});
    for (std::size_t i = 1; i < steps.size(); ++i) {
        client.take(json::parse(encode_presence_change(steps[i - 1], steps[i]).value()));
        test::presence_list whole;
        whole.take(json::parse(encode_presence_reset(steps[i])));
        CHECK(client.json() == whole.json());
    }
}
