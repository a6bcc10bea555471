#pragma once
// The durable store behind one small, synchronous interface. Implementations: sqlite_store
// (the embedded default) and pg_store (PostgreSQL, shared by the nodes of a cluster; `--db
// postgresql://…`). Every implementation must pass tests/store/store_contract.cpp.
// Never call a store from a network thread or a room strand: go through store_worker.

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace jb::store {

struct workshop_record {
    std::string id, title, join_code, facilitator_key_hash;
    std::int64_t created_at = 0;
    // The big screen's read-only capability, kept as is so that facilitators can be given it
    // again (P-ROLE-5).
    std::string screen_key;
    bool operator==(const workshop_record&) const = default;
};

struct participant_record {
    std::string workshop_id, id, token_hash, display_name, role;  // role: "participant"|"facilitator"
    std::int64_t created_at = 0;
    bool removed = false;  // removed by a facilitator: the token no longer works (P-ROLE-4)
    bool operator==(const participant_record&) const = default;
};

// One accepted operation in a workshop's log.
struct logged_op {
    std::string workshop_id;
    std::int64_t seq = 0, at = 0;
    std::string by, client_id;
    std::int64_t client_seq = 0;
    std::string op_json;  // model::encode_operation(op).dump()
    bool operator==(const logged_op&) const = default;
};

// The board state document at `seq`, so loading need not replay the whole log.
struct snapshot_record {
    std::string workshop_id;
    std::int64_t seq = 0;
    std::string state_json;
    bool operator==(const snapshot_record&) const = default;
};

// A condition of a commit in a cluster (docs/cluster.md): `owner` still holds the workshop's
// lease at `epoch`, unexpired. A node that lost the lease (paused, partitioned, slow) can then
// never commit that workshop's ops again, whatever it believes. Only a store shared by nodes
// takes leases (pg_store); sqlite_store refuses a batch with a fence.
struct lease_fence {
    std::string workshop_id, owner;
    std::int64_t epoch = 0;
    bool operator==(const lease_fence&) const = default;
};

// What renewing a lease found (pg_store::renew_lease).
enum class lease_renewal { held, wanted, lost };

// Everything written in one transaction. Ops also advance the per-client clientSeq
// (max(client_seq) per (workshop_id, client_id)) in the same transaction (protocol P-SYNC-4);
// an op with an empty client_id (made by the server itself) advances none. Every record must
// belong to an existing workshop, and an op's (workshop_id, seq) must be new.
struct write_batch {
    std::vector<logged_op> ops;
    std::vector<participant_record> participants;  // upsert by (workshop_id, id)
    std::vector<snapshot_record> snapshots;        // replaces the workshop's older snapshot
                                                   // (one with a lower seq is ignored)
    std::vector<lease_fence> fences;  // all must hold, or nothing of the batch is written
    bool empty() const { return ops.empty() && participants.empty() && snapshots.empty(); }
};

// What a room needs to come back to life after a restart.
struct loaded_workshop {
    workshop_record workshop;
    snapshot_record snapshot;              // latest snapshot (seq 0 = the initial state)
    std::vector<logged_op> ops_after;      // ops with seq > snapshot.seq, ascending
    std::vector<participant_record> participants;  // by created_at, then id
    std::map<std::string, std::int64_t> client_seqs;  // client id → highest clientSeq applied
    // When the newest logged op was made (ms since the epoch; 0: no op), also when it is not
    // after the snapshot: part of the workshop's last activity (P-JOIN-12).
    std::int64_t last_op_at = 0;
};

// One entry of the audit trail (AVG accountability): who did what to a workshop's people or
// access, when, and how it ended. It names no content (no title, no card text) and has no link
// to the workshop's rows, so it outlives the workshop until its own retention removes it.
struct audit_record {
    std::int64_t at = 0;      // ms since the epoch
    std::string workshop_id;
    std::string actor;        // "key:<8 hex of the key's hash>", "participant:<id> <name>", "retention", "import"
    std::string action;       // workshop.create, workshop.delete, export, archive.download, ...
    std::string outcome;      // "ok", "refused" or "failed"
    std::string detail;       // e.g. the export's file name or the new role; never a secret
    bool operator==(const audit_record&) const = default;
};

struct store_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The store could not be reached, or refused work for now: PostgreSQL down, restarting or
// failing over, the connection lost, too many connections. Nothing is known to be wrong with
// the data, and the same call may well succeed a moment later (P-JOIN-7 tells a client to try
// again, not that the workshop is damaged).
struct store_unavailable : store_error {
    using store_error::store_error;
};

class store {
public:
    virtual ~store() = default;

    // Creates the workshop with its initial state as snapshot seq 0. Throws store_error if the
    // id or join code is taken.
    virtual void create_workshop(const workshop_record& w, const std::string& initial_state_json) = 0;
    // Creates a workshop from an archive (P-ARC-*): the workshop, its state as snapshot seq 0
    // and its participants, in ONE transaction, so a failure leaves nothing of it behind.
    // Every participant must belong to `w` and have an id of its own. Throws store_error if the
    // id or join code is taken, or a participant is refused.
    virtual void import_workshop(const workshop_record& w, const std::string& state_json,
                                 const std::vector<participant_record>& participants) = 0;
    // Exact match: normalise a typed code first (util::normalize_join_code).
    virtual std::optional<workshop_record> find_workshop_by_code(std::string_view join_code) = 0;
    virtual bool join_code_taken(std::string_view join_code) = 0;
    // Every workshop's record, to fill the in-memory join-code index at start (P-HTTP-12).
    virtual std::vector<workshop_record> list_workshops() = 0;
    virtual std::optional<loaded_workshop> load_workshop(std::string_view workshop_id) = 0;
    // One transaction; all or nothing. Throws store_error on failure.
    virtual void commit(const write_batch& batch) = 0;

    virtual std::optional<workshop_record> find_workshop(std::string_view workshop_id) = 0;
    // Replaces the workshop's facilitator key hash (P-HTTP-11); false if there is no such
    // workshop. Throws store_error on failure.
    virtual bool set_facilitator_key_hash(std::string_view workshop_id, std::string_view hash) = 0;
    // The workshop's participant whose token hashes to `token_hash` (removed ones too: the
    // caller decides), to let a facilitator's own token stand in for the key (P-HTTP-9).
    virtual std::optional<participant_record> find_participant_by_token(std::string_view workshop_id,
                                                                        std::string_view token_hash) = 0;
    // Removes the workshop and every row that belongs to it, in one transaction (AVG: nothing
    // of it stays behind). Returns whether it existed. Throws store_error on failure.
    virtual bool delete_workshop(std::string_view workshop_id) = 0;
    // The ids of workshops whose last activity (creation, the last logged operation, the last
    // participant who joined) is before `cutoff` (ms since the epoch), oldest first (retention).
    virtual std::vector<std::string> workshops_inactive_since(std::int64_t cutoff) = 0;

    // The audit trail: appended durably (its own transaction), read oldest first from `since`
    // (ms since the epoch, inclusive), and trimmed by its retention. Throw store_error.
    virtual void append_audit(const audit_record& entry) = 0;
    virtual std::vector<audit_record> audit_since(std::int64_t since) = 0;
    // Removes the entries before `cutoff`; returns how many.
    virtual std::int64_t delete_audit_before(std::int64_t cutoff) = 0;
};

}  // namespace jb::store
