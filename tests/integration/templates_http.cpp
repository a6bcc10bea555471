// Journey templates, copying a workshop's structure, and deleting workshops (P-HTTP-8..9,
// P-TPL-*, P-DEL-*), against the real server with its shipped templates.
#include "support/server_process.hpp"
#include "support/ws_client.hpp"

#include "store/sqlite_handle.hpp"

#include <catch2/catch.hpp>

#include <boost/beast/http/verb.hpp>

#include <thread>

using namespace jb::test;
using boost::beast::http::verb;

namespace {

http_result create(unsigned short port, const json& body, std::map<std::string, std::string> headers = {})
{
    return http_request(port, verb::post, "/api/workshops", body.dump(), std::move(headers));
}

std::map<std::string, std::string> bearer(const std::string& key)
{
    return {{"authorization", "Bearer " + key}};
}

workshop created(const http_result& res)
{
    INFO(res.body);
    REQUIRE(res.status == 201);
    const auto j = res.json_body();
    return {j.at("workshopId"), j.at("joinCode"), j.at("facilitatorKey"), j.at("title")};
}

// The journeys of a workshop's board as the template document would list them.
json structure_of(unsigned short port, const workshop& w)
{
    ws_client client(port);
    const auto snapshot = client.join(w.id, {.facilitator_key = w.facilitator_key}).at("snapshot");
    json out = json::array();
    for (const auto& j : snapshot.at("journeys")) {
        json phases = json::array(), lanes = json::array();
        for (const auto& p : j.at("phases")) phases.push_back({{"title", p.at("title")}});
        for (const auto& l : j.at("lanes"))
            lanes.push_back({{"title", l.at("title")}, {"kind", l.at("kind")}, {"question", l.at("question")}});
        json journey{{"title", j.at("title")}, {"targetGroup", j.at("targetGroup")}};
        if (!j.at("persona").is_null()) journey["persona"] = j.at("persona");
        journey["phases"] = phases;
        journey["lanes"] = lanes;
        out.push_back(journey);
    }
    return out;
}

void check_error(const http_result& res, int status, const std::string& code)
{
    INFO(res.body);
    CHECK(res.status == status);
    CHECK(res.json_body().at("error").at("code") == code);
}

std::int64_t count(jb::store::sqlite::database& db, const std::string& sql)
{
    return db.query_int(sql);
}

}  // namespace

TEST_CASE("P-TPL-4 GET /api/templates lists the shipped templates sorted by title", "[http][templates]")
{
    test_server server;
    auto res = http_get(server.port(), "/api/templates");
    REQUIRE(res.status == 200);
    const auto list = res.json_body().at("templates");
    std::vector<std::string> ids, titles;
    for (const auto& t : list) {
        ids.push_back(t.at("id"));
        titles.push_back(t.at("title"));
    }
    for (const char* id : {"omgevingsvergunning-inwoner", "ondernemer-contact-plan",
                           "verhuizing-doorgeven", "melding-openbare-ruimte"})
        CHECK(std::find(ids.begin(), ids.end(), id) != ids.end());
    CHECK(std::is_sorted(titles.begin(), titles.end()));
    CHECK(http_request(server.port(), verb::post, "/api/templates").status == 405);
}

TEST_CASE("P-TPL-2 a workshop made from each shipped template has its journeys, phases, lanes and questions",
          "[http][templates]")
{
    test_server server;
    const auto list = http_get(server.port(), "/api/templates").json_body().at("templates");
    REQUIRE(list.size() >= 4);
    for (const auto& t : list) {
        INFO(t.at("id"));
        const auto w = created(create(server.port(), {{"title", "Training"},
                                                      {"source", {{"kind", "template"}, {"templateId", t.at("id")}}}}));
        CHECK(w.title == "Training");
        CHECK(structure_of(server.port(), w) == t.at("journeys"));
    }
}

TEST_CASE("P-HTTP-6 P-HTTP-8 the default and the empty board", "[http][templates]")
{
    test_server server;
    const auto plain = created(create(server.port(), {{"title", "A"}}));
    const auto by_default = created(create(server.port(), {{"title", "B"}, {"source", {{"kind", "default"}}}}));
    CHECK(structure_of(server.port(), plain) == structure_of(server.port(), by_default));
    CHECK(structure_of(server.port(), plain)[0].at("phases").size() == 5);

    const auto empty = created(create(server.port(), {{"title", "C"}, {"source", {{"kind", "empty"}}}}));
    CHECK(structure_of(server.port(), empty) ==
          json::parse(R"([{"title":"Klantreis","targetGroup":"inwoner","phases":[],"lanes":[]}])"));
}

TEST_CASE("P-HTTP-8 P-HTTP-9 P-HTTP-10 P-TPL-3 a new workshop from an earlier one's structure, and as a file",
          "[http][templates]")
{
    test_server server;
    const auto earlier = created(create(server.port(), {{"title", "Eerste sessie"},
                                                        {"source", {{"kind", "template"}, {"templateId", "verhuizing-doorgeven"}}}}));
    {
        ws_client facilitator(server.port());
        const auto snapshot = facilitator.join(earlier.id, {.facilitator_key = earlier.facilitator_key}).at("snapshot");
        const std::string journey = journey_id(snapshot);
        facilitator.apply({{"kind", "phase.add"}, {"journeyId", journey}, {"phaseId", new_id("p")},
                           {"title", "Bezwaar"}, {"orderKey", "Zz"}});
        facilitator.apply({{"kind", "lane.update"}, {"laneId", lane_id(snapshot, 0)}, {"question", "Nieuwe vraag?"}});
        facilitator.apply({{"kind", "journey.add"}, {"journeyId", new_id("j")}, {"title", "Ondernemer"},
                           {"targetGroup", "persona"}, {"orderKey", "a5"},
                           {"persona", {{"name", "Fatima"}, {"description", "Lunchroom"}}}});
        facilitator.apply(card_add(snapshot, new_id("c"), "Deze kaart gaat niet mee"));
    }
    const auto expected = structure_of(server.port(), earlier);
    CHECK(expected[0].at("phases")[0].at("title") == "Bezwaar");  // "Zz" sorts first
    CHECK(expected[1].at("persona").at("name") == "Fatima");

    const json copy_body{{"title", "Tweede sessie"}, {"source", {{"kind", "workshop"}, {"workshopId", earlier.id}}}};
    check_error(create(server.port(), copy_body), 401, "unauthorized");
    check_error(create(server.port(), copy_body, bearer(std::string(43, 'A'))), 403, "forbidden");
    json unknown = copy_body;
    unknown["source"]["workshopId"] = "no-such-workshop";
    check_error(create(server.port(), unknown, bearer(earlier.facilitator_key)), 404, "not_found");

    const auto second = created(create(server.port(), copy_body, bearer(earlier.facilitator_key)));
    CHECK(structure_of(server.port(), second) == expected);
    {
        ws_client c(server.port());
        CHECK(c.join(second.id).at("snapshot").at("cards").empty());  // structure only
    }

    // Saved as a template and imported again: the same structure.
    check_error(http_get(server.port(), "/api/workshops/" + earlier.id + "/template"), 401, "unauthorized");
    check_error(http_get(server.port(), "/api/workshops/" + earlier.id + "/template",
                         bearer(second.facilitator_key)), 403, "forbidden");
    auto download = http_get(server.port(), "/api/workshops/" + earlier.id + "/template",
                             bearer(earlier.facilitator_key));
    REQUIRE(download.status == 200);
    CHECK(download.header("content-disposition") == "attachment; filename=\"eerste-sessie.template.json\"");
    const auto file = download.json_body();
    CHECK(file.at("title") == "Eerste sessie");
    CHECK(file.at("journeys") == expected);
    const auto imported = created(create(server.port(), {{"title", "Derde"}, {"source", {{"kind", "file"}, {"template", file}}}}));
    CHECK(structure_of(server.port(), imported) == expected);
}

TEST_CASE("P-HTTP-8 a bad source or template file is 400 naming the field, and creates nothing", "[http][templates]")
{
    test_server server;
    const auto good = created(create(server.port(), {{"title", "De enige"}}));
    json bad_file = json::parse(R"({"formatVersion":1,"title":"Kapot","journeys":[
        {"title":"R","targetGroup":"inwoner","phases":[{"title":"F"}],
         "lanes":[{"title":"L","kind":"touchpoint"},{"title":"M","kind":"mood"}]}]})");
    auto res = create(server.port(), {{"title", "Nieuw"}, {"source", {{"kind", "file"}, {"template", bad_file}}}});
    check_error(res, 400, "invalid");
    CHECK(res.json_body().at("error").at("message").get<std::string>().starts_with(
        "source.template: not a valid journey template: journeys[0].lanes[1].kind: must be one of"));

    check_error(create(server.port(), {{"title", "Nieuw"}, {"source", {{"kind", "file"}, {"template", "tekst"}}}}),
                400, "invalid");
    check_error(create(server.port(), {{"title", "Nieuw"}, {"source", {{"kind", "template"}, {"templateId", "bestaat-niet"}}}}),
                400, "invalid");
    check_error(create(server.port(), {{"title", "Nieuw"}, {"source", {{"kind", "sjabloon"}}}}), 400, "invalid");
    check_error(create(server.port(), {{"title", "Nieuw"}, {"source", {{"kind", "empty"}, {"x", 1}}}}), 400, "invalid");
    check_error(create(server.port(), {{"title", "Nieuw"}, {"source", "empty"}}), 400, "invalid");

    REQUIRE(server.stop() == 0);
    jb::store::sqlite::database db(server.db_path().string());
    CHECK(count(db, "SELECT count(*) FROM workshops") == 1);
    CHECK(db.query_text("SELECT id FROM workshops") == good.id);
}

TEST_CASE("P-DEL-1 P-DEL-2 deleting a workshop closes its clients with 4004 and removes all of it",
          "[http][templates]")
{
    test_server server;
    const auto w = create_workshop(server.port());
    const auto other = create_workshop(server.port(), "Blijft");
    ws_client facilitator(server.port()), participant(server.port());
    const auto snapshot = facilitator.join(w.id, {.facilitator_key = w.facilitator_key}).at("snapshot");
    participant.join(w.id, {.display_name = "Anna"});
    facilitator.apply(card_add(snapshot, new_id("c"), "Persoonsgegevens"));
    ws_client bystander(server.port());
    const auto other_snapshot = bystander.join(other.id).at("snapshot");

    const std::string path = "/api/workshops/" + w.id;
    check_error(http_request(server.port(), verb::delete_, path), 401, "unauthorized");
    check_error(http_request(server.port(), verb::delete_, path, {}, bearer(other.facilitator_key)), 403, "forbidden");
    check_error(http_request(server.port(), verb::delete_, "/api/workshops/nope", {}, bearer(w.facilitator_key)),
                404, "not_found");
    CHECK(http_request(server.port(), verb::get, path, {}, bearer(w.facilitator_key)).status == 405);

    auto res = http_request(server.port(), verb::delete_, path, {}, bearer(w.facilitator_key));
    CHECK(res.status == 204);
    CHECK(res.body.empty());
    for (auto* c : {&facilitator, &participant}) {
        const auto closed = c->wait_closed();
        CHECK(closed.code == 4004);
        CHECK(closed.reason == "workshop deleted");
    }
    // Nobody can join it again, and its code and id find nothing.
    ws_client late(server.port());
    CHECK(late.hello(w.id).at("code") == "not_found");
    CHECK(late.wait_closed().code == 4004);
    CHECK(http_get(server.port(), "/api/join/" + w.join_code).status == 404);
    check_error(http_request(server.port(), verb::delete_, path, {}, bearer(w.facilitator_key)), 404, "not_found");
    // The other workshop is untouched and its client still connected.
    bystander.apply(card_add(other_snapshot, new_id("c"), "Nog hier"));

    REQUIRE(server.stop() == 0);
    jb::store::sqlite::database db(server.db_path().string());
    for (const char* table : {"workshops", "participants", "ops", "client_seqs", "snapshots"}) {
        INFO(table);
        const std::string column = std::string(table) == "workshops" ? "id" : "workshop_id";
        CHECK(count(db, std::string("SELECT count(*) FROM ") + table + " WHERE " + column + " = '" + w.id + "'") == 0);
    }
    CHECK(count(db, "SELECT count(*) FROM ops WHERE workshop_id = '" + other.id + "'") == 1);
}

TEST_CASE("P-DEL-3 --retention-days deletes workshops without recent activity at start", "[http][templates]")
{
    test_server server({"--retention-days", "30"});
    const auto old_one = create_workshop(server.port(), "Oud");
    const auto recent = create_workshop(server.port(), "Recent");
    REQUIRE(server.stop() == 0);
    {
        // Forty days ago, as far as the database knows.
        jb::store::sqlite::database db(server.db_path().string());
        const auto forty_days_ago = std::chrono::duration_cast<std::chrono::milliseconds>(
                                        std::chrono::system_clock::now().time_since_epoch())
                                        .count() - 40LL * 86'400'000;
        db.exec("UPDATE workshops SET created_at = " + std::to_string(forty_days_ago) + " WHERE id = '" +
                old_one.id + "'");
    }
    server.start();
    // The check runs right after the start, on the store thread: wait for its effect.
    int status = 200;
    for (int i = 0; i < 200 && status == 200; ++i) {
        status = http_get(server.port(), "/api/join/" + old_one.join_code).status;
        if (status == 200) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    CHECK(status == 404);
    CHECK(http_get(server.port(), "/api/join/" + recent.join_code).status == 200);
}
