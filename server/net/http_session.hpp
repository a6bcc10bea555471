#pragma once
// One HTTP connection (chat-multi's http_session): reads requests with explicit header and body
// limits (the header first, so that the archive upload gets its own body limit) and a timeout, answers /healthz, /api/* (net/api) and static files
// (net/static_files), keeps the connection alive between requests, and hands a WebSocket
// upgrade at /ws to a websocket_session after the Origin check (protocol P-WS-3).
// Everything runs on the connection's strand; the API's answers are posted back to it.

#include "net/responses.hpp"
#include "net/shared_state.hpp"

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>

#include <chrono>
#include <memory>
#include <optional>

namespace jb::net {

class http_session : public std::enable_shared_from_this<http_session> {
public:
    http_session(boost::asio::ip::tcp::socket&& socket, std::shared_ptr<shared_state> state);
    ~http_session();
    void run();

private:
    void fail(boost::beast::error_code ec, char const* what);
    void do_read();
    void on_header(boost::beast::error_code ec, std::size_t bytes);
    // The body limit of the request being read: the archive upload has its own.
    std::size_t body_limit() const;
    void on_read(boost::beast::error_code ec, std::size_t bytes);
    void on_request();
    void on_api_request();
    // The client's address for per-address limits (client_address.hpp).
    std::string client() const;
    void do_upgrade();
    // GET /readyz and GET /metrics (P-OPS-1, P-OPS-2); false if `path` is neither.
    bool answer_status(std::string_view path);
    // Whether this request may read /metrics (P-OPS-2).
    bool may_read_metrics() const;
    // One access-log line and the request counter, once the answer is written.
    void count_request(unsigned status, std::size_t bytes);
    void send(http_response res);
    void on_write(bool close, boost::beast::error_code ec, std::size_t bytes);
    void do_close();
    void do_drain(std::size_t drained);

    boost::beast::tcp_stream stream_;
    boost::beast::flat_buffer buffer_;
    std::shared_ptr<shared_state> state_;
    // Made anew for each request, so its limits and state start fresh (as in chat-multi).
    std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
    std::shared_ptr<http_response> res_;  // kept alive while it is written
    std::string peer_address_;
    bool peer_is_loopback_ = false;
    unsigned version_ = 11;
    bool keep_alive_ = false;
    // The request being answered, for the access log: method, path without its query (which
    // may hold a key) and with a join code masked, and when it arrived.
    std::string method_, logged_path_;
    std::chrono::steady_clock::time_point started_;
};

}  // namespace jb::net
