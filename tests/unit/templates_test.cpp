// Journey templates (P-TPL-*): strict reading with messages that name the field, the shipped
// files, building a board from a template and a template from a board.
#include "templates/journey_template.hpp"
#include "templates/template_library.hpp"

#include "store/store_test_support.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using nlohmann::json;
using namespace jb;
using namespace jb::templates;

namespace {

const json valid = json::parse(R"({
  "formatVersion": 1,
  "title": "Parkeervergunning",
  "description": "Een inwoner vraagt een parkeervergunning aan.",
  "journeys": [{
    "title": "Parkeervergunning aanvragen", "targetGroup": "persona",
    "persona": {"name": "Sanne", "description": "Woont in het centrum"},
    "phases": [{"title": "Oriënteren"}, {"title": "Aanvragen"}],
    "lanes": [{"title": "Contactmoment", "kind": "touchpoint", "question": "Waar zoekt ze?"},
              {"title": "Knelpunt", "kind": "pain_point"}]
  }]
})");

std::string problem_with(const json& doc) {
    auto parsed = parse_template(doc);
    if (!std::holds_alternative<std::string>(parsed)) FAIL("accepted: " << doc.dump());
    return std::get<std::string>(parsed);
}

std::function<std::string()> counter() {
    auto n = std::make_shared<int>(0);
    return [n] { return "id" + std::to_string(++*n); };
}

}  // namespace

TEST_CASE("P-TPL-1 a valid template reads with every field", "[templates]") {
    auto parsed = parse_template(valid);
    REQUIRE(std::holds_alternative<journey_template>(parsed));
    const auto& t = std::get<journey_template>(parsed);
    CHECK(t.title == "Parkeervergunning");
    REQUIRE(t.journeys.size() == 1);
    CHECK(t.journeys[0].group == model::target_group::persona);
    CHECK(t.journeys[0].persona == model::persona_info{"Sanne", "Woont in het centrum"});
    CHECK(t.journeys[0].phases == std::vector<std::string>{"Oriënteren", "Aanvragen"});
    CHECK(t.journeys[0].lanes[0].question == "Waar zoekt ze?");
    CHECK(t.journeys[0].lanes[1].question.empty());
    CHECK(t.journeys[0].lanes[1].kind == model::lane_kind::pain_point);
}

TEST_CASE("P-TPL-1 a bad template is refused with a message that names the field", "[templates]") {
    auto with = [](const std::string& pointer, json value) {
        json doc = valid;
        doc[json::json_pointer(pointer)] = std::move(value);
        return doc;
    };
    CHECK(problem_with(json::array()) == "template: must be an object");
    CHECK(problem_with(with("/formatVersion", 2)) == "formatVersion: must be at most 1");
    CHECK(problem_with(with("/title", " ")) == "title: must not be empty");
    CHECK(problem_with(with("/extra", true)) == "unknown field \"extra\"");
    CHECK(problem_with(with("/journeys", json::array())) == "journeys: needs at least 1");
    CHECK(problem_with(with("/journeys/0/lanes/1/kind", "mood")) ==
          "journeys[0].lanes[1].kind: must be one of touchpoint, expectation, experience, "
          "emotion, pain_point, idea, custom");
    CHECK(problem_with(with("/journeys/0/lanes/0/question", std::string(301, 'x'))) ==
          "journeys[0].lanes[0].question: longer than 300 characters");
    CHECK(problem_with(with("/journeys/0/phases/1", "Aanvragen")) ==
          "journeys[0].phases[1]: must be an object");
    CHECK(problem_with(with("/journeys/0/persona/name", "")) ==
          "journeys[0].persona.name: must not be empty");
    CHECK(problem_with(with("/journeys/0/targetGroup", "bedrijf")).starts_with(
        "journeys[0].targetGroup: must be one of"));
    json too_many = valid;
    for (int i = 0; i < 30; ++i) too_many["journeys"][0]["phases"].push_back({{"title", "F"}});
    CHECK(problem_with(too_many) == "journeys[0].phases: at most 30 allowed");
    json no_lanes = valid;
    no_lanes["journeys"][0].erase("lanes");
    CHECK(problem_with(no_lanes) == "journeys[0].lanes: missing");
}

TEST_CASE("P-TPL-2 a board made from a template has its journeys, phases, lanes and questions in order",
          "[templates]") {
    const auto t = std::get<journey_template>(parse_template(valid));
    const auto b = make_board(t, {"w1", "Training", 5}, counter());
    const json doc = b.to_json();
    REQUIRE(doc["journeys"].size() == 1);
    const auto& j = doc["journeys"][0];
    CHECK(j["title"] == "Parkeervergunning aanvragen");
    CHECK(j["persona"] == json{{"name", "Sanne"}, {"description", "Woont in het centrum"}});
    CHECK(j["phases"][0]["title"] == "Oriënteren");
    CHECK(j["phases"][1]["title"] == "Aanvragen");
    CHECK(j["lanes"][0]["question"] == "Waar zoekt ze?");
    CHECK(j["lanes"][1]["kind"] == "pain_point");
    CHECK(doc["cards"].empty());
    CHECK(doc["workshop"]["title"] == "Training");
}

TEST_CASE("P-TPL-3 a board's structure saved as a template makes the same structure again",
          "[templates]") {
    const auto t = std::get<journey_template>(parse_template(valid));
    auto b = make_board(t, {"w1", "Parkeervergunning", 5}, counter());
    // A second journey added later, sorted before the first.
    b.apply(model::journey_add{"jx", "Ondernemer", "Zz", model::target_group::ondernemer},
            {"", model::role::facilitator, 6});
    const auto saved = from_board(b, "Opgeslagen");
    CHECK(saved.title == "Parkeervergunning");
    REQUIRE(saved.journeys.size() == 2);
    CHECK(saved.journeys[0].title == "Ondernemer");
    CHECK(saved.journeys[1].lanes.size() == 2);
    // The saved document reads back to the same template.
    const json doc = to_json(saved);
    auto again = parse_template(doc);
    REQUIRE(std::holds_alternative<journey_template>(again));
    CHECK(to_json(std::get<journey_template>(again)) == doc);
}

TEST_CASE("P-TPL-4 the shipped templates load, each with phases, lanes and a question per lane",
          "[templates]") {
    const auto lib = template_library::load(JB_TEMPLATES_DIR);
    CHECK(lib.size() >= 4);
    for (const char* id : {"omgevingsvergunning-inwoner", "ondernemer-contact-plan",
                           "verhuizing-doorgeven", "melding-openbare-ruimte"}) {
        INFO(id);
        const auto* t = lib.find(id);
        REQUIRE(t);
        for (const auto& j : t->journeys) {
            CHECK(j.phases.size() >= 4);
            CHECK(j.lanes.size() >= 6);
            for (const auto& l : j.lanes) CHECK_FALSE(l.question.empty());
        }
    }
    const auto& listing = lib.listing()["templates"];
    REQUIRE(listing.size() == lib.size());
    for (std::size_t i = 1; i < listing.size(); ++i)
        CHECK(listing[i - 1]["title"].get<std::string>() <= listing[i]["title"].get<std::string>());
}

TEST_CASE("P-TPL-4 a broken template file stops loading with its name and the problem",
          "[templates]") {
    store::test::temp_dir dir;
    {
        std::ofstream(dir.file("goed.json")) << valid.dump();
        json bad = valid;
        bad["journeys"][0]["lanes"][0]["kind"] = "mood";
        std::ofstream(dir.file("kapot.json")) << bad.dump();
    }
    try {
        template_library::load(dir.path().string());
        FAIL("loaded a broken template");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()).starts_with("template kapot.json: journeys[0].lanes[0].kind:"));
    }
    std::filesystem::remove(dir.file("kapot.json"));
    std::ofstream(dir.file("niet json.json")) << "{";
    CHECK_THROWS_WITH(template_library::load(dir.path().string()),
                      Catch::Contains("niet json.json: the file name must be an id"));
    std::filesystem::remove(dir.file("niet json.json"));
    std::ofstream(dir.file("kapot.json")) << "{";
    CHECK_THROWS_WITH(template_library::load(dir.path().string()),
                      "template kapot.json: not valid JSON");
}
