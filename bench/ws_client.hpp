#pragma once
// One WebSocket connection of the load generator, driven by Asio coroutines. Errors come back
// as error codes, never as exceptions, so one failing client cannot stop the run.

// Boost 1.74's awaitable.hpp uses std::exchange without including <utility>.
#include <utility>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace jb::bench {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;
using steady = std::chrono::steady_clock;

/// Where the server under test listens (loopback; resolved once).
struct server_address {
    std::string host;
    std::uint16_t port = 0;
    tcp::endpoint endpoint;
    // Upgrade on /ws?w={workshop} (P-WS-11), as the web client does, so that a router in front
    // of several nodes (HAProxy, docs/cluster.md) sends a workshop's clients to one node.
    bool workshop_in_url = false;
};

/// Owns one client WebSocket stream and its read buffer. One read and one write may be in
/// flight at a time (Beast's rule); the caller keeps to it.
class ws_client {
public:
    explicit ws_client(asio::any_io_executor ex);

    // TCP connect and WebSocket upgrade of `GET /ws` (`/ws?w={workshop_id}` when the address
    // asks for it and a workshop is given).
    asio::awaitable<beast::error_code> connect(const server_address& addr, const std::string& workshop_id = {});
    asio::awaitable<beast::error_code> write(std::string text);
    // Reads one message; it stays in message() until the next read.
    asio::awaitable<beast::error_code> read();
    std::string_view message() const;
    // A normal close handshake; errors are ignored (the run is ending anyway).
    asio::awaitable<void> close();
    // Drops the TCP connection at once (for a client that does not finish its close).
    void abort();
    // The close code the server sent, or 0.
    std::uint16_t close_code() const;

private:
    websocket::stream<beast::tcp_stream> ws_;
    beast::flat_buffer buffer_;
};

}  // namespace jb::bench
