#include "ws_client.hpp"

#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace jb::bench {

namespace {
// Board snapshots can be megabytes; the client must not be the limit being measured.
constexpr std::size_t max_read_bytes = 64u * 1024 * 1024;
}  // namespace

ws_client::ws_client(asio::any_io_executor ex) : ws_(std::move(ex)) {}

asio::awaitable<beast::error_code> ws_client::connect(const server_address& addr, const std::string& workshop_id) {
    beast::error_code ec;
    beast::get_lowest_layer(ws_).expires_after(std::chrono::seconds(30));
    co_await beast::get_lowest_layer(ws_).async_connect(
        addr.endpoint, asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return ec;
    beast::get_lowest_layer(ws_).socket().set_option(tcp::no_delay(true), ec);
    beast::get_lowest_layer(ws_).expires_never();
    // Bounded waits: a server that stops answering (even to pings) ends this client, not the run.
    auto timeouts = websocket::stream_base::timeout::suggested(beast::role_type::client);
    timeouts.idle_timeout = std::chrono::seconds(30);
    timeouts.keep_alive_pings = true;
    ws_.set_option(timeouts);
    ws_.read_message_max(max_read_bytes);
    ws_.text(true);
    const std::string host = addr.host + ":" + std::to_string(addr.port);
    const std::string target = addr.workshop_in_url && !workshop_id.empty() ? "/ws?w=" + workshop_id : "/ws";
    co_await ws_.async_handshake(host, target, asio::redirect_error(asio::use_awaitable, ec));
    co_return ec;
}

asio::awaitable<beast::error_code> ws_client::write(std::string text) {
    beast::error_code ec;
    co_await ws_.async_write(asio::buffer(text), asio::redirect_error(asio::use_awaitable, ec));
    co_return ec;
}

asio::awaitable<beast::error_code> ws_client::read() {
    buffer_.clear();
    beast::error_code ec;
    co_await ws_.async_read(buffer_, asio::redirect_error(asio::use_awaitable, ec));
    co_return ec;
}

std::string_view ws_client::message() const {
    const auto data = buffer_.cdata();
    return {static_cast<const char*>(data.data()), data.size()};
}

asio::awaitable<void> ws_client::close() {
    if (!ws_.is_open()) co_return;
    beast::error_code ec;
    co_await ws_.async_close(websocket::close_code::normal,
                             asio::redirect_error(asio::use_awaitable, ec));
}

void ws_client::abort() {
    beast::error_code ec;
    beast::get_lowest_layer(ws_).socket().close(ec);
}

std::uint16_t ws_client::close_code() const { return ws_.reason().code; }

}  // namespace jb::bench
