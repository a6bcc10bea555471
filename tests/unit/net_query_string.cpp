// net/query_string: one parameter of a request target's query (P-WS-11 reads `w` with it).
#include "net/query_string.hpp"

#include <catch2/catch.hpp>

using jb::net::query_param;

TEST_CASE("query_param finds a parameter anywhere in the query, and only in the query", "[net]")
{
    CHECK(query_param("/ws?w=abc", "w") == "abc");
    CHECK(query_param("/ws?x=1&w=abc&w=def", "w") == "abc");
    CHECK(query_param("/ws?w=", "w") == "");
    CHECK(query_param("/ws?w", "w") == "");
    CHECK(query_param("/ws?w=abc#frag", "w") == "abc");
    CHECK_FALSE(query_param("/ws", "w"));
    CHECK_FALSE(query_param("/ws?ww=abc&xw=1", "w"));
    CHECK_FALSE(query_param("/w=abc", "w"));
}
