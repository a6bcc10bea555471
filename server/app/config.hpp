#pragma once
// The server's configuration: every command-line option (Boost.Program_options), its default,
// and the checks that turn a bad value into a clear message before anything starts.

#include "net/join_guard.hpp"
#include "net/shared_state.hpp"
#include "room/room.hpp"

#include <string>
#include <variant>

namespace jb::app {

struct config {
    std::string bind = "127.0.0.1";
    unsigned short port = 8080;  // 0: any free port (tests)
    std::string db = "./data/journeyboard.db";
    std::string static_dir = "./web/dist";
    std::string templates_dir = "./templates";  // the shipped journey templates (*.json)
    unsigned retention_days = 0;                // 0: keep workshops until deleted
    unsigned threads = 2;
    net::net_options net;
    net::rate_limit create_rate{10, 1.0 / 6};  // P-HTTP-5: bursts of 10, one more per 6 s
    net::join_guard_limits join_lookups;       // P-HTTP-12
    room::room_options room;
};

// Not a config: the program should print `text` (to stdout when `code` is 0, else stderr) and
// exit with `code` (--help: 0; a bad option: 2).
struct config_exit {
    int code = 0;
    std::string text;
};

std::variant<config, config_exit> parse_config(int argc, char** argv);

}  // namespace jb::app
