// The JSON HTTP API of protocol.md against the real server: health, creating a workshop,
// joining by code, and every 4xx the API promises (P-HTTP-1..5).
#include "support/server_process.hpp"
#include "support/ws_client.hpp"

#include <catch2/catch.hpp>

#include <boost/beast/http/verb.hpp>

#include <algorithm>
#include <cctype>
#include <regex>

using namespace jb::test;
using boost::beast::http::verb;

namespace {

void check_json_error(const http_result& res, int status, const std::string& code)
{
    INFO(res.body);
    CHECK(res.status == status);
    CHECK(res.header("content-type") == "application/json");
    const auto body = json::parse(res.body);
    CHECK(body.at("error").at("code") == code);
    CHECK(body.at("error").at("message").is_string());
    CHECK_FALSE(body.at("error").at("message").get<std::string>().empty());
}

http_result post_workshop(unsigned short port, const std::string& body)
{
    return http_request(port, verb::post, "/api/workshops", body);
}

}  // namespace

TEST_CASE("GET /healthz answers ok", "[http]")
{
    test_server server;
    auto res = http_get(server.port(), "/healthz");
    CHECK(res.status == 200);
    CHECK(res.header("content-type") == "application/json");
    CHECK(res.json_body() == json{{"status", "ok"}});
}

TEST_CASE("P-HTTP-3 P-HTTP-4 POST /api/workshops creates a workshop with a code and a key", "[http]")
{
    test_server server;
    auto res = post_workshop(server.port(), R"({"title":"  Omgevingsvergunning aanvragen  "})");
    REQUIRE(res.status == 201);
    CHECK(res.header("content-type") == "application/json");
    const auto body = res.json_body();
    CHECK(body.at("title") == "Omgevingsvergunning aanvragen");  // trimmed
    const std::string id = body.at("workshopId"), code = body.at("joinCode"),
                      key = body.at("facilitatorKey");
    CHECK(std::regex_match(id, std::regex("^[A-Za-z0-9_-]{1,64}$")));
    CHECK(std::regex_match(code, std::regex("^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$")));
    CHECK(std::regex_match(key, std::regex("^[A-Za-z0-9_-]{43}$")));

    // Two workshops never share an id, a code or a key.
    auto other = post_workshop(server.port(), R"({"title":"Tweede"})").json_body();
    CHECK(other.at("workshopId") != id);
    CHECK(other.at("joinCode") != code);
    CHECK(other.at("facilitatorKey") != key);
}

TEST_CASE("P-HTTP-3 GET /api/join/{code} finds the workshop, ignoring case and spaces", "[http]")
{
    test_server server;
    const auto w = create_workshop(server.port(), "Bijstand aanvragen");
    std::string lower = w.join_code;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });

    for (const std::string& typed : {w.join_code, lower, "%20" + lower + "%20"}) {
        INFO(typed);
        auto res = http_get(server.port(), "/api/join/" + typed);
        REQUIRE(res.status == 200);
        CHECK(res.json_body() == json{{"workshopId", w.id}, {"title", "Bijstand aanvragen"}});
    }
}

TEST_CASE("P-HTTP-2 an unknown join code is 404 not_found", "[http]")
{
    test_server server;
    create_workshop(server.port());
    check_json_error(http_get(server.port(), "/api/join/ZZZZZZ"), 404, "not_found");
    check_json_error(http_get(server.port(), "/api/join/0O1IL"), 404, "not_found");
    check_json_error(http_get(server.port(), "/api/join/%zz"), 404, "not_found");
}

TEST_CASE("P-HTTP-1 a title that is empty, blank, too long or not text is 400 invalid", "[http]")
{
    test_server server;
    for (const std::string& body : std::vector<std::string>{
             R"({"title":""})", R"({"title":"   \t "})", R"({})", R"({"title":42})",
          R"({"title":null})", json{{"title", std::string(201, 'x')}}.dump(),
          R"({"title":"a\u0007b"})"}) {
        INFO(body);
        check_json_error(post_workshop(server.port(), body), 400, "invalid");
    }
    // 200 characters (not bytes: each 'ë' is two bytes) is still fine.
    std::string title;
    for (int i = 0; i < 200; ++i)
        title += "\xC3\xAB";
    CHECK(post_workshop(server.port(), json{{"title", title}}.dump()).status == 201);
}

TEST_CASE("P-HTTP-2 a body that is not a JSON object is 400 bad_json", "[http]")
{
    test_server server;
    for (const std::string body : {"{", "not json", "[1,2]", "\"title\"", " "}) {
        INFO(body);
        check_json_error(post_workshop(server.port(), body), 400, "bad_json");
    }
}

TEST_CASE("P-HTTP-2 a body over 16 KiB is 413 too_large", "[http]")
{
    test_server server;
    const std::string body = json{{"title", "x"}, {"pad", std::string(17 * 1024, 'p')}}.dump();
    check_json_error(post_workshop(server.port(), body), 413, "too_large");
    // The server still answers new connections.
    CHECK(http_get(server.port(), "/healthz").status == 200);
}

TEST_CASE("P-HTTP-2 --max-body-bytes sets the body limit", "[http]")
{
    test_server server({"--max-body-bytes", "300"});
    check_json_error(post_workshop(server.port(), json{{"title", std::string(300, 'x')}}.dump()),
                     413, "too_large");
    CHECK(post_workshop(server.port(), json{{"title", std::string(100, 'x')}}.dump()).status == 201);
}

TEST_CASE("P-HTTP-2 an unknown /api path is 404 not_found", "[http]")
{
    test_server server;
    check_json_error(http_get(server.port(), "/api/nope"), 404, "not_found");
    check_json_error(http_get(server.port(), "/api"), 404, "not_found");
    check_json_error(http_get(server.port(), "/api/join/ABCDEF/more"), 404, "not_found");
}

TEST_CASE("P-HTTP-2 a wrong method is 405 method_not_allowed", "[http]")
{
    test_server server;
    auto res = http_get(server.port(), "/api/workshops");
    check_json_error(res, 405, "method_not_allowed");
    CHECK(res.header("allow") == "POST");
    check_json_error(http_request(server.port(), verb::delete_, "/api/join/ABCDEF"), 405,
                     "method_not_allowed");
    check_json_error(http_request(server.port(), verb::post, "/healthz", "{}"), 405,
                     "method_not_allowed");
}

TEST_CASE("P-HTTP-5 creating workshops is rate limited per address: 429 rate_limited", "[http]")
{
    test_server server({"--create-rate-burst", "3"});
    for (int i = 0; i < 3; ++i)
        REQUIRE(post_workshop(server.port(), R"({"title":"ok"})").status == 201);
    check_json_error(post_workshop(server.port(), R"({"title":"one too many"})"), 429,
                     "rate_limited");
    // Other requests are not limited.
    CHECK(http_get(server.port(), "/healthz").status == 200);
}

TEST_CASE("P-HTTP-5 behind a local proxy the limit counts the address it names", "[http]")
{
    test_server server({"--create-rate-burst", "1", "--client-ip-header", "X-Real-IP"});
    auto post_from = [&](const std::string& address) {
        return http_request(server.port(), verb::post, "/api/workshops", R"({"title":"ok"})",
                            {{"X-Real-IP", address}});
    };
    CHECK(post_from("198.51.100.4").status == 201);
    CHECK(post_from("198.51.100.4").status == 429);
    CHECK(post_from("198.51.100.5").status == 201);  // someone else behind the same proxy
}

TEST_CASE("P-HTTP-5 without --client-ip-header a forwarded address is ignored", "[http]")
{
    test_server server({"--create-rate-burst", "1"});
    CHECK(http_request(server.port(), verb::post, "/api/workshops", R"({"title":"ok"})",
                       {{"X-Real-IP", "198.51.100.4"}}).status == 201);
    CHECK(http_request(server.port(), verb::post, "/api/workshops", R"({"title":"ok"})",
                       {{"X-Real-IP", "198.51.100.5"}}).status == 429);
}

TEST_CASE("HTTP keep-alive serves several requests on one connection", "[http]")
{
    test_server server;
    http_connection connection(server.port());
    CHECK(connection.request(verb::get, "/healthz").status == 200);
    CHECK(connection.request(verb::get, "/api/join/ZZZZZZ").status == 404);
    CHECK(connection.request(verb::post, "/api/workshops", R"({"title":"x"})").status == 201);
    CHECK(connection.request(verb::get, "/").status == 200);
    // Asking to close is honoured.
    auto last = connection.request(verb::get, "/healthz", {}, {{"Connection", "close"}});
    CHECK(last.header("connection") == "close");
    CHECK(connection.closed_by_server());
}

TEST_CASE("HTTP headers over --max-header-bytes get 431", "[http]")
{
    test_server server({"--max-header-bytes", "2048"});
    auto res = http_get(server.port(), "/healthz", {{"X-Padding", std::string(4000, 'p')}});
    CHECK(res.status == 431);
    CHECK(res.json_body().at("error").at("code") == "too_large");
    CHECK(http_get(server.port(), "/healthz", {{"X-Padding", std::string(1000, 'p')}}).status == 200);
}

TEST_CASE("HTTP an idle keep-alive connection is closed after --http-timeout", "[http][slow]")
{
    test_server server({"--http-timeout", "1"});
    http_connection connection(server.port());
    CHECK(connection.request(verb::get, "/healthz").status == 200);
    // Nothing more is sent: the server ends the connection (the wait is bounded by the
    // client's own timeout, which is much longer).
    CHECK(connection.closed_by_server());
}
