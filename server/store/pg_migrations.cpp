#include "store/pg_migrations.hpp"

#include <array>
#include <string>

namespace jb::store::pg {
namespace {

// Schema version 1: the same tables as SQLite's schema version 3 (store/migrations.cpp says
// what each holds), in PostgreSQL's types. Times are milliseconds since the epoch (BIGINT),
// as in SQLite, so both stores give the same records back.
//
// Every table with rows of a workshop refers to workshops ON DELETE CASCADE, so deleting the
// workshop's row deletes all of it in one statement (AVG: nothing of it stays behind); a table
// a later migration adds must do the same (the contract suite's deletion test checks it for
// the tables it knows). The audit trail has no foreign key on purpose: it outlives the
// workshop (without its content) until its own retention removes it.
constexpr std::string_view schema_v1 = R"sql(
CREATE TABLE workshops (
    id                   TEXT   NOT NULL PRIMARY KEY,
    title                TEXT   NOT NULL,
    join_code            TEXT   NOT NULL UNIQUE,
    facilitator_key_hash TEXT   NOT NULL,
    created_at           BIGINT NOT NULL,
    screen_key           TEXT   NOT NULL
);

CREATE TABLE participants (
    workshop_id  TEXT    NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    id           TEXT    NOT NULL,
    token_hash   TEXT    NOT NULL,
    display_name TEXT    NOT NULL,
    role         TEXT    NOT NULL CHECK (role IN ('participant', 'facilitator')),
    created_at   BIGINT  NOT NULL,
    removed      BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (workshop_id, id)
);
CREATE INDEX participants_by_token_hash ON participants(token_hash);

CREATE TABLE ops (
    workshop_id    TEXT   NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    seq            BIGINT NOT NULL CHECK (seq > 0),
    at             BIGINT NOT NULL,
    by_participant TEXT   NOT NULL,
    client_id      TEXT   NOT NULL,
    client_seq     BIGINT NOT NULL,
    op_json        TEXT   NOT NULL,
    PRIMARY KEY (workshop_id, seq)
);

CREATE TABLE client_seqs (
    workshop_id     TEXT   NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    client_id       TEXT   NOT NULL,
    last_client_seq BIGINT NOT NULL,
    PRIMARY KEY (workshop_id, client_id)
);

CREATE TABLE snapshots (
    workshop_id TEXT   NOT NULL PRIMARY KEY REFERENCES workshops(id) ON DELETE CASCADE,
    seq         BIGINT NOT NULL CHECK (seq >= 0),
    state_json  TEXT   NOT NULL
);

CREATE TABLE audit (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          BIGINT NOT NULL,
    workshop_id TEXT   NOT NULL,
    actor       TEXT   NOT NULL,
    action      TEXT   NOT NULL,
    outcome     TEXT   NOT NULL,
    detail      TEXT   NOT NULL
);
CREATE INDEX audit_by_at ON audit(at);
)sql";

// Schema version 2 (cluster): one owner per workshop (docs/cluster.md, "Leases and fencing").
//
// workshop_leases  who serves a workshop's room: `owner` (a node's id for this run), `epoch`
//                  (one higher at every taking, by anyone: every commit checks it, so a node
//                  that lost the lease can never commit again) and `expires_at` (PostgreSQL's
//                  clock, so the nodes' clocks do not matter). A row is never deleted, not even
//                  with its workshop: a new row would start the epochs again, and a stale
//                  holder's epoch could match. It names no person and holds no content.
constexpr std::string_view schema_v2 = R"sql(
CREATE TABLE workshop_leases (
    workshop_id TEXT        NOT NULL PRIMARY KEY,
    owner       TEXT        NOT NULL,
    epoch       BIGINT      NOT NULL CHECK (epoch > 0),
    expires_at  TIMESTAMPTZ NOT NULL
);
)sql";

// Schema version 3 (cluster): `wanted_by` names the node that was refused the lease while the
// router sends the workshop's clients to it (after a node came back, say). The holder sees it
// at its next renewal and hands the room over, so the workshop follows the router and no
// client keeps being sent to a node that may not serve it (docs/cluster.md, "Handing over").
constexpr std::string_view schema_v3 = R"sql(
ALTER TABLE workshop_leases ADD COLUMN wanted_by TEXT;
)sql";

constexpr std::array<migration, 3> all_migrations{{
    {"workshops, participants, ops, client_seqs, snapshots, audit", schema_v1},
    {"workshop_leases", schema_v2},
    {"workshop_leases.wanted_by", schema_v3},
}};

// Any fixed number: the advisory lock that serialises migrations across nodes.
constexpr std::int64_t migration_lock = 0x6a62'7363'6865'6d61;  // "jbschema"

}  // namespace

std::span<const migration> schema_migrations() { return all_migrations; }

int migrate(connection& c, std::span<const migration> migrations) {
    const int latest = static_cast<int>(migrations.size());
    for (;;) {
        transaction tx(c);
        // Held until the transaction ends: a second node starting at the same moment waits
        // here and then reads the version this one wrote.
        c.query("SELECT pg_advisory_xact_lock($1)", {migration_lock});
        c.exec("CREATE TABLE IF NOT EXISTS journeyboard_schema (version INTEGER NOT NULL)");
        const auto row = c.query("SELECT version FROM journeyboard_schema");
        const auto version = row.rows() == 0 ? 0 : static_cast<int>(row.integer(0, 0));
        if (version > latest) {
            throw store_error("database schema version " + std::to_string(version) +
                              " is newer than this server supports (" + std::to_string(latest) + ")");
        }
        if (version == latest) {
            tx.commit();  // keeps journeyboard_schema if this call created it
            return latest;
        }
        const auto& step = migrations[static_cast<std::size_t>(version)];
        try {
            c.exec(std::string(step.sql));
            if (version == 0)
                c.query("INSERT INTO journeyboard_schema (version) VALUES ($1)", {std::int64_t{1}});
            else
                c.query("UPDATE journeyboard_schema SET version = $1", {std::int64_t{version + 1}});
            tx.commit();
        } catch (const store_error& e) {
            throw store_error("migrating the database to schema version " + std::to_string(version + 1) +
                              " (" + std::string(step.description) + ") failed: " + e.what());
        }
    }
}

}  // namespace jb::store::pg
