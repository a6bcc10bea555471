#include "store/open_store.hpp"

#include "store/pg_connection.hpp"
#include "store/pg_store.hpp"
#include "store/sqlite_store.hpp"

namespace jb::store {

bool is_postgresql_url(std::string_view db) {
    return db.starts_with("postgresql://") || db.starts_with("postgres://");
}

std::unique_ptr<store> open_store(const std::string& db, std::size_t read_connections) {
    if (is_postgresql_url(db)) return std::make_unique<pg_store>(db, read_connections);
    return std::make_unique<sqlite_store>(db);
}

std::string describe_db(std::string_view db) {
    return is_postgresql_url(db) ? pg::redact_url(db) : std::string(db);
}

}  // namespace jb::store
