// The built web client as the real server serves it: content types, caching, ETags, security
// headers, and the 503 page when there is nothing to serve.
#include "support/server_process.hpp"
#include "support/ws_client.hpp"

#include <catch2/catch.hpp>

#include <boost/beast/http/verb.hpp>

using namespace jb::test;
using boost::beast::http::verb;

TEST_CASE("static: GET / serves index.html with the security headers", "[http]")
{
    test_server server;
    auto res = http_get(server.port(), "/");
    REQUIRE(res.status == 200);
    CHECK(res.header("content-type") == "text/html; charset=utf-8");
    CHECK(res.body.find("<main id=\"app\">") != std::string::npos);
    CHECK(res.header("content-security-policy") ==
          "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; "
          "style-src 'self'; script-src 'self'; frame-ancestors 'none'");
    CHECK(res.header("x-content-type-options") == "nosniff");
    CHECK(res.header("referrer-policy") == "no-referrer");
    CHECK(res.header("cache-control") == "no-cache");
    CHECK(http_get(server.port(), "/index.html").body == res.body);
}

TEST_CASE("static: content types by extension", "[http]")
{
    test_server server;
    const std::pair<const char*, const char*> expected[] = {
        {"/assets/app-3f2a9c.js", "text/javascript; charset=utf-8"},
        {"/assets/app-7b1e04.css", "text/css; charset=utf-8"},
        {"/assets/app-3f2a9c.js.map", "application/json"},
        {"/manifest.webmanifest", "application/manifest+json"},
        {"/icon.svg", "image/svg+xml"},
        {"/robots.txt", "text/plain; charset=utf-8"},
    };
    for (auto [path, type] : expected) {
        INFO(path);
        auto res = http_get(server.port(), path);
        CHECK(res.status == 200);
        CHECK(res.header("content-type") == type);
        CHECK(res.header("x-content-type-options") == "nosniff");
    }
}

TEST_CASE("static: hashed assets are immutable, other files are revalidated", "[http]")
{
    test_server server;
    CHECK(http_get(server.port(), "/assets/app-3f2a9c.js").header("cache-control") ==
          "public, max-age=31536000, immutable");
    CHECK(http_get(server.port(), "/manifest.webmanifest").header("cache-control") == "no-cache");
    // Only HTML pages carry the page policy.
    CHECK_FALSE(http_get(server.port(), "/assets/app-3f2a9c.js").has_header("content-security-policy"));
}

TEST_CASE("static: If-None-Match with the ETag answers 304 without a body", "[http]")
{
    test_server server;
    auto first = http_get(server.port(), "/assets/app-3f2a9c.js");
    const auto etag = first.header("etag");
    REQUIRE_FALSE(etag.empty());
    auto again = http_get(server.port(), "/assets/app-3f2a9c.js", {{"If-None-Match", etag}});
    CHECK(again.status == 304);
    CHECK(again.body.empty());
    CHECK(again.header("etag") == etag);
    auto stale = http_get(server.port(), "/assets/app-3f2a9c.js", {{"If-None-Match", "\"old\""}});
    CHECK(stale.status == 200);
    CHECK(stale.body == first.body);
}

TEST_CASE("static: HEAD answers the headers of GET without the body", "[http]")
{
    test_server server;
    auto get = http_get(server.port(), "/");
    auto head = http_request(server.port(), verb::head, "/");
    CHECK(head.status == 200);
    CHECK(head.body.empty());
    CHECK(head.header("content-length") == std::to_string(get.body.size()));
    CHECK(head.header("etag") == get.header("etag"));
}

TEST_CASE("static: unknown files and path traversal are 404", "[http]")
{
    test_server server;
    for (const char* path : {"/nope.html", "/../journeyboard.db", "/assets/../../data/journeyboard.db",
                             "/%2e%2e/data/journeyboard.db", "/data/journeyboard.db"}) {
        INFO(path);
        CHECK(http_get(server.port(), path).status == 404);
    }
}

TEST_CASE("static: a server without a built web client says how to build it (503)", "[http]")
{
    temp_dir dir;
    server_process server({"--db", (dir.path() / "db.sqlite").string(), "--static",
                           (dir.path() / "no-such-dist").string()});
    auto res = http_get(server.port(), "/");
    CHECK(res.status == 503);
    CHECK(res.header("content-type") == "text/html; charset=utf-8");
    CHECK(res.body.find("./scripts/run") != std::string::npos);
    // Everything else still works.
    CHECK(http_get(server.port(), "/healthz").status == 200);
    CHECK(server.terminate() == 0);
}
