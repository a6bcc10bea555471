// What only the SQLite store promises, beyond the storage contract: a file that outlives the
// process (even a killed one), WAL mode, and a schema that migrates forward and refuses a
// database from a newer server.
#include "store/sqlite_store.hpp"

#include "store/migrations.hpp"
#include "store/sqlite_handle.hpp"
#include "store_test_support.hpp"

#include <catch2/catch.hpp>

#include <csignal>
#include <filesystem>
#include <sys/wait.h>
#include <unistd.h>

using namespace jb::store;
using namespace jb::store::test;
using Catch::Matchers::Contains;

TEST_CASE("sqlite store: committed data survives closing and reopening the file (P-SYNC-7)", "[store]") {
    temp_dir dir;
    const auto path = dir.file("board.db");
    write_batch batch;
    batch.ops = {make_op("w1", 1, "a", 4), make_op("w1", 2, "b", 1)};
    batch.participants = {make_participant("w1", "p1", "Anna")};
    batch.snapshots = {{"w1", 1, R"({"at":1})"}};
    {
        sqlite_store s(path);
        s.create_workshop(make_workshop("w1", "ABC234"), "{}");
        s.commit(batch);
    }
    sqlite_store reopened(path);
    CHECK(reopened.schema_version() == sqlite_store::supported_schema_version());
    auto loaded = reopened.load_workshop("w1");
    REQUIRE(loaded);
    CHECK(loaded->workshop == make_workshop("w1", "ABC234"));
    CHECK(loaded->snapshot == batch.snapshots[0]);
    CHECK(loaded->ops_after == std::vector<logged_op>{batch.ops[1]});
    CHECK(loaded->participants == batch.participants);
    CHECK(loaded->client_seqs == std::map<std::string, std::int64_t>{{"a", 4}, {"b", 1}});
    CHECK(reopened.join_code_taken("ABC234"));
}

TEST_CASE("sqlite store: a file database is in WAL mode", "[store]") {
    temp_dir dir;
    const auto path = dir.file("board.db");
    sqlite_store s(path);
    // journal_mode=WAL is a property of the file, so a second connection sees it.
    sqlite::database raw(path);
    CHECK(raw.query_text("PRAGMA journal_mode") == "wal");
}

TEST_CASE("sqlite store: an empty database is migrated to the newest schema", "[store]") {
    temp_dir dir;
    const auto path = dir.file("board.db");
    REQUIRE(sqlite_store::supported_schema_version() >= 1);
    {
        sqlite_store s(path);
        CHECK(s.schema_version() == sqlite_store::supported_schema_version());
    }
    sqlite::database raw(path);
    CHECK(raw.query_int("PRAGMA user_version") == sqlite_store::supported_schema_version());
    for (const char* table : {"workshops", "participants", "ops", "client_seqs", "snapshots"}) {
        INFO(table);
        CHECK(raw.query_int(std::string("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '") +
                            table + "'") == 1);
    }
    CHECK(raw.query_int("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND "
                        "name = 'participants_by_token_hash'") == 1);
}

TEST_CASE("sqlite store: a database from a newer server is refused with a clear error", "[store]") {
    temp_dir dir;
    const auto path = dir.file("board.db");
    const int newer = sqlite_store::supported_schema_version() + 7;
    {
        sqlite::database raw(path);
        raw.exec("PRAGMA user_version = " + std::to_string(newer));
    }
    CHECK_THROWS_WITH(sqlite_store(path),
                      Contains("database schema version " + std::to_string(newer) +
                               " is newer than this server supports (" +
                               std::to_string(sqlite_store::supported_schema_version()) + ")"));
    // Refusing it changed nothing.
    sqlite::database raw(path);
    CHECK(raw.query_int("PRAGMA user_version") == newer);
    CHECK(raw.query_int("SELECT count(*) FROM sqlite_schema") == 0);
}

TEST_CASE("sqlite store: a path that cannot be opened gives a store_error naming it", "[store]") {
    temp_dir dir;
    const auto path = dir.file("no-such-dir/board.db");
    CHECK_THROWS_AS(sqlite_store(path), store_error);
    CHECK_THROWS_WITH(sqlite_store(path), Contains(path));
}

TEST_CASE("sqlite store: a process killed without closing leaves every commit readable", "[store]") {
    temp_dir dir;
    const auto path = dir.file("board.db");
    {
        sqlite_store s(path);
        s.create_workshop(make_workshop("w1", "ABC234"), "{}");
    }

    // The child commits, starts one more transaction it never finishes, and is killed: no
    // destructor, no close, no checkpoint. (No connection is open across the fork.)
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        try {
            sqlite_store s(path);
            for (std::int64_t seq = 1; seq <= 20; ++seq) {
                write_batch b;
                b.ops = {make_op("w1", seq, "a", seq)};
                if (seq == 10) b.participants = {make_participant("w1", "p1", "Anna")};
                if (seq == 15) b.snapshots = {{"w1", 15, R"({"at":15})"}};
                s.commit(b);
            }
            sqlite::database raw(path);
            raw.exec("BEGIN IMMEDIATE");
            raw.exec("INSERT INTO ops VALUES ('w1', 21, 0, 'p1', 'a', 21, '{}')");
            ::raise(SIGKILL);
        } catch (...) {
            ::_exit(2);
        }
        ::_exit(3);
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(WIFSIGNALED(status));
    REQUIRE(WTERMSIG(status) == SIGKILL);
    // The commits are still in the write-ahead log, not yet in the main file.
    CHECK(std::filesystem::file_size(path + "-wal") > 0);

    sqlite_store s(path);
    auto loaded = s.load_workshop("w1");
    REQUIRE(loaded);
    CHECK(loaded->snapshot == snapshot_record{"w1", 15, R"({"at":15})"});
    REQUIRE(loaded->ops_after.size() == 5);
    for (std::size_t i = 0; i < 5; ++i) CHECK(loaded->ops_after[i] == make_op("w1", 16 + static_cast<std::int64_t>(i), "a", 16 + static_cast<std::int64_t>(i)));
    CHECK(loaded->participants == std::vector<participant_record>{make_participant("w1", "p1", "Anna")});
    CHECK(loaded->client_seqs.at("a") == 20);
}

TEST_CASE("sqlite store: deleting a workshop leaves no row of it in any table (AVG)", "[store]") {
    temp_dir dir;
    const auto path = dir.file("board.db");
    {
        sqlite_store s(path);
        s.create_workshop(make_workshop("w1", "ABC234"), "{}");
        s.create_workshop(make_workshop("w2", "DEF345"), "{}");
        write_batch batch;
        batch.ops = {make_op("w1", 1), make_op("w2", 1)};
        batch.participants = {make_participant("w1", "p1", "Anna"), make_participant("w2", "p1", "Bo")};
        s.commit(batch);
        REQUIRE(s.delete_workshop("w1"));
    }
    sqlite::database raw(path);
    // Every table with a workshop_id column, whatever migrations added, holds nothing of w1.
    sqlite::statement tables(raw, "SELECT m.name FROM sqlite_schema m JOIN pragma_table_info(m.name) c "
                                  "WHERE m.type = 'table' AND c.name = 'workshop_id'");
    sqlite::statement::use q(tables);
    int checked = 0;
    while (q.step()) {
        const auto table = q.text(0);
        INFO(table);
        CHECK(raw.query_int("SELECT count(*) FROM \"" + table + "\" WHERE workshop_id = 'w1'") == 0);
        ++checked;
    }
    CHECK(checked >= 4);
    CHECK(raw.query_int("SELECT count(*) FROM workshops WHERE id = 'w1'") == 0);
    CHECK(raw.query_int("SELECT count(*) FROM ops WHERE workshop_id = 'w2'") == 1);
}

TEST_CASE("sqlite store: schema 2 gives every existing workshop its own random screen key", "[store]") {
    temp_dir dir;
    const auto path = dir.file("board.db");
    {
        // A database as the first release left it.
        sqlite::database raw(path);
        sqlite::migrate(raw, sqlite::schema_migrations().first(1));
        raw.exec("INSERT INTO workshops VALUES ('w1', 'Een', 'ABC234', 'h1', 1), "
                 "('w2', 'Twee', 'DEF567', 'h2', 2)");
        raw.exec("INSERT INTO participants VALUES ('w1', 'p1', 't1', 'Anna', 'participant', 1)");
        raw.exec("INSERT INTO snapshots VALUES ('w1', 0, '{}'), ('w2', 0, '{}')");
    }
    sqlite_store s(path);
    CHECK(s.schema_version() == sqlite_store::supported_schema_version());  // migrated past 2 to the latest
    const auto w1 = s.load_workshop("w1"), w2 = s.load_workshop("w2");
    REQUIRE((w1 && w2));
    for (const auto* w : {&*w1, &*w2}) {
        CHECK(w->workshop.screen_key.size() == 22);
        CHECK(w->workshop.screen_key.find_first_not_of(
                  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") == std::string::npos);
    }
    CHECK(w1->workshop.screen_key != w2->workshop.screen_key);
    REQUIRE(w1->participants.size() == 1);
    CHECK_FALSE(w1->participants[0].removed);
}

TEST_CASE("sqlite store: a batch with a lease fence is refused and writes nothing", "[store]") {
    // One node owns every workshop of its file: a fence could not be checked, so it is not
    // silently ignored either (docs/cluster.md).
    sqlite_store s(":memory:");
    s.create_workshop(make_workshop("w1", "ABC234"), "{}");
    write_batch batch;
    batch.ops = {make_op("w1", 1)};
    batch.fences = {{"w1", "node-a", 1}};
    CHECK_THROWS_WITH(s.commit(batch), Contains("lease fence"));
    CHECK(s.load_workshop("w1")->ops_after.empty());
}
