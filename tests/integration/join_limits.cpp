// Join-code guessing and participant floods against the real server (docs/security.md):
// per-address limits on code lookups (P-HTTP-12), the facilitator's "deur dicht" (P-JOIN-10),
// the participant limit (P-JOIN-8) and new participants per minute (P-JOIN-9).
#include "support/server_process.hpp"
#include "support/ws_client.hpp"

#include <catch2/catch.hpp>

#include <boost/beast/http/verb.hpp>

#include <cctype>
#include <thread>

using namespace jb::test;
using boost::beast::http::verb;

namespace {

http_result lookup(unsigned short port, const std::string& code)
{
    return http_get(port, "/api/join/" + code);
}

// The error a hello gets, and the close after it.
std::pair<json, close_info> refused_hello(unsigned short port, const std::string& workshop_id,
                                          const hello_options& opts = {})
{
    ws_client c(port);
    auto answer = c.hello(workshop_id, opts);
    return {answer, c.wait_closed()};
}

}  // namespace

TEST_CASE("P-HTTP-12 join-code lookups are limited per address: 429 with Retry-After", "[http][join]")
{
    test_server server({"--join-lookup-burst", "5", "--join-lookup-per-second", "0.01",
                        "--client-ip-header", "X-Real-IP"});
    const auto w = create_workshop(server.port());
    for (int i = 0; i < 5; ++i)
        REQUIRE(lookup(server.port(), w.join_code).status == 200);
    const auto refused = lookup(server.port(), w.join_code);
    CHECK(refused.status == 429);
    CHECK(refused.json_body().at("error").at("code") == "rate_limited");
    CHECK(refused.header("retry-after") == "1");
    // Another address behind the proxy has its own budget; other requests are not limited.
    CHECK(http_get(server.port(), "/api/join/" + w.join_code, {{"X-Real-IP", "198.51.100.7"}}).status == 200);
    CHECK(http_get(server.port(), "/healthz").status == 200);
}

TEST_CASE("P-HTTP-12 failed lookups past the free ones block the address for a growing delay",
          "[http][join]")
{
    test_server server({"--join-free-misses", "3"});
    const auto w = create_workshop(server.port());
    for (int i = 0; i < 3; ++i)
        REQUIRE(lookup(server.port(), "ZZZZZ" + std::to_string(2 + i)).status == 404);
    CHECK(lookup(server.port(), w.join_code).status == 200);  // three misses are free
    REQUIRE(lookup(server.port(), "ZZZZZ9").status == 404);   // the fourth blocks for 1 s
    auto blocked = lookup(server.port(), w.join_code);  // even the right code waits
    CHECK(blocked.status == 429);
    CHECK(blocked.header("retry-after") == "1");
    // Waiting out the delay (it is the behaviour under test, not a timing guess).
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    CHECK(lookup(server.port(), w.join_code).status == 200);
    REQUIRE(lookup(server.port(), "ZZZZZ8").status == 404);  // the fifth: 2 s
    CHECK(lookup(server.port(), w.join_code).header("retry-after") == "2");
}

TEST_CASE("P-HTTP-12 the code index follows creation, import, deletion and a restart", "[http][join]")
{
    test_server server;
    const auto w = create_workshop(server.port(), "Paspoort aanvragen");
    std::string typed = w.join_code;
    for (auto& ch : typed)
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    auto found = lookup(server.port(), typed);  // P-HTTP-3: case does not matter
    REQUIRE(found.status == 200);
    CHECK(found.json_body() == json{{"workshopId", w.id}, {"title", "Paspoort aanvragen"}});

    const auto archive = http_get(server.port(), "/api/workshops/" + w.id + "/archive",
                                  {{"Authorization", "Bearer " + w.facilitator_key}});
    REQUIRE(archive.status == 200);
    const auto imported = http_request(server.port(), verb::post, "/api/workshops/import", archive.body);
    REQUIRE(imported.status == 201);
    const auto copy_code = imported.json_body().at("joinCode").get<std::string>();
    CHECK(lookup(server.port(), copy_code).json_body().at("workshopId") ==
          imported.json_body().at("workshopId"));

    REQUIRE(http_request(server.port(), verb::delete_, "/api/workshops/" + w.id, {},
                         {{"Authorization", "Bearer " + w.facilitator_key}}).status == 204);
    CHECK(lookup(server.port(), w.join_code).status == 404);

    REQUIRE(server.stop() == 0);
    server.start();
    CHECK(lookup(server.port(), copy_code).status == 200);
    CHECK(lookup(server.port(), w.join_code).status == 404);
}

TEST_CASE("P-JOIN-10 with the door closed new participants are refused, known ones rejoin",
          "[ws][join]")
{
    test_server server;
    const auto w = create_workshop(server.port());
    ws_client fac(server.port());
    fac.join(w.id, {.display_name = "Fran", .facilitator_key = w.facilitator_key});
    ws_client anna(server.port());
    const auto token = anna.join(w.id, {.display_name = "Anna"}).at("you").at("participantToken").get<std::string>();
    anna.close();

    // Only a facilitator closes the door.
    ws_client bram(server.port());
    bram.join(w.id, {.display_name = "Bram"});
    CHECK(bram.wait_error(bram.send_op({{"kind", "door.set"}, {"open", false}})).at("code") == "forbidden");
    const auto closed = fac.apply({{"kind", "door.set"}, {"open", false}});
    CHECK(fac.wait_event(closed.at("seq")).at("op") == json{{"kind", "door.set"}, {"open", false}});

    auto [answer, close] = refused_hello(server.port(), w.id, {.display_name = "Nieuw"});
    CHECK(answer.at("type") == "error");
    CHECK(answer.at("code") == "closed");
    CHECK(close.code == 4003);
    // A token that is not valid here is a newcomer too.
    auto [forged, _] = refused_hello(server.port(), w.id, {.participant_token = std::string(43, 'A')});
    CHECK(forged.at("code") == "closed");

    ws_client back(server.port());
    const auto welcome = back.join(w.id, {.display_name = "Anna", .participant_token = token});
    CHECK(welcome.at("snapshot").at("facilitation").at("doorOpen") == false);
    // A facilitator with the key still gets in from a new browser.
    ws_client fac2(server.port());
    CHECK(fac2.join(w.id, {.facilitator_key = w.facilitator_key}).at("you").at("role") == "facilitator");

    // The door stays closed over a restart, and opens again.
    fac.close(); back.close(); bram.close(); fac2.close();
    REQUIRE(server.stop() == 0);
    server.start();
    CHECK(refused_hello(server.port(), w.id).first.at("code") == "closed");
    ws_client fac3(server.port());
    fac3.join(w.id, {.facilitator_key = w.facilitator_key});
    fac3.apply({{"kind", "door.set"}, {"open", true}});
    ws_client newcomer(server.port());
    CHECK(newcomer.join(w.id).at("you").at("role") == "participant");
}

TEST_CASE("P-JOIN-8 a full workshop refuses new participants with limit and 4003", "[ws][join]")
{
    test_server server({"--max-participants", "3"});
    const auto w = create_workshop(server.port());
    ws_client fac(server.port());
    fac.join(w.id, {.facilitator_key = w.facilitator_key});
    std::string token;
    for (int i = 0; i < 2; ++i) {
        ws_client p(server.port());
        token = p.join(w.id).at("you").at("participantToken").get<std::string>();
    }
    auto [answer, close] = refused_hello(server.port(), w.id);
    CHECK(answer.at("code") == "limit");
    CHECK(close.code == 4003);
    ws_client back(server.port());
    CHECK(back.join(w.id, {.participant_token = token}).at("type") == "welcome");
}

TEST_CASE("P-JOIN-9 new participants per workshop are limited per minute: rate_limited and 4029",
          "[ws][join]")
{
    test_server server({"--new-participants-per-minute", "3"});
    const auto w = create_workshop(server.port());
    const auto other = create_workshop(server.port());
    std::string token;
    for (int i = 0; i < 3; ++i) {
        ws_client p(server.port());
        token = p.join(w.id).at("you").at("participantToken").get<std::string>();
    }
    auto [answer, close] = refused_hello(server.port(), w.id);
    CHECK(answer.at("code") == "rate_limited");
    CHECK(close.code == 4029);
    // Known participants, facilitators and other workshops are not held up.
    ws_client back(server.port());
    CHECK(back.join(w.id, {.participant_token = token}).at("type") == "welcome");
    ws_client fac(server.port());
    CHECK(fac.join(w.id, {.facilitator_key = w.facilitator_key}).at("type") == "welcome");
    ws_client elsewhere(server.port());
    CHECK(elsewhere.join(other.id).at("type") == "welcome");
}
