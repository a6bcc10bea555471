#pragma once
// The JSON HTTP API under /api/ (protocol "HTTP API"): creating a workshop (from the default
// board, an empty one, a template, an imported template file or an earlier workshop), finding
// one by its join code, the template list, a workshop's structure as a template, and deleting
// a workshop, and its exports. Store work runs on the store worker's thread, never on a network thread; the
// answer comes back through a callback that the caller posts to its own strand.

#include "model/board.hpp"
#include "net/join_codes.hpp"
#include "net/join_guard.hpp"
#include "net/rate_limiter.hpp"
#include "net/responses.hpp"
#include "room/registry.hpp"
#include "store/store_worker.hpp"
#include "templates/template_library.hpp"

#include <boost/asio/thread_pool.hpp>

#include <atomic>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <variant>

namespace jb::net {

class api {
public:
    // Called exactly once, from any thread.
    using done_handler = std::function<void(http_response)>;

    // `codes` must hold every workshop's code already (join_code_index::reset); the API keeps
    // it in step with what it creates, imports and deletes.
    api(store::store_worker& worker, room::registry& rooms,
        const templates::template_library& library, rate_limit create_rate,
        join_code_index& codes, join_guard_limits lookup_limits = {});

    // A store shared by nodes (docs/cluster.md): a code this node's index misses may belong to
    // a workshop another node created, so a miss asks the store once before it counts.
    void look_up_missed_codes_in_store() { store_lookups_ = true; }

    // Whether a request target belongs to the API ("/api" or "/api/...").
    static bool handles(std::string_view target);
    // Whether a request target is the archive upload, which has its own body limit (P-ARC-2).
    static bool is_archive_upload(std::string_view target);
    // Non-const: the import takes the request's body (up to 8 MiB) rather than copy it.
    void handle(http_request& req, const std::string& client_address, done_handler done);

private:
    void create_workshop(const http_request& req, const std::string& client_address,
                         done_handler done);
    // Answered from memory, never the store (P-HTTP-12); in a cluster a miss asks the store.
    void find_by_code(std::string_view typed_code, const std::string& client_address,
                      done_handler done);
    // GET /api/workshops/{id}/template and DELETE /api/workshops/{id} (api_workshop.cpp).
    void download_template(const http_request& req, std::string workshop_id, done_handler done);
    void delete_workshop(const http_request& req, std::string workshop_id, done_handler done);
    // POST /api/workshops/{id}/facilitator-key (api_workshop.cpp).
    void replace_facilitator_key(const http_request& req, std::string workshop_id, done_handler done);
    // GET /api/workshops/{id}/archive and POST /api/workshops/import (api_archive.cpp).
    void download_archive(const http_request& req, std::string workshop_id, done_handler done);
    void import_archive(http_request& req, const std::string& client_address, done_handler done);
    // One creation from the address's budget (P-HTTP-5; imports share it), or the 429.
    std::optional<http_response> take_creation(const std::string& client_address);
    // The body of a request that creates a workshop (P-HTTP-5: it takes one creation from the
    // address's budget), if it is a JSON object; else the refusal.
    std::variant<nlohmann::json, http_response> creation_body(const http_request& req,
                                                              const std::string& client_address,
                                                              std::string_view what);
    // GET /api/workshops/{id}/export/{name}?query (api_export.cpp, P-EXP-*).
    void download_export(const http_request& req, std::string workshop_id, std::string name,
                         std::string_view query, done_handler done);

    // The export thread's jobs (api_export.cpp): exports, archive downloads and the reading of
    // an imported archive. admit_export counts one more until it is answered: on success `done`
    // is wrapped to count it finished; past max_pending_exports it answers `done` with
    // 429 rate_limited and returns false.
    bool admit_export(done_handler& done);
    void on_export_thread(std::function<void()> job);
    // Builds an answer from a workshop's durable state: on the store thread the key is checked
    // and the workshop loaded, then on the export thread `build` makes the answer (a failure is a
    // logged 500 naming `what`). `done` must have been admitted.
    using durable_builder =
        std::function<http_response(const model::board&, const store::loaded_workshop&)>;
    // `audit`: the action and detail the audit trail records for it (its actor and outcome
    // are filled in here).
    void build_from_durable(std::string workshop_id, std::string key, done_handler done,
                            std::string what, durable_builder build, store::audit_record audit);
    // Records `entry` on the store thread (after what is queued there now).
    void audit_later(store::audit_record entry);

    store::store_worker& worker_;
    room::registry& rooms_;
    const templates::template_library& library_;
    std::mutex mutex_;  // guards create_limiter_ and lookup_guard_, which every session's strand uses
    keyed_rate_limiter create_limiter_;
    join_code_index& codes_;
    join_guard lookup_guard_;
    bool store_lookups_ = false;
    // Export-thread jobs (exports, archive downloads, imports) asked for and not yet answered;
    // past max_pending_exports a request gets 429, so that a flood of them cannot pile loaded
    // workshops or uploaded archives up in memory.
    std::atomic<int> pending_exports_{0};
    static constexpr int max_pending_exports = 8;
    // Builds export files and archives and reads uploaded archives: one thread of its own, so
    // that neither a network thread nor the store thread spends its time on them. Last member:
    // joined first on destruction.
    boost::asio::thread_pool exports_{1};
};

// 500 for an unexpected failure, logged with what was being done.
http_response internal_error(const char* what, const std::exception& e);
// A new workshop's record (new id, screen key, created now) for the facilitator key `key`; the
// join code is picked on the store thread (free_join_code).
store::workshop_record new_workshop_record(const std::string& title, const std::string& key);
// On the store thread: a join code no workshop has, if one is found in a few tries.
std::optional<std::string> free_join_code(store::store& s);
http_response no_free_join_code();
// `text` as a JSON object, or 400 bad_json ("the request body must be <what>").
std::variant<nlohmann::json, http_response> parse_json_object(std::string_view text, std::string_view what);
// 201 with what the facilitator needs (POST /api/workshops and the import answer alike).
http_response created_response(const store::workshop_record& w, const std::string& key);
// 401: a facilitator request without a (well-formed) bearer key (P-HTTP-9).
http_response key_required();
// The facilitator key of an `Authorization: Bearer <key>` header, if well-formed (P-HTTP-9).
std::optional<std::string> bearer_key(const http_request& req);
// On the store thread: the workshop if `key` is its facilitator key or the participant token of
// one of its facilitators, else the error response (404 unknown workshop, 403 wrong key).
std::variant<store::workshop_record, http_response> authorize(store::store& s,
                                                              const std::string& workshop_id,
                                                              const std::string& key);
// On the store thread: the structure of workshop `workshop_id` as it is durably now (its
// snapshot and the operations logged after it), if `key` is its facilitator key.
// authorize() for an action the audit trail records: a wrong key for an existing workshop is
// recorded as `action` "refused".
std::variant<store::workshop_record, http_response> authorize_audited(store::store& s,
                                                                      const std::string& workshop_id,
                                                                      const std::string& key,
                                                                      std::string action, std::string detail);
std::variant<templates::journey_template, http_response> copy_structure(
    store::store& s, const std::string& workshop_id, const std::string& key);

}  // namespace jb::net
