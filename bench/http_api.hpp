#pragma once
// The one HTTP call the benchmark makes: creating a workshop (POST /api/workshops).

#include "ws_client.hpp"

#include <string>
#include <variant>

namespace jb::bench {

struct created_workshop {
    std::string workshop_id, join_code, facilitator_key;
};

// The workshop, or a one-line description of what went wrong.
asio::awaitable<std::variant<created_workshop, std::string>> create_workshop(
    const server_address& addr, const std::string& title);

}  // namespace jb::bench
