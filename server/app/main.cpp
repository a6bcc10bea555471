// journeyboard: one process serving the web client, the JSON API and the WebSocket endpoint on
// one port. Start-up failures print a clear message and exit 2; SIGINT/SIGTERM shut down
// gracefully (protocol P-WS-6) and exit 0. `journeyboard audit` and `journeyboard backup` are
// the admin's subcommands (app/commands).

#include "app/commands.hpp"
#include "app/config.hpp"
#include "app/server.hpp"

#include <unistd.h>

#include <iostream>

int main(int argc, char** argv)
{
    if (auto status = jb::app::run_command(argc, argv, environ))
        return *status;
    auto parsed = jb::app::parse_config(argc, argv, environ);
    if (auto* exit = std::get_if<jb::app::config_exit>(&parsed)) {
        (exit->code == 0 ? std::cout : std::cerr) << exit->text << std::flush;
        return exit->code;
    }
    auto& cfg = std::get<jb::app::config>(parsed);
    jb::log::configure(cfg.log_level, cfg.log_format, cfg.access_log);
    try {
        jb::app::server server(std::move(cfg));
        if (auto problem = server.start(); !problem.empty()) {
            jb::log::error("server", "cannot start", {{"error", problem}});
            return 2;
        }
        return server.run();
    } catch (const std::exception& e) {
        jb::log::error("server", "stopped by an error", {{"error", e.what()}});
        return 2;
    }
}
