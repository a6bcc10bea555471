// Connection floods against the real server (docs/security.md): the hello deadline (P-WS-9),
// the caps on WebSockets per address and in total (P-WS-10), the open-file limit raised at
// start, and a listener that outlives running out of file descriptors.
#include "support/server_process.hpp"
#include "support/ws_client.hpp"

#include <catch2/catch.hpp>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>

#include <fstream>
#include <functional>
#include <memory>
#include <regex>
#include <sys/resource.h>
#include <thread>

using namespace jb::test;
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {

// A bare TCP connection that asks for a WebSocket and reads only the status line: thousands
// fit in one io_context (a ws_client has one each).
struct raw_upgrade {
    tcp::socket socket;
    int status = 0;
    raw_upgrade(asio::io_context& ioc, unsigned short port) : socket(ioc)
    {
        socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
        const std::string req = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                                "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                "Sec-WebSocket-Version: 13\r\n\r\n";
        asio::write(socket, asio::buffer(req));
        asio::streambuf buf;
        asio::read_until(socket, buf, "\r\n\r\n");
        std::string line;
        std::istream in(&buf);
        std::getline(in, line);
        std::smatch m;
        if (std::regex_search(line, m, std::regex("HTTP/1.1 (\\d{3})")))
            status = std::stoi(m[1]);
    }
};

// Retries `f` until it returns true or `limit` passes (the server frees a place asynchronously).
bool eventually(const std::function<bool()>& f, std::chrono::seconds limit = std::chrono::seconds(10))
{
    const auto end = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < end) {
        if (f())
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
}

}  // namespace

TEST_CASE("P-WS-9 a WebSocket that sends no hello in time gets not_joined and close 1008", "[ws][limits]")
{
    test_server server({"--hello-timeout", "1"});
    const auto w = create_workshop(server.port());
    ws_client silent(server.port());
    ws_client pinging(server.port());
    pinging.send({{"type", "ping"}, {"t", 1}});  // a ping is not a hello
    for (auto* c : {&silent, &pinging}) {
        const auto closed = c->wait_closed();
        CHECK(closed.code == 1008);
        REQUIRE_FALSE(closed.before.empty());
        CHECK(closed.before.back().at("code") == "not_joined");
    }
    // A hello in time is not affected, also after the deadline passed.
    ws_client joined(server.port());
    const auto board = joined.join(w.id).at("snapshot");
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    CHECK(joined.apply(card_add(board, new_id("card"), "nog open")).contains("seq"));
}

TEST_CASE("P-WS-10 WebSockets per address are capped: 429 before the upgrade", "[ws][limits]")
{
    test_server server({"--max-connections-per-address", "3"});
    std::vector<std::unique_ptr<ws_client>> open;
    for (int i = 0; i < 3; ++i)
        open.push_back(std::make_unique<ws_client>(server.port()));
    try {
        ws_client one_more(server.port());
        FAIL("a fourth WebSocket from one address was accepted");
    } catch (const upgrade_refused& e) {
        CHECK(e.status == 429);
        CHECK(json::parse(e.body).at("error").at("code") == "rate_limited");
    }
    CHECK(http_get(server.port(), "/healthz").status == 200);  // HTTP is not capped
    open.front()->close();
    CHECK(eventually([&] {
        try {
            ws_client again(server.port());
            return true;
        } catch (const upgrade_refused&) {
            return false;
        }
    }));
}

TEST_CASE("P-WS-10 WebSockets in total are capped: 503 busy before the upgrade", "[ws][limits]")
{
    test_server server({"--max-connections", "2"});
    ws_client a(server.port()), b(server.port());
    try {
        ws_client c(server.port());
        FAIL("a third WebSocket was accepted");
    } catch (const upgrade_refused& e) {
        CHECK(e.status == 503);
        CHECK(json::parse(e.body).at("error").at("code") == "busy");
    }
}

TEST_CASE("the server raises its soft open-file limit to the hard one at start", "[limits]")
{
    rlimit mine{};
    REQUIRE(getrlimit(RLIMIT_NOFILE, &mine) == 0);
    const unsigned long hard = std::min<unsigned long>(mine.rlim_max, 4096);
    REQUIRE(hard > 256);
    test_server server({}, false, launch_options{.open_files = std::pair{256ul, hard}});
    std::ifstream limits("/proc/" + std::to_string(server.pid()) + "/limits");
    std::string line;
    unsigned long soft = 0;
    while (std::getline(limits, line))
        if (line.starts_with("Max open files"))
            soft = std::stoul(line.substr(26));
    CHECK(soft == hard);
}

// Tagged [exhausts-fds]: no sanitized server runs it (scripts/lib/checks.sh says why).
TEST_CASE("P-WS-10 out of file descriptors the server still answers, refuses, and recovers",
          "[ws][limits][slow][exhausts-fds]")
{
    // 96 descriptors, soft = hard: the total cap is lowered to fit at start.
    test_server server({"--max-connections-per-address", "10000", "--hello-timeout", "600",
                        "--http-timeout", "600"},
                       true, launch_options{.open_files = std::pair{96ul, 96ul}});
    CHECK(server.log().find("--max-connections lowered") != std::string::npos);
    asio::io_context ioc;
    std::vector<std::unique_ptr<raw_upgrade>> sockets;
    int upgraded = 0, busy = 0;
    for (int i = 0; i < 80; ++i) {
        sockets.push_back(std::make_unique<raw_upgrade>(ioc, server.port()));
        upgraded += sockets.back()->status == 101;
        busy += sockets.back()->status == 503;
    }
    CHECK(upgraded > 0);
    CHECK(busy > 0);
    CHECK(upgraded + busy == 80);
    // Held WebSockets leave room for HTTP.
    CHECK(http_get(server.port(), "/healthz").status == 200);

    // Bare connections that send nothing use up the rest; the listener survives that and
    // serves again once they are gone.
    std::vector<std::unique_ptr<tcp::socket>> silent;
    for (int i = 0; i < 100; ++i) {
        auto s = std::make_unique<tcp::socket>(ioc);
        s->connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), server.port()));
        silent.push_back(std::move(s));
    }
    silent.clear();
    sockets.clear();
    CHECK(eventually([&] {
        try {
            return http_get(server.port(), "/healthz").status == 200;
        } catch (const std::exception&) {
            return false;
        }
    }));
    ws_client fresh(server.port());
    CHECK(fresh.join(create_workshop(server.port()).id).at("type") == "welcome");
}
