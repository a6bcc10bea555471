#include "net/rate_limiter.hpp"

#include <catch2/catch.hpp>

using namespace std::chrono_literals;
using jb::net::keyed_rate_limiter;
using jb::net::rate_clock;
using jb::net::token_bucket;

TEST_CASE("P-WS-4 a token bucket allows its burst, then refuses", "[ws][rate]")
{
    const auto t0 = rate_clock::time_point{} + 1h;
    token_bucket bucket({200, 50}, t0);
    for (int i = 0; i < 200; ++i)
        REQUIRE(bucket.take(t0));
    CHECK_FALSE(bucket.take(t0));
}

TEST_CASE("P-WS-4 a token bucket refills at its rate, up to its burst", "[ws][rate]")
{
    const auto t0 = rate_clock::time_point{} + 1h;
    token_bucket bucket({10, 50}, t0);
    for (int i = 0; i < 10; ++i)
        REQUIRE(bucket.take(t0));
    REQUIRE_FALSE(bucket.take(t0));

    // 50 per second: one token every 20 ms.
    CHECK_FALSE(bucket.take(t0 + 19ms));
    CHECK(bucket.take(t0 + 21ms));
    CHECK_FALSE(bucket.take(t0 + 21ms));

    // A long pause refills to the burst and no further.
    const auto later = t0 + 1h;
    int taken = 0;
    while (bucket.take(later))
        ++taken;
    CHECK(taken == 10);
    CHECK(bucket.full(later + 1s));
}

TEST_CASE("P-WS-4 a sustained rate at the limit is allowed", "[ws][rate]")
{
    const auto t0 = rate_clock::time_point{} + 1h;
    token_bucket bucket({1, 50}, t0);
    for (int i = 0; i < 1000; ++i)
        REQUIRE(bucket.take(t0 + i * 20ms));
}

TEST_CASE("P-HTTP-5 the keyed limiter counts each address on its own", "[http][rate]")
{
    const auto t0 = rate_clock::time_point{} + 1h;
    keyed_rate_limiter limiter({2, 1.0 / 6});
    CHECK(limiter.take("10.0.0.1", t0));
    CHECK(limiter.take("10.0.0.1", t0));
    CHECK_FALSE(limiter.take("10.0.0.1", t0));
    CHECK(limiter.take("10.0.0.2", t0));  // another address has its own bucket
    CHECK(limiter.take("10.0.0.1", t0 + 6s + 1ms));  // one more per 6 s
    CHECK_FALSE(limiter.take("10.0.0.1", t0 + 6s + 2ms));
}

TEST_CASE("P-HTTP-5 the keyed limiter forgets full buckets to bound its memory", "[http][rate]")
{
    const auto t0 = rate_clock::time_point{} + 1h;
    keyed_rate_limiter limiter({1, 1}, 100);
    for (int i = 0; i < 100; ++i)
        REQUIRE(limiter.take("addr-" + std::to_string(i), t0));
    CHECK(limiter.keys() == 100);
    // Much later every bucket is full again: adding one more key prunes them all.
    CHECK(limiter.take("new", t0 + 1h));
    CHECK(limiter.keys() == 1);
    // Forgetting changed no answer: a pruned address has a full bucket, as before.
    CHECK(limiter.take("addr-1", t0 + 1h));
    CHECK_FALSE(limiter.take("addr-1", t0 + 1h));
}

TEST_CASE("P-HTTP-5 the keyed limiter keeps busy buckets when pruning", "[http][rate]")
{
    const auto t0 = rate_clock::time_point{} + 1h;
    keyed_rate_limiter limiter({1, 1.0 / 3600}, 10);
    for (int i = 0; i < 10; ++i)
        REQUIRE(limiter.take("addr-" + std::to_string(i), t0));
    CHECK(limiter.take("one-more", t0 + 1s));
    CHECK(limiter.keys() == 11);  // nobody was full, nobody was forgotten
    CHECK_FALSE(limiter.take("addr-0", t0 + 1s));
}
