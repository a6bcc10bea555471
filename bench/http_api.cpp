#include "http_api.hpp"

#include <boost/asio/redirect_error.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/http.hpp>

#include <nlohmann/json.hpp>

namespace jb::bench {

namespace http = beast::http;

asio::awaitable<std::variant<created_workshop, std::string>> create_workshop(
    const server_address& addr, const std::string& title) {
    beast::tcp_stream stream(co_await asio::this_coro::executor);
    stream.expires_after(std::chrono::seconds(30));
    beast::error_code ec;
    co_await stream.async_connect(addr.endpoint, asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return "connect: " + ec.message();

    http::request<http::string_body> req{http::verb::post, "/api/workshops", 11};
    req.set(http::field::host, addr.host + ":" + std::to_string(addr.port));
    req.set(http::field::content_type, "application/json");
    req.body() = nlohmann::json{{"title", title}}.dump();
    req.prepare_payload();
    co_await http::async_write(stream, req, asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return "write: " + ec.message();

    beast::flat_buffer buffer;
    http::response<http::string_body> res;
    co_await http::async_read(stream, buffer, res, asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return "read: " + ec.message();
    stream.socket().shutdown(tcp::socket::shutdown_both, ec);

    if (res.result() != http::status::created)
        co_return "POST /api/workshops answered " + std::to_string(res.result_int()) + ": " +
            res.body();
    const auto body = nlohmann::json::parse(res.body(), nullptr, false);
    if (!body.is_object() || !body.contains("workshopId") || !body["workshopId"].is_string())
        co_return "POST /api/workshops: no workshopId in " + res.body();
    created_workshop w;
    w.workshop_id = body["workshopId"].get<std::string>();
    w.join_code = body.value("joinCode", "");
    w.facilitator_key = body.value("facilitatorKey", "");
    co_return w;
}

}  // namespace jb::bench
