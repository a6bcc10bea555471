// net::write_batching_stream under a Beast WebSocket: messages gathered while corked leave in
// one socket write and arrive whole and in order; a write while flushing joins the batch. A
// loopback socket pair in this process; no server.
#include "net/write_batching_stream.hpp"

#include <catch2/catch.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <functional>
#include <string>
#include <vector>

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;

// A server-side WebSocket on the batching stream and a plain client, connected and upgraded.
struct pair {
    asio::io_context ioc;
    websocket::stream<jb::net::write_batching_stream> server{tcp::socket(ioc)};
    websocket::stream<tcp::socket> client{ioc};

    pair() {
        tcp::acceptor acceptor(ioc, {asio::ip::make_address("127.0.0.1"), 0});
        client.next_layer().connect(acceptor.local_endpoint());
        acceptor.accept(server.next_layer().next_layer().socket());
        server.async_accept([](beast::error_code ec) { REQUIRE_FALSE(ec); });
        client.async_handshake("127.0.0.1", "/ws", [](beast::error_code ec) { REQUIRE_FALSE(ec); });
        ioc.run();
        ioc.restart();
    }

    std::vector<std::string> read(std::size_t n) {
        std::vector<std::string> got;
        for (std::size_t i = 0; i < n; ++i) {
            beast::flat_buffer buffer;
            client.read(buffer);
            got.push_back(beast::buffers_to_string(buffer.data()));
        }
        return got;
    }
};

}  // namespace

TEST_CASE("write batching: corked messages leave in one write, whole and in order", "[ws]") {
    pair p;
    const std::vector<std::string> sent{"{\"n\":1}", std::string(70000, 'x'), "{\"n\":3}"};
    p.server.next_layer().cork();
    std::size_t written = 0;
    std::function<void(std::size_t)> write_next = [&](std::size_t i) {
        p.server.async_write(asio::buffer(sent[i]), [&, i](beast::error_code ec, std::size_t) {
            REQUIRE_FALSE(ec);
            ++written;
            if (i + 1 < sent.size()) return write_next(i + 1);
            // Framed and gathered, nothing on the socket yet.
            CHECK(p.server.next_layer().gathered_bytes() > 70000);
            p.server.next_layer().async_flush([&](beast::error_code flush_ec) { REQUIRE_FALSE(flush_ec); });
            CHECK(p.server.next_layer().flushing());
        });
    };
    write_next(0);
    p.ioc.run();
    CHECK(written == 3);
    CHECK_FALSE(p.server.next_layer().flushing());
    CHECK(p.read(3) == sent);
}

TEST_CASE("write batching: an uncorked, idle stream writes straight through", "[ws]") {
    pair p;
    bool done = false;
    p.server.async_write(asio::buffer(std::string("{\"alone\":true}")), [&](beast::error_code ec, std::size_t) {
        REQUIRE_FALSE(ec);
        done = true;
    });
    p.ioc.run();
    CHECK(done);
    CHECK(p.server.next_layer().gathered_bytes() == 0);
    CHECK(p.read(1) == std::vector<std::string>{"{\"alone\":true}"});
}

TEST_CASE("write batching: a write while a flush is on the socket follows it, in order", "[ws]") {
    pair p;
    p.server.next_layer().cork();
    const std::string first = "{\"n\":1}", second = "{\"n\":2}";
    p.server.async_write(asio::buffer(first), [&](beast::error_code ec, std::size_t) {
        REQUIRE_FALSE(ec);
        p.server.next_layer().async_flush([](beast::error_code flush_ec) { REQUIRE_FALSE(flush_ec); });
        // Not corked any more, but flushing: this one is gathered, not written beside the flush.
        p.server.async_write(asio::buffer(second), [](beast::error_code ec2, std::size_t) { REQUIRE_FALSE(ec2); });
    });
    p.ioc.run();
    CHECK(p.read(2) == std::vector<std::string>{first, second});
}
