// The server's improvement list (P-IMP-4), the only one: the clients show the rows it sends
// (board.improvementList), held here to the fixtures of tests/fixtures/improvements/.
#include "model/improvement_list.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

using namespace jb::model;
using nlohmann::json;


TEST_CASE("P-IMP-4 the server's list gives the rows of every shared fixture", "[model][improvements]") {
    const std::filesystem::path dir = JB_SOURCE_DIR "/tests/fixtures/improvements";
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() != ".json") continue;
        ++files;
        std::ifstream in(entry.path());
        const auto fixture = json::parse(in);
        INFO(entry.path().filename().string() << ": " << fixture.at("description").get<std::string>());
        const auto b = board::from_json(fixture.at("state"));
        // The rows exactly as clients get them in their board (P-SYNC-9).
        CHECK(improvement_list_json(b).at("rows") == fixture.at("expected"));
    }
    CHECK(files >= 3);
}

TEST_CASE("P-IMP-4 P-FAC-6 a private pain point's text never reaches the list, even through an old link",
          "[model][improvements]") {
    // Linking a private card is refused now, but a board stored before that may hold such a
    // link: the list (and so every export) shows no pain point then, as the facilitator's
    // screen, where the private card is not shown.
    std::ifstream in(JB_SOURCE_DIR "/tests/fixtures/improvements/two-rounds.json");
    auto state = json::parse(in).at("state");
    const auto before = compute_improvements(board::from_json(state));
    const auto linked = std::find_if(before.begin(), before.end(), [](const auto& r) { return r.pain_point; });
    REQUIRE(linked != before.end());
    for (auto& c : state.at("cards"))
        if (c.at("text") == *linked->pain_point) c["private"] = true;
    const auto after = compute_improvements(board::from_json(state));
    for (const auto& r : after)
        if (r.item_id == linked->item_id) CHECK(!r.pain_point);
}
