#include "net/client_address.hpp"

#include <catch2/catch.hpp>

using jb::net::client_address;

TEST_CASE("P-HTTP-5 the client address is the TCP peer unless a local proxy names another",
          "[http][rate]")
{
    SECTION("no header configured or sent: the peer")
    {
        CHECK(client_address("203.0.113.7", false, std::nullopt) == "203.0.113.7");
        CHECK(client_address("127.0.0.1", true, std::nullopt) == "127.0.0.1");
    }
    SECTION("a proxy on this host: its header")
    {
        CHECK(client_address("127.0.0.1", true, "198.51.100.4") == "198.51.100.4");
        CHECK(client_address("::1", true, " 2001:db8::5 ") == "2001:db8::5");
    }
    SECTION("a forwarded list: the entry our proxy added, not what the client claimed")
    {
        CHECK(client_address("127.0.0.1", true, "10.9.9.9, 198.51.100.4") == "198.51.100.4");
    }
    SECTION("anyone else cannot choose their address")
    {
        CHECK(client_address("203.0.113.7", false, "198.51.100.4") == "203.0.113.7");
    }
    SECTION("an empty or oversized value falls back to the peer")
    {
        CHECK(client_address("127.0.0.1", true, "") == "127.0.0.1");
        CHECK(client_address("127.0.0.1", true, "1.2.3.4, ") == "127.0.0.1");
        CHECK(client_address("127.0.0.1", true, std::string(65, 'x')) == "127.0.0.1");
    }
}
