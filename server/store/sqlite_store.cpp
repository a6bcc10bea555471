#include "store/sqlite_store.hpp"

#include "store/migrations.hpp"
#include "store/sqlite_handle.hpp"

#include <sqlite3.h>

#include <cstdio>

namespace jb::store {

using sqlite::statement;
using sqlite::transaction;

namespace {

// How long a statement waits for another connection's lock before failing with SQLITE_BUSY.
// Only one process is meant to write, so this covers tools (backups, sqlite3 shell) reading.
constexpr int busy_timeout_ms = 5000;

// Sets the connection up and brings the schema forward; returns the schema version.
int open_database(sqlite::database& db) {
    sqlite3_busy_timeout(db.get(), busy_timeout_ms);
    db.exec("PRAGMA foreign_keys = ON");
    // WAL: readers never block the writer, and a commit is one append plus one fsync.
    // An in-memory database has no file and reports "memory", which is fine.
    const auto mode = db.query_text("PRAGMA journal_mode = WAL");
    if (mode != "wal" && mode != "memory") {
        throw store_error("cannot switch the database to WAL mode (it stays in '" + mode + "')");
    }
    // FULL: an acknowledged commit survives power loss, not only a crash of the process. The
    // extra fsync is paid once per group commit, not once per operation.
    db.exec("PRAGMA synchronous = FULL");
    return sqlite::migrate(db, sqlite::schema_migrations());
}

// Every table that holds rows of a workshop: those with a workshop_id column. Found from the
// schema itself, so a table a later migration adds is deleted with the workshop too. All but
// the audit trail, which records the deletion itself and outlives it (it holds no content).
std::vector<std::string> tables_with_workshop_rows(sqlite::database& db) {
    std::vector<std::string> names;
    statement q(db, "SELECT m.name FROM sqlite_schema m JOIN pragma_table_info(m.name) c "
                    "WHERE m.type = 'table' AND c.name = 'workshop_id' AND m.name <> 'audit' "
                    "ORDER BY m.name");
    statement::use u(q);
    while (u.step()) names.push_back(u.text(0));
    return names;
}

std::vector<std::unique_ptr<statement>> prepare_deletes(sqlite::database& db) {
    std::vector<std::unique_ptr<statement>> out;
    for (const auto& table : tables_with_workshop_rows(db))
        out.push_back(std::make_unique<statement>(
            db, "DELETE FROM \"" + table + "\" WHERE workshop_id = ?1"));
    return out;
}

workshop_record read_workshop(const statement::use& q) {
    return {q.text(0), q.text(1), q.text(2), q.text(3), q.integer(4), q.text(5)};
}

}  // namespace

// Owns the connection and every statement, prepared once on open. Not thread-safe: only the
// store worker's thread uses it.
struct sqlite_store::impl {
    // Declared first so it is destroyed last, after every statement is finalised.
    sqlite::database db;
    int version;

    statement insert_workshop{db, "INSERT INTO workshops (id, title, join_code, "
                                  "facilitator_key_hash, created_at, screen_key) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"};
    statement workshop_by_code{db, "SELECT id, title, join_code, facilitator_key_hash, created_at, "
                                   "screen_key FROM workshops WHERE join_code = ?1"};
    statement workshop_by_id{db, "SELECT id, title, join_code, facilitator_key_hash, created_at, "
                                 "screen_key FROM workshops WHERE id = ?1"};
    statement all_workshops{db, "SELECT id, title, join_code, facilitator_key_hash, created_at, "
                                "screen_key FROM workshops ORDER BY id"};
    statement code_exists{db, "SELECT 1 FROM workshops WHERE join_code = ?1"};

    // A snapshot never moves a workshop back to an older seq.
    statement upsert_snapshot{db, "INSERT INTO snapshots (workshop_id, seq, state_json) "
                                  "VALUES (?1, ?2, ?3) ON CONFLICT (workshop_id) DO UPDATE SET "
                                  "seq = excluded.seq, state_json = excluded.state_json "
                                  "WHERE excluded.seq >= snapshots.seq"};
    statement snapshot_of{db, "SELECT seq, state_json FROM snapshots WHERE workshop_id = ?1"};

    statement insert_op{db, "INSERT INTO ops (workshop_id, seq, at, by_participant, client_id, "
                            "client_seq, op_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"};
    statement ops_after{db, "SELECT seq, at, by_participant, client_id, client_seq, op_json "
                            "FROM ops WHERE workshop_id = ?1 AND seq > ?2 ORDER BY seq"};

    // A lower or repeated clientSeq never lowers what is stored (P-SYNC-4).
    statement upsert_client_seq{db, "INSERT INTO client_seqs (workshop_id, client_id, "
                                    "last_client_seq) VALUES (?1, ?2, ?3) "
                                    "ON CONFLICT (workshop_id, client_id) DO UPDATE SET "
                                    "last_client_seq = max(last_client_seq, "
                                    "excluded.last_client_seq)"};
    statement client_seqs_of{db, "SELECT client_id, last_client_seq FROM client_seqs "
                                 "WHERE workshop_id = ?1"};

    // Upsert keeps the first created_at: a rename is not a new participant.
    statement upsert_participant{db, "INSERT INTO participants (workshop_id, id, token_hash, "
                                     "display_name, role, created_at, removed) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                                     "ON CONFLICT (workshop_id, id) DO UPDATE SET "
                                     "token_hash = excluded.token_hash, "
                                     "display_name = excluded.display_name, "
                                     "role = excluded.role, removed = excluded.removed"};
    // An import adds each participant once: a repeated id is an error, not an update.
    statement insert_participant{db, "INSERT INTO participants (workshop_id, id, token_hash, "
                                     "display_name, role, created_at, removed) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"};
    statement participants_of{db, "SELECT id, token_hash, display_name, role, created_at, removed "
                                  "FROM participants WHERE workshop_id = ?1 "
                                  "ORDER BY created_at, id"};
    statement set_key_hash{db, "UPDATE workshops SET facilitator_key_hash = ?2 WHERE id = ?1"};
    statement participant_by_token{db, "SELECT id, token_hash, display_name, role, created_at, removed "
                                       "FROM participants WHERE workshop_id = ?1 AND token_hash = ?2"};

    // Last activity: creation, the newest op, the newest participant (retention).
    statement inactive_since{db, "SELECT id FROM (SELECT w.id, max(w.created_at, "
                                 "coalesce((SELECT max(o.at) FROM ops o WHERE o.workshop_id = w.id), 0), "
                                 "coalesce((SELECT max(p.created_at) FROM participants p "
                                 "WHERE p.workshop_id = w.id), 0)) AS last_active "
                                 "FROM workshops w) WHERE last_active < ?1 ORDER BY last_active, id"};
    statement delete_workshop_row{db, "DELETE FROM workshops WHERE id = ?1"};
    statement insert_audit{db, "INSERT INTO audit (at, workshop_id, actor, action, outcome, detail) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"};
    statement audit_from{db, "SELECT at, workshop_id, actor, action, outcome, detail FROM audit "
                             "WHERE at >= ?1 ORDER BY at, id"};
    statement delete_audit{db, "DELETE FROM audit WHERE at < ?1"};
    std::vector<std::unique_ptr<statement>> delete_rows = prepare_deletes(db);

    explicit impl(const std::string& path) : db(path), version(open_database(db)) {}

    void write_workshop(const workshop_record& w) {
        statement::use(insert_workshop)
            .bind(1, w.id).bind(2, w.title).bind(3, w.join_code)
            .bind(4, w.facilitator_key_hash).bind(5, w.created_at).bind(6, w.screen_key)
            .run();
    }

    void write_snapshot(const snapshot_record& s) {
        statement::use(upsert_snapshot).bind(1, s.workshop_id).bind(2, s.seq).bind(3, s.state_json).run();
    }
};

sqlite_store::sqlite_store(const std::string& path) : impl_(std::make_unique<impl>(path)) {}

sqlite_store::~sqlite_store() = default;

int sqlite_store::schema_version() const { return impl_->version; }

int sqlite_store::supported_schema_version() {
    return static_cast<int>(sqlite::schema_migrations().size());
}

void sqlite_store::create_workshop(const workshop_record& w, const std::string& initial_state_json) {
    try {
        transaction tx(impl_->db, transaction::kind::immediate);
        impl_->write_workshop(w);
        impl_->write_snapshot({w.id, 0, initial_state_json});
        tx.commit();
    } catch (const store_error& e) {
        throw store_error("cannot create workshop '" + w.id + "': " + e.what());
    }
}

void sqlite_store::import_workshop(const workshop_record& w, const std::string& state_json,
                                   const std::vector<participant_record>& participants) {
    try {
        transaction tx(impl_->db, transaction::kind::immediate);
        impl_->write_workshop(w);
        impl_->write_snapshot({w.id, 0, state_json});
        for (const auto& p : participants) {
            if (p.workshop_id != w.id)
                throw store_error("participant '" + p.id + "' belongs to another workshop");
            statement::use(impl_->insert_participant)
                .bind(1, p.workshop_id).bind(2, p.id).bind(3, p.token_hash)
                .bind(4, p.display_name).bind(5, p.role).bind(6, p.created_at)
                .bind(7, std::int64_t{p.removed ? 1 : 0})
                .run();
        }
        tx.commit();
    } catch (const store_error& e) {
        throw store_error("cannot import workshop '" + w.id + "': " + e.what());
    }
}

std::optional<workshop_record> sqlite_store::find_workshop_by_code(std::string_view join_code) {
    statement::use q(impl_->workshop_by_code);
    q.bind(1, join_code);
    if (!q.step()) return std::nullopt;
    return read_workshop(q);
}

bool sqlite_store::join_code_taken(std::string_view join_code) {
    statement::use q(impl_->code_exists);
    q.bind(1, join_code);
    return q.step();
}

std::optional<loaded_workshop> sqlite_store::load_workshop(std::string_view workshop_id) {
    // One read transaction, so the snapshot, the ops after it and the client seqs agree even if
    // another connection writes meanwhile.
    transaction tx(impl_->db, transaction::kind::deferred);
    loaded_workshop out;
    {
        statement::use q(impl_->workshop_by_id);
        q.bind(1, workshop_id);
        if (!q.step()) return std::nullopt;
        out.workshop = read_workshop(q);
    }
    {
        statement::use q(impl_->snapshot_of);
        q.bind(1, workshop_id);
        if (!q.step()) {
            throw store_error("workshop '" + out.workshop.id + "' has no snapshot in the database");
        }
        out.snapshot = {out.workshop.id, q.integer(0), q.text(1)};
    }
    {
        statement::use q(impl_->ops_after);
        q.bind(1, workshop_id).bind(2, out.snapshot.seq);
        while (q.step()) {
            out.ops_after.push_back(
                {out.workshop.id, q.integer(0), q.integer(1), q.text(2), q.text(3), q.integer(4), q.text(5)});
        }
    }
    {
        statement::use q(impl_->participants_of);
        q.bind(1, workshop_id);
        while (q.step()) {
            out.participants.push_back(
                {out.workshop.id, q.text(0), q.text(1), q.text(2), q.text(3), q.integer(4),
                 q.integer(5) != 0});
        }
    }
    {
        statement::use q(impl_->client_seqs_of);
        q.bind(1, workshop_id);
        while (q.step()) out.client_seqs.emplace(q.text(0), q.integer(1));
    }
    tx.commit();
    return out;
}

void sqlite_store::commit(const write_batch& batch) {
    // One node owns every workshop of its file: nothing here could check a lease.
    if (!batch.fences.empty())
        throw store_error("commit refused: a lease fence needs a store shared by nodes (PostgreSQL)");
    if (batch.empty()) return;
    try {
        transaction tx(impl_->db, transaction::kind::immediate);
        for (const auto& op : batch.ops) {
            statement::use(impl_->insert_op)
                .bind(1, op.workshop_id).bind(2, op.seq).bind(3, op.at).bind(4, op.by)
                .bind(5, op.client_id).bind(6, op.client_seq).bind(7, op.op_json)
                .run();
            // Operations the server makes on its own carry no client and advance no clientSeq.
            if (!op.client_id.empty()) {
                statement::use(impl_->upsert_client_seq)
                    .bind(1, op.workshop_id).bind(2, op.client_id).bind(3, op.client_seq)
                    .run();
            }
        }
        for (const auto& p : batch.participants) {
            statement::use(impl_->upsert_participant)
                .bind(1, p.workshop_id).bind(2, p.id).bind(3, p.token_hash)
                .bind(4, p.display_name).bind(5, p.role).bind(6, p.created_at)
                .bind(7, std::int64_t{p.removed ? 1 : 0})
                .run();
        }
        for (const auto& s : batch.snapshots) impl_->write_snapshot(s);
        tx.commit();
    } catch (const store_error& e) {
        throw store_error(std::string("commit rolled back: ") + e.what());
    }
}

std::optional<workshop_record> sqlite_store::find_workshop(std::string_view workshop_id) {
    statement::use q(impl_->workshop_by_id);
    q.bind(1, workshop_id);
    if (!q.step()) return std::nullopt;
    return read_workshop(q);
}

bool sqlite_store::set_facilitator_key_hash(std::string_view workshop_id, std::string_view hash) {
    statement::use q(impl_->set_key_hash);
    q.bind(1, workshop_id).bind(2, hash).run();
    return sqlite3_changes(impl_->db.get()) > 0;
}

std::optional<participant_record> sqlite_store::find_participant_by_token(std::string_view workshop_id,
                                                                        std::string_view token_hash) {
    statement::use q(impl_->participant_by_token);
    q.bind(1, workshop_id).bind(2, token_hash);
    if (!q.step()) return std::nullopt;
    return participant_record{std::string(workshop_id), q.text(0), q.text(1), q.text(2), q.text(3),
                              q.integer(4), q.integer(5) != 0};
}

bool sqlite_store::delete_workshop(std::string_view workshop_id) {
    try {
        transaction tx(impl_->db, transaction::kind::immediate);
        // Rows of other tables may refer to each other; check the references at COMMIT, when
        // every row of the workshop is gone.
        impl_->db.exec("PRAGMA defer_foreign_keys = ON");
        for (auto& del : impl_->delete_rows) statement::use(*del).bind(1, workshop_id).run();
        statement::use del(impl_->delete_workshop_row);
        del.bind(1, workshop_id).run();
        const bool existed = sqlite3_changes(impl_->db.get()) > 0;
        tx.commit();
        return existed;
    } catch (const store_error& e) {
        throw store_error("cannot delete workshop '" + std::string(workshop_id) + "': " + e.what());
    }
}

std::vector<std::string> sqlite_store::workshops_inactive_since(std::int64_t cutoff) {
    std::vector<std::string> ids;
    statement::use q(impl_->inactive_since);
    q.bind(1, cutoff);
    while (q.step()) ids.push_back(q.text(0));
    return ids;
}

std::vector<workshop_record> sqlite_store::list_workshops() {
    std::vector<workshop_record> out;
    statement::use q(impl_->all_workshops);
    while (q.step()) out.push_back(read_workshop(q));
    return out;
}

void sqlite_store::append_audit(const audit_record& e) {
    statement::use(impl_->insert_audit)
        .bind(1, e.at).bind(2, e.workshop_id).bind(3, e.actor).bind(4, e.action)
        .bind(5, e.outcome).bind(6, e.detail)
        .run();
}

std::vector<audit_record> sqlite_store::audit_since(std::int64_t since) {
    std::vector<audit_record> out;
    statement::use q(impl_->audit_from);
    q.bind(1, since);
    while (q.step())
        out.push_back({q.integer(0), q.text(1), q.text(2), q.text(3), q.text(4), q.text(5)});
    return out;
}

std::int64_t sqlite_store::delete_audit_before(std::int64_t cutoff) {
    statement::use(impl_->delete_audit).bind(1, cutoff).run();
    return sqlite3_changes(impl_->db.get());
}

sqlite_store::backup::backup(sqlite_store& source, std::string destination)
    : destination_(std::move(destination)) {
    std::remove(destination_.c_str());  // a leftover of an earlier failed copy
    if (sqlite3_open_v2(destination_.c_str(), &target_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                        nullptr) != SQLITE_OK)
        fail(target_ ? sqlite3_errmsg(target_) : "cannot open");
    backup_ = sqlite3_backup_init(target_, "main", source.impl_->db.get(), "main");
    if (!backup_) fail(sqlite3_errmsg(target_));
}

sqlite_store::backup::~backup() {
    if (backup_) sqlite3_backup_finish(backup_);
    if (target_) sqlite3_close(target_);
    if (!done_) std::remove(destination_.c_str());
}

void sqlite_store::backup::fail(const std::string& why) {
    if (backup_) sqlite3_backup_finish(backup_);
    backup_ = nullptr;
    if (target_) sqlite3_close(target_);
    target_ = nullptr;
    std::remove(destination_.c_str());
    throw store_error("backup to " + destination_ + " failed: " + why);
}

bool sqlite_store::backup::step(int pages) {
    if (done_) return true;
    const int rc = sqlite3_backup_step(backup_, pages);
    if (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) return false;
    sqlite3_backup_finish(backup_);
    backup_ = nullptr;
    if (rc != SQLITE_DONE) fail(sqlite3_errstr(rc));
    // The copy is one plain file, complete in itself (no -wal beside it).
    if (sqlite3_exec(target_, "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr) != SQLITE_OK)
        fail(sqlite3_errmsg(target_));
    if (sqlite3_close(target_) != SQLITE_OK) fail(sqlite3_errmsg(target_));
    target_ = nullptr;
    done_ = true;
    return true;
}

std::unique_ptr<sqlite_store::backup> sqlite_store::start_backup(const std::string& destination) {
    return std::unique_ptr<backup>(new backup(*this, destination));
}

void sqlite_store::backup_to(const std::string& destination) {
    auto copy = start_backup(destination);
    while (!copy->step(-1)) {
    }
}

}  // namespace jb::store
