// What only the PostgreSQL store has: its migration runner (a version table, an advisory lock so
// that nodes starting together migrate once), and a connection that comes back after PostgreSQL
// dropped it. Runs in jb_store_pg_tests against JB_TEST_PG_URL, like the contract suite.
#include "store/pg_connection.hpp"
#include "store/pg_migrations.hpp"
#include "store/pg_store.hpp"

#include "store_test_support.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <functional>
#include <thread>
#include <vector>

using namespace jb::store;
using namespace jb::store::test;
using Catch::Matchers::Contains;

namespace {

constexpr std::array<pg::migration, 2> two_steps{{
    {"first", "CREATE TABLE t1 (x INTEGER);"},
    {"second", "INSERT INTO t1 VALUES (42); CREATE TABLE t2 (y INTEGER);"},
}};

std::int64_t count(pg::connection& c, const std::string& sql) { return c.query(sql).integer(0, 0); }

std::int64_t table_count(pg::connection& c, const std::string& name) {
    return c.query("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = $1", {name})
        .integer(0, 0);
}

// A fresh, empty test database and a connection to it.
struct empty_database {
    std::string url = test_pg_url();
    empty_database() { wipe_pg_database(url); }
};

}  // namespace

TEST_CASE("pg migrations: an empty database is brought to the last version, in order", "[store][pg]") {
    empty_database fresh;
    pg::connection c(fresh.url);
    CHECK(pg::migrate(c, two_steps) == 2);
    CHECK(count(c, "SELECT version FROM journeyboard_schema") == 2);
    CHECK(count(c, "SELECT x FROM t1") == 42);
    CHECK(table_count(c, "t2") == 1);
    // Running step 1 again would fail ("relation t1 already exists").
    CHECK(pg::migrate(c, two_steps) == 2);
    CHECK(count(c, "SELECT count(*) FROM t1") == 1);
}

TEST_CASE("pg migrations: a failing step is rolled back whole and named in the error", "[store][pg]") {
    constexpr std::array<pg::migration, 2> broken{{
        {"first", "CREATE TABLE t1 (x INTEGER);"},
        {"broken step", "CREATE TABLE t2 (y INTEGER); INSERT INTO t1 VALUES (1); NOT SQL;"},
    }};
    empty_database fresh;
    pg::connection c(fresh.url);
    CHECK_THROWS_WITH(pg::migrate(c, broken), Contains("schema version 2") && Contains("broken step"));
    CHECK(count(c, "SELECT version FROM journeyboard_schema") == 1);
    CHECK(table_count(c, "t2") == 0);
    CHECK(count(c, "SELECT count(*) FROM t1") == 0);
}

TEST_CASE("pg migrations: a database newer than the server is refused and left untouched", "[store][pg]") {
    empty_database fresh;
    {
        pg::connection c(fresh.url);
        pg::migrate(c, two_steps);
        c.exec("UPDATE journeyboard_schema SET version = 99");
    }
    CHECK_THROWS_WITH(pg_store(fresh.url), Contains("database schema version 99 is newer than this server supports"));
    pg::connection c(fresh.url);
    CHECK(count(c, "SELECT version FROM journeyboard_schema") == 99);
    CHECK(table_count(c, "workshops") == 0);
}

TEST_CASE("pg migrations: nodes starting at the same moment migrate once and all open", "[store][pg]") {
    empty_database fresh;
    constexpr int nodes = 4;
    std::vector<std::string> errors(nodes);
    std::vector<std::thread> starting;
    for (int i = 0; i < nodes; ++i)
        starting.emplace_back([&, i] {
            try {
                pg_store s(fresh.url);
            } catch (const std::exception& e) {
                errors[static_cast<std::size_t>(i)] = e.what();
            }
        });
    for (auto& t : starting) t.join();
    for (const auto& e : errors) CHECK(e.empty());
    pg::connection c(fresh.url);
    CHECK(count(c, "SELECT count(*) FROM journeyboard_schema") == 1);
    CHECK(count(c, "SELECT version FROM journeyboard_schema") == pg_store::supported_schema_version());
}

TEST_CASE("pg store: after PostgreSQL drops the connection, the next call reconnects", "[store][pg]") {
    postgresql impl;
    auto s = std::make_unique<pg_store>(impl.url);  // no read pool: one connection, the one cut
    s->create_workshop(make_workshop("w1", "ABC234"), "{}");
    {
        pg::connection admin(impl.url);
        // Every other connection to this database, i.e. the store's (as a restart of
        // PostgreSQL or a proxy's idle timeout would).
        CHECK(count(admin, "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                           "WHERE datname = current_database() AND pid <> pg_backend_pid()") == 1);
    }
    // The call that finds the connection gone may fail (its transaction is lost with it)...
    write_batch batch;
    batch.ops = {make_op("w1", 1)};
    try {
        s->commit(batch);
    } catch (const store_error&) {
        s->commit(batch);  // ...and the next one runs on a new connection, statements prepared
    }
    const auto loaded = s->load_workshop("w1");
    REQUIRE(loaded);
    CHECK(loaded->ops_after == std::vector<logged_op>{make_op("w1", 1)});
}

TEST_CASE("pg store: P-JOIN-7 a PostgreSQL that cannot be reached fails with store_unavailable, a bad write with a plain store_error", "[store][pg]") {
    postgresql impl;
    auto s = impl.open();  // the reads below run on the read pool, the commit on its own connection
    s->create_workshop(make_workshop("w1", "ABC234"), "{}");
    // From the maintenance database: a database cannot close its own doors.
    const auto database = pg::connection(impl.url).query("SELECT current_database()").text(0, 0);
    pg::connection admin(impl.url.substr(0, impl.url.rfind('/')) + "/postgres");
    const auto allow = [&](bool yes) {
        admin.exec("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS " + (yes ? "true" : "false"));
    };
    // The store's connections are cut and no new one is let in, as while PostgreSQL restarts.
    allow(false);
    struct allow_again {
        std::function<void(bool)> allow;
        ~allow_again() { allow(true); }
    } on_exit{allow};
    CHECK(admin.query("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = $1",
                      {database}).integer(0, 0) == 1 + postgresql::read_connections);
    CHECK_THROWS_AS(s->load_workshop("w1"), store_unavailable);  // found the connection gone
    CHECK_THROWS_AS(s->load_workshop("w1"), store_unavailable);  // cannot connect again
    CHECK_THROWS_AS(s->find_workshop_by_code("ABC234"), store_unavailable);
    write_batch batch;
    batch.ops = {make_op("w1", 1)};
    CHECK_THROWS_AS(s->commit(batch), store_unavailable);

    allow(true);
    REQUIRE(s->load_workshop("w1"));
    // A write PostgreSQL refuses (an op of a workshop that does not exist) is no outage.
    write_batch orphan;
    orphan.ops = {make_op("nope", 1)};
    try {
        s->commit(orphan);
        FAIL("an op of an unknown workshop was committed");
    } catch (const store_unavailable&) {
        FAIL("a refused write was taken for an outage");
    } catch (const store_error&) {
    }
}

TEST_CASE("pg store: a wrong URL fails with PostgreSQL's reason and without the password", "[store][pg]") {
    const std::string url = "postgresql://someone:s3cret-pw@127.0.0.1:1/nothing?connect_timeout=2";
    try {
        pg_store s(url);
        FAIL("connected to a port where nothing listens");
    } catch (const store_error& e) {
        const std::string what = e.what();
        CHECK_THAT(what, Contains("cannot connect to PostgreSQL at postgresql://someone:***@127.0.0.1:1/nothing"));
        CHECK_THAT(what, !Contains("s3cret-pw"));
    }
}

TEST_CASE("pg store: a group's ops come back byte for byte, whatever characters they hold", "[store][pg]") {
    // The ops of a commit travel as array literals (one statement per group): every character
    // those quote or escape must survive, as must an empty client id (a server op).
    postgresql impl;
    auto s = impl.open();
    s->create_workshop(make_workshop("w1", "ABC234"), "{}");
    std::vector<logged_op> ops;
    const std::vector<std::string> texts = {R"({"text":"quote \" and backslash \\ and \\\" both"})",
                                            "{a,b} {\"NULL\"} NULL , ' \t\n Één ✓ 🎉",
                                            "",
                                            "\\",
                                            "\""};
    for (std::size_t i = 0; i < texts.size(); ++i) {
        auto op = make_op("w1", static_cast<std::int64_t>(i) + 1, i == 2 ? "" : "client \"x\",{y}\\", 7 + i);
        op.op_json = texts[i];
        op.by = texts[(i + 1) % texts.size()];
        ops.push_back(op);
    }
    write_batch batch;
    batch.ops = ops;
    s->commit(batch);
    const auto loaded = s->load_workshop("w1");
    REQUIRE(loaded);
    CHECK(loaded->ops_after == ops);
    CHECK(loaded->client_seqs == std::map<std::string, std::int64_t>{{"client \"x\",{y}\\", 11}});
}
