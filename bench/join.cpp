#include "join.hpp"

#include "messages.hpp"

#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace jb::bench {

asio::awaitable<std::string> say_hello(ws_client& ws, const std::string& workshop_id,
                                       const std::string& client_id,
                                       const std::string& display_name,
                                       nlohmann::json& welcome) {
    if (auto ec = co_await ws.write(hello_message(workshop_id, client_id, display_name)))
        co_return "hello: " + ec.message();
    // A handful of presence messages may come first; anything else is an answer.
    for (int skipped = 0; skipped < 1000; ++skipped) {
        if (auto ec = co_await ws.read()) {
            const auto code = ws.close_code();
            co_return code ? "closed " + std::to_string(code) : "read: " + ec.message();
        }
        auto message = nlohmann::json::parse(ws.message(), nullptr, false);
        const auto type = string_field(message, "type");
        if (type == "welcome") {
            welcome = std::move(message);
            co_return "";
        }
        if (type == "error") co_return "error " + string_field(message, "code");
        if (type != "presence" && type != "pong") co_return "unexpected " + type;
    }
    co_return "no welcome";
}

asio::awaitable<std::string> join_workshop(ws_client& ws, const server_address& addr,
                                           const std::string& workshop_id,
                                           const std::string& client_id,
                                           const std::string& display_name,
                                           nlohmann::json& welcome) {
    if (auto ec = co_await ws.connect(addr, workshop_id)) co_return "connect: " + ec.message();
    co_return co_await say_hello(ws, workshop_id, client_id, display_name, welcome);
}

asio::awaitable<void> sleep_for(steady::duration d) {
    asio::steady_timer timer(co_await asio::this_coro::executor, d);
    boost::system::error_code ec;
    co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
}

}  // namespace jb::bench
