// journeyboard: one process serving the web client, the JSON API and the WebSocket endpoint on
// one port. Start-up failures print a clear message and exit 2; SIGINT/SIGTERM shut down
// gracefully (protocol P-WS-6) and exit 0.

#include "app/config.hpp"
#include "app/server.hpp"

#include <iostream>

int main(int argc, char** argv)
{
    auto parsed = jb::app::parse_config(argc, argv);
    if (auto* exit = std::get_if<jb::app::config_exit>(&parsed)) {
        (exit->code == 0 ? std::cout : std::cerr) << exit->text << std::flush;
        return exit->code;
    }
    try {
        jb::app::server server(std::get<jb::app::config>(std::move(parsed)));
        if (auto problem = server.start(); !problem.empty()) {
            std::cerr << "journeyboard: " << problem << std::endl;
            return 2;
        }
        return server.run();
    } catch (const std::exception& e) {
        std::cerr << "journeyboard: " << e.what() << std::endl;
        return 2;
    }
}
