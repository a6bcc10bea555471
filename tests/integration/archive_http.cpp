// The whole-workshop archive against the real server (P-ARC-*): download with the facilitator
// key, import as a new workshop, the exact round trip, and bad archives refused with nothing
// created (checked in the database itself); and the report and board image exports of the same
// workshop.
#include "support/server_process.hpp"
#include "support/ws_client.hpp"

#include "store/sqlite_handle.hpp"

#include <catch2/catch.hpp>

#include <boost/beast/http/verb.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>

using namespace jb::test;
using boost::beast::http::verb;

namespace {

std::map<std::string, std::string> bearer(const std::string& key)
{
    return {{"authorization", "Bearer " + key}};
}

http_result get_archive(unsigned short port, const workshop& w)
{
    return http_request(port, verb::get, "/api/workshops/" + w.id + "/archive", {},
                        bearer(w.facilitator_key));
}

json archive_of(unsigned short port, const workshop& w)
{
    const auto res = get_archive(port, w);
    INFO(res.body);
    REQUIRE(res.status == 200);
    return res.json_body();
}

http_result import(unsigned short port, const std::string& body)
{
    return http_request(port, verb::post, "/api/workshops/import", body,
                        {{"content-type", "application/json"}});
}

workshop imported(const http_result& res)
{
    INFO(res.body);
    REQUIRE(res.status == 201);
    const auto j = res.json_body();
    return {j.at("workshopId"), j.at("joinCode"), j.at("facilitatorKey"), j.at("title"), j.at("screenKey")};
}

void check_refused(const http_result& res, int status, const std::string& code, const std::string& message_start)
{
    INFO(res.body);
    CHECK(res.status == status);
    const auto error = res.json_body().at("error");
    CHECK(error.at("code") == code);
    CHECK(error.at("message").get<std::string>().starts_with(message_start));
}

// A workshop with something in every part: cards of two participants (one removed later), a
// link, a group, a closed round with votes, an owner on the list, a stage and a lock.
workshop busy_workshop(unsigned short port)
{
    const auto w = create_workshop(port, "Archief <test> & \"zo\"");
    ws_client fac(port), anna(port), bram(port);
    const auto welcome = fac.join(w.id, {.display_name = "Fien", .facilitator_key = w.facilitator_key});
    const auto& journey = welcome.at("snapshot").at("journeys").at(0);
    const std::string j = journey.at("id"), p1 = journey.at("phases").at(0).at("id"),
                      tp = journey.at("lanes").at(0).at("id"), pain = journey.at("lanes").at(4).at("id"),
                      idea = journey.at("lanes").at(5).at("id");
    anna.join(w.id, {.display_name = "Anna"});
    const auto bram_id = bram.join(w.id, {.display_name = "Bram"}).at("you").at("participantId");
    auto card = [&](ws_client& c, const std::string& id, const std::string& lane, const std::string& text) {
        c.apply({{"kind", "card.add"}, {"cardId", id}, {"journeyId", j}, {"phaseId", p1}, {"laneId", lane},
                 {"text", text}, {"color", "yellow"}, {"orderKey", "a" + id.substr(1)}});
    };
    card(anna, "c1", tp, "Website\nmet <script>alert(1)</script>");
    card(bram, "c2", pain, "Geen bevestiging & geen \"antwoord\"");
    card(anna, "c3", idea, "Stuur een ontvangstbevestiging");
    card(bram, "c4", idea, "Bel terug binnen 2 dagen");
    anna.apply({{"kind", "card.link"}, {"cardId", "c3"}, {"targetId", "c2"}});
    fac.apply({{"kind", "round.start"}, {"roundId", "r1"}, {"criterion", "impact"}, {"budget", 3},
               {"maxPerItem", 2}, {"durationMs", nullptr}, {"anonymous", false},
               {"facilitatorVotes", false}, {"scope", {{"kind", "ideas"}}}});
    anna.apply({{"kind", "vote.add"}, {"roundId", "r1"}, {"itemId", "c3"}});
    bram.apply({{"kind", "vote.add"}, {"roundId", "r1"}, {"itemId", "c4"}});
    bram.apply({{"kind", "vote.add"}, {"roundId", "r1"}, {"itemId", "c3"}});
    fac.apply({{"kind", "round.close"}, {"roundId", "r1"}});
    fac.apply({{"kind", "improvement.update"}, {"itemId", "c3"}, {"owner", "Team Vergunningen"}, {"status", "planned"}});
    fac.apply({{"kind", "group.add"}, {"groupId", "g1"}, {"title", "Sneller"}, {"cardIds", json::array({"c3", "c4"})}});
    fac.apply({{"kind", "stage.set"}, {"stageId", "results"}});
    fac.apply({{"kind", "participant.remove"}, {"participantId", bram_id}});
    fac.apply({{"kind", "board.lock"}, {"locked", true}});
    return w;
}

std::int64_t count(const std::filesystem::path& db_path, const std::string& sql)
{
    jb::store::sqlite::database db(db_path.string());
    return db.query_int(sql);
}

}  // namespace

TEST_CASE("P-ARC-1 P-ARC-4 an archive imports as a new workshop and exports again exactly", "[http][archive]")
{
    test_server server;
    const auto w = busy_workshop(server.port());
    const auto res = get_archive(server.port(), w);
    REQUIRE(res.status == 200);
    CHECK(res.header("content-type") == "application/json");
    CHECK(res.header("content-disposition") == "attachment; filename=\"archief-test-zo-archive.json\"");
    const auto first = res.json_body();
    CHECK(first.at("formatVersion") == 1);
    CHECK(first.at("kind") == "journeyboard.archive");
    CHECK(first.at("state").at("workshop").at("id") == w.id);
    CHECK(first.at("state").at("cards").size() == 4);
    CHECK(first.at("state").at("facilitation").at("locked") == true);
    CHECK(first.at("participants").size() == 3);
    // In order of joining, ties by id: Anna and Bram may join in the same millisecond, so
    // Bram is found by name, not by place.
    const auto& people = first.at("participants");
    const auto bram = std::find_if(people.begin(), people.end(),
                                   [](const json& p) { return p.at("displayName") == "Bram"; });
    REQUIRE(bram != people.end());
    CHECK(bram->at("removed") == true);
    // No secret of the workshop is in it.
    for (const auto& secret : {w.facilitator_key, w.join_code, w.screen_key})
        CHECK(res.body.find(secret) == std::string::npos);
    CHECK(res.body.find("token") == std::string::npos);

    const auto copy = imported(import(server.port(), res.body));
    CHECK(copy.id != w.id);
    CHECK(copy.title == "Archief <test> & \"zo\"");
    CHECK(copy.join_code != w.join_code);
    CHECK(copy.facilitator_key != w.facilitator_key);
    CHECK(copy.screen_key != w.screen_key);

    auto second = archive_of(server.port(), copy);
    CHECK(second.at("state").at("workshop").at("id") == copy.id);
    CHECK(second.at("exportedAt") >= first.at("exportedAt"));
    second["exportedAt"] = first["exportedAt"];
    second["state"]["workshop"]["id"] = w.id;
    CHECK(second == first);

    // The new workshop is live: its join code finds it, its facilitator sees the same board.
    const auto found = http_get(server.port(), "/api/join/" + copy.join_code);
    REQUIRE(found.status == 200);
    CHECK(found.json_body().at("workshopId") == copy.id);
    ws_client fac(server.port());
    const auto welcome = fac.join(copy.id, {.display_name = "Nieuw", .facilitator_key = copy.facilitator_key});
    CHECK(welcome.at("snapshot").at("cards").size() == 4);
    CHECK(welcome.at("snapshot").at("rounds").at(0).at("result") == first.at("state").at("rounds").at(0).at("result"));
    // A new facilitator joined: the next archive has one more participant, and it survives a restart.
    REQUIRE(server.stop() == 0);
    server.start();
    const auto third = archive_of(server.port(), copy);
    CHECK(third.at("participants").size() == 4);
    CHECK(third.at("state").at("cards") == first.at("state").at("cards"));
}

TEST_CASE("P-ARC-1 P-HTTP-9 the archive needs the workshop's facilitator key", "[http][archive]")
{
    test_server server;
    const auto w = create_workshop(server.port());
    const auto other = create_workshop(server.port(), "Ander");
    const std::string path = "/api/workshops/" + w.id + "/archive";
    check_refused(http_request(server.port(), verb::get, path), 401, "unauthorized", "this needs the facilitator key");
    check_refused(http_request(server.port(), verb::get, path, {}, {{"authorization", "Basic abc"}}), 401,
                  "unauthorized", "");
    check_refused(http_request(server.port(), verb::get, path, {}, bearer(other.facilitator_key)), 403,
                  "forbidden", "this is neither the workshop's facilitator key");
    check_refused(http_request(server.port(), verb::get, "/api/workshops/nope/archive", {}, bearer(w.facilitator_key)),
                  404, "not_found", "no such workshop");
    check_refused(http_request(server.port(), verb::post, path, "{}", bearer(w.facilitator_key)), 405,
                  "method_not_allowed", "");
    check_refused(http_request(server.port(), verb::get, "/api/workshops/import"), 405, "method_not_allowed", "");
}

TEST_CASE("P-ARC-2 P-ARC-3 a bad archive is refused with a clear message and creates nothing", "[http][archive]")
{
    test_server server({"--max-archive-bytes", "4000000"});
    const auto w = create_workshop(server.port(), "Bron");
    const auto good = archive_of(server.port(), w);
    auto changed = [&](const std::function<void(json&)>& edit) {
        auto doc = good;
        edit(doc);
        return doc.dump();
    };

    check_refused(import(server.port(), changed([](json& d) { d["formatVersion"] = 2; })), 400, "invalid",
                  "not a valid workshop archive: archive.formatVersion: 2 is not a version this server reads");
    check_refused(import(server.port(), changed([](json& d) { d["state"]["journeys"][0]["colour"] = "red"; })), 400,
                  "invalid", "not a valid workshop archive: unknown field \"archive.state.journeys[0].colour\"");
    check_refused(import(server.port(), changed([](json& d) { d["extra"] = 1; })), 400, "invalid",
                  "not a valid workshop archive: unknown field \"archive.extra\"");
    check_refused(import(server.port(), "{\"formatVersion\": 1,"), 400, "bad_json", "");
    check_refused(import(server.port(), "[]"), 400, "bad_json", "");

    // A card in a lane that does not exist.
    const auto with_card = changed([](json& d) {
        const auto& j = d["state"]["journeys"][0];
        d["state"]["cards"].push_back({{"id", "c1"}, {"journeyId", j["id"]}, {"phaseId", j["phases"][0]["id"]},
                                       {"laneId", "nope"}, {"text", "x"}, {"color", "yellow"},
                                       {"authorId", "p1"}, {"orderKey", "a0"}, {"createdAt", 1},
                                       {"updatedAt", 1}, {"groupId", nullptr}, {"linkedTo", nullptr},
                                       {"private", false}});
    });
    check_refused(import(server.port(), with_card), 400, "invalid",
                  "not a valid workshop archive: archive.state.cards[0].laneId: no lane \"nope\" in its journey");

    // What a live operation would refuse: a poll answer by a stranger, an emotion score on a
    // phase (score.set's own check), a vote on an item that is not the round's.
    const json pia{{"id", "p1"}, {"displayName", "Pia"}, {"role", "participant"}, {"removed", false}, {"createdAt", 1}};
    check_refused(import(server.port(), changed([&](json& d) {
                      d["participants"].push_back(pia);
                      d["state"]["evaluation"]["responses"].push_back(
                          {{"id", "r1"}, {"participantId", "zoe"}, {"rating", 3}, {"remarks", ""}, {"at", 1}});
                  })),
                  400, "invalid",
                  "not a valid workshop archive: archive.state.evaluation.responses[0].participantId: "
                  "no participant \"zoe\"");
    check_refused(import(server.port(), changed([&](json& d) {
                      d["participants"].push_back(pia);
                      const auto phase = d["state"]["journeys"][0]["phases"][0]["id"];
                      d["state"]["scores"].push_back({{"scale", "current"}, {"targetId", phase}, {"values", {{"p1", 1}}}});
                  })),
                  400, "invalid", "not a valid workshop archive: archive.state.scores[0].targetId: no card ");

    // One card more than a board may hold (10,000), about 3 MB: under the archive limit.
    const auto too_many = changed([](json& d) {
        const auto& j = d["state"]["journeys"][0];
        json card{{"id", ""}, {"journeyId", j["id"]}, {"phaseId", j["phases"][0]["id"]},
                  {"laneId", j["lanes"][0]["id"]}, {"text", "x"}, {"color", "yellow"}, {"authorId", "p1"},
                  {"orderKey", "a0"}, {"createdAt", 1}, {"updatedAt", 1}, {"groupId", nullptr},
                  {"linkedTo", nullptr}, {"private", false}};
        for (int i = 0; i < 10'001; ++i) {
            card["id"] = "c" + std::to_string(i);
            d["state"]["cards"].push_back(card);
        }
    });
    REQUIRE(too_many.size() < 4'000'000);
    check_refused(import(server.port(), too_many), 400, "invalid",
                  "not a valid workshop archive: archive.state.cards: 10001 is more than the limit of 10000");

    // Larger than --max-archive-bytes: 413 before anything is read.
    check_refused(import(server.port(), std::string(4'000'001, ' ')), 413, "too_large",
                  "the request body is larger than 4000000 bytes");

    REQUIRE(server.stop() == 0);
    CHECK(count(server.db_path(), "SELECT count(*) FROM workshops") == 1);
    CHECK(count(server.db_path(), "SELECT count(*) FROM snapshots") == 1);
    CHECK(count(server.db_path(), "SELECT count(*) FROM participants") == 0);
}

TEST_CASE("P-ARC-2 only the import has the archive's body limit", "[http][archive]")
{
    test_server server;  // defaults: 16 KiB for bodies, 8 MiB for archives
    const auto w = create_workshop(server.port(), "Groot");
    ws_client fac(server.port());
    const auto welcome = fac.join(w.id, {.facilitator_key = w.facilitator_key});
    const auto& journey = welcome.at("snapshot").at("journeys").at(0);
    for (int i = 0; i < 12; ++i)
        fac.apply({{"kind", "card.add"}, {"cardId", "c" + std::to_string(i)}, {"journeyId", journey.at("id")},
                   {"phaseId", journey.at("phases").at(0).at("id")}, {"laneId", journey.at("lanes").at(0).at("id")},
                   {"text", std::string(1500, 'k')}, {"color", "green"}, {"orderKey", "a" + std::string(1, static_cast<char>('A' + i))}});
    const auto body = get_archive(server.port(), w).body;
    REQUIRE(body.size() > 16 * 1024);
    imported(import(server.port(), body));
    // Any other request of that size is still refused.
    const auto res = http_request(server.port(), verb::post, "/api/workshops", body,
                                  {{"content-type", "application/json"}});
    CHECK(res.status == 413);
}

// The two exports of export-report (P-EXP-7, P-EXP-8) through the real server: the board with
// hostile text comes back escaped, the SVG is well-formed XML (read by Python's expat), and
// only the facilitator key opens them.
TEST_CASE("P-EXP-7 P-EXP-8 report.html and board.svg are served escaped, and only to the facilitator",
          "[http][archive][export]")
{
    test_server server;
    const auto w = busy_workshop(server.port());
    const auto other = create_workshop(server.port(), "Ander");
    const std::string base = "/api/workshops/" + w.id + "/export/";

    const auto html = http_request(server.port(), verb::get, base + "report.html", {}, bearer(w.facilitator_key));
    REQUIRE(html.status == 200);
    CHECK(html.header("content-type") == "text/html; charset=utf-8");
    CHECK(html.header("content-disposition") == "attachment; filename=\"archief-test-zo-report.html\"");
    CHECK(html.body.find("<script>alert(1)</script>") == std::string::npos);
    CHECK(html.body.find("Website\nmet &lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(html.body.find("Geen bevestiging &amp; geen &quot;antwoord&quot;") != std::string::npos);
    CHECK(html.body.find("Team Vergunningen") != std::string::npos);  // the improvement list

    const auto svg = http_request(server.port(), verb::get, base + "board.svg?lang=en", {}, bearer(w.facilitator_key));
    REQUIRE(svg.status == 200);
    CHECK(svg.header("content-type") == "image/svg+xml; charset=utf-8");
    CHECK(svg.header("content-disposition") == "attachment; filename=\"archief-test-zo-board.svg\"");
    CHECK(svg.body.find("<script>") == std::string::npos);
    temp_dir dir;
    const auto path = dir.path() / "board.svg";
    std::ofstream(path, std::ios::binary) << svg.body;
    const auto parse = "python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' " + path.string();
    CHECK(std::system(parse.c_str()) == 0);

    for (const char* name : {"report.html", "board.svg"}) {
        CHECK(http_request(server.port(), verb::get, base + name).status == 401);
        CHECK(http_request(server.port(), verb::get, base + name, {}, bearer(other.facilitator_key)).status == 403);
        CHECK(http_request(server.port(), verb::get, "/api/workshops/nope/export/" + std::string(name), {},
                           bearer(w.facilitator_key)).status == 404);
    }
}
