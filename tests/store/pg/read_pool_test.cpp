// The read pool of the PostgreSQL store (docs/cluster.md, "Sizing"): room loads, exports and
// join-code lookups run on connections of their own (store_worker::read), so they never wait
// behind a commit. Runs in jb_store_pg_tests against JB_TEST_PG_URL, like the contract suite,
// which itself runs every read on the pool.
#include "store/pg_connection.hpp"
#include "store/pg_store.hpp"
#include "store/store_worker.hpp"

#include "store_test_support.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <future>
#include <optional>
#include <thread>

using namespace jb::store;
using namespace jb::store::test;
using namespace std::chrono_literals;

TEST_CASE("pg read pool: a room load and a join-code lookup complete while a commit of the same workshop waits", "[store][pg]") {
    postgresql impl;
    auto s = impl.open();
    s->create_workshop(make_workshop("w1", "ABC234"), "{}");
    write_batch first;
    first.ops = {make_op("w1", 1)};
    s->commit(first);

    std::promise<bool> committed;
    std::promise<std::pair<std::size_t, bool>> read;  // (ops loaded, join code found)
    store_worker worker(*s, postgresql::read_connections);
    // Another session holds the workshop's row: the next commit of an op of w1 waits for it
    // (the op's foreign key locks that row), as a commit may wait behind a slow fsync.
    pg::connection admin(impl.url);
    std::optional<pg::transaction> hold;
    hold.emplace(admin);
    admin.exec("SELECT 1 FROM workshops WHERE id = 'w1' FOR UPDATE");

    write_batch second;
    second.ops = {make_op("w1", 2)};
    worker.submit(second, [&](bool ok) { committed.set_value(ok); });
    // PostgreSQL says the commit is under way and waits on the lock.
    const auto waiting = [&] {
        return admin.query("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                           "AND wait_event_type = 'Lock'").integer(0, 0) == 1;
    };
    for (int i = 0; i < 200 && !waiting(); ++i) std::this_thread::sleep_for(50ms);
    REQUIRE(waiting());

    worker.read([&](store& st) {
        const auto loaded = st.load_workshop("w1");
        read.set_value({loaded ? loaded->ops_after.size() : 0, st.find_workshop_by_code("ABC234").has_value()});
    });
    // Bounded, not timed: queued behind the commit, the read would not finish while the row is
    // held, however long this waits.
    auto answer = read.get_future();
    REQUIRE(answer.wait_for(30s) == std::future_status::ready);
    // It saw what was committed (op 1), not the commit still waiting (op 2).
    CHECK(answer.get() == std::pair<std::size_t, bool>{1, true});
    auto commit_done = committed.get_future();
    CHECK(commit_done.wait_for(0s) == std::future_status::timeout);

    hold.reset();  // rolls back: the row is free and the commit goes on
    CHECK(commit_done.get());
    CHECK(s->load_workshop("w1")->ops_after.size() == 2);
}
