// Which store --db names, and how it is shown in logs and messages (no password ever).
#include "store/open_store.hpp"

#include <catch2/catch.hpp>

using namespace jb::store;

TEST_CASE("open store: a postgresql:// or postgres:// URL names PostgreSQL, anything else a SQLite file", "[store]") {
    CHECK(is_postgresql_url("postgresql://jb@db.example.nl/journeyboard"));
    CHECK(is_postgresql_url("postgres://localhost"));
    CHECK_FALSE(is_postgresql_url("./data/journeyboard.db"));
    CHECK_FALSE(is_postgresql_url("/var/lib/journeyboard/postgresql://x.db"));
    CHECK_FALSE(is_postgresql_url("POSTGRESQL://upper"));  // libpq does not take it either
}

TEST_CASE("open store: a URL's password never shows in what is logged", "[store]") {
    CHECK(describe_db("postgresql://jb:geheim@db:5432/jb") == "postgresql://jb:***@db:5432/jb");
    CHECK(describe_db("postgres://jb:geheim@db/jb?sslmode=require") == "postgres://jb:***@db/jb?sslmode=require");
    CHECK(describe_db("postgresql://db/jb?user=jb&password=geheim&sslmode=verify-full") ==
          "postgresql://db/jb?user=jb&password=***&sslmode=verify-full");
    CHECK(describe_db("postgresql://jb@db/jb") == "postgresql://jb@db/jb");
    CHECK(describe_db("./data/journeyboard.db") == "./data/journeyboard.db");
}
