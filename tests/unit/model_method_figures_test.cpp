// The method's figures (protocol.md P-METH-5), computed only on the server: the emotion curve in
// board order with its gaps, the gaps between expectation and experience with the three largest
// ranked, and the `methodFigures` every viewer gets (in its snapshot and, when they change, in
// event patches, P-SYNC-9).
#include "model/method_figures.hpp"

#include "session_fixture.hpp"

#include <cmath>

using namespace jb::test_session;

namespace {

// Touchpoint cards t1, t2 (phase p1, lane l1) and t3 (p2), a pain point k1 (p1, l5).
board figures_board() {
    board b = session_board();
    accept(b, idea("t2", "p1", "l1", "a1"), bram);
    accept(b, idea("t1", "p1", "l1", "a0"), alice);
    accept(b, idea("t3", "p2", "l1"), alice);
    accept(b, idea("k1", "p1", "l5"), alice);
    return b;
}

// Scores `values` on (scale, target), one scorer each.
void scores(board& b, score_scale scale, const std::string& target, const std::vector<std::int64_t>& values) {
    int who = 0;
    for (const auto v : values)
        accept(b, score_set{scale, target, v}, op_context{"s" + std::to_string(who++), role::participant, 5000});
}

const journey_figures& j1(const std::vector<journey_figures>& all) {
    REQUIRE(!all.empty());
    REQUIRE(all.front().journey->id == "j1");
    return all.front();
}

}  // namespace

TEST_CASE("P-METH-5 mean and population spread from the scores; nothing where nobody scored", "[model][method]") {
    board b = figures_board();
    CHECK(!stats_of(b, score_scale::current, "t1"));
    scores(b, score_scale::current, "t1", {-2, 2});
    const auto s = stats_of(b, score_scale::current, "t1");
    REQUIRE(s);
    CHECK(s->n == 2);
    CHECK(s->mean == 0);
    CHECK(s->spread == 2);
    CHECK(s->counts == std::array<std::int64_t, 5>{1, 0, 0, 0, 1});
    scores(b, score_scale::expected, "p1", {2, 4, 4, 5});
    const auto e = stats_of(b, score_scale::expected, "p1");
    REQUIRE(e);
    CHECK(e->mean == 3.75);
    CHECK(std::abs(e->spread - std::sqrt((1.75 * 1.75 + 0.25 * 0.25 * 2 + 1.25 * 1.25) / 4)) < 1e-12);
}

TEST_CASE("P-METH-5 the curve: one point per touchpoint card in board order (phase, lane, order), n = 0 a gap",
          "[model][method]") {
    board b = figures_board();
    accept(b, lane_add{"j1", "l0", "Kanaal 2", "Zz", lane_kind::touchpoint, ""}, fran);  // before l1
    accept(b, idea("u1", "p1", "l0", "a9"), alice);
    accept(b, writing_private{true}, fran);
    accept(b, idea("mine", "p1", "l1", "a5"), alice);  // private: in nobody's figures
    scores(b, score_scale::current, "t2", {1, 1});
    scores(b, score_scale::desired, "t2", {2});
    const auto all = method_figures(b);  // the figures point into it
    const auto& f = j1(all);
    std::vector<std::string> ids;
    for (const auto& p : f.curve) ids.push_back(p.card->id);
    CHECK(ids == std::vector<std::string>{"u1", "t1", "t2", "t3"});
    CHECK(!f.curve[1].current);
    REQUIRE(f.curve[2].current);
    CHECK(f.curve[2].current->mean == 1);
    CHECK(f.curve[2].desired->mean == 2);
    CHECK(f.curve[3].phase->id == "p2");
}

TEST_CASE("P-METH-5 gaps: expected − experienced when both are scored; the 3 largest positive, ties in board order",
          "[model][method]") {
    board b = figures_board();
    const auto rate = [&](const std::string& target, std::int64_t expected, std::int64_t experienced) {
        scores(b, score_scale::expected, target, {expected});
        scores(b, score_scale::experienced, target, {experienced});
    };
    rate("p1", 5, 4);  // 1
    rate("t1", 5, 3);  // 2
    rate("t2", 4, 5);  // −1
    rate("p2", 5, 4);  // 1, tied with p1: p1 first
    scores(b, score_scale::expected, "t3", {5, 5});
    scores(b, score_scale::experienced, "t3", {4, 4});  // 1, after p2: not among the three
    const auto all = method_figures(b);  // the figures point into it
    const auto& f = j1(all);
    std::vector<std::tuple<std::string, std::optional<double>, int>> rows;
    for (const auto& g : f.gaps) rows.emplace_back(g.target_id, g.gap, g.rank);
    CHECK(rows == std::vector<std::tuple<std::string, std::optional<double>, int>>{
                      {"p1", 1.0, 2}, {"t1", 2.0, 1}, {"t2", -1.0, 0}, {"p2", 1.0, 3}, {"t3", 1.0, 0},
                      {"p3", std::nullopt, 0}, {"p4", std::nullopt, 0}, {"p5", std::nullopt, 0}});
    CHECK(f.gaps[0].is_phase);
    CHECK(f.gaps[1].card->id == "t1");
    CHECK(f.gaps[1].phase->id == "p1");
}

TEST_CASE("P-METH-5 no positive gap, no rank; a one-sided score has no gap", "[model][method]") {
    board b = figures_board();
    scores(b, score_scale::expected, "p1", {3});
    scores(b, score_scale::experienced, "p2", {3});
    scores(b, score_scale::expected, "t1", {3, 4, 5});
    scores(b, score_scale::experienced, "t1", {4});  // 4 − 4 = 0
    const auto all = method_figures(b);  // the figures point into it
    const auto& f = j1(all);
    for (const auto& g : f.gaps) {
        INFO(g.target_id);
        CHECK(g.rank == 0);
        CHECK(g.gap.has_value() == (g.target_id == "t1"));
    }
    CHECK(!f.any_emotion());
    CHECK(f.any_gap());
}

TEST_CASE("P-METH-5 P-SYNC-9 methodFigures: the scored targets, the same for every viewer, figures to 3 decimals",
          "[model][method][patch]") {
    board b = figures_board();
    CHECK(method_figures_json(b) == json::parse(R"({"journeys":[]})"));  // nobody scored yet
    accept(b, writing_private{true}, fran);
    accept(b, idea("mine", "p1", "l1", "a5"), alice);
    scores(b, score_scale::current, "t1", {-1, -1, 0});  // mean −2/3, spread √2/3
    scores(b, score_scale::expected, "p1", {4});
    scores(b, score_scale::experienced, "p1", {3, 4, 4});  // gap 4 − 11/3 = 1/3
    const json doc = method_figures_json(b);
    const json& j = doc.at("journeys").at(0);
    CHECK(j.at("journeyId") == "j1");
    // Only what someone scored: t1's point, p1's row (the clients lay out t2, t3 and the other
    // phases themselves, unscored; alice's private card is in nobody's figures).
    CHECK(j.at("curve") == json::parse(R"([{"cardId":"t1","phaseId":"p1",
        "current":{"n":3,"mean":-0.667,"spread":0.471},"desired":null}])"));
    CHECK(j.at("gaps") == json::parse(R"([{"targetId":"p1","phaseId":"p1","isPhase":true,
        "expected":{"n":1,"mean":4,"spread":0},"experienced":{"n":3,"mean":3.667,"spread":0.471},
        "gap":0.333,"rank":1}])"));
    scores(b, score_scale::experienced, "t2", {2});  // one-sided: a row without a gap
    const json later = method_figures_json(b);
    const json& t2 = later.at("journeys").at(0).at("gaps").at(1);
    CHECK(t2.at("targetId") == "t2");
    CHECK(t2.at("gap").is_null());
    CHECK(t2.at("rank").is_null());
    CHECK(t2.at("expected").is_null());
    // In every viewer's board, the same.
    for (const auto& v : {viewer{"alice", role::participant}, viewer{"bram", role::participant},
                          viewer{"fran", role::facilitator}, viewer{"", role::screen}})
        CHECK(b.view_for(v).at("methodFigures") == method_figures_json(b));
    CHECK(!b.to_json().contains("methodFigures"));  // never stored
}

TEST_CASE("P-METH-5 P-SYNC-9 an event's patch carries methodFigures when they changed, and only then",
          "[model][method][patch]") {
    board b = figures_board();
    CHECK(accept(b, score_set{score_scale::current, "t1", 2}, alice).changes.upserts.contains("methodFigures"));
    CHECK(accept(b, card_move{"t1", "p2", "l1", "a5"}, alice).changes.upserts.contains("methodFigures"));
    CHECK(!accept(b, idea("t4", "p1", "l1", "a7"), alice).changes.upserts.contains("methodFigures"));  // unscored
    CHECK(!accept(b, card_move{"t4", "p2", "l1", "a0"}, alice).changes.upserts.contains("methodFigures"));
    CHECK(!accept(b, card_update{"t1", std::string("loket"), std::nullopt, std::nullopt}, alice)
               .changes.upserts.contains("methodFigures"));
    CHECK(!accept(b, idea("i1"), alice).changes.upserts.contains("methodFigures"));  // an idea lane
    CHECK(!accept(b, score_set{score_scale::current, "t1", 2}, alice).changes.upserts.contains("methodFigures"));  // same again
    CHECK(accept(b, lane_update{"l1", std::nullopt, std::nullopt, lane_kind::custom, std::nullopt}, fran)
              .changes.upserts.contains("methodFigures"));  // no touchpoints left
    CHECK(method_figures_json(b).at("journeys").empty());
}
