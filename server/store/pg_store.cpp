#include "store/pg_store.hpp"

#include "store/pg_connection.hpp"
#include "store/pg_migrations.hpp"
#include "store/reader_thread.hpp"

#include <condition_variable>
#include <mutex>

namespace jb::store {

namespace {

// The statements, prepared once per connection (and again after a reconnect). Each says in
// sqlite_store.cpp why it is written as it is; the SQL differs only in PostgreSQL's spelling.
constexpr std::pair<const char*, const char*> statements[] = {
    {"insert_workshop", "INSERT INTO workshops (id, title, join_code, facilitator_key_hash, "
                        "created_at, screen_key) VALUES ($1, $2, $3, $4, $5, $6)"},
    {"workshop_by_code", "SELECT id, title, join_code, facilitator_key_hash, created_at, "
                         "screen_key FROM workshops WHERE join_code = $1"},
    {"workshop_by_id", "SELECT id, title, join_code, facilitator_key_hash, created_at, "
                       "screen_key FROM workshops WHERE id = $1"},
    {"all_workshops", "SELECT id, title, join_code, facilitator_key_hash, created_at, "
                      "screen_key FROM workshops ORDER BY id"},
    {"code_exists", "SELECT 1 FROM workshops WHERE join_code = $1"},
    {"upsert_snapshot", "INSERT INTO snapshots (workshop_id, seq, state_json) VALUES ($1, $2, $3) "
                        "ON CONFLICT (workshop_id) DO UPDATE SET seq = excluded.seq, "
                        "state_json = excluded.state_json WHERE excluded.seq >= snapshots.seq"},
    {"snapshot_of", "SELECT seq, state_json FROM snapshots WHERE workshop_id = $1"},
    {"last_op_at", "SELECT at FROM ops WHERE workshop_id = $1 ORDER BY seq DESC LIMIT 1"},
    // A group's ops in one statement each, whatever its size: a round trip costs more than the
    // rows (docs/performance.md, "Store commit latency"). A repeated (workshop_id, seq) fails the
    // whole statement, as one row of the batch would.
    {"insert_ops", "INSERT INTO ops (workshop_id, seq, at, by_participant, client_id, client_seq, "
                   "op_json) SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[], "
                   "$4::text[], $5::text[], $6::bigint[], $7::text[])"},
    {"ops_after", "SELECT seq, at, by_participant, client_id, client_seq, op_json FROM ops "
                  "WHERE workshop_id = $1 AND seq > $2 ORDER BY seq"},
    // Grouped first: one statement may not update the same row twice.
    {"upsert_client_seqs", "INSERT INTO client_seqs (workshop_id, client_id, last_client_seq) "
                           "SELECT w, c, max(s) FROM unnest($1::text[], $2::text[], $3::bigint[]) "
                           "AS t(w, c, s) GROUP BY w, c ON CONFLICT (workshop_id, client_id) "
                           "DO UPDATE SET last_client_seq = greatest(client_seqs.last_client_seq, "
                           "excluded.last_client_seq)"},
    {"client_seqs_of", "SELECT client_id, last_client_seq FROM client_seqs WHERE workshop_id = $1"},
    {"upsert_participant", "INSERT INTO participants (workshop_id, id, token_hash, display_name, "
                           "role, created_at, removed) VALUES ($1, $2, $3, $4, $5, $6, $7) "
                           "ON CONFLICT (workshop_id, id) DO UPDATE SET "
                           "token_hash = excluded.token_hash, display_name = excluded.display_name, "
                           "role = excluded.role, removed = excluded.removed"},
    {"insert_participant", "INSERT INTO participants (workshop_id, id, token_hash, display_name, "
                           "role, created_at, removed) VALUES ($1, $2, $3, $4, $5, $6, $7)"},
    {"participants_of", "SELECT id, token_hash, display_name, role, created_at, removed "
                        "FROM participants WHERE workshop_id = $1 ORDER BY created_at, id"},
    {"set_key_hash", "UPDATE workshops SET facilitator_key_hash = $2 WHERE id = $1"},
    {"participant_by_token", "SELECT id, token_hash, display_name, role, created_at, removed "
                             "FROM participants WHERE workshop_id = $1 AND token_hash = $2"},
    {"inactive_since", "SELECT id FROM (SELECT w.id, greatest(w.created_at, "
                       "coalesce((SELECT max(o.at) FROM ops o WHERE o.workshop_id = w.id), 0), "
                       "coalesce((SELECT max(p.created_at) FROM participants p "
                       "WHERE p.workshop_id = w.id), 0)) AS last_active FROM workshops w) a "
                       "WHERE last_active < $1 ORDER BY last_active, id"},
    // Every row of the workshop goes with it (ON DELETE CASCADE, pg_migrations.cpp).
    {"delete_workshop", "DELETE FROM workshops WHERE id = $1"},
    {"insert_audit", "INSERT INTO audit (at, workshop_id, actor, action, outcome, detail) "
                     "VALUES ($1, $2, $3, $4, $5, $6)"},
    {"audit_from", "SELECT at, workshop_id, actor, action, outcome, detail FROM audit "
                   "WHERE at >= $1 ORDER BY at, id"},
    {"delete_audit", "DELETE FROM audit WHERE at < $1"},
    // Leases (pg_migrations.cpp, schema version 2). Taking one bumps the epoch; the row is
    // locked while the taker's statement runs, so a commit checking the old epoch either ends
    // before the taking or sees the new epoch and fails.
    {"acquire_lease", "INSERT INTO workshop_leases AS l (workshop_id, owner, epoch, expires_at) "
                      "VALUES ($1, $2, 1, clock_timestamp() + $3 * interval '1 millisecond') "
                      "ON CONFLICT (workshop_id) DO UPDATE SET owner = excluded.owner, "
                      "epoch = l.epoch + 1, expires_at = excluded.expires_at, wanted_by = NULL "
                      "WHERE l.expires_at <= clock_timestamp() OR l.owner = excluded.owner "
                      "RETURNING epoch"},
    // A refused taker says it wants the room (schema version 3); the holder hands it over.
    {"want_lease", "UPDATE workshop_leases SET wanted_by = $2 WHERE workshop_id = $1 AND owner <> $2"},
    {"renew_lease", "UPDATE workshop_leases SET expires_at = clock_timestamp() + $4 * interval '1 millisecond' "
                    "WHERE workshop_id = $1 AND owner = $2 AND epoch = $3 AND expires_at > clock_timestamp() "
                    "RETURNING wanted_by IS NOT NULL"},
    {"release_lease", "UPDATE workshop_leases SET expires_at = clock_timestamp() "
                      "WHERE workshop_id = $1 AND owner = $2 AND epoch = $3"},
    // FOR SHARE: a taking of the lease waits until this commit's transaction ends.
    {"check_fence", "SELECT 1 FROM workshop_leases WHERE workshop_id = $1 AND owner = $2 AND "
                    "epoch = $3 AND expires_at > clock_timestamp() FOR SHARE"},
};

workshop_record read_workshop(const pg::result& r, int row) {
    return {r.text(row, 0), r.text(row, 1), r.text(row, 2), r.text(row, 3), r.integer(row, 4), r.text(row, 5)};
}

participant_record read_participant(std::string_view workshop_id, const pg::result& r, int row) {
    return {std::string(workshop_id), r.text(row, 0), r.text(row, 1), r.text(row, 2), r.text(row, 3),
            r.integer(row, 4), r.boolean(row, 5)};
}

void prepare_all(pg::connection& c) {
    for (const auto& [name, sql] : statements) c.prepare(name, sql);
}

// The read connections. A read borrows one for its call and gives it back; a reader that finds
// all of them busy waits for the next one given back (there are as many readers as connections,
// store_worker, so it waits only when something else reads too, e.g. a test).
class read_pool {
public:
    read_pool(const std::string& url, std::size_t size) {
        for (std::size_t i = 0; i < size; ++i) {
            all_.push_back(std::make_unique<pg::connection>(url));
            prepare_all(*all_.back());
            free_.push_back(all_.back().get());
        }
    }
    std::size_t size() const { return all_.size(); }

    // Runs f(connection) on a borrowed connection.
    template <class F>
    auto with(F&& f) {
        pg::connection* c = nullptr;
        {
            std::unique_lock lock(mutex_);
            given_back_.wait(lock, [this] { return !free_.empty(); });
            c = free_.back();
            free_.pop_back();
        }
        struct give_back {
            read_pool& pool;
            pg::connection* c;
            ~give_back() {
                {
                    std::lock_guard lock(pool.mutex_);
                    pool.free_.push_back(c);
                }
                pool.given_back_.notify_one();
            }
        } returned{*this, c};
        return f(*c);
    }

private:
    std::vector<std::unique_ptr<pg::connection>> all_;
    std::mutex mutex_;
    std::condition_variable given_back_;
    std::vector<pg::connection*> free_;
};

}  // namespace

struct pg_store::impl {
    pg::connection db;
    int version;
    read_pool reads;

    // The read connections open after the migration: their statements need its tables.
    impl(const std::string& url, std::size_t read_connections)
        : db(url), version(migrate_and_prepare(db)), reads(url, read_connections) {}

    static int migrate_and_prepare(pg::connection& c) {
        const int v = pg::migrate(c, pg::schema_migrations());
        prepare_all(c);
        return v;
    }

    // A read on a connection of the pool on a reader thread (store/reader_thread.hpp), else on
    // the write connection.
    template <class F>
    auto reading(F&& f) {
        if (reads.size() == 0 || !on_reader_thread()) return f(db);
        return reads.with(std::forward<F>(f));
    }

    void write_workshop(const workshop_record& w) {
        db.run("insert_workshop", {w.id, w.title, w.join_code, w.facilitator_key_hash, w.created_at, w.screen_key});
    }
    void write_snapshot(const snapshot_record& s) {
        db.run("upsert_snapshot", {s.workshop_id, s.seq, s.state_json});
    }
    void write_ops(const std::vector<logged_op>& ops) {
        pg::array_literal workshop, seq, at, by, client, client_seq, json;
        pg::array_literal seq_workshop, seq_client, seq_value;
        for (const auto& op : ops) {
            workshop.add(op.workshop_id);
            seq.add(op.seq);
            at.add(op.at);
            by.add(op.by);
            client.add(op.client_id);
            client_seq.add(op.client_seq);
            json.add(op.op_json);
            // Operations the server makes on its own carry no client and advance no clientSeq.
            if (!op.client_id.empty()) {
                seq_workshop.add(op.workshop_id);
                seq_client.add(op.client_id);
                seq_value.add(op.client_seq);
            }
        }
        db.run("insert_ops", {workshop.str(), seq.str(), at.str(), by.str(), client.str(), client_seq.str(), json.str()});
        db.run("upsert_client_seqs", {seq_workshop.str(), seq_client.str(), seq_value.str()});
    }
    void write_participant(const char* statement, const participant_record& p) {
        db.run(statement, {p.workshop_id, p.id, p.token_hash, p.display_name, p.role, p.created_at, p.removed});
    }
};

pg_store::pg_store(const std::string& url, std::size_t read_connections)
    : impl_(std::make_unique<impl>(url, read_connections)) {}

pg_store::~pg_store() = default;

int pg_store::schema_version() const { return impl_->version; }

std::size_t pg_store::read_connections() const { return impl_->reads.size(); }

int pg_store::supported_schema_version() { return static_cast<int>(pg::schema_migrations().size()); }

void pg_store::create_workshop(const workshop_record& w, const std::string& initial_state_json) {
    try {
        pg::transaction tx(impl_->db);
        impl_->write_workshop(w);
        impl_->write_snapshot({w.id, 0, initial_state_json});
        tx.commit();
    } catch (const store_error& e) {
        pg::rethrow_in_context(e, "cannot create workshop '" + w.id + "': ");
    }
}

void pg_store::import_workshop(const workshop_record& w, const std::string& state_json,
                               const std::vector<participant_record>& participants) {
    try {
        pg::transaction tx(impl_->db);
        impl_->write_workshop(w);
        impl_->write_snapshot({w.id, 0, state_json});
        for (const auto& p : participants) {
            if (p.workshop_id != w.id)
                throw store_error("participant '" + p.id + "' belongs to another workshop");
            impl_->write_participant("insert_participant", p);
        }
        tx.commit();
    } catch (const store_error& e) {
        pg::rethrow_in_context(e, "cannot import workshop '" + w.id + "': ");
    }
}

std::optional<workshop_record> pg_store::find_workshop_by_code(std::string_view join_code) {
    return impl_->reading([&](pg::connection& db) -> std::optional<workshop_record> {
        const auto r = db.run("workshop_by_code", {join_code});
        if (r.rows() == 0) return std::nullopt;
        return read_workshop(r, 0);
    });
}

bool pg_store::join_code_taken(std::string_view join_code) {
    return impl_->reading([&](pg::connection& db) { return db.run("code_exists", {join_code}).rows() > 0; });
}

namespace {

std::optional<loaded_workshop> load(pg::connection& db, std::string_view workshop_id) {
    // One snapshot of the database for all five reads (REPEATABLE READ), so the snapshot, the
    // ops after it and the client seqs agree even while another node commits.
    pg::transaction tx(db);
    db.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
    loaded_workshop out;
    {
        const auto r = db.run("workshop_by_id", {workshop_id});
        if (r.rows() == 0) return std::nullopt;
        out.workshop = read_workshop(r, 0);
    }
    {
        const auto r = db.run("snapshot_of", {workshop_id});
        if (r.rows() == 0)
            throw store_error("workshop '" + out.workshop.id + "' has no snapshot in the database");
        out.snapshot = {out.workshop.id, r.integer(0, 0), r.text(0, 1)};
    }
    {
        const auto r = db.run("ops_after", {workshop_id, out.snapshot.seq});
        out.ops_after.reserve(static_cast<std::size_t>(r.rows()));
        for (int i = 0; i < r.rows(); ++i)
            out.ops_after.push_back({out.workshop.id, r.integer(i, 0), r.integer(i, 1), r.text(i, 2),
                                     r.text(i, 3), r.integer(i, 4), r.text(i, 5)});
    }
    {
        const auto r = db.run("last_op_at", {workshop_id});
        if (r.rows() > 0) out.last_op_at = r.integer(0, 0);
    }
    {
        const auto r = db.run("participants_of", {workshop_id});
        for (int i = 0; i < r.rows(); ++i) out.participants.push_back(read_participant(workshop_id, r, i));
    }
    {
        const auto r = db.run("client_seqs_of", {workshop_id});
        for (int i = 0; i < r.rows(); ++i) out.client_seqs.emplace(r.text(i, 0), r.integer(i, 1));
    }
    tx.commit();
    return out;
}

}  // namespace

std::optional<loaded_workshop> pg_store::load_workshop(std::string_view workshop_id) {
    return impl_->reading([&](pg::connection& db) { return load(db, workshop_id); });
}

void pg_store::commit(const write_batch& batch) {
    if (batch.empty()) return;
    auto& db = impl_->db;
    try {
        pg::transaction tx(db);
        // First, so that a fenced-off node writes nothing (and holds no row locks for nothing).
        for (const auto& f : batch.fences)
            if (db.run("check_fence", {f.workshop_id, f.owner, f.epoch}).rows() == 0)
                throw store_error("the lease on workshop '" + f.workshop_id + "' at epoch " +
                                  std::to_string(f.epoch) + " is no longer held by " + f.owner);
        if (!batch.ops.empty()) impl_->write_ops(batch.ops);
        for (const auto& p : batch.participants) impl_->write_participant("upsert_participant", p);
        for (const auto& s : batch.snapshots) impl_->write_snapshot(s);
        tx.commit();
    } catch (const store_error& e) {
        pg::rethrow_in_context(e, "commit rolled back: ");
    }
}

std::optional<lease_fence> pg_store::acquire_lease(std::string_view workshop_id, std::string_view owner,
                                                   std::chrono::milliseconds period) {
    // Part of a room's load, so on a read connection: two short statements of their own, which
    // need no place in the queue of commits.
    return impl_->reading([&](pg::connection& db) -> std::optional<lease_fence> {
        const auto r = db.run("acquire_lease", {workshop_id, owner, std::int64_t{period.count()}});
        if (r.rows() == 0) {
            db.run("want_lease", {workshop_id, owner});
            return std::nullopt;
        }
        return lease_fence{std::string(workshop_id), std::string(owner), r.integer(0, 0)};
    });
}

lease_renewal pg_store::renew_lease(const lease_fence& held, std::chrono::milliseconds period) {
    const auto r = impl_->db.run("renew_lease", {held.workshop_id, held.owner, held.epoch, std::int64_t{period.count()}});
    if (r.rows() == 0) return lease_renewal::lost;
    return r.text(0, 0) == "t" ? lease_renewal::wanted : lease_renewal::held;
}

void pg_store::release_lease(const lease_fence& held) {
    impl_->db.run("release_lease", {held.workshop_id, held.owner, held.epoch});
}

std::optional<workshop_record> pg_store::find_workshop(std::string_view workshop_id) {
    return impl_->reading([&](pg::connection& db) -> std::optional<workshop_record> {
        const auto r = db.run("workshop_by_id", {workshop_id});
        if (r.rows() == 0) return std::nullopt;
        return read_workshop(r, 0);
    });
}

bool pg_store::set_facilitator_key_hash(std::string_view workshop_id, std::string_view hash) {
    return impl_->db.run("set_key_hash", {workshop_id, hash}).affected() > 0;
}

std::optional<participant_record> pg_store::find_participant_by_token(std::string_view workshop_id,
                                                                      std::string_view token_hash) {
    return impl_->reading([&](pg::connection& db) -> std::optional<participant_record> {
        const auto r = db.run("participant_by_token", {workshop_id, token_hash});
        if (r.rows() == 0) return std::nullopt;
        return read_participant(workshop_id, r, 0);
    });
}

bool pg_store::delete_workshop(std::string_view workshop_id) {
    try {
        // One statement is one transaction; the cascade deletes every row of the workshop in it.
        return impl_->db.run("delete_workshop", {workshop_id}).affected() > 0;
    } catch (const store_error& e) {
        pg::rethrow_in_context(e, "cannot delete workshop '" + std::string(workshop_id) + "': ");
    }
}

std::vector<std::string> pg_store::workshops_inactive_since(std::int64_t cutoff) {
    return impl_->reading([&](pg::connection& db) {
        const auto r = db.run("inactive_since", {cutoff});
        std::vector<std::string> ids;
        for (int i = 0; i < r.rows(); ++i) ids.push_back(r.text(i, 0));
        return ids;
    });
}

std::vector<workshop_record> pg_store::list_workshops() {
    return impl_->reading([&](pg::connection& db) {
        const auto r = db.run("all_workshops", {});
        std::vector<workshop_record> out;
        for (int i = 0; i < r.rows(); ++i) out.push_back(read_workshop(r, i));
        return out;
    });
}

void pg_store::append_audit(const audit_record& e) {
    impl_->db.run("insert_audit", {e.at, e.workshop_id, e.actor, e.action, e.outcome, e.detail});
}

std::vector<audit_record> pg_store::audit_since(std::int64_t since) {
    return impl_->reading([&](pg::connection& db) {
        const auto r = db.run("audit_from", {since});
        std::vector<audit_record> out;
        for (int i = 0; i < r.rows(); ++i)
            out.push_back({r.integer(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 4), r.text(i, 5)});
        return out;
    });
}

std::int64_t pg_store::delete_audit_before(std::int64_t cutoff) {
    return impl_->db.run("delete_audit", {cutoff}).affected();
}

}  // namespace jb::store
