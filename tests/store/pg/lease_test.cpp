// Leases and fencing on PostgreSQL (docs/cluster.md): one owner per workshop, and a commit that
// checks the owner's epoch in its own transaction, so a node that lost the lease commits nothing.
// No test waits for a clock: a lease taken for 0 ms has expired by the next statement.
#include "store/pg_store.hpp"

#include "store_test_support.hpp"

#include <catch2/catch.hpp>

using namespace jb::store;
using namespace jb::store::test;
using Catch::Matchers::Contains;
using namespace std::chrono_literals;

namespace {

constexpr auto live = 60s;      // outlives any test
constexpr auto expired = 0ms;   // expired by the next statement

struct two_nodes {
    postgresql impl;
    std::unique_ptr<store> a_store = impl.open(), b_store = impl.open();
    pg_store& a = dynamic_cast<pg_store&>(*a_store);
    pg_store& b = dynamic_cast<pg_store&>(*b_store);
    two_nodes() { a.create_workshop(make_workshop("w1", "ABC234"), "{}"); }

    // node-a's lease ran out (it took it for 0 ms) and node-b took the workshop over: {old, new}.
    std::pair<lease_fence, lease_fence> taken_over() {
        const auto old = a.acquire_lease("w1", "node-a", expired);
        REQUIRE(old);
        const auto taken = b.acquire_lease("w1", "node-b", live);
        REQUIRE(taken);
        return {*old, *taken};
    }
};

write_batch ops_under(const lease_fence& fence, std::int64_t from, std::int64_t to, const std::string& client) {
    write_batch batch;
    for (auto seq = from; seq <= to; ++seq) batch.ops.push_back(make_op("w1", seq, client, seq));
    batch.fences = {fence};
    return batch;
}

}  // namespace

TEST_CASE("pg lease: a free workshop is taken at epoch 1; a live lease is refused to another owner", "[store][pg]") {
    two_nodes n;
    const auto held = n.a.acquire_lease("w1", "node-a", live);
    REQUIRE(held);
    CHECK(*held == lease_fence{"w1", "node-a", 1});
    CHECK_FALSE(n.b.acquire_lease("w1", "node-b", live));
    CHECK(n.a.renew_lease(*held, live) != lease_renewal::lost);
    CHECK_FALSE(n.b.acquire_lease("w1", "node-b", live));
}

TEST_CASE("pg lease: taking an expired lease raises the epoch, and the old holder can no longer renew", "[store][pg]") {
    two_nodes n;
    const auto [old, taken] = n.taken_over();
    CHECK(taken.epoch == old.epoch + 1);
    CHECK(n.a.renew_lease(old, live) == lease_renewal::lost);
    // The same owner taking again (a restarted node) fences its own earlier run off too.
    const auto again = n.b.acquire_lease("w1", "node-b", live);
    REQUIRE(again);
    CHECK(again->epoch == taken.epoch + 1);
    CHECK(n.b.renew_lease(taken, live) == lease_renewal::lost);
}

TEST_CASE("pg lease: a commit under a stale epoch fails and commits nothing; the new owner's commits", "[store][pg]") {
    two_nodes n;
    const auto [old, taken] = n.taken_over();

    // The old owner, paused past its lease, wakes up and commits what it had accepted.
    auto stale = ops_under(old, 1, 2, "client-a");
    stale.participants = {make_participant("w1", "p-old", "Van de oude")};
    stale.snapshots = {{"w1", 2, R"({"stale":true})"}};
    CHECK_THROWS_WITH(n.a.commit(stale), Contains("lease on workshop 'w1' at epoch 1 is no longer held"));

    // The new owner loads the room and goes on from what is durable: nothing of the old one.
    auto loaded = n.b.load_workshop("w1");
    REQUIRE(loaded);
    CHECK(loaded->ops_after.empty());
    CHECK(loaded->participants.empty());
    CHECK(loaded->client_seqs.empty());
    CHECK(loaded->snapshot.seq == 0);
    n.b.commit(ops_under(taken, 1, 2, "client-b"));
    loaded = n.b.load_workshop("w1");
    REQUIRE(loaded);
    CHECK(loaded->ops_after == std::vector<logged_op>{make_op("w1", 1, "client-b", 1), make_op("w1", 2, "client-b", 2)});
}

TEST_CASE("pg lease: a commit under an expired lease fails even when nobody took it over", "[store][pg]") {
    two_nodes n;
    const auto held = n.a.acquire_lease("w1", "node-a", expired);
    REQUIRE(held);
    CHECK_THROWS_AS(n.a.commit(ops_under(*held, 1, 1, "client-a")), store_error);
    CHECK(n.a.load_workshop("w1")->ops_after.empty());
}

TEST_CASE("pg lease: a released lease is taken at once by the next owner", "[store][pg]") {
    two_nodes n;
    const auto held = n.a.acquire_lease("w1", "node-a", live);
    REQUIRE(held);
    n.a.commit(ops_under(*held, 1, 1, "client-a"));
    n.a.release_lease(*held);
    const auto next = n.b.acquire_lease("w1", "node-b", live);
    REQUIRE(next);
    CHECK(next->epoch == 2);
    CHECK_THROWS_AS(n.a.commit(ops_under(*held, 2, 2, "client-a")), store_error);
    CHECK(n.b.load_workshop("w1")->ops_after == std::vector<logged_op>{make_op("w1", 1, "client-a", 1)});
}

TEST_CASE("pg lease: a node refused a live lease makes the holder's next renewal say wanted, until the next taking", "[store][pg]") {
    two_nodes n;
    const auto held = n.a.acquire_lease("w1", "node-a", live);
    REQUIRE(held);
    CHECK(n.a.renew_lease(*held, live) == lease_renewal::held);
    // The holder itself taking again is no request.
    const auto again = n.a.acquire_lease("w1", "node-a", live);
    REQUIRE(again);
    CHECK(n.a.renew_lease(*again, live) == lease_renewal::held);
    // The router now sends the workshop's clients to node-b, which is refused.
    CHECK_FALSE(n.b.acquire_lease("w1", "node-b", live));
    CHECK(n.a.renew_lease(*again, live) == lease_renewal::wanted);
    // node-a hands over: releases, and node-b takes it; the request is cleared with it.
    n.a.release_lease(*again);
    const auto taken = n.b.acquire_lease("w1", "node-b", live);
    REQUIRE(taken);
    CHECK(n.b.renew_lease(*taken, live) == lease_renewal::held);
}
