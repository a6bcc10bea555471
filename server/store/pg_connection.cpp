#include "store/pg_connection.hpp"

#include "util/log.hpp"

#include <libpq-fe.h>

#include <charconv>
#include <regex>

namespace jb::store::pg {

namespace {

std::string trimmed(const char* message) {
    std::string s = message ? message : "";
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
}

// PostgreSQL's warnings go to the server's log instead of libpq's default, stderr. Notices
// ("relation already exists, skipping") are not asked for (client_min_messages = warning).
void log_notice(void*, const char* message) {
    log::warn("store", "PostgreSQL says", {{"message", trimmed(message)}});
}

}  // namespace

result::~result() {
    if (r_) PQclear(r_);
}

int result::rows() const { return PQntuples(r_); }

std::string result::text(int row, int column) const {
    return std::string(PQgetvalue(r_, row, column), static_cast<std::size_t>(PQgetlength(r_, row, column)));
}

std::int64_t result::integer(int row, int column) const {
    const char* s = PQgetvalue(r_, row, column);
    const char* end = s + PQgetlength(r_, row, column);
    std::int64_t v = 0;
    const auto [ptr, ec] = std::from_chars(s, end, v);
    if (ec != std::errc{} || ptr != end)
        throw store_error("column " + std::to_string(column) + " is not an integer: '" + std::string(s, end) + "'");
    return v;
}

bool result::boolean(int row, int column) const {
    return PQgetlength(r_, row, column) == 1 && PQgetvalue(r_, row, column)[0] == 't';
}

std::int64_t result::affected() const {
    const char* n = PQcmdTuples(r_);
    return n && *n ? std::stoll(n) : 0;
}

array_literal& array_literal::add(std::string_view text) {
    if (text_.size() > 1) text_ += ',';
    text_ += '"';
    for (const char c : text) {
        if (c == '"' || c == '\\') text_ += '\\';
        text_ += c;
    }
    text_ += '"';
    return *this;
}

array_literal& array_literal::add(std::int64_t value) {
    if (text_.size() > 1) text_ += ',';
    text_ += std::to_string(value);
    return *this;
}

connection::connection(std::string url) : url_(std::move(url)) {
    try {
        connect();
    } catch (...) {
        // No destructor runs for an object whose constructor threw.
        PQfinish(conn_);
        throw;
    }
}

connection::~connection() {
    if (conn_) PQfinish(conn_);
}

void connection::connect() {
    if (conn_) PQfinish(conn_);
    conn_ = PQconnectdb(url_.c_str());
    if (!conn_) throw store_unavailable("cannot connect to PostgreSQL: out of memory");
    if (PQstatus(conn_) != CONNECTION_OK)
        throw store_unavailable("cannot connect to PostgreSQL at " + redact_url(url_) + ": " +
                                trimmed(PQerrorMessage(conn_)));
    PQsetNoticeProcessor(conn_, log_notice, nullptr);
    exec_now("SET client_min_messages = warning");
    // An acknowledged operation must survive a crash of PostgreSQL too: COMMIT returns only
    // after the WAL is flushed. A database set to synchronous_commit = off would break that
    // promise silently, so this session asks for it; stronger settings (remote_apply for a
    // synchronous standby) are left as the administrator set them.
    const auto mode = query("SHOW synchronous_commit");
    if (mode.rows() == 1 && mode.text(0, 0) == "off") exec_now("SET synchronous_commit = on");
    for (const auto& [name, sql] : statements_) {
        result r(PQprepare(conn_, name.c_str(), sql.c_str(), 0, nullptr));
        if (PQresultStatus(r.get()) != PGRES_COMMAND_OK) fail("cannot prepare '" + sql + "'", r.get());
    }
}

void connection::ensure_open() {
    if (conn_ && PQstatus(conn_) == CONNECTION_OK) return;
    if (in_transaction_) throw store_unavailable("the connection to PostgreSQL was lost in a transaction");
    connect();
}

void connection::fail(std::string_view what, ::pg_result* r) {
    const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    last_sqlstate_ = state ? state : "";
    std::string message = r ? trimmed(PQresultErrorMessage(r)) : "";
    if (message.empty()) message = trimmed(PQerrorMessage(conn_));
    if (message.empty() && r) message = std::string("PostgreSQL answered ") + PQcmdStatus(r);
    message = std::string(what) + ": " + message +
              (last_sqlstate_.empty() ? "" : " (SQLSTATE " + last_sqlstate_ + ")");
    // A statement that failed with no SQLSTATE failed on the connection, not in PostgreSQL.
    if (PQstatus(conn_) != CONNECTION_OK || is_unavailable(last_sqlstate_)) throw store_unavailable(message);
    throw store_error(message);
}

void connection::exec(const std::string& sql) {
    ensure_open();
    exec_now(sql);
}

void connection::exec_now(const std::string& sql) {
    result r(PQexec(conn_, sql.c_str()));
    const auto status = PQresultStatus(r.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(sql, r.get());
}

void connection::prepare(std::string name, std::string sql) {
    ensure_open();
    result r(PQprepare(conn_, name.c_str(), sql.c_str(), 0, nullptr));
    if (PQresultStatus(r.get()) != PGRES_COMMAND_OK) fail("cannot prepare '" + sql + "'", r.get());
    statements_.emplace_back(std::move(name), std::move(sql));
}

namespace {

struct param_arrays {
    std::vector<const char*> values;
    explicit param_arrays(std::initializer_list<param> params) {
        values.reserve(params.size());
        for (const auto& p : params) values.push_back(p.text().c_str());
    }
};

}  // namespace

result connection::run(const std::string& name, std::initializer_list<param> params) {
    ensure_open();
    param_arrays a(params);
    result r(PQexecPrepared(conn_, name.c_str(), static_cast<int>(a.values.size()), a.values.data(),
                            nullptr, nullptr, 0));
    const auto status = PQresultStatus(r.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(name, r.get());
    return r;
}

result connection::query(const std::string& sql, std::initializer_list<param> params) {
    ensure_open();
    param_arrays a(params);
    result r(PQexecParams(conn_, sql.c_str(), static_cast<int>(a.values.size()), nullptr,
                          a.values.data(), nullptr, nullptr, 0));
    const auto status = PQresultStatus(r.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(sql, r.get());
    return r;
}

transaction::transaction(connection& c) : c_(c) {
    // BEGIN on a lost connection reconnects first: nothing of this transaction is lost with it.
    c_.exec("BEGIN");
    c_.in_transaction_ = true;
}

transaction::~transaction() {
    if (done_) return;
    c_.in_transaction_ = false;
    if (PQstatus(c_.conn_) != CONNECTION_OK) return;  // a lost connection rolled it back itself
    result r(PQexec(c_.conn_, "ROLLBACK"));
}

void transaction::commit() {
    done_ = true;
    c_.in_transaction_ = false;
    // Not exec(): that would reconnect after a lost connection, and COMMIT on a new one only
    // warns that no transaction is open. A COMMIT whose answer is lost (the connection dropped
    // while PostgreSQL committed) throws here and counts as failed: the caller reloads from
    // what is durable, where the client sequence numbers of the ops that did commit keep them
    // from being applied twice.
    if (PQstatus(c_.conn_) != CONNECTION_OK)
        throw store_unavailable("the connection to PostgreSQL was lost before COMMIT");
    result r(PQexec(c_.conn_, "COMMIT"));
    // A transaction that had failed answers COMMIT with "ROLLBACK".
    if (PQresultStatus(r.get()) != PGRES_COMMAND_OK || std::string_view(PQcmdStatus(r.get())) != "COMMIT")
        c_.fail("COMMIT", r.get());
}

bool is_unavailable(std::string_view sqlstate) {
    return sqlstate.starts_with("08") || sqlstate.starts_with("53") || sqlstate == "57P01" ||
           sqlstate == "57P02" || sqlstate == "57P03";
}

void rethrow_in_context(const store_error& e, const std::string& context) {
    if (dynamic_cast<const store_unavailable*>(&e)) throw store_unavailable(context + e.what());
    throw store_error(context + e.what());
}

std::string redact_url(std::string_view url) {
    std::string s(url);
    // postgresql://user:password@host → postgresql://user:***@host
    static const std::regex in_authority(R"(^(postgres(?:ql)?://[^:/@?]*:)[^@/?]*@)");
    s = std::regex_replace(s, in_authority, "$1***@");
    // ?password=... or &password=...
    static const std::regex in_query(R"(([?&]password=)[^&]*)");
    return std::regex_replace(s, in_query, "$1***");
}

}  // namespace jb::store::pg
