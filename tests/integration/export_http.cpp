// The export endpoint against the real server (P-EXP-1..6, P-HTTP-9): who may download, every
// format's status, Content-Type and file name, the CSV options, and that an export holds every
// acknowledged operation at once.
#include "support/server_process.hpp"
#include "support/ws_client.hpp"

#include <catch2/catch.hpp>

#include <boost/beast/http/verb.hpp>

using namespace jb::test;
using boost::beast::http::verb;

namespace {

std::map<std::string, std::string> bearer(const std::string& key)
{
    return {{"authorization", "Bearer " + key}};
}

void check_error(const http_result& res, int status, const std::string& code)
{
    INFO(res.body);
    CHECK(res.status == status);
    CHECK(res.header("content-type") == "application/json");
    CHECK(res.json_body().at("error").at("code") == code);
}

// The facilitator adds an idea, votes on it in a round and closes the round; returns the
// participant token of a participant who joined as well.
std::string fill(unsigned short port, const workshop& w)
{
    ws_client fac(port);
    const auto snapshot = fac.join(w.id, {.facilitator_key = w.facilitator_key}).at("snapshot");
    const auto& j = snapshot.at("journeys").at(0);
    std::string idea_lane;
    for (const auto& l : j.at("lanes"))
        if (l.at("kind") == "idea") idea_lane = l.at("id");
    fac.apply({{"kind", "card.add"}, {"cardId", "c1"}, {"journeyId", j.at("id")},
               {"phaseId", j.at("phases").at(0).at("id")}, {"laneId", idea_lane},
               {"text", "Eén loket; \"altijd\" open"}, {"color", "yellow"}, {"orderKey", "a0"}});
    fac.apply({{"kind", "round.start"}, {"roundId", "r1"}, {"criterion", "impact"}, {"budget", 3},
               {"maxPerItem", 3}, {"durationMs", nullptr}, {"anonymous", true},
               {"facilitatorVotes", true}, {"scope", {{"kind", "ideas"}}}});
    fac.apply({{"kind", "vote.add"}, {"roundId", "r1"}, {"itemId", "c1"}});
    fac.apply({{"kind", "vote.add"}, {"roundId", "r1"}, {"itemId", "c1"}});
    fac.apply({{"kind", "round.close"}, {"roundId", "r1"}});
    ws_client participant(port);
    return participant.join(w.id).at("you").at("participantToken");
}

std::string export_path(const workshop& w, const std::string& name)
{
    return "/api/workshops/" + w.id + "/export/" + name;
}

}  // namespace

TEST_CASE("P-EXP-1 P-HTTP-9 only the facilitator key opens an export", "[http][export]")
{
    test_server server;
    const auto w = create_workshop(server.port(), "Verhuizing");
    const auto other = create_workshop(server.port(), "Andere");
    const auto participant_token = fill(server.port(), w);
    const auto path = export_path(w, "improvements.csv");

    check_error(http_get(server.port(), path), 401, "unauthorized");
    check_error(http_get(server.port(), path, {{"authorization", "Basic abc"}}), 401, "unauthorized");
    check_error(http_get(server.port(), path, bearer(other.facilitator_key)), 403, "forbidden");
    // A participant's own secret, or the screen key, is no facilitator key.
    check_error(http_get(server.port(), path, bearer(participant_token)), 403, "forbidden");
    check_error(http_get(server.port(), path, bearer(w.screen_key)), 403, "forbidden");
    check_error(http_get(server.port(), "/api/workshops/nope/export/improvements.csv", bearer(w.facilitator_key)),
                404, "not_found");
    check_error(http_get(server.port(), export_path(w, "improvements.exe"), bearer(w.facilitator_key)),
                404, "not_found");
    check_error(http_get(server.port(), path + "?lang=de", bearer(w.facilitator_key)), 400, "invalid");
    check_error(http_get(server.port(), path + "?delimiter=pipe", bearer(w.facilitator_key)), 400, "invalid");
    check_error(http_request(server.port(), verb::post, path, "", bearer(w.facilitator_key)), 405,
                "method_not_allowed");
}

TEST_CASE("P-HTTP-9 a co-facilitator's own token opens facilitator requests until demoted or removed",
          "[http][export][role]")
{
    test_server server;
    const auto w = create_workshop(server.port(), "Samen begeleiden");
    fill(server.port(), w);
    ws_client fac(server.port());
    fac.join(w.id, {.display_name = "Fran", .facilitator_key = w.facilitator_key});
    ws_client anna(server.port());
    const auto you = anna.join(w.id, {.display_name = "Anna"}).at("you");
    const std::string anna_id = you.at("participantId");
    const std::string anna_token = you.at("participantToken");
    ws_client bram(server.port());
    const auto bram_you = bram.join(w.id, {.display_name = "Bram"}).at("you");
    const std::string bram_id = bram_you.at("participantId");
    const std::string bram_token = bram_you.at("participantToken");
    const auto csv = export_path(w, "improvements.csv");
    const auto archive = "/api/workshops/" + w.id + "/archive";
    const auto structure = "/api/workshops/" + w.id + "/template";

    // A participant's token is no facilitator's.
    check_error(http_get(server.port(), csv, bearer(anna_token)), 403, "forbidden");
    fac.apply({{"kind", "participant.role"}, {"participantId", anna_id}, {"role", "facilitator"}});
    fac.apply({{"kind", "participant.role"}, {"participantId", bram_id}, {"role", "facilitator"}});
    CHECK(http_get(server.port(), csv, bearer(anna_token)).status == 200);
    CHECK(http_get(server.port(), archive, bearer(anna_token)).status == 200);
    CHECK(http_get(server.port(), structure, bearer(anna_token)).status == 200);
    // Not the token of another workshop's facilitator.
    const auto other = create_workshop(server.port(), "Andere");
    check_error(http_get(server.port(), "/api/workshops/" + other.id + "/template", bearer(anna_token)),
                403, "forbidden");

    // An acknowledged demotion or removal ends it at once.
    fac.apply({{"kind", "participant.role"}, {"participantId", anna_id}, {"role", "participant"}});
    check_error(http_get(server.port(), csv, bearer(anna_token)), 403, "forbidden");
    CHECK(http_get(server.port(), csv, bearer(bram_token)).status == 200);
    fac.apply({{"kind", "participant.remove"}, {"participantId", bram_id}});
    check_error(http_get(server.port(), csv, bearer(bram_token)), 403, "forbidden");
    // The key itself still works.
    CHECK(http_get(server.port(), csv, bearer(w.facilitator_key)).status == 200);
}

TEST_CASE("P-HTTP-11 a new facilitator key revokes the old one at once, over HTTP and in a hello",
          "[http][role]")
{
    test_server server;
    const auto w = create_workshop(server.port(), "Gelekte link");
    const auto path = "/api/workshops/" + w.id + "/facilitator-key";
    // The room is live: the old key is held in its memory too.
    ws_client fac(server.port());
    const std::string fran_token =
        fac.join(w.id, {.display_name = "Fran", .facilitator_key = w.facilitator_key}).at("you").at("participantToken");
    ws_client anna(server.port());
    const auto you = anna.join(w.id, {.display_name = "Anna"}).at("you");
    const std::string anna_token = you.at("participantToken");

    check_error(http_request(server.port(), verb::post, path, "", {}), 401, "unauthorized");
    check_error(http_request(server.port(), verb::post, path, "", bearer(anna_token)), 403, "forbidden");
    check_error(http_request(server.port(), verb::get, path, "", bearer(w.facilitator_key)), 405,
                "method_not_allowed");
    const auto res = http_request(server.port(), verb::post, path, "", bearer(w.facilitator_key));
    REQUIRE(res.status == 200);
    const std::string fresh = res.json_body().at("facilitatorKey");
    CHECK(fresh != w.facilitator_key);
    CHECK(fresh.size() == 43);

    // The old key opens nothing any more; the new one does.
    check_error(http_get(server.port(), "/api/workshops/" + w.id + "/template", bearer(w.facilitator_key)),
                403, "forbidden");
    ws_client leaked(server.port());
    CHECK(leaked.hello(w.id, {.facilitator_key = w.facilitator_key}).at("code") == "forbidden");
    CHECK(leaked.wait_closed().code == 4003);
    ws_client owner(server.port());
    CHECK(owner.join(w.id, {.display_name = "Fran", .facilitator_key = fresh}).at("you").at("role") ==
          "facilitator");
    // Roles already given stay: Fran's open connection is still the facilitator's, and her other
    // tab, which still holds the old key, joins by her token as the facilitator she is (P-JOIN-4).
    fac.apply({{"kind", "board.lock"}, {"locked", true}});
    ws_client other_tab(server.port());
    CHECK(other_tab.join(w.id, {.display_name = "Fran", .participant_token = fran_token,
                                .facilitator_key = w.facilitator_key})
              .at("you").at("role") == "facilitator");
    // Not so for a participant's token with the old key.
    ws_client anna_leak(server.port());
    CHECK(anna_leak.hello(w.id, {.display_name = "Anna", .participant_token = anna_token,
                                 .facilitator_key = w.facilitator_key})
              .at("code") == "forbidden");

    // A co-facilitator may replace it too, with their own token; after a restart only the
    // newest key works (it is in the store, not only in the room).
    fac.apply({{"kind", "participant.role"}, {"participantId", you.at("participantId")}, {"role", "facilitator"}});
    const auto again = http_request(server.port(), verb::post, path, "", bearer(anna_token));
    REQUIRE(again.status == 200);
    const std::string newest = again.json_body().at("facilitatorKey");
    server.stop();
    server.start();
    ws_client stale(server.port());
    CHECK(stale.hello(w.id, {.facilitator_key = fresh}).at("code") == "forbidden");
    ws_client current(server.port());
    CHECK(current.join(w.id, {.facilitator_key = newest}).at("you").at("role") == "facilitator");
}

TEST_CASE("P-EXP-2..6 every format answers 200 with its type and an attachment name", "[http][export]")
{
    test_server server;
    const auto w = create_workshop(server.port(), "Verhuizing doorgeven");
    fill(server.port(), w);
    const std::vector<std::pair<std::string, std::string>> formats{
        {"improvements.csv", "text/csv; charset=utf-8"},
        {"improvements.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
        {"improvements.ods", "application/vnd.oasis.opendocument.spreadsheet"},
        {"improvements.md", "text/markdown; charset=utf-8"},
        {"improvements.json", "application/json; charset=utf-8"},
    };
    for (const auto& [name, type] : formats) {
        const auto res = http_get(server.port(), export_path(w, name), bearer(w.facilitator_key));
        INFO(name << ": " << res.body.substr(0, 200));
        CHECK(res.status == 200);
        CHECK(res.header("content-type") == type);
        CHECK(res.header("content-disposition") == "attachment; filename=\"verhuizing-doorgeven-" + name + "\"");
        CHECK(res.header("cache-control") == "no-store");
        CHECK(res.body.size() > 100);
    }
    // The state is the durable one: the idea and its two votes, acknowledged just before.
    const auto doc = json::parse(http_get(server.port(), export_path(w, "improvements.json"),
                                          bearer(w.facilitator_key)).body);
    REQUIRE(doc.at("items").size() == 1);
    CHECK(doc.at("items").at(0).at("text") == "Eén loket; \"altijd\" open");
    CHECK(doc.at("items").at(0).at("total") == 2);
    CHECK(doc.at("workshop").at("title") == "Verhuizing doorgeven");
    CHECK(http_get(server.port(), export_path(w, "improvements.md"), bearer(w.facilitator_key))
              .body.starts_with("# Verhuizing doorgeven\n"));
}

TEST_CASE("P-EXP-2 the CSV delimiter and language are the facilitator's choice", "[http][export]")
{
    test_server server;
    const auto w = create_workshop(server.port(), "Verhuizing");
    fill(server.port(), w);
    const auto get = [&](const std::string& query) {
        const auto res = http_get(server.port(), export_path(w, "improvements.csv") + query, bearer(w.facilitator_key));
        REQUIRE(res.status == 200);
        return res.body;
    };
    const std::string bom = "\xEF\xBB\xBF";
    CHECK(get("") == bom + "Plek;Idee;Ideeën in de groep;Stemmen totaal;Ronde 1: impact;Klantreis;Fase;Contactmomenten;Knelpunt;Eigenaar;Status\r\n"
                           "1;\"Eén loket; \"\"altijd\"\" open\";;2;2;Klantreis;Oriënteren;;;;Open\r\n");
    CHECK(get("?delimiter=semicolon") == get(""));
    CHECK(get("?delimiter=comma") == bom + "Plek,Idee,Ideeën in de groep,Stemmen totaal,Ronde 1: impact,Klantreis,Fase,Contactmomenten,Knelpunt,Eigenaar,Status\r\n"
                                           "1,\"Eén loket; \"\"altijd\"\" open\",,2,2,Klantreis,Oriënteren,,,,Open\r\n");
    CHECK(get("?delimiter=tab&lang=en") == bom + "Place\tIdea\tIdeas in the group\tTotal votes\tRound 1: impact\tJourney\tPhase\tTouchpoints\tPain point\tOwner\tStatus\r\n"
                                                 "1\t\"Eén loket; \"\"altijd\"\" open\"\t\t2\t2\tKlantreis\tOriënteren\t\t\t\tOpen\r\n");
}
