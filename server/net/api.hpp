#pragma once
// The JSON HTTP API under /api/ (protocol "HTTP API"): creating a workshop (from the default
// board, an empty one, a template, an imported template file or an earlier workshop), finding
// one by its join code, the template list, a workshop's structure as a template, and deleting
// a workshop, and its exports. Store work runs on the store worker's thread, never on a network thread; the
// answer comes back through a callback that the caller posts to its own strand.

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

    api(store::store_worker& worker, room::registry& rooms,
        const templates::template_library& library, rate_limit create_rate);

    // Whether a request target belongs to the API ("/api" or "/api/...").
    static bool handles(std::string_view target);
    void handle(const http_request& req, const std::string& client_address, done_handler done);

private:
    void create_workshop(const http_request& req, const std::string& client_address,
                         done_handler done);
    void find_by_code(std::string_view typed_code, done_handler done);
    // GET /api/workshops/{id}/template and DELETE /api/workshops/{id} (api_workshop.cpp).
    void download_template(const http_request& req, std::string workshop_id, done_handler done);
    void delete_workshop(const http_request& req, std::string workshop_id, done_handler done);
    // GET /api/workshops/{id}/export/{name}?query (api_export.cpp, P-EXP-*).
    void download_export(const http_request& req, std::string workshop_id, std::string name,
                         std::string_view query, done_handler done);

    store::store_worker& worker_;
    room::registry& rooms_;
    const templates::template_library& library_;
    std::mutex mutex_;  // guards create_limiter_, which every session's strand uses
    keyed_rate_limiter create_limiter_;
    // Exports asked for and not yet answered; past max_pending_exports a request gets 429, so
    // that a flood of them cannot pile loaded workshops up in memory.
    std::atomic<int> pending_exports_{0};
    static constexpr int max_pending_exports = 8;
    // Builds export files: one thread of its own, so that neither a network thread nor the
    // store thread spends its time on them. Last member: joined first on destruction.
    boost::asio::thread_pool exports_{1};
};

// The facilitator key of an `Authorization: Bearer <key>` header, if well-formed (P-HTTP-9).
std::optional<std::string> bearer_key(const http_request& req);
// On the store thread: the workshop if `key` is its facilitator key, else the error response
// (404 unknown workshop, 403 wrong key).
std::variant<store::workshop_record, http_response> authorize(store::store& s,
                                                              const std::string& workshop_id,
                                                              const std::string& key);
// The board as the store holds it: the snapshot with every operation logged after it applied
// (the durable state: every acknowledged operation).
model::board durable_board(const store::loaded_workshop& loaded);
// On the store thread: the structure of workshop `workshop_id` as it is durably now (its
// snapshot and the operations logged after it), if `key` is its facilitator key.
std::variant<templates::journey_template, http_response> copy_structure(
    store::store& s, const std::string& workshop_id, const std::string& key);

}  // namespace jb::net
