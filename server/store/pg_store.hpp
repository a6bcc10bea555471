#pragma once
// The shared store for several nodes (docs/cluster.md): PostgreSQL through libpq, selected by
// `--db postgresql://…`. The same records and promises as sqlite_store: the schema is migrated
// forward on open, statements are prepared once per connection, and commit() returns only
// after PostgreSQL made the transaction durable.
//
// Connections: one for writes, used by the store worker's thread only, and a small pool for
// reads (room loads, exports, join-code lookups), so that they never wait behind a commit
// (docs/cluster.md, "Sizing"). The read methods below (find_*, join_code_taken, list_workshops,
// load_workshop, workshops_inactive_since, audit_since) and acquire_lease, called on a reader
// thread (store_worker::read, store/reader_thread.hpp), use a connection of the pool and may
// run on several such threads at once; on any other thread, and with no read connections,
// every call uses the write connection, on the store thread only.

#include "store/store.hpp"

#include <chrono>
#include <memory>
#include <optional>
#include <string>

namespace jb::store {

class pg_store final : public store {
public:
    // Connects to `url` (once for writes and `read_connections` times for the read pool) and
    // migrates. Throws store_error (the password never in its message).
    explicit pg_store(const std::string& url, std::size_t read_connections = 0);
    ~pg_store() override;

    void create_workshop(const workshop_record& w, const std::string& initial_state_json) override;
    void import_workshop(const workshop_record& w, const std::string& state_json,
                         const std::vector<participant_record>& participants) override;
    std::optional<workshop_record> find_workshop_by_code(std::string_view join_code) override;
    bool join_code_taken(std::string_view join_code) override;
    std::optional<loaded_workshop> load_workshop(std::string_view workshop_id) override;
    void commit(const write_batch& batch) override;
    std::optional<workshop_record> find_workshop(std::string_view workshop_id) override;
    bool set_facilitator_key_hash(std::string_view workshop_id, std::string_view hash) override;
    std::optional<participant_record> find_participant_by_token(std::string_view workshop_id,
                                                                std::string_view token_hash) override;
    bool delete_workshop(std::string_view workshop_id) override;
    std::vector<std::string> workshops_inactive_since(std::int64_t cutoff) override;
    std::vector<workshop_record> list_workshops() override;
    void append_audit(const audit_record& entry) override;
    std::vector<audit_record> audit_since(std::int64_t since) override;
    std::int64_t delete_audit_before(std::int64_t cutoff) override;

    // Leases (docs/cluster.md): at most one node serves a workshop's room at a time, and
    // commit() checks a batch's fences in its own transaction. Expiry is PostgreSQL's clock.
    //
    // Takes the workshop's lease for `owner` for `period` if it is free, expired or already
    // `owner`'s, with an epoch one higher than any before (so every earlier holder, `owner`'s
    // own earlier run included, is fenced off). nullopt while another owner holds it; that
    // owner's next renewal then answers `wanted`.
    std::optional<lease_fence> acquire_lease(std::string_view workshop_id, std::string_view owner,
                                             std::chrono::milliseconds period);
    // Extends a lease still held (same owner and epoch, unexpired) by `period` from now: lost
    // if it was not held any more; wanted if another node was refused it since it was taken
    // (the router sends the workshop's clients there: hand the room over).
    lease_renewal renew_lease(const lease_fence& held, std::chrono::milliseconds period);
    // Gives a held lease up at once (draining), so the next owner need not wait for its expiry.
    void release_lease(const lease_fence& held);

    // The size of the read pool: how many threads may read at once (store_worker's readers).
    std::size_t read_connections() const;

    // The schema version of the database (after migration: supported_schema_version()).
    int schema_version() const;
    static int supported_schema_version();

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

}  // namespace jb::store
