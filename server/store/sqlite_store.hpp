#pragma once
// The embedded default store: one SQLite database file in WAL mode, schema versioned with
// `PRAGMA user_version` and migrated forward on open, statements prepared once.

#include "store/store.hpp"

#include <memory>
#include <string>

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

    // The schema version of the open database (after migration: supported_schema_version()).
    int schema_version() const;
    // The newest schema version this server knows; a database above it is refused on open.
    static int supported_schema_version();

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

}  // namespace jb::store
