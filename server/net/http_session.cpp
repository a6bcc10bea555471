#include "net/http_session.hpp"
#include "util/log.hpp"
#include "util/metrics.hpp"

#include "net/client_address.hpp"
#include "net/origin.hpp"
#include "net/query_string.hpp"
#include "net/websocket_session.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/websocket/rfc6455.hpp>

#include <algorithm>
#include <atomic>

namespace jb::net {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;

namespace {

// The path as the access log shows it: no query, and /api/join/{code} without the code, since
// a join code lets anyone in.
std::string loggable_path(std::string_view target)
{
    auto path = path_of(target);
    if (path.starts_with("/api/join/"))
        return "/api/join/{code}";
    return std::string(path.substr(0, 200));
}

bool is_http_parse_error(const beast::error_code& ec)
{
    return ec.category() == make_error_code(http::error::bad_target).category();
}

}  // namespace

http_session::http_session(asio::ip::tcp::socket&& socket, std::shared_ptr<shared_state> state)
    : stream_(std::move(socket)), state_(std::move(state))
{
    beast::error_code ec;
    const auto remote = stream_.socket().remote_endpoint(ec);
    peer_address_ = ec ? std::string("unknown") : remote.address().to_string();
    peer_is_loopback_ = !ec && remote.address().is_loopback();
    metrics::get().http_connections.add(1);
}

http_session::~http_session()
{
    metrics::get().http_connections.add(-1);
}

void http_session::run()
{
    // The socket's executor is this connection's strand (listener::do_accept).
    asio::dispatch(stream_.get_executor(),
                   beast::bind_front_handler(&http_session::do_read, shared_from_this()));
}

void http_session::fail(beast::error_code ec, char const* what)
{
    if (ec == asio::error::operation_aborted || ec == beast::error::timeout ||
        ec == asio::error::connection_reset || ec == asio::error::eof)
        return;  // the expected end of a connection
    log::warn("http", what, {{"error", ec.message()}, {"client", peer_address_}});
}

void http_session::do_read()
{
    parser_.emplace();
    // Until the target is known, the larger of the two limits; on_header narrows it.
    parser_->body_limit(std::max(state_->options().max_body_bytes, state_->options().max_archive_bytes));
    parser_->header_limit(static_cast<std::uint32_t>(state_->options().max_header_bytes));
    stream_.expires_after(state_->options().http_timeout);
    http::async_read_header(stream_, buffer_, *parser_,
                            beast::bind_front_handler(&http_session::on_header, shared_from_this()));
}

std::size_t http_session::body_limit() const
{
    // An archive is larger than any other body (P-ARC-2): only its upload may send that much.
    return api::is_archive_upload(to_std(parser_->get().target())) ? state_->options().max_archive_bytes
                                                                   : state_->options().max_body_bytes;
}

void http_session::on_header(beast::error_code ec, std::size_t bytes)
{
    if (ec)
        return on_read(ec, bytes);
    const auto limit = body_limit();
    // The parser checked Content-Length against the larger limit only; a chunked body is
    // counted against the narrowed one as it arrives.
    if (const auto length = parser_->content_length(); length && *length > limit)
        return on_read(http::error::body_limit, bytes);
    parser_->body_limit(limit);
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&http_session::on_read, shared_from_this()));
}

void http_session::on_read(beast::error_code ec, std::size_t)
{
    if (ec == http::error::end_of_stream)
        return do_close();
    if (ec) {
        // The stream cannot be trusted after a parse error: answer, then close.
        keep_alive_ = false;
        if (ec == http::error::body_limit)
            return send(json_error(http::status::payload_too_large, "too_large",
                                   "the request body is larger than " +
                                       std::to_string(body_limit()) +
                                       " bytes"));
        if (ec == http::error::header_limit)
            return send(json_error(http::status::request_header_fields_too_large, "too_large",
                                   "the request headers are too large"));
        if (is_http_parse_error(ec))
            return send(json_error(http::status::bad_request, "bad_request",
                                   "malformed HTTP request: " + ec.message()));
        return fail(ec, "read");
    }
    on_request();
}

void http_session::on_request()
{
    auto& req = parser_->get();
    version_ = req.version();
    keep_alive_ = req.keep_alive();
    method_ = to_std(req.method_string());
    logged_path_ = loggable_path(to_std(req.target()));
    started_ = std::chrono::steady_clock::now();

    if (websocket::is_upgrade(req))
        return do_upgrade();

    const auto path = path_of(to_std(req.target()));
    if (path == "/healthz") {
        if (req.method() != http::verb::get && req.method() != http::verb::head)
            return send(method_not_allowed("GET, HEAD"));
        return send(json_response(http::status::ok, {{"status", "ok"}}));
    }
    if (answer_status(path))
        return;
    if (state_->metrics() == metrics_access::only)
        return send(json_error(http::status::not_found, "not_found",
                               "this address serves only /metrics, /readyz and /healthz"));
    if (api::handles(to_std(req.target())))
        return on_api_request();
    send(state_->files().respond(req));
}

std::string http_session::client() const
{
    const auto& req = parser_->get();
    std::optional<std::string_view> forwarded;
    if (const auto& name = state_->options().client_ip_header; !name.empty())
        if (auto it = req.find(to_beast(name)); it != req.end())
            forwarded = to_std(it->value());
    return client_address(peer_address_, peer_is_loopback_, forwarded);
}

void http_session::on_api_request()
{
    // The API may answer from the store worker's thread: come back to this strand. Answered
    // once: a handler that throws (a bug) gets a 500 here unless it answered already, and the
    // connection keeps serving (docs/security.md).
    auto answered = std::make_shared<std::atomic<bool>>(false);
    auto done = [self = shared_from_this(), answered](http_response res) {
        if (answered->exchange(true))
            return;
        asio::post(self->stream_.get_executor(),
                   [self, res = std::move(res)]() mutable { self->send(std::move(res)); });
    };
    try {
        state_->api().handle(parser_->get(), client(), done);
    } catch (const std::exception& e) {
        done(internal_error("handling a request", e));
    }
}

bool http_session::answer_status(std::string_view path)
{
    if (path != "/readyz" && path != "/metrics")
        return false;
    auto* status = state_->status();
    const auto& req = parser_->get();
    if (!status || (path == "/metrics" && !may_read_metrics())) {
        send(json_error(http::status::not_found, "not_found", "no such resource"));
        return true;
    }
    if (req.method() != http::verb::get && req.method() != http::verb::head) {
        send(method_not_allowed("GET, HEAD"));
        return true;
    }
    if (path == "/metrics") {
        http_response res{http::status::ok, version_};
        res.set(http::field::content_type, "text/plain; version=0.0.4; charset=utf-8");
        res.set(http::field::cache_control, "no-store");
        res.body() = status->metrics_text();
        res.prepare_payload();
        send(std::move(res));
        return true;
    }
    status->readiness([self = shared_from_this()](std::string problem) {
        auto res = problem.empty()
                       ? json_response(http::status::ok, {{"status", "ready"}})
                       : json_response(http::status::service_unavailable,
                                       {{"status", "not ready"}, {"reason", problem}});
        asio::post(self->stream_.get_executor(),
                   [self, res = std::move(res)]() mutable { self->send(std::move(res)); });
    });
    return true;
}

bool http_session::may_read_metrics() const
{
    if (state_->metrics() != metrics_access::loopback_only)
        return state_->metrics() == metrics_access::only;
    // Through a reverse proxy on this host the peer is loopback too: a proxy header says so.
    const auto& req = parser_->get();
    const auto& header = state_->options().client_ip_header;
    return peer_is_loopback_ && req.find(http::field::forwarded) == req.end() &&
           req.find("X-Forwarded-For") == req.end() && req.find("X-Real-IP") == req.end() &&
           (header.empty() || req.find(to_beast(header)) == req.end());
}

void http_session::count_request(unsigned status, std::size_t bytes)
{
    metrics::get().http_requests.add(std::to_string(status));
    if (!log::access_enabled())
        return;
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                            std::chrono::steady_clock::now() - started_).count();
    log::info("access", "http request", {{"method", method_}, {"path", logged_path_}, {"status", status},
                                         {"bytes", bytes}, {"duration_ms", micros / 1000.0},
                                         {"client", peer_address_}});
}

void http_session::do_upgrade()
{
    auto& req = parser_->get();
    if (path_of(to_std(req.target())) != "/ws") {
        keep_alive_ = false;
        return send(json_error(http::status::not_found, "not_found",
                               "the WebSocket endpoint is /ws"));
    }
    std::optional<std::string_view> origin;
    if (auto it = req.find(http::field::origin); it != req.end())
        origin = to_std(it->value());
    if (!origin_allowed(origin, to_std(req[http::field::host]), state_->options().allow_origins)) {
        keep_alive_ = false;
        return send(json_error(http::status::forbidden, "forbidden",
                               "this origin may not open a WebSocket here"));
    }
    // P-WS-10: refused before the upgrade, so a flood of sockets costs no session.
    auto address = client();
    if (const auto admitted = state_->reserve(address); admitted != shared_state::admission::admitted) {
        keep_alive_ = false;
        const bool mine = admitted == shared_state::admission::address_full;
        auto res = mine ? json_error(http::status::too_many_requests, "rate_limited",
                                     "too many connections from this address")
                        : json_error(http::status::service_unavailable, "busy",
                                     "the server has as many connections as it takes; try again later");
        res.set(http::field::retry_after, "10");
        return send(std::move(res));
    }
    // The WebSocket session takes the socket (and the reserved place); this session ends when
    // it returns.
    stream_.expires_never();
    std::make_shared<websocket_session>(stream_.release_socket(), state_, std::move(address))
        ->run(parser_->release());
}

void http_session::send(http_response res)
{
    res.version(version_);
    res.keep_alive(keep_alive_);
    res_ = std::make_shared<http_response>(std::move(res));
    stream_.expires_after(state_->options().http_timeout);
    http::async_write(stream_, *res_,
                      beast::bind_front_handler(&http_session::on_write, shared_from_this(),
                                                res_->need_eof()));
}

void http_session::on_write(bool close, beast::error_code ec, std::size_t)
{
    if (ec)
        return fail(ec, "write");
    count_request(res_->result_int(), res_->payload_size().value_or(0));
    res_.reset();
    if (close)
        return do_close();
    do_read();
}

void http_session::do_close()
{
    beast::error_code ec;
    stream_.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ec);
    // Lingering close: read what the client still sends (the rest of a refused body) so that
    // closing with unread data does not reset the connection before it has read our answer.
    buffer_.consume(buffer_.size());
    do_drain(0);
}

void http_session::do_drain(std::size_t drained)
{
    constexpr std::size_t max_drain = 1024 * 1024;
    if (drained > max_drain)
        return;
    stream_.expires_after(std::chrono::seconds(5));
    stream_.async_read_some(buffer_.prepare(16 * 1024),
                            [self = shared_from_this(), drained](beast::error_code ec, std::size_t n) {
                                if (!ec)
                                    self->do_drain(drained + n);
                            });
}

}  // namespace jb::net
