// The load generator's arithmetic (bench/): the figures in docs/performance.md rest on it.
#include "envelope.hpp"
#include "send_pattern.hpp"
#include "stats.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <stdexcept>
#include <vector>

using namespace jb::bench;

TEST_CASE("the load generator sends at its rate from the first interval on, with no surge", "[bench]")
{
    // Clients each sending once a period on average; count the ops due in each of the first 12
    // periods. A uniform first phase put 1.2 and 1.4 times the rate into the 4th and 5th.
    constexpr int clients = 20'000, periods = 12;
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<int> due(periods, 0);
    for (int c = 0; c < clients; ++c) {
        const double u_length = unit(rng);
        for (double t = first_send_offset(u_length, unit(rng)); t < periods; t += send_interval(unit(rng)))
            ++due[static_cast<std::size_t>(t)];
    }
    for (int k = 0; k < periods; ++k) {
        INFO("period " << k);
        CHECK(static_cast<double>(due[static_cast<std::size_t>(k)]) / clients == Approx(1.0).margin(0.03));
    }
}

TEST_CASE("the load generator's intervals and first offset stay in their ranges", "[bench]")
{
    CHECK(send_interval(0.0) == Approx(0.5));
    CHECK(send_interval(0.999) == Approx(1.499));
    CHECK(first_send_offset(0.0, 0.999) == Approx(0.5 * 0.999));  // the shortest interval
    CHECK(first_send_offset(0.999, 0.999) < 1.5);
    CHECK(first_send_offset(0.5, 0.0) == 0.0);
}

TEST_CASE("a timeline pairs each sample with its own second", "[bench]")
{
    const std::vector<std::int64_t> samples{5'000, 1'000, 9'000, 3'000, 7'000};
    const std::vector<std::uint32_t> seconds{1, 0, 1, 0, 3};
    const auto timeline = timeline_of(samples, seconds);
    REQUIRE(timeline.size() == 4);
    CHECK(timeline[0].fanout.count == 2);
    CHECK(timeline[0].fanout.max_ms == Approx(3.0));
    CHECK(timeline[1].fanout.count == 2);
    CHECK(timeline[1].fanout.min_ms == Approx(5.0));
    CHECK(timeline[1].fanout.max_ms == Approx(9.0));
    CHECK(timeline[2].fanout.count == 0);  // a second without ops is there, empty
    CHECK(timeline[3].fanout.max_ms == Approx(7.0));
    // Samples and seconds of different lengths were not recorded together: refused, not cut short.
    CHECK_THROWS_AS(timeline_of(samples, {1, 0}), std::invalid_argument);
}

TEST_CASE("the envelope reader takes an event's own time, not one nested in its op", "[bench]")
{
    const auto event = read_envelope(R"({"type":"event","seq":3,"at":1700000000123,"op":{"at":5}})");
    CHECK(event.type == "event");
    CHECK(event.seq == 3);
    CHECK(event.at == 1'700'000'000'123);
    CHECK(read_envelope(R"({"type":"ack","clientSeq":2})").at == -1);
    CHECK(read_envelope("not json").type.empty());
}
