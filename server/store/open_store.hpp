#pragma once
// Which store `--db` names: a postgresql:// (or postgres://) URL is the shared PostgreSQL store
// (docs/cluster.md), anything else the path of the embedded SQLite database file.

#include "store/store.hpp"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace jb::store {

bool is_postgresql_url(std::string_view db);

// Opens and migrates the store `db` names, PostgreSQL with `read_connections` for its read pool
// (pg_store). Throws store_error.
std::unique_ptr<store> open_store(const std::string& db, std::size_t read_connections = 0);

// `db` fit for a log line or a message: a URL's password is hidden.
std::string describe_db(std::string_view db);

}  // namespace jb::store
