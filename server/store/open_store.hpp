#pragma once
// Which store `--db` names: a postgresql:// (or postgres://) URL is the shared PostgreSQL store
// (docs/cluster.md), anything else the path of the embedded SQLite database file.

#include "store/store.hpp"

#include <memory>
#include <string>
#include <string_view>

namespace jb::store {

bool is_postgresql_url(std::string_view db);

// Opens and migrates the store `db` names. Throws store_error.
std::unique_ptr<store> open_store(const std::string& db);

// `db` fit for a log line or a message: a URL's password is hidden.
std::string describe_db(std::string_view db);

}  // namespace jb::store
