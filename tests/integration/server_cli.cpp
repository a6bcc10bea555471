// The server binary's command line and lifecycle: --help, bad options and an unusable database
// fail clearly with exit status 2; SIGTERM ends a running server with exit status 0.
#include "support/server_process.hpp"
#include "support/ws_client.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace jb::test;

TEST_CASE("server: --help lists the options and exits 0", "[app]")
{
    auto res = run_server_binary({"--help"});
    CHECK(res.status == 0);
    for (const char* option : {"--port", "--bind", "--db", "--static", "--threads", "--allow-origin",
                               "--max-message-bytes", "--max-body-bytes", "--max-header-bytes", "--http-timeout", "--client-ip-header", "--ws-queue-bytes",
                               "--ws-queue-messages", "--ws-rate-burst", "--ws-rate-per-second",
                               "--create-rate-burst", "--replay-window", "--join-lookup-burst",
                               "--join-lookup-per-second", "--join-free-misses", "--join-max-delay",
                               "--max-participants", "--new-participants-per-minute", "--join-code-hours", "--hello-timeout",
                               "--max-connections", "--max-connections-per-address", "--ws-close-grace"}) {
        INFO(option);
        CHECK(res.output.find(option) != std::string::npos);
    }
}

TEST_CASE("server: a bad option exits 2 with a message", "[app]")
{
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"--no-such-option"}, {"--port", "70000"}, {"--port", "x"},
          {"--threads", "0"}, {"--bind", "not-an-address", "--port", "0"},
          {"--max-participants", "10001"}, {"--hello-timeout", "0"}, {"--join-max-delay", "0"},
          {"--max-connections", "0"}, {"--ws-close-grace", "0"}, {"--join-code-hours", "8761"}}) {
        auto res = run_server_binary(args);
        INFO(res.output);
        CHECK(res.status == 2);
        CHECK(res.output.find("journeyboard: ") != std::string::npos);
    }
}

TEST_CASE("server: a database that cannot be opened exits 2 with a message", "[app]")
{
    temp_dir dir;
    std::ofstream(dir.path() / "file") << "not a folder";
    auto res = run_server_binary({"--port", "0", "--db", (dir.path() / "file" / "db.sqlite").string()});
    INFO(res.output);
    CHECK(res.status == 2);
    CHECK(res.output.find("database") != std::string::npos);
}

TEST_CASE("server: the database folder is created", "[app]")
{
    temp_dir dir;
    const auto db = dir.path() / "new" / "nested" / "journeyboard.db";
    server_process server({"--db", db.string(), "--static", dir.path().string()});
    CHECK(std::filesystem::exists(db));
    CHECK(server.terminate() == 0);
}

TEST_CASE("server: SIGTERM on an idle server exits 0", "[app]")
{
    test_server server;
    CHECK(http_get(server.port(), "/healthz").status == 200);
    CHECK(server.stop() == 0);
}
