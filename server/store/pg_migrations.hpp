#pragma once
// Private to the store: the PostgreSQL schema, as an ordered list of migrations, and the step
// that brings a database forward. The version is kept in a one-row table, journeyboard_schema;
// migration i takes it from i to i + 1 in one transaction with the bump (PostgreSQL's DDL is
// transactional), so a database is always at exactly one known version.

#include "store/pg_connection.hpp"

#include <span>
#include <string_view>

namespace jb::store::pg {

struct migration {
    std::string_view description;
    std::string_view sql;
};

// The PostgreSQL schema history. Append only: never edit a migration that has shipped.
std::span<const migration> schema_migrations();

// Brings the database forward to `migrations.size()` and returns the resulting version. Several
// nodes starting at once take turns (an advisory lock), so each step runs once. Throws
// store_error, naming both versions, if the database is newer than the list, and rolls back the
// failing step (earlier steps stay applied) if a migration fails.
int migrate(connection& c, std::span<const migration> migrations);

}  // namespace jb::store::pg
