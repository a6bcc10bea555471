// Operations (protocol.md, "Operations"): strict decoding of every kind, errors that name the
// field, the canonical encoding, and who may do what.
#include "model/operation.hpp"

#include <catch2/catch.hpp>

#include <string>

using nlohmann::json;
using namespace jb::model;

namespace {

operation decodes(const json& j) {
    auto result = decode_operation(j);
    if (auto* e = std::get_if<op_error>(&result)) FAIL("rejected: " << e->code << " " << e->message);
    return std::get<operation>(result);
}

op_error rejects(const json& j) {
    auto result = decode_operation(j);
    if (!std::holds_alternative<op_error>(result)) FAIL("accepted: " << j.dump());
    return std::get<op_error>(result);
}

// One valid example of every kind, in its canonical form.
const json examples = json::array({
    {{"kind", "card.add"}, {"cardId", "c1"}, {"journeyId", "j1"}, {"phaseId", "p1"},
     {"laneId", "l1"}, {"text", "Brief kwijt\nbel gemeente"}, {"color", "pink"}, {"orderKey", "a0"}},
    {{"kind", "card.update"}, {"cardId", "c1"}, {"text", ""}, {"color", "grey"}},
    {{"kind", "card.update"}, {"cardId", "c1"}, {"text", "only text"}},
    {{"kind", "card.update"}, {"cardId", "c1"}, {"color", "blue"}},
    {{"kind", "card.move"}, {"cardId", "c1"}, {"phaseId", "p2"}, {"laneId", "l2"}, {"orderKey", "a0V"}},
    {{"kind", "card.delete"}, {"cardId", "c1"}},
    {{"kind", "workshop.update"}, {"title", "Omgevingsvergunning Ede"}},
    {{"kind", "journey.add"}, {"journeyId", "j2"}, {"title", "Vergunning"},
     {"targetGroup", "ondernemer"}, {"orderKey", "a1"}},
    {{"kind", "journey.update"}, {"journeyId", "j2"}, {"title", "T"}, {"targetGroup", "persona"}},
    {{"kind", "journey.update"}, {"journeyId", "j2"}, {"targetGroup", "inwoner"}},
    {{"kind", "journey.delete"}, {"journeyId", "j2"}},
    {{"kind", "phase.add"}, {"journeyId", "j1"}, {"phaseId", "p9"}, {"title", "Bezwaar"}, {"orderKey", "a5"}},
    {{"kind", "phase.update"}, {"phaseId", "p9"}, {"title", "Beroep"}, {"orderKey", "a6"}},
    {{"kind", "phase.update"}, {"phaseId", "p9"}, {"orderKey", "Zz"}},
    {{"kind", "phase.delete"}, {"phaseId", "p9"}},
    {{"kind", "lane.add"}, {"journeyId", "j1"}, {"laneId", "l9"}, {"title", "Kanaal"},
     {"laneKind", "custom"}, {"orderKey", "a6"}},
    {{"kind", "lane.update"}, {"laneId", "l9"}, {"title", "Kanaal"}, {"laneKind", "pain_point"},
     {"orderKey", "a7"}},
    {{"kind", "lane.update"}, {"laneId", "l9"}, {"laneKind", "emotion"}},
    {{"kind", "lane.delete"}, {"laneId", "l9"}},
    // Personas, guiding questions and journey order (appended, so the indexes above hold).
    {{"kind", "journey.add"}, {"journeyId", "j3"}, {"title", "Verhuizing"}, {"targetGroup", "persona"},
     {"orderKey", "a2"},
     {"persona", {{"name", "Sanne (34)"}, {"description", "Verhuist met twee kinderen\nnaar Ede"}}}},
    {{"kind", "journey.update"}, {"journeyId", "j3"}, {"persona", nullptr}},
    {{"kind", "journey.update"}, {"journeyId", "j3"}, {"orderKey", "Zz"},
     {"persona", {{"name", "Ahmed"}, {"description", ""}}}},
    {{"kind", "lane.add"}, {"journeyId", "j1"}, {"laneId", "l8"}, {"title", "Knelpunt"},
     {"laneKind", "pain_point"}, {"orderKey", "a8"}, {"question", "Waar loopt het vast?"}},
    {{"kind", "lane.update"}, {"laneId", "l8"}, {"question", ""}},
});

}  // namespace

TEST_CASE("every operation kind decodes and encodes back to the same JSON", "[model]") {
    for (const auto& example : examples) {
        INFO(example.dump());
        const operation op = decodes(example);
        CHECK(kind_name(op) == example["kind"].get<std::string>());
        CHECK(encode_operation(op) == example);
    }
}

TEST_CASE("decoded operations carry their values", "[model]") {
    const auto add = std::get<card_add>(decodes(examples[0]));
    CHECK(add.card_id == "c1");
    CHECK(add.journey_id == "j1");
    CHECK(add.phase_id == "p1");
    CHECK(add.lane_id == "l1");
    CHECK(add.text == "Brief kwijt\nbel gemeente");
    CHECK(add.color == card_color::pink);
    CHECK(add.order_key == "a0");

    const auto update = std::get<card_update>(decodes(examples[3]));
    CHECK_FALSE(update.text);
    CHECK(update.color == card_color::blue);

    const auto lane = std::get<lane_update>(decodes(examples[17]));
    CHECK(lane.kind == lane_kind::emotion);
    CHECK_FALSE(lane.title);
    CHECK_FALSE(lane.order_key);
}

TEST_CASE("titles are trimmed when decoded", "[model]") {
    const auto op = std::get<journey_add>(decodes({{"kind", "journey.add"}, {"journeyId", "j"},
                                                   {"title", "  Klantreis \u00a0"},
                                                   {"targetGroup", "inwoner"}, {"orderKey", "a0"}}));
    CHECK(op.title == "Klantreis");
}

TEST_CASE("an op that is not an object, or has no string kind, is a bad message", "[model]") {
    for (const json& j : {json::array(), json("card.add"), json(nullptr), json(3)}) {
        const op_error e = rejects(j);
        CHECK(e.code == "bad_message");
        CHECK(e.message == "op: must be an object");
    }
    CHECK(rejects(json::object()).message == "op.kind: missing");
    const op_error e = rejects({{"kind", 7}});
    CHECK(e.code == "bad_message");
    CHECK(e.message == "op.kind: must be a string");
}

TEST_CASE("an unknown operation kind is unknown_type", "[model]") {
    const op_error e = rejects({{"kind", "card.explode"}, {"cardId", "c"}});
    CHECK(e.code == "unknown_type");
    CHECK(e.message == "op.kind: unknown operation kind \"card.explode\"");
}

TEST_CASE("an unknown field is a bad message that names it", "[model]") {
    for (json example : examples) {
        example["extra"] = 1;
        INFO(example.dump());
        const op_error e = rejects(example);
        CHECK(e.code == "bad_message");
        CHECK(e.message == "unknown field \"op.extra\"");
    }
    // A field of another kind is unknown too: card.move cannot change a card's journey.
    json move = examples[4];
    move["journeyId"] = "j2";
    CHECK(rejects(move).message == "unknown field \"op.journeyId\"");
}

TEST_CASE("every required field is required", "[model]") {
    for (const auto& example : examples) {
        // Update examples have optional fields; the id is what they require.
        for (const auto& [field, value] : example.items()) {
            if (field == "kind") continue;
            const std::string kind = example["kind"];
            const bool optional_field = (kind.find(".update") != std::string::npos &&
                                         !(field == "cardId" || field == "journeyId" ||
                                           field == "phaseId" || field == "laneId")) ||
                                        field == "persona" || field == "question";
            if (optional_field) continue;
            json without = example;
            without.erase(field);
            INFO(without.dump());
            const op_error e = rejects(without);
            CHECK(e.code == "bad_message");
            CHECK(e.message == "op." + field + ": missing");
        }
    }
}

TEST_CASE("a field of the wrong type is a bad message that names it", "[model]") {
    for (const auto& example : examples) {
        for (const auto& [field, value] : example.items()) {
            if (field == "kind" || field == "persona") continue;  // an object: its own test below
            for (const json& wrong : {json(42), json(nullptr), json::array({"a"}), json(true)}) {
                json bad = example;
                bad[field] = wrong;
                INFO(bad.dump());
                const op_error e = rejects(bad);
                CHECK(e.code == "bad_message");
                CHECK(e.message.rfind("op." + field + ": must be a string, not ", 0) == 0);
            }
        }
    }
}

TEST_CASE("updates need at least one field to change", "[model]") {
    CHECK(rejects({{"kind", "card.update"}, {"cardId", "c"}}).message == "op: needs text, color or channel");
    CHECK(rejects({{"kind", "journey.update"}, {"journeyId", "j"}}).message ==
          "op: needs title, targetGroup, orderKey or persona");
    CHECK(rejects({{"kind", "phase.update"}, {"phaseId", "p"}}).message ==
          "op: needs title or orderKey");
    const op_error e = rejects({{"kind", "lane.update"}, {"laneId", "l"}});
    CHECK(e.code == "bad_message");
    CHECK(e.message == "op: needs title, laneKind, orderKey or question");
}

TEST_CASE("ids must match the id pattern", "[model]") {
    for (const char* bad : {"", "a b", "x/y", "é", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}) {
        json j = examples[0];
        j["phaseId"] = bad;
        const op_error e = rejects(j);
        CHECK(e.code == "invalid");
        CHECK(e.message == "op.phaseId: must match ^[A-Za-z0-9_-]{1,64}$");
    }
}

TEST_CASE("card text is limited to 2000 characters without control characters", "[model]") {
    json j = examples[0];
    j["text"] = std::string(2000, 'x');
    decodes(j);
    j["text"] = std::string(2001, 'x');
    op_error e = rejects(j);
    CHECK(e.code == "invalid");
    CHECK(e.message == "op.text: longer than 2000 characters");

    json update = examples[2];
    update["text"] = "ring\a";
    e = rejects(update);
    CHECK(e.code == "invalid");
    CHECK(e.message == "op.text: contains a control character (U+0007)");
}

TEST_CASE("titles are 1 to 200 characters after trimming, on one line", "[model]") {
    json j = examples[6];
    j["title"] = "   ";
    op_error e = rejects(j);
    CHECK(e.code == "invalid");
    CHECK(e.message == "op.title: must not be empty");
    j["title"] = std::string(201, 't');
    CHECK(rejects(j).message == "op.title: longer than 200 characters");
    j["title"] = "  " + std::string(200, 't') + "  ";
    decodes(j);
    j["title"] = "a\nb";
    CHECK(rejects(j).message == "op.title: contains a control character (U+000A)");
}

TEST_CASE("colours, lane kinds and target groups must be known values", "[model]") {
    json card = examples[0];
    card["color"] = "red";
    op_error e = rejects(card);
    CHECK(e.code == "invalid");
    CHECK(e.message == "op.color: must be one of yellow, green, blue, pink, orange, purple, grey");

    json lane = examples[15];
    lane["laneKind"] = "Touchpoint";
    e = rejects(lane);
    CHECK(e.code == "invalid");
    CHECK(e.message ==
          "op.laneKind: must be one of touchpoint, expectation, experience, emotion, pain_point, "
          "idea, custom");

    json journey = examples[7];
    journey["targetGroup"] = "burger";
    e = rejects(journey);
    CHECK(e.code == "invalid");
    CHECK(e.message == "op.targetGroup: must be one of inwoner, ondernemer, persona");
}

TEST_CASE("order keys must be valid fractional-index keys", "[model]") {
    for (const char* bad : {"", "a00", "0", "a", "a!"}) {
        json j = examples[4];
        j["orderKey"] = bad;
        const op_error e = rejects(j);
        CHECK(e.code == "invalid");
        CHECK(e.message == "op.orderKey: not a valid order key (fractional-indexing, base 62)");
    }
}

TEST_CASE("of the board's structure kinds, only card operations are open to participants", "[model]") {
    for (const auto& example : examples) {
        const operation op = decodes(example);
        const bool card_op = example["kind"].get<std::string>().rfind("card.", 0) == 0;
        CHECK(requires_facilitator(op) == !card_op);
    }
}

TEST_CASE("enumerations round-trip through their wire names", "[model]") {
    for (auto c : {card_color::yellow, card_color::green, card_color::blue, card_color::pink,
                   card_color::orange, card_color::purple, card_color::grey})
        CHECK(parse_card_color(to_string(c)) == c);
    for (auto k : {lane_kind::touchpoint, lane_kind::expectation, lane_kind::experience,
                   lane_kind::emotion, lane_kind::pain_point, lane_kind::idea, lane_kind::custom})
        CHECK(parse_lane_kind(to_string(k)) == k);
    for (auto g : {target_group::inwoner, target_group::ondernemer, target_group::persona})
        CHECK(parse_target_group(to_string(g)) == g);
    CHECK(parse_role(to_string(role::facilitator)) == role::facilitator);
    CHECK(parse_role("participant") == role::participant);
    CHECK(to_string(lane_kind::pain_point) == "pain_point");
    CHECK_FALSE(parse_card_color("Yellow"));
    CHECK_FALSE(parse_role("admin"));
}

TEST_CASE("a persona needs a name of 1 to 60 characters and a description of at most 500", "[model]") {
    const json base = {{"kind", "journey.update"}, {"journeyId", "j1"}};
    auto with = [&](json persona) {
        json j = base;
        j["persona"] = std::move(persona);
        return j;
    };
    CHECK(rejects(with({{"description", "x"}})).message == "op.persona.name: missing");
    CHECK(rejects(with({{"name", "  "}})).code == "invalid");
    CHECK(rejects(with({{"name", std::string(61, 'a')}})).code == "invalid");
    CHECK(rejects(with({{"name", "A"}, {"description", std::string(501, 'a')}})).message ==
          "op.persona.description: longer than 500 characters");
    CHECK(rejects(with({{"name", "A"}, {"age", 3}})).message == "unknown field \"op.persona.age\"");
    CHECK(rejects(with("Sanne")).code == "bad_message");
    const auto op = std::get<journey_update>(decodes(with({{"name", " Sanne "}})));
    REQUIRE(op.persona);
    REQUIRE(*op.persona);
    CHECK((*op.persona)->name == "Sanne");
    CHECK((*op.persona)->description.empty());
}

TEST_CASE("a lane's guiding question is at most 300 characters", "[model]") {
    json j = {{"kind", "lane.update"}, {"laneId", "l1"}, {"question", std::string(301, 'a')}};
    CHECK(rejects(j).message == "op.question: longer than 300 characters");
    j["question"] = std::string(300, 'a');
    CHECK(std::get<lane_update>(decodes(j)).question == std::string(300, 'a'));
}
