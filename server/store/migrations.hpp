#pragma once
// Private to the store: the schema, as an ordered list of migrations. Migration i takes a
// database from `PRAGMA user_version` i to i + 1; each runs in its own transaction together with
// the user_version bump, so a database is always at exactly one known version.

#include "store/sqlite_handle.hpp"

#include <span>
#include <string_view>

namespace jb::store::sqlite {

struct migration {
    std::string_view description;
    std::string_view sql;
};

// The server's schema history. Append only: never edit a migration that has shipped.
std::span<const migration> schema_migrations();

// Brings `db` forward to `migrations.size()` and returns the resulting version. Throws
// store_error, naming both versions, if the database is newer than the list, and rolls back the
// failing step (earlier steps stay applied) if a migration fails.
int migrate(database& db, std::span<const migration> migrations);

}  // namespace jb::store::sqlite
