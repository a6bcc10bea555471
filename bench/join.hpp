#pragma once
// Joining a workshop over an open connection: send `hello`, read up to the `welcome`.

#include "ws_client.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace jb::bench {

// Sends hello and reads until the welcome (presence and pong before it are skipped). Returns
// an empty string and fills `welcome`, or a description of what went wrong.
asio::awaitable<std::string> say_hello(ws_client& ws, const std::string& workshop_id,
                                       const std::string& client_id,
                                       const std::string& display_name,
                                       nlohmann::json& welcome);

// Connects, then say_hello.
asio::awaitable<std::string> join_workshop(ws_client& ws, const server_address& addr,
                                           const std::string& workshop_id,
                                           const std::string& client_id,
                                           const std::string& display_name,
                                           nlohmann::json& welcome);

// Lets other coroutines on this thread run for `d`.
asio::awaitable<void> sleep_for(steady::duration d);

}  // namespace jb::bench
