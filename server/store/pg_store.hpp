#pragma once
// The shared store for several nodes (docs/cluster.md): PostgreSQL through libpq, selected by
// `--db postgresql://…`. The same records and promises as sqlite_store: the schema is migrated
// forward on open, statements are prepared once per connection, and commit() returns only
// after PostgreSQL made the transaction durable. One connection, used by the store worker's
// thread only.

#include "store/store.hpp"

#include <memory>
#include <string>

namespace jb::store {

class pg_store final : public store {
public:
    // Connects to `url` and migrates. Throws store_error (the password never in its message).
    explicit pg_store(const std::string& url);
    ~pg_store() override;

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

    // The schema version of the database (after migration: supported_schema_version()).
    int schema_version() const;
    static int supported_schema_version();

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

}  // namespace jb::store
