#pragma once
// Private to the store: thin RAII owners over the SQLite C API, so that no code path can leak a
// connection, leave a statement un-reset, or leave a transaction open. Every failure becomes a
// store_error carrying SQLite's own message.

#include "store/store.hpp"

#include <cstdint>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace jb::store::sqlite {

// Throws store_error("<what>: <sqlite message>") for the connection's last error.
[[noreturn]] void fail(sqlite3* db, std::string_view what);

// Owns one connection; closes it on destruction.
class database {
public:
    // Opens (creating if needed) the file at `path`; throws store_error.
    explicit database(const std::string& path);
    ~database();
    database(const database&) = delete;
    database& operator=(const database&) = delete;

    sqlite3* get() const { return db_; }
    // Runs one or more SQL statements that return no rows we need (DDL, pragmas).
    void exec(const std::string& sql);
    // Runs a query that returns one row with one integer (e.g. `PRAGMA user_version`).
    std::int64_t query_int(const std::string& sql);
    // Runs a query that returns one row with one text value (e.g. `PRAGMA journal_mode`).
    std::string query_text(const std::string& sql);

private:
    sqlite3* db_ = nullptr;
};

// Owns one prepared statement, prepared once and reused. Use it through `use()`, whose guard
// resets it and clears its bindings on every exit, including by exception.
class statement {
public:
    statement(database& db, std::string_view sql);
    ~statement();
    statement(const statement&) = delete;
    statement& operator=(const statement&) = delete;

    // One execution of the statement: bind, step, read columns; resets on destruction.
    class use {
    public:
        explicit use(statement& s) : s_(s) {}
        ~use();
        use(const use&) = delete;
        use& operator=(const use&) = delete;

        // Parameters are 1-based, as in SQLite. Text is copied (SQLITE_TRANSIENT).
        use& bind(int index, std::string_view text);
        use& bind(int index, std::int64_t value);
        // Steps once: true if a row is available, false when done; throws store_error on error
        // (constraint violations included).
        bool step();
        // Steps a statement that returns no rows (INSERT/UPDATE/DELETE).
        void run();
        std::string text(int column) const;  // 0-based, as in SQLite
        std::int64_t integer(int column) const;

    private:
        statement& s_;
    };

private:
    database& db_;
    sqlite3_stmt* stmt_ = nullptr;
    std::string sql_;  // for error messages
};

// A transaction that rolls back unless commit() was called. `immediate` takes the write lock at
// BEGIN, so a writer never fails half-way with SQLITE_BUSY on a lock upgrade.
class transaction {
public:
    enum class kind { deferred, immediate };
    transaction(database& db, kind k);
    ~transaction();
    transaction(const transaction&) = delete;
    transaction& operator=(const transaction&) = delete;

    void commit();

private:
    database& db_;
    bool done_ = false;
};

}  // namespace jb::store::sqlite
