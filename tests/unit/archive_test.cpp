// The archive document and its strict reader (P-ARC-*): exact form, round trip, and every kind
// of bad archive refused with a message that names the field.
#include "archive/archive.hpp"
#include "util/clock.hpp"

#include "session_fixture.hpp"

#include <catch2/catch.hpp>

#include <limits>

using namespace jb;
using namespace jb::test_session;
using nlohmann::json;

namespace {

// The default board with a touchpoint, a pain point, two ideas (one linked, both grouped), a
// closed round with votes and an open second one, scores and a poll response: every part of the
// state that refers to another.
model::board archived_board() {
    auto b = session_board();
    accept(b, card_add{"c1", "j1", "p1", "l1", "Website <b>&</b> \"zoeken\"", "a0", card_color::blue}, alice);
    accept(b, card_add{"c3", "j1", "p1", "l5", "Geen bevestiging", "a0", card_color::pink}, alice);
    accept(b, idea("c2"), bram);
    accept(b, idea("c4", "p2"), bram);
    accept(b, card_link{"c2", "c3"}, bram);
    accept(b, group_add{"g1", "Sneller", {"c2", "c4"}}, fran);
    accept(b, start_round("r1"), fran);
    accept(b, vote_add{"r1", "g1"}, alice);
    accept(b, round_close{"r1"}, fran);
    accept(b, improvements_rounds{{"r1"}}, fran);
    accept(b, start_round("r2"), fran);
    accept(b, score_set{score_scale::current, "c1", -1}, alice);
    accept(b, score_set{score_scale::expected, "p1", 4}, bram);
    accept(b, evaluation_open{true}, fran);
    accept(b, evaluation_submit{4, "goed"}, alice);
    return b;
}

std::vector<store::participant_record> archived_people() {
    store::participant_record fran{"w1", "fran", "hash-f", "Fran", "facilitator", 900, false};
    store::participant_record alice{"w1", "alice", "hash-a", "Alice", "participant", 950, false};
    store::participant_record bram{"w1", "bram", "hash-b", "Bram \"B\"", "participant", 960, true};
    return {fran, alice, bram};
}

json valid_archive() { return archive::make_archive(archived_board(), archived_people(), 1234); }

// read_archive's message for `doc` (it must be refused).
std::string refusal(const json& doc, const model::board_limits& limits = {}) {
    auto read = archive::read_archive(doc, limits);
    REQUIRE(std::holds_alternative<std::string>(read));
    return std::get<std::string>(read);
}

}  // namespace

TEST_CASE("P-ARC-1 an archive holds the stored state and the participants, no secrets", "[archive]") {
    const auto b = archived_board();
    const auto doc = archive::make_archive(b, archived_people(), 1234);
    CHECK(doc.size() == 5);
    CHECK(doc.at("formatVersion") == 1);
    CHECK(doc.at("kind") == "journeyboard.archive");
    CHECK(doc.at("exportedAt") == 1234);
    CHECK(doc.at("state") == b.to_json());
    CHECK(doc.at("participants") == json::parse(R"([
        {"id":"fran","displayName":"Fran","role":"facilitator","removed":false,"createdAt":900},
        {"id":"alice","displayName":"Alice","role":"participant","removed":false,"createdAt":950},
        {"id":"bram","displayName":"Bram \"B\"","role":"participant","removed":true,"createdAt":960}])"));
    const auto text = doc.dump();
    CHECK(text.find("hash-") == std::string::npos);
    // The stored form keeps every ballot (who voted what), which the archive must carry.
    CHECK(doc["state"]["rounds"][0]["ballots"] == json::parse(R"({"alice":{"g1":1}})"));
}

TEST_CASE("P-ARC-4 an archive read back and archived again is the same but for the new id", "[archive]") {
    const auto doc = valid_archive();
    auto read = archive::read_archive(doc);
    REQUIRE(std::holds_alternative<archive::contents>(read));
    const auto& c = std::get<archive::contents>(read);
    CHECK(c.workshop.id == "w1");
    CHECK(c.workshop.title == "Workshop");
    CHECK(c.workshop.created_at == 1000);
    CHECK(c.participants == std::vector<archive::archived_participant>{
                                {"fran", "Fran", "facilitator", false, 900},
                                {"alice", "Alice", "participant", false, 950},
                                {"bram", "Bram \"B\"", "participant", true, 960}});

    const auto state = json::parse(archive::state_for(c, "fresh"));
    const auto again_board = model::board::from_json(state);
    std::vector<store::participant_record> people;
    for (const auto& p : c.participants)
        people.push_back({"fresh", p.id, "other-hash", p.display_name, p.role, p.created_at, p.removed});
    auto again = archive::make_archive(again_board, people, 5678);
    CHECK(again["state"]["workshop"]["id"] == "fresh");
    again["exportedAt"] = doc["exportedAt"];
    again["state"]["workshop"]["id"] = "w1";
    CHECK(again == doc);
}

TEST_CASE("P-ARC-4 P-METH-2 scores on a card that left its touchpoint lane round-trip", "[archive]") {
    // A scored card keeps its scores when it moves out of the touchpoint lane, or when its lane
    // changes kind: the board holds them, so its archive must read back.
    auto b = archived_board();
    accept(b, card_add{"c5", "j1", "p2", "l1", "Balie", "a0", card_color::blue}, alice);
    accept(b, score_set{score_scale::desired, "c5", 2}, bram);
    accept(b, card_move{"c1", "p1", "l5", "a1"}, alice);           // to the pain points
    accept(b, lane_update{"l1", std::nullopt, std::nullopt, lane_kind::custom, std::nullopt}, fran);
    const auto doc = archive::make_archive(b, archived_people(), 1234);
    REQUIRE(doc["state"]["scores"].size() == 3);
    auto read = archive::read_archive(doc);
    REQUIRE(std::holds_alternative<archive::contents>(read));
    const auto again = model::board::from_json(json::parse(archive::state_for(std::get<archive::contents>(read), "w1")));
    CHECK(again.to_json() == b.to_json());
}

TEST_CASE("P-ARC-2 a bad envelope is refused, naming the field", "[archive]") {
    auto doc = valid_archive();
    SECTION("not an object") { CHECK(refusal(json::array()) == "archive: must be a JSON object"); }
    SECTION("another format version") {
        doc["formatVersion"] = 2;
        CHECK(refusal(doc) == "archive.formatVersion: 2 is not a version this server reads (it reads 1)");
    }
    SECTION("format version as a string") {
        doc["formatVersion"] = "1";
        CHECK(refusal(doc) == "archive.formatVersion: must be an integer, not a string");
    }
    SECTION("an unknown field") {
        doc["comment"] = "hi";
        CHECK(refusal(doc) == "unknown field \"archive.comment\"");
    }
    SECTION("another kind") {
        doc["kind"] = "journeyboard.template";
        CHECK(refusal(doc) == "archive.kind: must be \"journeyboard.archive\"");
    }
    SECTION("no state") {
        doc.erase("state");
        CHECK(refusal(doc) == "archive.state: missing");
    }
    SECTION("no participants") {
        doc.erase("participants");
        CHECK(refusal(doc) == "archive.participants: missing");
    }
    SECTION("a participant with an unknown role") {
        doc["participants"][1]["role"] = "screen";
        CHECK(refusal(doc).starts_with("archive.participants[1].role: "));
    }
    SECTION("a participant with a token") {
        doc["participants"][0]["tokenHash"] = "x";
        CHECK(refusal(doc) == "unknown field \"archive.participants[0].tokenHash\"");
    }
    SECTION("a repeated participant") {
        doc["participants"][2]["id"] = "fran";
        CHECK(refusal(doc) == "archive.participants[2].id: a repeated participant id");
    }
    SECTION("a participant made more than a day from now") {
        // A room records each newcomer as made after everyone it knows (P-SYNC-11): a bogus
        // future time would carry over to every later participant.
        doc["participants"][1]["createdAt"] = std::numeric_limits<std::int64_t>::max();
        CHECK(refusal(doc).starts_with("archive.participants[1].createdAt: "));
        doc["participants"][1]["createdAt"] = jb::util::now_ms() + 2 * 86'400'000LL;
        CHECK(refusal(doc).starts_with("archive.participants[1].createdAt: "));
        doc["participants"][1]["createdAt"] = jb::util::now_ms() + 3'600'000;  // another clock ahead
        CHECK_FALSE(std::holds_alternative<std::string>(archive::read_archive(doc, {})));
    }
}

TEST_CASE("P-ARC-2 a bad state is refused, naming the field", "[archive]") {
    auto doc = valid_archive();
    auto& state = doc["state"];
    SECTION("a dangling laneId") {
        state["cards"][1]["laneId"] = "nope";
        CHECK(refusal(doc) == "archive.state.cards[1].laneId: no lane \"nope\" in its journey");
    }
    SECTION("an unknown field in a card") {
        state["cards"][0]["votes"] = 3;
        CHECK(refusal(doc) == "unknown field \"archive.state.cards[0].votes\"");
    }
    SECTION("an unknown field in a round, which from_json does not check itself") {
        state["rounds"][0]["secret"] = true;
        CHECK(refusal(doc) == "unknown field \"archive.state.rounds[0].secret\"");
    }
    SECTION("cards out of the stored order") {
        std::swap(state["cards"][0], state["cards"][1]);
        CHECK(refusal(doc).starts_with("archive.state.cards[0].id: "));
    }
    SECTION("a wrong privateCount") {
        state["facilitation"]["privateCount"] = 4;
        CHECK(refusal(doc).starts_with("archive.state.facilitation.privateCount: 4 is not in the stored form"));
    }
    SECTION("a dangling group") {
        state["groups"][0]["id"] = "g9";
        CHECK(refusal(doc) == "archive.state.cards[2].groupId: no group \"g1\" in its journey");
    }
    SECTION("a dangling link") {
        state["cards"][1]["linkedTo"] = "c9";
        CHECK(refusal(doc) == "archive.state.cards[1].linkedTo: no card \"c9\" in its journey");
    }
    SECTION("an unknown stage") {
        state["facilitation"]["stageId"] = "party";
        CHECK(refusal(doc) == "archive.state.facilitation.stageId: no stage \"party\"");
    }
    SECTION("an improvement list of an open round") {
        state["improvements"]["roundIds"] = json::array({"r2"});
        CHECK(refusal(doc) == "archive.state.improvements.roundIds: no closed round \"r2\"");
    }
    SECTION("an open round whose item is gone") {
        state["rounds"][1]["items"] = json::array({"g1", "ghost"});
        CHECK(refusal(doc) == "archive.state.rounds[1].items: no card or group \"ghost\"");
    }
    SECTION("a card text that is too long") {
        state["cards"][0]["text"] = std::string(2001, 'x');
        CHECK(refusal(doc).starts_with("archive.state.cards[0].text: "));
    }
}

TEST_CASE("P-ARC-2 an archive over the board limits is refused", "[archive]") {
    const auto doc = valid_archive();
    model::board_limits three_cards;
    three_cards.max_cards = 3;
    CHECK(refusal(doc, three_cards) == "archive.state.cards: 4 is more than the limit of 3");
    model::board_limits few_phases;
    few_phases.max_phases = 4;
    CHECK(refusal(doc, few_phases) == "archive.state.journeys (\"j1\").phases: 5 is more than the limit of 4");
    model::board_limits little_text;  // P-LIM-1
    little_text.max_card_text_bytes = 5;
    CHECK_THAT(refusal(doc, little_text),
               Catch::StartsWith("archive.state.cards (bytes of text together): ") &&
                   Catch::EndsWith(" is more than the limit of 5"));
    CHECK(std::holds_alternative<archive::contents>(archive::read_archive(doc)));
}

TEST_CASE("P-ARC-2 what participants' operations make is held to the live rules", "[archive]") {
    auto doc = valid_archive();
    auto& state = doc["state"];
    REQUIRE(std::holds_alternative<archive::contents>(archive::read_archive(doc)));
    SECTION("a card by someone who is not a participant") {
        state["cards"][1]["authorId"] = "zoe";
        CHECK(refusal(doc) == "archive.state.cards[1].authorId: no participant \"zoe\" in archive.participants");
    }
    SECTION("a poll response by someone who is not a participant") {
        state["evaluation"]["responses"][0]["participantId"] = "zoe";
        CHECK(refusal(doc) ==
              "archive.state.evaluation.responses[0].participantId: no participant \"zoe\" in archive.participants");
    }
    SECTION("more poll responses than an archive may hold participants") {
        auto& responses = state["evaluation"]["responses"];
        for (std::size_t i = 1; i <= archive::max_participants; ++i)
            responses.push_back({{"id", "r" + std::to_string(i + 1)}, {"participantId", "p" + std::to_string(i)},
                                 {"rating", 3}, {"remarks", ""}, {"at", 1}});
        CHECK(refusal(doc) == "archive.state.evaluation.responses: 10001 is more than the limit of 10000");
    }
    SECTION("a score by someone who is not a participant") {
        state["scores"][0]["values"]["zoe"] = 1;
        CHECK(refusal(doc) == "archive.state.scores[0].values.zoe: no participant \"zoe\" in archive.participants");
    }
    SECTION("an emotion score out of its range") {
        state["scores"][0]["values"]["alice"] = 3;
        CHECK(refusal(doc).starts_with("archive.state.scores[0].values.alice: "));
    }
    SECTION("paper votes on an item that is not the round's, as round.paper refuses them") {
        state["rounds"][0]["paper"] = json::array({{{"label", "Tafel 1"}, {"votes", {{"g1", 2}}}},
                                                   {{"label", "Tafel 2"}, {"votes", {{"c3", 1}}}}});
        CHECK(refusal(doc) == "archive.state.rounds[0].paper[1]: no item \"c3\" in this round");
    }
    SECTION("paper votes out of range, or one label twice") {
        state["rounds"][0]["paper"] = json::array({{{"label", "Tafel 1"}, {"votes", {{"g1", 1001}}}}});
        CHECK(refusal(doc) == "archive.state.rounds[0].paper[0]: votes on \"g1\" must be 0 to 1000");
        state["rounds"][0]["paper"] = json::array({{{"label", "Tafel 1"}, {"votes", {{"g1", 1}}}},
                                                   {{"label", "Tafel 1"}, {"votes", {{"g1", 2}}}}});
        CHECK(refusal(doc) == "archive.state.rounds[0].paper[1]: the label \"Tafel 1\" comes twice");
    }
    SECTION("an emotion score on a phase, as score.set refuses it") {
        state["scores"][0]["targetId"] = "p1";
        CHECK(refusal(doc) == "archive.state.scores[0].targetId: no card \"p1\"");
    }
    SECTION("a score on a private card, as score.set refuses it") {
        state["cards"][0]["private"] = true;
        state["facilitation"]["privateCount"] = 1;
        CHECK(refusal(doc) == "archive.state.scores[0].targetId: a private card is scored after the reveal");
    }
    SECTION("a ballot of someone who is not a participant") {
        state["rounds"][0]["ballots"]["zoe"] = {{"g1", 1}};
        CHECK(refusal(doc) == "archive.state.rounds[0].ballots.zoe: no participant \"zoe\" in archive.participants");
    }
    SECTION("a vote on an item that is not the round's") {
        state["rounds"][0]["ballots"]["alice"] = {{"c1", 1}};
        CHECK(refusal(doc) == "archive.state.rounds[0].ballots.alice.c1: no item \"c1\" in this round");
    }
    SECTION("more votes on an item than the round allows") {
        state["rounds"][0]["ballots"]["alice"] = {{"g1", 3}};
        CHECK(refusal(doc) == "archive.state.rounds[0].ballots.alice.g1: at most 2 votes per item");
    }
    SECTION("no votes on an item") {
        state["rounds"][0]["ballots"]["alice"] = {{"g1", 0}};
        CHECK(refusal(doc) == "archive.state.rounds[0].ballots.alice.g1: a ballot holds only items with votes");
    }
    SECTION("a 'done' of someone who is not a participant") {
        state["rounds"][1]["done"] = json::array({"zoe"});
        CHECK(refusal(doc) == "archive.state.rounds[1].done[0]: no participant \"zoe\" in archive.participants");
    }
}

TEST_CASE("P-ARC-2 a ballot over the budget is refused like vote.add", "[archive]") {
    auto b = session_board();
    accept(b, idea("c1"), alice);
    accept(b, idea("c2", "p1", "l6", "a1"), alice);
    accept(b, start_round("r1", {}, 2, 2), fran);
    auto doc = archive::make_archive(b, archived_people(), 1);
    REQUIRE(std::holds_alternative<archive::contents>(archive::read_archive(doc)));
    doc["state"]["rounds"][0]["ballots"]["alice"] = {{"c1", 2}, {"c2", 1}};
    CHECK(refusal(doc) == "archive.state.rounds[0].ballots.alice: 3 votes where the budget is 2");
    // The same ballot one vote at a time: vote.add refuses the third.
    accept(b, vote_add{"r1", "c1"}, alice);
    accept(b, vote_add{"r1", "c1"}, alice);
    refuse(b, vote_add{"r1", "c2"}, alice, "limit");
}
