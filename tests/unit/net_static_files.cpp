#include "net/static_files.hpp"

#include <catch2/catch.hpp>

#include <boost/beast/http/field.hpp>
#include <boost/beast/http/verb.hpp>

#include <cstdlib>
#include <fstream>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;
namespace http = boost::beast::http;
using jb::net::http_request;
using jb::net::static_files;

namespace {

// A throw-away web client folder.
struct web_folder {
    fs::path root;
    web_folder()
    {
        std::string pattern = (fs::temp_directory_path() / "jb-static-XXXXXX").string();
        REQUIRE(mkdtemp(pattern.data()));
        root = pattern;
    }
    ~web_folder() { fs::remove_all(root); }
    void write(const std::string& rel, const std::string& content) const
    {
        fs::create_directories((root / rel).parent_path());
        std::ofstream(root / rel, std::ios::binary) << content;
    }
};

http_request get(std::string target, http::verb verb = http::verb::get)
{
    http_request req{verb, target, 11};
    return req;
}

}  // namespace

TEST_CASE("static files: content types by extension", "[http][static]")
{
    CHECK(static_files::content_type_for("index.html") == "text/html; charset=utf-8");
    CHECK(static_files::content_type_for("assets/app-1.js") == "text/javascript; charset=utf-8");
    CHECK(static_files::content_type_for("assets/app-1.css") == "text/css; charset=utf-8");
    CHECK(static_files::content_type_for("icon.svg") == "image/svg+xml");
    CHECK(static_files::content_type_for("icon.PNG") == "image/png");
    CHECK(static_files::content_type_for("favicon.ico") == "image/x-icon");
    CHECK(static_files::content_type_for("a.json") == "application/json");
    CHECK(static_files::content_type_for("manifest.webmanifest") == "application/manifest+json");
    CHECK(static_files::content_type_for("f.woff2") == "font/woff2");
    CHECK(static_files::content_type_for("app.js.map") == "application/json");
    CHECK(static_files::content_type_for("robots.txt") == "text/plain; charset=utf-8");
    CHECK(static_files::content_type_for("LICENSE") == "application/octet-stream");
    CHECK(static_files::content_type_for("dir.d/file") == "application/octet-stream");
}

TEST_CASE("static files: serves preloaded files with caching headers", "[http][static]")
{
    web_folder web;
    web.write("index.html", "<!doctype html><p>hi</p>");
    web.write("assets/app-1a2b.js", "console.log(1)");
    const auto files = static_files::load(web.root);
    REQUIRE(files.available());
    CHECK(files.count() == 2);

    SECTION("GET / is index.html, revalidated, with the security headers")
    {
        auto res = files.respond(get("/"));
        CHECK(res.result() == http::status::ok);
        CHECK(res.body() == "<!doctype html><p>hi</p>");
        CHECK(res[http::field::content_type] == "text/html; charset=utf-8");
        CHECK(res[http::field::cache_control] == "no-cache");
        CHECK(res["Content-Security-Policy"] ==
              "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; "
              "style-src 'self'; script-src 'self'; frame-ancestors 'none'");
        CHECK(res["X-Content-Type-Options"] == "nosniff");
        CHECK(res["Referrer-Policy"] == "no-referrer");
        CHECK_FALSE(res[http::field::etag].empty());
    }
    SECTION("hashed assets are cached for a year, without the HTML-only headers")
    {
        auto res = files.respond(get("/assets/app-1a2b.js?v=3"));
        CHECK(res.result() == http::status::ok);
        CHECK(res.body() == "console.log(1)");
        CHECK(res[http::field::cache_control] == "public, max-age=31536000, immutable");
        CHECK(res.find("Content-Security-Policy") == res.end());
    }
    SECTION("If-None-Match with the current ETag gets 304 without a body")
    {
        const std::string etag(files.respond(get("/")).at(http::field::etag));
        auto req = get("/index.html");
        req.set(http::field::if_none_match, "\"other\", " + etag);
        auto res = files.respond(req);
        CHECK(res.result() == http::status::not_modified);
        CHECK(res.body().empty());
        CHECK(res[http::field::etag] == etag);

        req.set(http::field::if_none_match, "\"stale\"");
        CHECK(files.respond(req).result() == http::status::ok);
    }
    SECTION("HEAD gets the headers and length of GET, and no body")
    {
        auto res = files.respond(get("/", http::verb::head));
        CHECK(res.result() == http::status::ok);
        CHECK(res.body().empty());
        CHECK(res[http::field::content_length] == "24");
    }
    SECTION("unknown paths and traversal attempts are 404")
    {
        CHECK(files.respond(get("/nope.js")).result() == http::status::not_found);
        CHECK(files.respond(get("/../index.html")).result() == http::status::not_found);
        CHECK(files.respond(get("/assets/../index.html")).result() == http::status::not_found);
        CHECK(files.respond(get("/%2e%2e/etc/passwd")).result() == http::status::not_found);
        CHECK(files.respond(get("/assets/%zz")).result() == http::status::not_found);
    }
    SECTION("other methods are 405")
    {
        auto res = files.respond(get("/", http::verb::post));
        CHECK(res.result() == http::status::method_not_allowed);
        CHECK(res[http::field::allow] == "GET, HEAD");
    }
}

TEST_CASE("static files: a changed file gets another ETag", "[http][static]")
{
    web_folder web;
    web.write("index.html", "one");
    // Copies: the header's string_view dies with the response it points into.
    const std::string a{static_files::load(web.root).respond(get("/"))[http::field::etag]};
    web.write("index.html", "two");
    const std::string b{static_files::load(web.root).respond(get("/"))[http::field::etag]};
    CHECK(a != b);
}

TEST_CASE("static files: without a built client every page is a 503 that says how to build it",
          "[http][static]")
{
    web_folder web;
    for (const fs::path& root : {web.root / "missing", web.root}) {
        const auto files = static_files::load(root);  // missing folder, or no index.html
        CHECK_FALSE(files.available());
        auto res = files.respond(get("/"));
        CHECK(res.result() == http::status::service_unavailable);
        CHECK(res[http::field::content_type] == "text/html; charset=utf-8");
        CHECK(res.body().find("not built") != std::string::npos);
        CHECK(res.body().find("./scripts/run") != std::string::npos);
    }
}
