#pragma once
// The server's configuration: every option (Boost.Program_options), its default, and the checks
// that turn a bad value into a clear message before anything starts. Each option is declared
// once (config.cpp) and can be given on the command line, as a JOURNEYBOARD_* environment
// variable or in the --config file (app/option_sources); docs/operations.md's table is printed
// from the same list (--print-option-table) and a test holds the two equal.

#include "net/join_guard.hpp"
#include "net/shared_state.hpp"
#include "room/room.hpp"
#include "util/log.hpp"

#include <boost/asio/ip/tcp.hpp>

#include <optional>
#include <string>
#include <variant>

namespace jb::app {

// The paths a build compiles in as defaults: the repository's relative ones, or the installed
// (FHS) ones in a package build (CMake option JB_FHS_DEFAULTS; app/default_paths.cpp).
struct default_path_set {
    const char* db;
    const char* static_dir;
    const char* templates_dir;
    const char* config_file;  // read when it exists and no --config is given ("" : none)
};
extern const default_path_set default_paths;

struct config {
    std::string bind = "127.0.0.1";
    unsigned short port = 8080;  // 0: any free port (tests)
    std::string db = default_paths.db;
    // PostgreSQL only: connections for room loads, exports and join-code lookups beside the one
    // that commits (docs/cluster.md, "Sizing"); 0 reads on the committing connection.
    unsigned db_read_connections = 2;
    std::string static_dir = default_paths.static_dir;
    std::string templates_dir = default_paths.templates_dir;  // the shipped journey templates (*.json)
    unsigned retention_days = 0;                // 0: keep workshops until deleted
    unsigned audit_retention_days = 365;        // the audit trail's own retention (0: forever)
    // One: on two cores it spends 6-29 % less CPU than two for the same work, and the CPU it
    // leaves is what 300 workshops of 30 need (docs/operations.md, "How many network threads").
    unsigned threads = 1;
    net::net_options net;
    net::rate_limit create_rate{10, 1.0 / 6};  // P-HTTP-5: bursts of 10, one more per 6 s
    net::join_guard_limits join_lookups;       // P-HTTP-12
    room::room_options room;
    log::level log_level = log::level::info;
    log::format log_format = log::format::logfmt;
    bool access_log = true;  // HTTP requests and WebSocket connections, component "access"
    // GET /metrics on a listener of its own (address:port), or "" for the main port, to
    // loopback clients only (P-OPS-2).
    std::string metrics_bind;
    std::string time_zone = "Europe/Amsterdam";  // for the times in exports and the report
    std::string backup_dir;          // "": no scheduled backups
    unsigned backup_every_hours = 24;
    unsigned backup_keep = 7;
};

// Not a config: the program should print `text` (to stdout when `code` is 0, else stderr) and
// exit with `code` (--help, --version, --check-config: 0; a bad option: 2).
struct config_exit {
    int code = 0;
    std::string text;
};

// "127.0.0.1:9464" or "[::1]:9464" as an endpoint (--metrics-bind).
std::optional<boost::asio::ip::tcp::endpoint> metrics_endpoint(const std::string& text);

// `environment`: NAME=value entries (environ), of which the JOURNEYBOARD_* ones are read.
std::variant<config, config_exit> parse_config(int argc, char** argv, char** environment);

}  // namespace jb::app
