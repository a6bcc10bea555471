#pragma once
// Shared by the store suites: records built from a few fields, a temporary directory, the
// store implementations the contract suite runs against, and printing records in failures.

#include "store/pg_connection.hpp"
#include "store/pg_store.hpp"
#include "store/reader_thread.hpp"
#include "store/sqlite_store.hpp"
#include "store/store.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>

namespace jb::store::test {

inline workshop_record make_workshop(const std::string& id, const std::string& code) {
    return {id, "Workshop " + id, code, "keyhash-" + id, 1700000000000, "screenkey-" + id};
}

inline logged_op make_op(const std::string& workshop_id, std::int64_t seq,
                         const std::string& client_id = "client-a", std::int64_t client_seq = 1) {
    return {workshop_id, seq, 1700000000000 + seq, "participant-1", client_id, client_seq,
            R"({"type":"card.add","n":)" + std::to_string(seq) + "}"};
}

inline participant_record make_participant(const std::string& workshop_id, const std::string& id,
                                           const std::string& name, std::int64_t created_at = 1) {
    return {workshop_id, id, "tokenhash-" + id, name, "participant", created_at};
}

// A fresh directory under the system temp dir, removed with everything in it.
class temp_dir {
public:
    temp_dir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "jb-store-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~temp_dir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    temp_dir(const temp_dir&) = delete;
    temp_dir& operator=(const temp_dir&) = delete;
    std::filesystem::path path() const { return path_; }
    std::string file(const std::string& name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

// The implementations the contract suite is instantiated for. Each opens a fresh, empty store.
struct sqlite_in_memory {
    static constexpr const char* name = "sqlite :memory:";
    std::unique_ptr<store> open() { return std::make_unique<sqlite_store>(":memory:"); }
};

struct sqlite_file {
    static constexpr const char* name = "sqlite file";
    temp_dir dir;
    std::unique_ptr<store> open() { return std::make_unique<sqlite_store>(dir.file("board.db")); }
};

// The PostgreSQL database at JB_TEST_PG_URL (deploy/cluster/pg run sets it), which the tests
// may wipe: never point it at one that holds anything. Without it every test fails, rather
// than passing without having run.
inline std::string test_pg_url() {
    const char* url = std::getenv("JB_TEST_PG_URL");
    if (!url || !*url)
        throw std::runtime_error("JB_TEST_PG_URL is not set: run through deploy/cluster/pg run");
    return url;
}

// Empties the test database: every table, type and sequence goes with the schema.
inline void wipe_pg_database(const std::string& url) {
    pg::connection c(url);
    c.exec("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
}

// Each instance starts from an empty database; open() connects again, so a second open()
// sees what the first one wrote (as reopening sqlite_file's file does). The store has a read
// pool of two, as a node has by default, and the test's thread counts as a reader thread: every
// read of the contract runs on a connection of the pool, not the one that committed, and must
// still see every commit that returned.
struct postgresql {
    static constexpr const char* name = "postgresql";
    static constexpr std::size_t read_connections = 2;
    std::string url = test_pg_url();
    reader_thread_scope reads_on_the_pool;
    postgresql() { wipe_pg_database(url); }
    std::unique_ptr<store> open() { return std::make_unique<pg_store>(url, read_connections); }
};

}  // namespace jb::store::test

namespace Catch {
template <> struct StringMaker<jb::store::logged_op> {
    static std::string convert(const jb::store::logged_op& o) {
        std::ostringstream s;
        s << "op{" << o.workshop_id << " seq=" << o.seq << " at=" << o.at << " by=" << o.by
          << " client=" << o.client_id << "#" << o.client_seq << " " << o.op_json << "}";
        return s.str();
    }
};
template <> struct StringMaker<jb::store::participant_record> {
    static std::string convert(const jb::store::participant_record& p) {
        std::ostringstream s;
        s << "participant{" << p.workshop_id << "/" << p.id << " " << p.display_name << " "
          << p.role << " token=" << p.token_hash << " at=" << p.created_at << "}";
        return s.str();
    }
};
template <> struct StringMaker<jb::store::workshop_record> {
    static std::string convert(const jb::store::workshop_record& w) {
        std::ostringstream s;
        s << "workshop{" << w.id << " '" << w.title << "' code=" << w.join_code
          << " key=" << w.facilitator_key_hash << " at=" << w.created_at << "}";
        return s.str();
    }
};
template <> struct StringMaker<jb::store::snapshot_record> {
    static std::string convert(const jb::store::snapshot_record& r) {
        return "snapshot{" + r.workshop_id + " seq=" + std::to_string(r.seq) + " " + r.state_json + "}";
    }
};
}  // namespace Catch
