// The board state document (protocol.md, "Board state") and the default board (P-HTTP-6):
// exact shape and order, a lossless round trip, and strict reading.
#include "model/board.hpp"

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

using nlohmann::json;
using namespace jb::model;

namespace {

std::function<std::string()> counter(std::string prefix) {
    auto n = std::make_shared<int>(0);
    return [prefix, n] { return prefix + std::to_string(++*n); };
}

const op_context facilitator{"fran", role::facilitator, 2000};

void do_op(board& b, const operation& op, const op_context& ctx = facilitator) {
    const auto error = b.check(op, ctx);
    if (error) FAIL("rejected: " << error->code << " " << error->message);
    b.apply(op, ctx);
}

}  // namespace

TEST_CASE("P-HTTP-6 a new workshop has one journey with the default phases and lanes", "[model]") {
    const board b = board::make_default({"w1", "Training Ede", 123}, counter("id"));
    CHECK(b.info().id == "w1");
    CHECK(b.info().title == "Training Ede");
    CHECK(b.info().created_at == 123);
    CHECK(b.cards().empty());
    REQUIRE(b.journeys().size() == 1);
    const journey& j = b.journeys().begin()->second;
    CHECK(j.id == "id1");
    CHECK(j.title == "Klantreis");
    CHECK(j.group == target_group::inwoner);
    CHECK(j.order_key == "a0");

    const std::vector<std::string> phases{"Oriënteren", "Aanvragen", "Wachten", "Besluit", "Achteraf"};
    REQUIRE(j.phases.size() == phases.size());
    for (std::size_t i = 0; i < phases.size(); ++i) {
        CHECK(j.phases[i].title == phases[i]);
        CHECK(j.phases[i].order_key == "a" + std::to_string(i));
        CHECK(j.phases[i].id == "id" + std::to_string(2 + i));
    }
    const std::vector<std::pair<std::string, lane_kind>> lanes{
        {"Contactmoment", lane_kind::touchpoint}, {"Verwachting", lane_kind::expectation},
        {"Ervaring", lane_kind::experience},      {"Emotie", lane_kind::emotion},
        {"Knelpunt", lane_kind::pain_point},      {"Verbeteridee", lane_kind::idea}};
    REQUIRE(j.lanes.size() == lanes.size());
    for (std::size_t i = 0; i < lanes.size(); ++i) {
        CHECK(j.lanes[i].title == lanes[i].first);
        CHECK(j.lanes[i].kind == lanes[i].second);
        CHECK(j.lanes[i].order_key == "a" + std::to_string(i));
        CHECK(j.lanes[i].id == "id" + std::to_string(7 + i));
    }
}

TEST_CASE("to_json writes exactly the board state document", "[model]") {
    board b({"w1", "Titel", 10});
    do_op(b, journey_add{"j1", "Reis", "a0", target_group::persona});
    do_op(b, phase_add{"j1", "p1", "Fase", "a0"});
    do_op(b, lane_add{"j1", "l1", "Rij", "a0", lane_kind::pain_point});
    do_op(b, card_add{"c1", "j1", "p1", "l1", "Tekst\n<b>", "a0", card_color::orange},
          op_context{"alice", role::participant, 3000});
    const json expected = json::parse(R"({
      "workshop": {"id": "w1", "title": "Titel", "createdAt": 10},
      "journeys": [{"id": "j1", "title": "Reis", "targetGroup": "persona", "orderKey": "a0",
                    "persona": null,
                    "phases": [{"id": "p1", "title": "Fase", "orderKey": "a0"}],
                    "lanes": [{"id": "l1", "title": "Rij", "kind": "pain_point", "orderKey": "a0",
                               "question": ""}]}],
      "cards": [{"id": "c1", "journeyId": "j1", "phaseId": "p1", "laneId": "l1",
                 "text": "Tekst\n<b>", "color": "orange", "authorId": "alice", "orderKey": "a0",
                 "createdAt": 3000, "updatedAt": 3000, "groupId": null, "linkedTo": null,
                 "private": false, "channel": null}]
    })");
    const json doc = b.to_json();
    for (const char* field : {"workshop", "journeys", "cards"}) CHECK(doc[field] == expected[field]);
    // and facilitation, groups, rounds, improvements (model_facilitation_test), scores and
    // evaluation (model_method_test)
    CHECK(doc.size() == 9);
}

TEST_CASE("to_json sorts journeys, phases and lanes by key then id, cards by cell then key",
          "[model]") {
    board b({"w1", "T", 0});
    // Added out of order on purpose.
    do_op(b, journey_add{"jB", "B", "a1", target_group::inwoner});
    do_op(b, journey_add{"jA", "A", "a1", target_group::inwoner});  // same key: id decides
    do_op(b, journey_add{"j0", "0", "Zz", target_group::inwoner});
    do_op(b, phase_add{"jA", "p2", "2", "a1"});
    do_op(b, phase_add{"jA", "p1", "1", "a0"});
    do_op(b, lane_add{"jA", "l2", "2", "a1", lane_kind::custom});
    do_op(b, lane_add{"jA", "l1", "1", "a0", lane_kind::custom});
    do_op(b, phase_add{"j0", "q1", "1", "a0"});
    do_op(b, lane_add{"j0", "m1", "1", "a0", lane_kind::custom});
    // Cards: the cell order (journey, phase, lane position) outranks the card's own key.
    do_op(b, card_add{"c5", "jA", "p2", "l2", "", "a0", card_color::yellow});
    do_op(b, card_add{"c4", "jA", "p2", "l1", "", "a5", card_color::yellow});
    do_op(b, card_add{"c3", "jA", "p1", "l2", "", "a0", card_color::yellow});
    do_op(b, card_add{"c2b", "jA", "p1", "l1", "", "a1", card_color::yellow});
    do_op(b, card_add{"c2a", "jA", "p1", "l1", "", "a1", card_color::yellow});
    do_op(b, card_add{"c1", "jA", "p1", "l1", "", "a0V", card_color::yellow});
    do_op(b, card_add{"c0", "j0", "q1", "m1", "", "z", card_color::yellow});

    const json doc = b.to_json();
    std::vector<std::string> journeys, phases, cards;
    for (const auto& j : doc["journeys"]) journeys.push_back(j["id"]);
    for (const auto& p : doc["journeys"][1]["phases"]) phases.push_back(p["id"]);
    for (const auto& c : doc["cards"]) cards.push_back(c["id"]);
    CHECK(journeys == std::vector<std::string>{"j0", "jA", "jB"});
    CHECK(phases == std::vector<std::string>{"p1", "p2"});
    CHECK(doc["journeys"][1]["lanes"][0]["id"] == "l1");
    CHECK(cards == std::vector<std::string>{"c0", "c1", "c2a", "c2b", "c3", "c4", "c5"});
}

TEST_CASE("from_json(to_json) gives the same board", "[model]") {
    board b = board::make_default({"w1", "Workshop", 99}, counter("x"));
    do_op(b, journey_add{"j2", "Ondernemer", "a1", target_group::ondernemer});
    do_op(b, phase_add{"j2", "q1", "Fase", "a0"});
    do_op(b, lane_add{"j2", "m1", "Rij", "a0", lane_kind::idea, "Wat kan beter?"});
    do_op(b, journey_update{"j2", std::nullopt, target_group::persona, std::nullopt,
                            persona_info{"Fatima", "Heeft een bakkerij\nin het centrum"}});
    do_op(b, card_add{"c1", "j2", "q1", "m1", "Ïdee 💡\tmet tab", "a0", card_color::purple});
    do_op(b, card_add{"c2", "x1", "x2", "x7", "", "a0", card_color::grey},
          op_context{"bob", role::participant, 4000});
    do_op(b, card_update{"c2", std::string("later"), std::nullopt},
          op_context{"carol", role::participant, 5000});

    const json doc = b.to_json();
    const board copy = board::from_json(doc);
    CHECK(copy.to_json() == doc);
    CHECK(copy.info().created_at == 99);
    const card* c2 = copy.find_card("c2");
    REQUIRE(c2);
    CHECK(c2->author_id == "bob");
    CHECK(c2->created_at == 4000);
    CHECK(c2->updated_at == 5000);
    CHECK(copy.find_journey("j2")->lanes.front().kind == lane_kind::idea);
    CHECK(copy.find_journey("j2")->lanes.front().question == "Wat kan beter?");
    CHECK(copy.find_journey("j2")->persona == persona_info{"Fatima", "Heeft een bakkerij\nin het centrum"});
}

TEST_CASE("a journey's persona and order key, and a lane's question, change by update", "[model]") {
    board b = board::make_default({"w1", "W", 1}, counter("x"));
    do_op(b, journey_add{"j2", "Tweede", "a1", target_group::persona, persona_info{"Sanne", ""}});
    do_op(b, journey_update{"j2", std::nullopt, std::nullopt, std::string("Zz"), std::nullopt});
    CHECK(b.to_json()["journeys"][0]["id"] == "j2");  // moved before x1 ("a0")
    CHECK(b.find_journey("j2")->persona == persona_info{"Sanne", ""});
    do_op(b, journey_update{"j2", std::nullopt, target_group::inwoner, std::nullopt,
                            std::optional<persona_info>()});
    CHECK_FALSE(b.find_journey("j2")->persona);
    lane_update question{"x7"};
    question.question = "Wat ervaart de inwoner?";
    do_op(b, question);
    CHECK(b.to_json()["journeys"][1]["lanes"][0]["question"] == "Wat ervaart de inwoner?");
}

TEST_CASE("a board stored without personas and questions loads with none", "[model]") {
    const json old = json::parse(R"({
      "workshop": {"id": "w1", "title": "T", "createdAt": 1},
      "journeys": [{"id": "j1", "title": "Reis", "targetGroup": "inwoner", "orderKey": "a0",
                    "phases": [], "lanes": [{"id": "l1", "title": "Rij", "kind": "idea", "orderKey": "a0"}]}],
      "cards": []})");
    const board b = board::from_json(old);
    CHECK_FALSE(b.find_journey("j1")->persona);
    CHECK(b.find_journey("j1")->lanes.front().question.empty());
}

TEST_CASE("a board of 5,000 cards round-trips", "[model]") {
    board b = board::make_default({"w1", "Groot", 1}, counter("x"));
    std::vector<std::string> phases, lanes;
    for (const auto& p : b.journeys().begin()->second.phases) phases.push_back(p.id);
    for (const auto& l : b.journeys().begin()->second.lanes) lanes.push_back(l.id);
    for (int i = 0; i < 5000; ++i) {
        do_op(b, card_add{"card" + std::to_string(i), "x1", phases[i % phases.size()],
                          lanes[i % lanes.size()], "kaart " + std::to_string(i), "a0",
                          card_color::yellow});
    }
    const json doc = b.to_json();
    REQUIRE(doc["cards"].size() == 5000);
    CHECK(board::from_json(doc).to_json() == doc);
}

TEST_CASE("from_json rejects a malformed document", "[model]") {
    board b = board::make_default({"w1", "Workshop", 1}, counter("x"));
    do_op(b, card_add{"c1", "x1", "x2", "x7", "tekst", "a0", card_color::yellow});
    const json good = b.to_json();
    REQUIRE_NOTHROW(board::from_json(good));

    const auto expect_rejected = [&](const char* why, const std::function<void(json&)>& change,
                                     const std::string& message) {
        json doc = good;
        change(doc);
        INFO(why);
        try {
            board::from_json(doc);
            FAIL("accepted");
        } catch (const std::invalid_argument& e) {
            CHECK(std::string(e.what()) == "board document: " + message);
        }
    };
    expect_rejected("not an object", [](json& d) { d = json::array(); },
                    "document: must be an object");
    expect_rejected("unknown field", [](json& d) { d["extra"] = 1; }, "unknown field \"extra\"");
    expect_rejected("no workshop", [](json& d) { d.erase("workshop"); }, "workshop: missing");
    expect_rejected("bad workshop id", [](json& d) { d["workshop"]["id"] = "a b"; },
                    "workshop.id: must match ^[A-Za-z0-9_-]{1,64}$");
    expect_rejected("empty title", [](json& d) { d["workshop"]["title"] = " "; },
                    "workshop.title: must not be empty");
    expect_rejected("time not an integer", [](json& d) { d["workshop"]["createdAt"] = 1.5; },
                    "workshop.createdAt: must be an integer, not a fraction");
    expect_rejected("journeys not an array", [](json& d) { d["journeys"] = json::object(); },
                    "journeys: must be an array");
    expect_rejected("no cards", [](json& d) { d.erase("cards"); }, "cards: missing");
    expect_rejected("bad group", [](json& d) { d["journeys"][0]["targetGroup"] = "x"; },
                    "journeys[0].targetGroup: must be one of inwoner, ondernemer, persona");
    expect_rejected("bad phase key", [](json& d) { d["journeys"][0]["phases"][1]["orderKey"] = "a00"; },
                    "journeys[0].phases[1].orderKey: not a valid order key (fractional-indexing, base 62)");
    expect_rejected("duplicate phase",
                    [](json& d) { d["journeys"][0]["phases"][1]["id"] = d["journeys"][0]["phases"][0]["id"]; },
                    "journeys[0].phases[1].id: duplicate phase id");
    expect_rejected("bad lane kind", [](json& d) { d["journeys"][0]["lanes"][0]["kind"] = "x"; },
                    "journeys[0].lanes[0].kind: must be one of touchpoint, expectation, experience, "
                    "emotion, pain_point, idea, custom");
    expect_rejected("duplicate journey", [](json& d) { d["journeys"].push_back(d["journeys"][0]); },
                    "journeys[1].phases[0].id: duplicate phase id");
    expect_rejected("duplicate card", [](json& d) { d["cards"].push_back(d["cards"][0]); },
                    "cards[1].id: duplicate card id");
    expect_rejected("card text too long", [](json& d) { d["cards"][0]["text"] = std::string(2001, 'x'); },
                    "cards[0].text: longer than 2000 characters");
    expect_rejected("card in unknown journey", [](json& d) { d["cards"][0]["journeyId"] = "nope"; },
                    "cards[0].journeyId: no journey \"nope\"");
    expect_rejected("card in unknown phase", [](json& d) { d["cards"][0]["phaseId"] = "nope"; },
                    "cards[0].phaseId: no phase \"nope\" in its journey");
    expect_rejected("card in unknown lane", [](json& d) { d["cards"][0]["laneId"] = "x2"; },
                    "cards[0].laneId: no lane \"x2\" in its journey");
    expect_rejected("card missing a field", [](json& d) { d["cards"][0].erase("authorId"); },
                    "cards[0].authorId: missing");
    expect_rejected("card is not an object", [](json& d) { d["cards"][0] = "c1"; },
                    "cards[0]: must be an object");
}

TEST_CASE("from_json rejects a journey id given twice", "[model]") {
    board b({"w1", "T", 0});
    do_op(b, journey_add{"j1", "A", "a0", target_group::inwoner});
    json doc = b.to_json();
    doc["journeys"].push_back(doc["journeys"][0]);
    CHECK_THROWS_WITH(board::from_json(doc), "board document: journeys[1].id: duplicate journey id");
}
