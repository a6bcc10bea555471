// The migration runner on its own, with made-up migration lists: steps run in order, each in its
// own transaction with its user_version bump, and a failing step leaves the database as it was
// before that step.
#include "store/migrations.hpp"

#include <catch2/catch.hpp>

#include <array>

using namespace jb::store;
using namespace jb::store::sqlite;
using Catch::Matchers::Contains;

namespace {

std::int64_t table_count(database& db, const std::string& name) {
    return db.query_int("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '" + name + "'");
}

constexpr std::array<migration, 2> two_steps{{
    {"first", "CREATE TABLE t1 (x INTEGER);"},
    {"second", "INSERT INTO t1 VALUES (42); CREATE TABLE t2 (y INTEGER);"},
}};

}  // namespace

TEST_CASE("migrations: an empty database is brought to the last version, in order", "[store]") {
    database db(":memory:");
    CHECK(migrate(db, two_steps) == 2);
    CHECK(db.query_int("PRAGMA user_version") == 2);
    CHECK(db.query_int("SELECT x FROM t1") == 42);  // step 2 ran after step 1
    CHECK(table_count(db, "t2") == 1);
}

TEST_CASE("migrations: an up-to-date database is left alone", "[store]") {
    database db(":memory:");
    migrate(db, two_steps);
    // Running step 1 again would fail ("table t1 already exists").
    CHECK(migrate(db, two_steps) == 2);
    CHECK(db.query_int("SELECT count(*) FROM t1") == 1);
}

TEST_CASE("migrations: only the missing steps run on an older database", "[store]") {
    database db(":memory:");
    migrate(db, std::span<const migration>(two_steps).first(1));
    CHECK(db.query_int("PRAGMA user_version") == 1);
    CHECK(migrate(db, two_steps) == 2);
    CHECK(db.query_int("SELECT x FROM t1") == 42);
}

TEST_CASE("migrations: a failing step is rolled back whole and named in the error", "[store]") {
    constexpr std::array<migration, 2> broken{{
        {"first", "CREATE TABLE t1 (x INTEGER);"},
        {"broken step", "CREATE TABLE t2 (y INTEGER); INSERT INTO t1 VALUES (1); NOT SQL;"},
    }};
    database db(":memory:");
    CHECK_THROWS_WITH(migrate(db, broken), Contains("schema version 2") && Contains("broken step"));
    CHECK(db.query_int("PRAGMA user_version") == 1);
    CHECK(table_count(db, "t1") == 1);
    CHECK(table_count(db, "t2") == 0);
    CHECK(db.query_int("SELECT count(*) FROM t1") == 0);
}

TEST_CASE("migrations: a database newer than the list is refused and left untouched", "[store]") {
    database db(":memory:");
    db.exec("PRAGMA user_version = 3");
    CHECK_THROWS_WITH(migrate(db, two_steps),
                      "database schema version 3 is newer than this server supports (2)");
    CHECK(db.query_int("PRAGMA user_version") == 3);
    CHECK(table_count(db, "t1") == 0);
}
