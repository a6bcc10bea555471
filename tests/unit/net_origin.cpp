#include "net/origin.hpp"

#include <catch2/catch.hpp>

using jb::net::origin_allowed;

TEST_CASE("P-WS-3 an upgrade without Origin is allowed", "[ws][origin]")
{
    CHECK(origin_allowed(std::nullopt, "board.example.nl", {}));
}

TEST_CASE("P-WS-3 the server's own origin is allowed, whatever the scheme", "[ws][origin]")
{
    CHECK(origin_allowed("http://127.0.0.1:8080", "127.0.0.1:8080", {}));
    CHECK(origin_allowed("https://Board.Example.NL", "board.example.nl", {}));
    CHECK(origin_allowed("https://board.example.nl/", "board.example.nl", {}));
}

TEST_CASE("P-WS-3 another origin is refused", "[ws][origin]")
{
    CHECK_FALSE(origin_allowed("http://evil.example", "127.0.0.1:8080", {}));
    CHECK_FALSE(origin_allowed("http://127.0.0.1:9090", "127.0.0.1:8080", {}));
    CHECK_FALSE(origin_allowed("http://board.example.nl.evil.example", "board.example.nl", {}));
    CHECK_FALSE(origin_allowed("null", "board.example.nl", {}));
    CHECK_FALSE(origin_allowed("", "board.example.nl", {}));
    CHECK_FALSE(origin_allowed("http://board.example.nl", "", {}));
}

TEST_CASE("P-WS-3 an allowlisted origin is allowed", "[ws][origin]")
{
    const std::vector<std::string> allow{"https://board.example.nl", "localhost:5173"};
    CHECK(origin_allowed("https://board.example.nl", "127.0.0.1:8080", allow));
    CHECK(origin_allowed("HTTPS://BOARD.EXAMPLE.NL", "127.0.0.1:8080", allow));
    CHECK_FALSE(origin_allowed("http://board.example.nl", "127.0.0.1:8080", allow));
    // An entry without a scheme matches that host with any scheme.
    CHECK(origin_allowed("http://localhost:5173", "127.0.0.1:8080", allow));
    CHECK_FALSE(origin_allowed("http://localhost:5174", "127.0.0.1:8080", allow));
}
