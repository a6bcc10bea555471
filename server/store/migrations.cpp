#include "store/migrations.hpp"

#include <array>
#include <string>

namespace jb::store::sqlite {
namespace {

// Schema version 1.
//
// workshops     one row per workshop. join_code is what participants type (P-HTTP-3), unique
//               so a code finds one workshop; the facilitator key is kept only as its SHA-256
//               hex (P-HTTP-4).
// participants  everyone who joined a workshop, keyed (workshop_id, id). The token is kept only
//               as its hash; the index finds a returning participant by it (P-JOIN-5).
// ops           the operation log: (workshop_id, seq) is the primary key, so a seq is written at
//               most once and a batch that repeats one fails as a whole. `by_participant` is the
//               participant id (BY is an SQL keyword). op_json is the encoded operation.
// client_seqs   the highest clientSeq applied per (workshop_id, client_id), written in the same
//               transaction as the ops it covers (P-SYNC-4).
// snapshots     one board state document per workshop and the seq it includes; a workshop is
//               created with its initial state at seq 0, later snapshots replace it, and loading
//               replays only the ops after it.
//
// STRICT makes SQLite refuse a value of the wrong type instead of silently storing it.
// Every row hangs off a workshop (foreign keys are on), so nothing can be orphaned.
constexpr std::string_view schema_v1 = R"sql(
CREATE TABLE workshops (
    id                   TEXT    NOT NULL PRIMARY KEY,
    title                TEXT    NOT NULL,
    join_code            TEXT    NOT NULL UNIQUE,
    facilitator_key_hash TEXT    NOT NULL,
    created_at           INTEGER NOT NULL
) STRICT;

CREATE TABLE participants (
    workshop_id  TEXT    NOT NULL REFERENCES workshops(id),
    id           TEXT    NOT NULL,
    token_hash   TEXT    NOT NULL,
    display_name TEXT    NOT NULL,
    role         TEXT    NOT NULL CHECK (role IN ('participant', 'facilitator')),
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (workshop_id, id)
) STRICT, WITHOUT ROWID;
CREATE INDEX participants_by_token_hash ON participants(token_hash);

CREATE TABLE ops (
    workshop_id    TEXT    NOT NULL REFERENCES workshops(id),
    seq            INTEGER NOT NULL CHECK (seq > 0),
    at             INTEGER NOT NULL,
    by_participant TEXT    NOT NULL,
    client_id      TEXT    NOT NULL,
    client_seq     INTEGER NOT NULL,
    op_json        TEXT    NOT NULL,
    PRIMARY KEY (workshop_id, seq)
) STRICT;

CREATE TABLE client_seqs (
    workshop_id     TEXT    NOT NULL REFERENCES workshops(id),
    client_id       TEXT    NOT NULL,
    last_client_seq INTEGER NOT NULL,
    PRIMARY KEY (workshop_id, client_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE snapshots (
    workshop_id TEXT    NOT NULL PRIMARY KEY REFERENCES workshops(id),
    seq         INTEGER NOT NULL CHECK (seq >= 0),
    state_json  TEXT    NOT NULL
) STRICT;
)sql";

// Schema version 2 (facilitation).
//
// workshops.screen_key     the big screen's read-only capability (P-ROLE-5), stored as is like
//                          the join code (which grants more). Existing workshops get a random
//                          one of 22 base64url characters (128 bits; SQLite's randomness comes
//                          from the operating system).
// participants.removed     1 once a facilitator removed the participant: its token stops
//                          working (P-ROLE-4); its cards and votes stay.
#define JB_B64_CHAR                                                                          \
    "substr('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_', "             \
    "1 + (random() & 63), 1)"
#define JB_B64_4 JB_B64_CHAR " || " JB_B64_CHAR " || " JB_B64_CHAR " || " JB_B64_CHAR
constexpr std::string_view schema_v2 =
    "ALTER TABLE workshops ADD COLUMN screen_key TEXT NOT NULL DEFAULT '';\n"
    "UPDATE workshops SET screen_key = " JB_B64_4 " || " JB_B64_4 " || " JB_B64_4 " || " JB_B64_4
    " || " JB_B64_4 " || " JB_B64_CHAR " || " JB_B64_CHAR ";\n"
    "ALTER TABLE participants ADD COLUMN removed INTEGER NOT NULL DEFAULT 0 "
    "CHECK (removed IN (0, 1));\n";
#undef JB_B64_4
#undef JB_B64_CHAR

// Schema version 3 (operations).
//
// audit  the audit trail (AVG accountability): who did what to a workshop's people or access.
//        No foreign key on purpose: it outlives the workshop (without its content) until its
//        own retention (--audit-retention-days) removes it. Ordered by time, then insertion.
constexpr std::string_view schema_v3 = R"sql(
CREATE TABLE audit (
    id          INTEGER PRIMARY KEY,
    at          INTEGER NOT NULL,
    workshop_id TEXT    NOT NULL,
    actor       TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    outcome     TEXT    NOT NULL,
    detail      TEXT    NOT NULL
) STRICT;
CREATE INDEX audit_by_at ON audit(at);
)sql";

constexpr std::array<migration, 3> all_migrations{{
    {"workshops, participants, ops, client_seqs, snapshots", schema_v1},
    {"workshops.screen_key, participants.removed", schema_v2},
    {"audit", schema_v3},
}};

}  // namespace

std::span<const migration> schema_migrations() { return all_migrations; }

int migrate(database& db, std::span<const migration> migrations) {
    const int latest = static_cast<int>(migrations.size());
    for (;;) {
        // Read the version inside the write transaction, so two processes opening the same file
        // at once cannot both apply a step.
        transaction tx(db, transaction::kind::immediate);
        const auto version = db.query_int("PRAGMA user_version");
        if (version > latest) {
            throw store_error("database schema version " + std::to_string(version) +
                              " is newer than this server supports (" + std::to_string(latest) +
                              ")");
        }
        if (version == latest) return latest;  // nothing written; tx rolls back harmlessly
        const auto& step = migrations[static_cast<std::size_t>(version)];
        try {
            db.exec(std::string(step.sql));
            db.exec("PRAGMA user_version = " + std::to_string(version + 1));
            tx.commit();
        } catch (const store_error& e) {
            throw store_error("migrating the database to schema version " +
                              std::to_string(version + 1) + " (" + std::string(step.description) +
                              ") failed: " + e.what());
        }
    }
}

}  // namespace jb::store::sqlite
