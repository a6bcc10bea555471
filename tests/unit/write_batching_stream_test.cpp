// net::write_batching_stream under a Beast WebSocket: messages handed over together leave in
// one gather write and arrive whole and in order at a Beast client; Beast's own writes never
// mix into them. A loopback socket pair in this process; no server.
#include "net/write_batching_stream.hpp"

#include <catch2/catch.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <array>
#include <functional>
#include <string_view>
#include <thread>
#include <string>
#include <vector>

#include <poll.h>

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;

using server_stream = websocket::stream<jb::net::write_batching_stream>;

// Connects and upgrades a server-side WebSocket on the batching stream and a plain client.
void connect(asio::io_context& ioc, server_stream& server, websocket::stream<tcp::socket>& client) {
    tcp::acceptor acceptor(ioc, {asio::ip::make_address("127.0.0.1"), 0});
    client.next_layer().connect(acceptor.local_endpoint());
    acceptor.accept(server.next_layer().next_layer().socket());
    server.async_accept([](beast::error_code ec) { REQUIRE_FALSE(ec); });
    client.async_handshake("127.0.0.1", "/ws", [](beast::error_code ec) { REQUIRE_FALSE(ec); });
    ioc.run();
    ioc.restart();
}

struct pair {
    asio::io_context ioc;
    server_stream server{tcp::socket(ioc)};
    websocket::stream<tcp::socket> client{ioc};

    pair() { connect(ioc, server, client); }

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

// Small, fixed socket buffers on both ends (64 KiB asked, which Linux doubles; no autotuning):
// a test that needs "more than the socket takes while nobody reads" must not depend on the
// machine's tcp_wmem and tcp_rmem.
void small_buffers(tcp::socket& server, tcp::socket& client) {
    server.set_option(asio::socket_base::send_buffer_size(64 * 1024));
    client.set_option(asio::socket_base::receive_buffer_size(64 * 1024));
}

}  // namespace

TEST_CASE("write batching: messages handed over together arrive whole and in order", "[ws]") {
    pair p;
    // Each header length: 7 bytes (2-byte header), 300 (4-byte), 70,000 (10-byte), empty.
    const std::vector<std::string> sent{"{\"n\":1}", std::string(300, 'y'), std::string(70000, 'x'), ""};
    const std::vector<std::string_view> texts(sent.begin(), sent.end());
    bool done = false;
    p.server.next_layer().async_write_messages(texts, [&](beast::error_code ec) {
        REQUIRE_FALSE(ec);
        done = true;
    });
    CHECK(p.server.next_layer().busy());
    p.ioc.run();
    CHECK(done);
    CHECK_FALSE(p.server.next_layer().busy());
    CHECK(p.read(4) == sent);
}

TEST_CASE("write batching: an idle stream writes Beast's own writes straight through", "[ws]") {
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

TEST_CASE("write batching: a Beast write while messages are on the socket follows them, in order", "[ws]") {
    pair p;
    const std::string first = "{\"n\":1}", second = "{\"n\":2}", third = "{\"n\":3}";
    const std::vector<std::string_view> texts{first, second};
    p.server.next_layer().async_write_messages(texts, [](beast::error_code ec) { REQUIRE_FALSE(ec); });
    // The socket is busy: this one is copied and goes out after the two.
    p.server.async_write(asio::buffer(third), [](beast::error_code ec, std::size_t) { REQUIRE_FALSE(ec); });
    CHECK(p.server.next_layer().gathered_bytes() > 0);
    p.ioc.run();
    CHECK(p.read(3) == std::vector<std::string>{first, second, third});
}

TEST_CASE("write batching: messages handed over while Beast writes wait for it, never mixed into it", "[ws]") {
    pair p;
    // A Beast message large enough to need several writes to the socket while the client reads.
    const std::string big(4 * 1024 * 1024, 'b'), after = "{\"n\":2}";
    p.server.async_write(asio::buffer(big), [](beast::error_code ec, std::size_t) { REQUIRE_FALSE(ec); });
    CHECK(p.server.next_layer().busy());
    const std::vector<std::string_view> texts{after};
    bool done = false;
    p.server.next_layer().async_write_messages(texts, [&](beast::error_code ec) {
        REQUIRE_FALSE(ec);
        done = true;
    });
    std::thread server([&] { p.ioc.run(); });
    const auto got = p.read(2);
    server.join();
    CHECK(done);
    REQUIRE(got.size() == 2);
    CHECK(got[0] == big);
    CHECK(got[1] == after);
}

TEST_CASE("write batching: a batch the socket has room for is written at once, without a completion", "[ws]") {
    pair p;
    const std::vector<std::string> sent{"{\"n\":1}", "", std::string(300, 'y')};
    const std::vector<std::string_view> texts(sent.begin(), sent.end());
    bool called = false;
    beast::error_code ec;
    const auto written = p.server.next_layer().write_messages(
        texts, [&](beast::error_code) { called = true; }, ec);
    CHECK(written == jb::net::write_batching_stream::written::now);
    CHECK_FALSE(ec);
    CHECK_FALSE(p.server.next_layer().busy());
    CHECK(p.ioc.poll() == 0);  // nothing was left to run: no asynchronous write, no completion
    CHECK_FALSE(called);
    CHECK(p.read(3) == sent);
}

TEST_CASE("write batching: what the socket has no room for goes out later, whole and in order", "[ws]") {
    pair p;
    // More than a loopback socket buffers while nobody reads: a part goes at once, the rest
    // when the client reads; then a second batch follows, after it.
    small_buffers(p.server.next_layer().next_layer().socket(), p.client.next_layer());
    const std::vector<std::string> first{std::string(3 * 1024 * 1024, 'a'), std::string(5 * 1024 * 1024, 'b')};
    const std::string second = "{\"n\":3}";
    const std::vector<std::string_view> texts(first.begin(), first.end());
    bool done = false;
    beast::error_code ec;
    const auto written = p.server.next_layer().write_messages(
        texts,
        [&](beast::error_code e) {
            REQUIRE_FALSE(e);
            done = true;
            const std::vector<std::string_view> more{second};
            p.server.next_layer().async_write_messages(more, [](beast::error_code e2) { REQUIRE_FALSE(e2); });
        },
        ec);
    CHECK(written == jb::net::write_batching_stream::written::later);
    CHECK_FALSE(ec);
    CHECK(p.server.next_layer().busy());
    std::thread server([&] { p.ioc.run(); });
    const auto got = p.read(3);
    server.join();
    CHECK(done);
    REQUIRE(got.size() == 3);
    CHECK(got[0] == first[0]);
    CHECK(got[1] == first[1]);
    CHECK(got[2] == second);
}

TEST_CASE("write batching: a batch handed over while Beast writes waits for it", "[ws]") {
    pair p;
    const std::string big(4 * 1024 * 1024, 'b'), after = "{\"n\":2}";
    p.server.async_write(asio::buffer(big), [](beast::error_code ec, std::size_t) { REQUIRE_FALSE(ec); });
    const std::vector<std::string_view> texts{after};
    bool done = false;
    beast::error_code ec;
    const auto written = p.server.next_layer().write_messages(
        texts, [&](beast::error_code e) { REQUIRE_FALSE(e); done = true; }, ec);
    CHECK(written == jb::net::write_batching_stream::written::later);
    std::thread server([&] { p.ioc.run(); });
    const auto got = p.read(2);
    server.join();
    CHECK(done);
    CHECK(got == std::vector<std::string>{big, after});
}

TEST_CASE("write batching: a socket that fails says so at once, and every later batch fails too", "[ws]") {
    pair p;
    // The peer resets the connection (linger 0), and the reset has reached the server's socket
    // before the write: a write that raced the reset could still queue data and, on a loaded
    // machine where the reset waits in a softirq, find the socket full instead of failed.
    p.client.next_layer().set_option(asio::socket_base::linger(true, 0));
    p.client.next_layer().close();
    ::pollfd reset{p.server.next_layer().next_layer().socket().native_handle(), POLLIN, 0};
    REQUIRE(::poll(&reset, 1, 10'000) == 1);
    const std::string text(100, 'x');
    const std::vector<std::string_view> texts{text};
    beast::error_code ec;
    const auto failed = p.server.next_layer().write_messages(texts, [](beast::error_code) {}, ec);
    CHECK(failed == jb::net::write_batching_stream::written::now);
    REQUIRE(ec);
    beast::error_code later;
    bool called = false;
    const auto written = p.server.next_layer().write_messages(
        texts, [&](beast::error_code e) { later = e; called = true; }, ec);
    CHECK(written == jb::net::write_batching_stream::written::later);
    p.ioc.run();
    CHECK(called);
    CHECK(later);
}

TEST_CASE("write batching: more texts than one sendmsg takes, empty ones among them, go out at once", "[ws]") {
    pair p;
    // 700 texts are 1,400 pieces (a header and a text each): more than IOV_MAX (1,024).
    std::vector<std::string> sent;
    for (int i = 0; i < 700; ++i) sent.push_back(i % 7 == 0 ? std::string() : "{\"n\":" + std::to_string(i) + "}");
    const std::vector<std::string_view> texts(sent.begin(), sent.end());
    beast::error_code ec;
    const auto written = p.server.next_layer().write_messages(texts, [](beast::error_code) {}, ec);
    CHECK(written == jb::net::write_batching_stream::written::now);
    CHECK_FALSE(ec);
    CHECK(p.read(sent.size()) == sent);
}

TEST_CASE("write batching: a write that waits keeps the stream's owner until its completion has run", "[ws]") {
    // The session that owns a stream can lose its other references while a write waits (its
    // read ended, its room let go of it); the completion still runs on the stream afterwards.
    struct session_like {
        server_stream ws;
        explicit session_like(asio::io_context& ioc) : ws(tcp::socket(ioc)) {}
    };
    asio::io_context ioc;
    auto owner = std::make_shared<session_like>(ioc);
    websocket::stream<tcp::socket> client{ioc};
    connect(ioc, owner->ws, client);
    owner->ws.next_layer().keep_alive_with(owner);
    small_buffers(owner->ws.next_layer().next_layer().socket(), client.next_layer());
    const std::string big(16 * 1024 * 1024, 'x');  // more than the socket takes while nobody reads
    const std::vector<std::string_view> texts{big};
    bool called = false;
    beast::error_code ec, result;
    const auto written = owner->ws.next_layer().write_messages(
        texts, [&](beast::error_code e) { called = true; result = e; }, ec);
    REQUIRE(written == jb::net::write_batching_stream::written::later);
    owner->ws.next_layer().next_layer().socket().close();  // the waiting write is cancelled
    const std::weak_ptr<session_like> watch = owner;
    owner.reset();
    CHECK_FALSE(watch.expired());  // the waiting write holds it
    ioc.run();
    CHECK(called);
    CHECK(result);
    CHECK(watch.expired());  // and lets go once its completion has run
}

TEST_CASE("write batching: a frame header says the payload length in 7, 16 or 64 bits", "[ws]") {
    std::array<char, 10> h{};
    CHECK(jb::net::text_frame_header(125, h) == 2);
    CHECK(static_cast<unsigned char>(h[0]) == 0x81);
    CHECK(h[1] == 125);
    CHECK(jb::net::text_frame_header(126, h) == 4);
    CHECK(h[1] == 126);
    CHECK(static_cast<unsigned char>(h[2]) == 0);
    CHECK(static_cast<unsigned char>(h[3]) == 126);
    CHECK(jb::net::text_frame_header(65536, h) == 10);
    CHECK(h[1] == 127);
    CHECK(static_cast<unsigned char>(h[7]) == 1);  // 0x00 00 00 00 00 01 00 00
    CHECK(static_cast<unsigned char>(h[8]) == 0);
}
