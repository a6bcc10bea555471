#include "store/sqlite_handle.hpp"
#include "util/log.hpp"

#include <sqlite3.h>


namespace jb::store::sqlite {

void fail(sqlite3* db, std::string_view what) {
    std::string message(what);
    if (db != nullptr) {
        message += ": ";
        message += sqlite3_errmsg(db);
    }
    throw store_error(message);
}

// ---- database ----------------------------------------------------------------------------

database::database(const std::string& path) {
    const int rc = sqlite3_open_v2(path.c_str(), &db_,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                   nullptr);
    if (rc != SQLITE_OK) {
        // The handle exists even on failure (unless out of memory) and carries the message.
        std::string message = "cannot open database '" + path + "': " +
                              (db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
        sqlite3_close(db_);
        db_ = nullptr;
        throw store_error(message);
    }
    // Report constraint and I/O failures with their precise (extended) codes in messages.
    sqlite3_extended_result_codes(db_, 1);
}

database::~database() {
    // sqlite3_close (not _v2) fails if a statement is still alive: the owners of statements are
    // declared after the database, so they are gone by now.
    if (sqlite3_close(db_) != SQLITE_OK) {
        log::error("store", "closing the database failed", {{"error", sqlite3_errmsg(db_)}});
    }
}

void database::exec(const std::string& sql) {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
        std::string message = error != nullptr ? error : sqlite3_errmsg(db_);
        sqlite3_free(error);
        throw store_error("sqlite: " + message + " (in: " + sql + ")");
    }
}

std::int64_t database::query_int(const std::string& sql) {
    statement s(*this, sql);
    statement::use q(s);
    if (!q.step()) throw store_error("sqlite: no result from: " + sql);
    return q.integer(0);
}

std::string database::query_text(const std::string& sql) {
    statement s(*this, sql);
    statement::use q(s);
    if (!q.step()) throw store_error("sqlite: no result from: " + sql);
    return q.text(0);
}

// ---- statement ---------------------------------------------------------------------------

statement::statement(database& db, std::string_view sql) : db_(db), sql_(sql) {
    if (sqlite3_prepare_v3(db_.get(), sql_.data(), static_cast<int>(sql_.size()),
                           SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) != SQLITE_OK) {
        fail(db_.get(), "sqlite: cannot prepare '" + sql_ + "'");
    }
}

statement::~statement() { sqlite3_finalize(stmt_); }

statement::use::~use() {
    // reset() repeats the last step's error code; that error was already reported by step().
    sqlite3_reset(s_.stmt_);
    sqlite3_clear_bindings(s_.stmt_);
}

statement::use& statement::use::bind(int index, std::string_view text) {
    if (sqlite3_bind_text64(s_.stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT,
                            SQLITE_UTF8) != SQLITE_OK) {
        fail(s_.db_.get(), "sqlite: cannot bind parameter " + std::to_string(index));
    }
    return *this;
}

statement::use& statement::use::bind(int index, std::int64_t value) {
    if (sqlite3_bind_int64(s_.stmt_, index, value) != SQLITE_OK) {
        fail(s_.db_.get(), "sqlite: cannot bind parameter " + std::to_string(index));
    }
    return *this;
}

bool statement::use::step() {
    switch (sqlite3_step(s_.stmt_)) {
    case SQLITE_ROW: return true;
    case SQLITE_DONE: return false;
    default: fail(s_.db_.get(), "sqlite: '" + s_.sql_ + "' failed");
    }
}

void statement::use::run() {
    if (step()) throw store_error("sqlite: '" + s_.sql_ + "' unexpectedly returned rows");
}

std::string statement::use::text(int column) const {
    const auto* p = sqlite3_column_text(s_.stmt_, column);
    const int n = sqlite3_column_bytes(s_.stmt_, column);
    return p != nullptr ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n))
                        : std::string();
}

std::int64_t statement::use::integer(int column) const {
    return sqlite3_column_int64(s_.stmt_, column);
}

// ---- transaction -------------------------------------------------------------------------

transaction::transaction(database& db, kind k) : db_(db) {
    db_.exec(k == kind::immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
}

transaction::~transaction() {
    if (done_) return;
    // SQLite rolls back by itself after some errors (disk full, I/O error); a second ROLLBACK
    // would only fail, so roll back only while a transaction is still open.
    if (sqlite3_get_autocommit(db_.get()) == 0 &&
        sqlite3_exec(db_.get(), "ROLLBACK", nullptr, nullptr, nullptr) != SQLITE_OK) {
        log::error("store", "rollback failed", {{"error", sqlite3_errmsg(db_.get())}});
    }
}

void transaction::commit() {
    db_.exec("COMMIT");
    done_ = true;
}

}  // namespace jb::store::sqlite
