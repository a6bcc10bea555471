#pragma once
// The JSON HTTP API under /api/ (protocol "HTTP API"): creating a workshop and finding one by
// its join code. Store work runs on the store worker's thread, never on a network thread;
// the answer comes back through a callback that the caller posts to its own strand.

#include "net/rate_limiter.hpp"
#include "net/responses.hpp"
#include "store/store_worker.hpp"

#include <functional>
#include <mutex>
#include <string>

namespace jb::net {

class api {
public:
    // Called exactly once, from any thread.
    using done_handler = std::function<void(http_response)>;

    api(store::store_worker& worker, rate_limit create_rate);

    // Whether a request target belongs to the API ("/api" or "/api/...").
    static bool handles(std::string_view target);
    void handle(const http_request& req, const std::string& client_address, done_handler done);

private:
    void create_workshop(const http_request& req, const std::string& client_address,
                         done_handler done);
    void find_by_code(std::string_view typed_code, done_handler done);

    store::store_worker& worker_;
    std::mutex mutex_;  // guards create_limiter_, which every session's strand uses
    keyed_rate_limiter create_limiter_;
};

}  // namespace jb::net
