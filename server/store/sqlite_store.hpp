#pragma once
// The embedded default store: one SQLite database file in WAL mode, schema versioned with
// `PRAGMA user_version` and migrated forward on open, statements prepared once.

#include "store/store.hpp"

#include <memory>
#include <string>

struct sqlite3;
struct sqlite3_backup;

namespace jb::store {

class sqlite_store final : public store {
public:
    // Opens (creating if needed) and migrates. ":memory:" works for tests. Throws store_error.
    explicit sqlite_store(const std::string& path);
    ~sqlite_store() override;

    void create_workshop(const workshop_record& w, const std::string& initial_state_json) override;
    void import_workshop(const workshop_record& w, const std::string& state_json,
                         const std::vector<participant_record>& participants) override;
    std::optional<workshop_record> find_workshop_by_code(std::string_view join_code) override;
    bool join_code_taken(std::string_view join_code) override;
    std::optional<loaded_workshop> load_workshop(std::string_view workshop_id) override;
    void commit(const write_batch& batch) override;
    std::optional<workshop_record> find_workshop(std::string_view workshop_id) override;
    bool set_facilitator_key_hash(std::string_view workshop_id, std::string_view hash) override;
    std::optional<participant_record> find_participant_by_token(std::string_view workshop_id,
                                                                std::string_view token_hash) override;
    bool delete_workshop(std::string_view workshop_id) override;
    std::vector<std::string> workshops_inactive_since(std::int64_t cutoff) override;
    std::vector<workshop_record> list_workshops() override;
    void append_audit(const audit_record& entry) override;
    std::vector<audit_record> audit_since(std::int64_t since) override;
    std::int64_t delete_audit_before(std::int64_t cutoff) override;

    // A copy of the database being made at `destination` with SQLite's online backup API, a
    // few pages per step() so that the store thread can commit between steps. Writes on this
    // connection between steps are carried into the copy, so the finished copy is consistent.
    // Throws store_error; a copy that failed or was dropped unfinished leaves no file.
    class backup {
    public:
        ~backup();
        backup(const backup&) = delete;
        backup& operator=(const backup&) = delete;
        // Copies up to `pages` more pages (-1: all); true once the copy is complete and closed.
        bool step(int pages);

    private:
        friend class sqlite_store;
        backup(sqlite_store& source, std::string destination);
        void fail(const std::string& why);
        std::string destination_;
        ::sqlite3* target_ = nullptr;
        ::sqlite3_backup* backup_ = nullptr;
        bool done_ = false;
    };
    std::unique_ptr<backup> start_backup(const std::string& destination);
    // The whole copy at once (journeyboard backup DEST).
    void backup_to(const std::string& destination);

    // The schema version of the open database (after migration: supported_schema_version()).
    int schema_version() const;
    // The newest schema version this server knows; a database above it is refused on open.
    static int supported_schema_version();

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

}  // namespace jb::store
