#pragma once
// Private to the store: thin RAII owners over libpq (PostgreSQL's C client), so that no code
// path can leak a connection or a result, or leave a transaction open. Every failure becomes a
// store_error carrying PostgreSQL's own message and SQLSTATE.
//
// Parameters and results travel as text (PostgreSQL converts them by the statement's column
// types), which keeps this layer free of binary encodings.

#include "store/store.hpp"

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct pg_conn;
struct pg_result;

namespace jb::store::pg {

// One query result; frees it on destruction.
class result {
public:
    explicit result(::pg_result* r) : r_(r) {}
    ~result();
    result(result&& other) noexcept : r_(other.r_) { other.r_ = nullptr; }
    result& operator=(result&&) = delete;
    result(const result&) = delete;

    ::pg_result* get() const { return r_; }
    int rows() const;
    std::string text(int row, int column) const;
    std::int64_t integer(int row, int column) const;
    bool boolean(int row, int column) const;  // PostgreSQL's text form: "t" or "f"
    // Rows changed by an INSERT, UPDATE or DELETE.
    std::int64_t affected() const;

private:
    ::pg_result* r_;
};

// One statement parameter as text; integers are converted here.
class param {
public:
    param(std::string_view text) : text_(text) {}
    param(const std::string& text) : text_(text) {}
    param(const char* text) : text_(text) {}
    param(std::int64_t value) : text_(std::to_string(value)) {}
    param(bool value) : text_(value ? "t" : "f") {}
    const std::string& text() const { return text_; }

private:
    std::string text_;
};

// PostgreSQL's text form of a one-dimensional array, {"a","b"}: many rows in one parameter, for
// INSERT … SELECT FROM unnest($1::text[], …), so a group of rows costs one round trip. Every
// text element is quoted with " and \ escaped, so commas, braces, blanks and the word NULL stay
// text.
class array_literal {
public:
    array_literal& add(std::string_view text);
    array_literal& add(std::int64_t value);
    std::string str() const { return text_ + "}"; }

private:
    std::string text_ = "{";
};

// Whether a failure means PostgreSQL could not be reached or refused work for now, rather than
// a fault of the statement or the data: the connection failed or was lost (no SQLSTATE), class
// 08 (connection exception), 57P01..57P03 (shutting down, crashed, starting up) and class 53
// (insufficient resources: too many connections, out of memory or disk). Those throw
// store_unavailable.
bool is_unavailable(std::string_view sqlstate);

// Throws `e` again with `context` before its message, as the same kind: a store_unavailable
// stays one, so that a caller up the stack can still tell "try again" from "this failed".
[[noreturn]] void rethrow_in_context(const store_error& e, const std::string& context);

// One connection with its prepared statements. After the connection is lost (the server
// restarted, a network blip), the next call reconnects and prepares the statements again;
// the call that found it lost fails with store_unavailable (its transaction is gone).
class connection {
public:
    // Connects to `url` (postgresql://user:password@host:port/database?...); throws store_error.
    explicit connection(std::string url);
    ~connection();
    connection(const connection&) = delete;
    connection& operator=(const connection&) = delete;

    // Runs one or more SQL statements without parameters (DDL, BEGIN, COMMIT).
    void exec(const std::string& sql);
    // Registers a statement to be prepared under `name` now and after every reconnect.
    void prepare(std::string name, std::string sql);
    // Runs a prepared statement; throws store_error (with the SQLSTATE) on any error,
    // constraint violations included.
    result run(const std::string& name, std::initializer_list<param> params);
    // Runs one SQL statement with parameters, unprepared (migrations, rare queries).
    result query(const std::string& sql, std::initializer_list<param> params = {});

    // The SQLSTATE of the last failure ("23505": unique violation), for callers that tell them
    // apart; empty when the connection itself failed.
    const std::string& last_sqlstate() const { return last_sqlstate_; }
    // Reconnects if the connection was lost, and prepares every registered statement again.
    // Inside a transaction a lost connection is an error instead: a statement run on a new
    // connection would run outside the transaction.
    void ensure_open();

private:
    friend class transaction;
    void connect();
    void exec_now(const std::string& sql);  // exec() on the connection as it is
    [[noreturn]] void fail(std::string_view what, ::pg_result* r);

    std::string url_;
    ::pg_conn* conn_ = nullptr;
    std::vector<std::pair<std::string, std::string>> statements_;
    std::string last_sqlstate_;
    bool in_transaction_ = false;
};

// A transaction that rolls back unless commit() was called.
class transaction {
public:
    explicit transaction(connection& c);
    ~transaction();
    transaction(const transaction&) = delete;
    transaction& operator=(const transaction&) = delete;

    // COMMIT; returns only once PostgreSQL has made the transaction durable (synchronous_commit
    // is on for this connection). Throws store_error if it did not commit.
    void commit();

private:
    connection& c_;
    bool done_ = false;
};

// "postgresql://user:***@host/db": the URL with its password hidden, for logs and messages.
std::string redact_url(std::string_view url);

}  // namespace jb::store::pg
