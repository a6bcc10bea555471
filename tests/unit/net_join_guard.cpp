#include "net/join_guard.hpp"
#include "net/join_codes.hpp"

#include "store/store.hpp"

#include <catch2/catch.hpp>

using namespace std::chrono_literals;
using jb::net::join_guard;
using jb::net::rate_clock;

namespace {

const auto t0 = rate_clock::time_point{} + 1h;

jb::net::join_guard_limits limits(jb::net::rate_limit lookups, unsigned free_misses = 20,
                                  std::chrono::seconds max_delay = 60s,
                                  std::chrono::seconds forget_after = 15min)
{
    jb::net::join_guard_limits l;
    l.lookups = lookups;
    l.free_misses = free_misses;
    l.max_delay = max_delay;
    l.forget_after = forget_after;
    return l;
}

}  // namespace

TEST_CASE("P-HTTP-12 lookups per address: a burst, then the steady rate", "[http][join]")
{
    join_guard guard(limits({5, 1}));
    for (int i = 0; i < 5; ++i)
        REQUIRE_FALSE(guard.admit("10.0.0.1", t0));
    CHECK(guard.admit("10.0.0.1", t0) == 1s);
    CHECK_FALSE(guard.admit("10.0.0.2", t0));  // another address has its own budget
    CHECK_FALSE(guard.admit("10.0.0.1", t0 + 1001ms));
}

TEST_CASE("P-HTTP-12 failed lookups past the free ones block the address for a growing delay",
          "[http][join]")
{
    join_guard guard(limits({1000, 1000}, 3, 8s));
    auto t = t0;
    for (int i = 0; i < 3; ++i) {
        REQUIRE_FALSE(guard.admit("a", t));
        guard.missed("a", t);
    }
    CHECK_FALSE(guard.admit("a", t));  // three misses are free
    std::vector<std::int64_t> delays;
    for (int i = 0; i < 6; ++i) {
        guard.missed("a", t);
        const auto wait = guard.admit("a", t);
        REQUIRE(wait);
        delays.push_back(wait->count());
        CHECK(guard.admit("a", t + *wait - 1ms));  // still blocked just before
        t += *wait;
        REQUIRE_FALSE(guard.admit("a", t));
    }
    CHECK(delays == std::vector<std::int64_t>{1, 2, 4, 8, 8, 8});
    CHECK_FALSE(guard.admit("b", t0));  // others are not blocked
}

TEST_CASE("P-HTTP-12 misses are forgotten after a quiet period", "[http][join]")
{
    join_guard guard(limits({1000, 1000}, 2, 60s, 60s));
    guard.missed("a", t0);
    guard.missed("a", t0);
    guard.missed("a", t0 + 61s);  // the count started again: this is the first miss
    guard.missed("a", t0 + 62s);
    CHECK_FALSE(guard.admit("a", t0 + 62s));
}

TEST_CASE("P-HTTP-12 the join-code index follows creations and deletions", "[http][join]")
{
    jb::net::join_code_index index;
    jb::store::workshop_record w;
    w.id = "w1";
    w.title = "Vergunning";
    w.join_code = "ABC234";
    index.reset({w});
    REQUIRE(index.find("ABC234"));
    CHECK(index.find("ABC234")->workshop_id == "w1");
    index.add("XYZ789", {"w2", "Paspoort"});
    CHECK(index.find("XYZ789")->title == "Paspoort");
    index.remove_workshop("w1");
    CHECK_FALSE(index.find("ABC234"));
    CHECK(index.size() == 1);
}
