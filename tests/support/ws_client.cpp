#include "support/ws_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/websocket/error.hpp>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <fcntl.h>
#include <mutex>
#include <random>
#include <stdexcept>
#include <unistd.h>

namespace jb::test {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;

namespace {

// One line per message, appended with a single write() so parallel test processes do not
// interleave their lines.
void contract_log(const char* from, const json& message, const std::string& conn,
                  bool expect_invalid = false, const char* final_view = nullptr)
{
    const char* path = std::getenv("JB_CONTRACT_LOG");
    if (!path || !*path)
        return;
    // `conn` tells the connections apart, so that a log can be replayed per client
    // (tests/contract/conformance.test.mjs).
    json entry{{"from", from}, {"conn", conn}, {"msg", message}};
    if (expect_invalid)
        entry["expectInvalid"] = true;
    if (final_view)
        entry["final"] = final_view;
    const std::string line =
        entry.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
    const int fd = ::open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        return;
    [[maybe_unused]] auto n = ::write(fd, line.data(), line.size());
    ::close(fd);
}

// Runs one asynchronous operation on `ioc` for at most `timeout`. On timeout the socket is
// closed (the connection is unusable afterwards) and std::runtime_error is thrown.
template <class Start>
beast::error_code run_with_timeout(asio::io_context& ioc, tcp::socket& socket,
                                   std::chrono::milliseconds timeout, const std::string& what,
                                   Start&& start)
{
    std::optional<beast::error_code> result;
    start([&result](beast::error_code ec, auto&&...) { result = ec; });
    ioc.restart();
    ioc.run_for(timeout);
    if (!result) {
        beast::error_code ignored;
        socket.close(ignored);
        ioc.restart();
        ioc.run();
        throw std::runtime_error("timed out after " + std::to_string(timeout.count()) +
                                 " ms waiting for " + what);
    }
    return *result;
}

std::string lower(std::string s)
{
    for (auto& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

std::string http_result::header(const std::string& lower_name) const
{
    auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
}

http_connection::http_connection(unsigned short port) : stream_(ioc_), port_(port)
{
    const tcp::endpoint ep(asio::ip::make_address("127.0.0.1"), port);
    if (auto ec = run_with_timeout(ioc_, stream_.socket(), default_timeout, "connect",
                                   [&](auto h) { stream_.async_connect(ep, h); }))
        throw std::runtime_error("connect: " + ec.message());
}

http_result http_connection::request(http::verb method, std::string target, std::string body,
                                     std::map<std::string, std::string> headers)
{
    auto& socket = stream_.socket();
    const auto timeout = std::chrono::milliseconds(default_timeout);
    http::request<http::string_body> req{method, target, 11};
    req.set(http::field::host, "127.0.0.1:" + std::to_string(port_));
    for (auto& [name, value] : headers)
        req.set(name, value);
    if (!body.empty() || method == http::verb::post) {
        req.set(http::field::content_type, "application/json");
        req.body() = std::move(body);
        req.prepare_payload();
    }
    if (auto ec = run_with_timeout(ioc_, socket, timeout, "request",
                                   [&](auto h) { http::async_write(stream_, req, h); });
        ec && ec != asio::error::broken_pipe && ec != asio::error::connection_reset)
        throw std::runtime_error("write: " + ec.message());

    // A server may answer (413) before it has read the whole body; read the answer anyway.
    http::response_parser<http::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    parser.skip(method == http::verb::head);
    if (auto ec = run_with_timeout(ioc_, socket, timeout, "response",
                                   [&](auto h) { http::async_read(stream_, buffer_, parser, h); }))
        throw std::runtime_error("read: " + ec.message());
    const auto& res = parser.get();
    http_result out;
    out.status = static_cast<int>(res.result_int());
    for (const auto& field : res)
        out.headers[lower(std::string(field.name_string()))] = std::string(field.value());
    out.body = res.body();
    return out;
}

bool http_connection::closed_by_server()
{
    char byte;
    auto ec = run_with_timeout(ioc_, stream_.socket(), default_timeout, "end of stream",
                               [&](auto h) { stream_.async_read_some(asio::buffer(&byte, 1), h); });
    return ec == asio::error::eof || ec == asio::error::connection_reset;
}

http_result http_request(unsigned short port, http::verb method, std::string target,
                         std::string body, std::map<std::string, std::string> headers)
{
    http_connection connection(port);
    return connection.request(method, std::move(target), std::move(body), std::move(headers));
}

http_result http_get(unsigned short port, std::string target, std::map<std::string, std::string> headers)
{
    return http_request(port, http::verb::get, std::move(target), {}, std::move(headers));
}

workshop create_workshop(unsigned short port, const std::string& title)
{
    auto res = http_request(port, http::verb::post, "/api/workshops", json{{"title", title}}.dump());
    if (res.status != 201)
        throw std::runtime_error("creating a workshop: HTTP " + std::to_string(res.status) + " " +
                                 res.body);
    auto j = res.json_body();
    return workshop{j.at("workshopId"), j.at("joinCode"), j.at("facilitatorKey"), j.at("title"),
                    j.at("screenKey")};
}

std::string new_id(const std::string& prefix)
{
    static std::atomic<unsigned> counter{0};
    static const unsigned salt = std::random_device{}();
    return prefix + "-" + std::to_string(salt) + "-" + std::to_string(++counter);
}

ws_client::ws_client(unsigned short port) : ws_client(port, options{}) {}

ws_client::ws_client(unsigned short port, options opts)
    : ws_(ioc_), timeout_(opts.timeout),
      client_id_(opts.client_id.empty() ? new_id("client") : opts.client_id),
      log_(opts.contract_log), conn_id_(new_id("conn")), port_(port), opts_(opts)
{
    auto& socket = beast::get_lowest_layer(ws_).socket();
    socket.open(tcp::v4());
    if (opts.receive_buffer > 0)
        socket.set_option(asio::socket_base::receive_buffer_size(opts.receive_buffer));
    const tcp::endpoint ep(asio::ip::make_address("127.0.0.1"), port);
    if (auto ec = run_with_timeout(ioc_, socket, timeout_, "connect",
                                   [&](auto h) { socket.async_connect(ep, h); }))
        throw std::runtime_error("connect: " + ec.message());

    ws_.set_option(websocket::stream_base::decorator([origin = opts.origin](websocket::request_type& req) {
        if (origin)
            req.set(http::field::origin, *origin);
    }));
    websocket::response_type res;
    const std::string host = "127.0.0.1:" + std::to_string(port);
    auto ec = run_with_timeout(ioc_, socket, timeout_, "the WebSocket handshake",
                               [&](auto h) { ws_.async_handshake(res, host, opts.target, h); });
    if (ec == websocket::error::upgrade_declined)
        throw upgrade_refused(static_cast<int>(res.result_int()), res.body());
    if (ec)
        throw std::runtime_error("handshake: " + ec.message());
    ws_.text(true);
    open_ = true;
}

namespace {

// A connection log_final_views joins again for, as the same viewer.
struct final_view {
    unsigned short port;
    std::string conn;
    ws_client::options opts;
    json hello;
    std::int64_t last_seq;
};

std::mutex final_views_mutex;
std::vector<final_view> final_views;

}  // namespace

ws_client::~ws_client()
{
    try {
        close();
    } catch (...) {
    }
    const char* path = std::getenv("JB_CONTRACT_LOG");
    if (log_ && welcomed_ && path && *path) {
        const std::lock_guard lock(final_views_mutex);
        final_views.push_back({port_, conn_id_, opts_, hello_, last_seq_});
    }
}

void log_final_views(unsigned short port)
{
    std::vector<final_view> mine;
    {
        const std::lock_guard lock(final_views_mutex);
        std::erase_if(final_views, [&](final_view& v) {
            if (v.port != port)
                return false;
            mine.push_back(std::move(v));
            return true;
        });
    }
    // Joins as the viewer (its token, key, name: no rename) on a connection of its own.
    const auto welcome = [&](const final_view& v, std::int64_t last_seq) -> json {
        ws_client::options o = v.opts;
        o.client_id = new_id("final");
        o.contract_log = false;
        o.timeout = std::chrono::seconds(5);
        ws_client c(port, o);
        json h = v.hello;
        h["clientId"] = c.client_id();
        h["lastSeq"] = last_seq;
        c.send(h);
        return c.receive_until([](const json& m) { return m.value("type", "") != "presence"; }, "welcome");
    };
    for (const auto& v : mine) {
        try {
            const json delta = welcome(v, v.last_seq);
            const json whole = welcome(v, 0);
            if (delta.value("type", "") != "welcome" || whole.value("type", "") != "welcome")
                continue;  // removed since, or the workshop is gone: nothing to compare
            contract_log("server", delta, v.conn, false, "delta");
            contract_log("server", whole, v.conn, false, "snapshot");
        } catch (const std::exception&) {
            // A server that no longer answers (a test that broke it on purpose): nothing to log.
        }
    }
}

void ws_client::note(const json& message)
{
    if (log_)
        contract_log("server", message, conn_id_);
    if (!message.is_object())
        return;
    presence_.take(message);
    const auto type = message.value("type", "");
    const auto seen = [&](const json& seq) {
        if (seq.is_number_integer())
            last_seq_ = std::max(last_seq_, seq.get<std::int64_t>());
    };
    if (type == "event") {
        events_[message.at("seq").get<std::int64_t>()] = message;
        seen(message["seq"]);
    }
    if (type == "welcome") {
        welcomed_ = true;
        seen(message["seq"]);
        // A new participant's token, so that joining again is the same viewer.
        if (message.contains("you") && message["you"].contains("participantToken"))
            hello_["participantToken"] = message["you"]["participantToken"];
    }
    if (type == "welcome" && message.contains("events"))
        for (const auto& body : message["events"])
            events_[body.at("seq").get<std::int64_t>()] = body;
}

void ws_client::send(const json& message)
{
    if (message.is_object() && message.value("type", "") == "hello")
        hello_ = message;
    if (log_)
        contract_log("client", message, conn_id_);
    send_text(message.dump());
}

void ws_client::send_invalid(const std::string& text)
{
    if (log_)
        contract_log("client", text, conn_id_, true);
    send_text(text);
}

void ws_client::send_text(const std::string& text)
{
    auto& socket = beast::get_lowest_layer(ws_).socket();
    if (auto ec = run_with_timeout(ioc_, socket, timeout_, "a write",
                                   [&](auto h) { ws_.async_write(asio::buffer(text), h); }))
        throw std::runtime_error("write: " + ec.message());
}

void ws_client::send_binary(const std::string& data)
{
    auto& socket = beast::get_lowest_layer(ws_).socket();
    ws_.binary(true);
    auto ec = run_with_timeout(ioc_, socket, timeout_, "a write",
                               [&](auto h) { ws_.async_write(asio::buffer(data), h); });
    ws_.text(true);
    if (ec)
        throw std::runtime_error("write: " + ec.message());
}

json ws_client::receive()
{
    auto& socket = beast::get_lowest_layer(ws_).socket();
    buffer_.clear();
    auto ec = run_with_timeout(ioc_, socket, timeout_, "a message",
                               [&](auto h) { ws_.async_read(buffer_, h); });
    if (ec == websocket::error::closed)
        throw std::runtime_error("the server closed the connection with " +
                                 std::to_string(ws_.reason().code) + " " +
                                 std::string(ws_.reason().reason.c_str()));
    if (ec)
        throw std::runtime_error("read: " + ec.message());
    if (!ws_.got_text())
        throw std::runtime_error("the server sent a binary frame");
    auto message = json::parse(beast::buffers_to_string(buffer_.data()));
    note(message);
    return message;
}

json ws_client::receive_until(const std::function<bool(const json&)>& pred, const std::string& what)
{
    for (;;) {
        json m;
        try {
            m = receive();
        } catch (const std::exception& e) {
            throw std::runtime_error(std::string(e.what()) + " (while waiting for " + what + ")");
        }
        if (pred(m))
            return m;
        skipped_.push_back(std::move(m));
    }
}

void ws_client::wait_presence(const std::function<bool()>& holds, const std::string& what)
{
    if (!holds())
        receive_until([&](const json& m) { return m.value("type", "") == "presence" && holds(); }, what);
}

json ws_client::wait_for(const std::string& type)
{
    return receive_until([&](const json& m) { return m.value("type", "") == type; },
                         "a " + type + " message");
}

close_info ws_client::wait_closed()
{
    close_info info;
    auto& socket = beast::get_lowest_layer(ws_).socket();
    for (;;) {
        buffer_.clear();
        auto ec = run_with_timeout(ioc_, socket, timeout_, "the server to close",
                                   [&](auto h) { ws_.async_read(buffer_, h); });
        if (!ec) {
            auto m = json::parse(beast::buffers_to_string(buffer_.data()), nullptr, false);
            if (!m.is_discarded())
                note(m);
            info.before.push_back(std::move(m));
            continue;
        }
        open_ = false;
        if (ec == websocket::error::closed) {
            info.code = ws_.reason().code;
            info.reason = ws_.reason().reason.c_str();
        } else {
            info.code = 1006;
            info.reason = ec.message();
        }
        return info;
    }
}

std::vector<json> ws_client::sync()
{
    const std::int64_t t = 1'000'000 + next_ping_++;
    send({{"type", "ping"}, {"t", t}});
    std::vector<json> before;
    for (;;) {
        auto m = receive();
        if (m.value("type", "") == "pong" && m.value("t", json()) == t)
            return before;
        before.push_back(m);
        skipped_.push_back(std::move(m));
    }
}

json ws_client::hello(const std::string& workshop_id, const hello_options& opts)
{
    json h{{"type", "hello"},
           {"protocolVersion", opts.protocol_version},
           {"workshopId", workshop_id},
           {"clientId", client_id_},
           {"displayName", opts.display_name},
           {"lastSeq", opts.last_seq}};
    if (opts.participant_token)
        h["participantToken"] = *opts.participant_token;
    if (opts.facilitator_key)
        h["facilitatorKey"] = *opts.facilitator_key;
    if (opts.screen_key)
        h["screenKey"] = *opts.screen_key;
    if (opts.protocol_version >= 1)
        send(h);
    else
        send_invalid(h.dump());
    return receive_until(
        [](const json& m) {
            const auto type = m.value("type", "");
            return type == "welcome" || type == "error";
        },
        "the answer to hello");
}

json ws_client::join(const std::string& workshop_id, const hello_options& opts)
{
    auto answer = hello(workshop_id, opts);
    if (answer.value("type", "") != "welcome")
        throw std::runtime_error("hello was refused: " + answer.dump());
    return answer;
}

std::int64_t ws_client::send_op(const json& op, std::optional<std::int64_t> client_seq)
{
    const std::int64_t seq = client_seq.value_or(next_client_seq_);
    if (seq >= next_client_seq_)
        next_client_seq_ = seq + 1;
    send({{"type", "op"}, {"clientSeq", seq}, {"op", op}});
    return seq;
}

json ws_client::wait_ack(std::int64_t client_seq)
{
    auto m = receive_until(
        [&](const json& m) {
            const auto type = m.value("type", "");
            return (type == "ack" || type == "error") && m.value("clientSeq", -1) == client_seq;
        },
        "the ack of clientSeq " + std::to_string(client_seq));
    if (m["type"] == "error")
        throw std::runtime_error("op " + std::to_string(client_seq) + " was refused: " + m.dump());
    return m;
}

json ws_client::wait_error(std::optional<std::int64_t> client_seq)
{
    return receive_until(
        [&](const json& m) {
            if (m.value("type", "") != "error")
                return false;
            return !client_seq || m.value("clientSeq", json()) == *client_seq;
        },
        "an error");
}

json ws_client::wait_event(std::int64_t seq)
{
    if (auto it = events_.find(seq); it != events_.end())
        return it->second;
    receive_until([&](const json&) { return events_.contains(seq); },
                  "event " + std::to_string(seq));
    return events_.at(seq);
}

json ws_client::apply(const json& op)
{
    return wait_ack(send_op(op));
}

void ws_client::close()
{
    if (!open_)
        return;
    open_ = false;
    auto& socket = beast::get_lowest_layer(ws_).socket();
    run_with_timeout(ioc_, socket, timeout_, "the close handshake",
                     [&](auto h) { ws_.async_close(websocket::close_code::normal, h); });
}

json card_add(const json& board, const std::string& card_id, const std::string& text,
              const std::string& order_key, std::size_t phase, std::size_t lane)
{
    return {{"kind", "card.add"},
            {"cardId", card_id},
            {"journeyId", journey_id(board)},
            {"phaseId", phase_id(board, phase)},
            {"laneId", lane_id(board, lane)},
            {"text", text},
            {"color", "yellow"},
            {"orderKey", order_key}};
}

json card_update_text(const std::string& card_id, const std::string& text)
{
    return {{"kind", "card.update"}, {"cardId", card_id}, {"text", text}};
}

json patched_card(const json& event, const std::string& card_id)
{
    const auto patch = event.find("patch");
    if (patch == event.end() || !patch->contains("cards")) return nullptr;
    for (const auto& card : patch->at("cards"))
        if (card.at("id") == card_id) return card;
    return nullptr;
}

std::string journey_id(const json& snapshot, std::size_t journey)
{
    return snapshot.at("journeys").at(journey).at("id");
}

std::string phase_id(const json& snapshot, std::size_t phase, std::size_t journey)
{
    return snapshot.at("journeys").at(journey).at("phases").at(phase).at("id");
}

std::string lane_id(const json& snapshot, std::size_t lane, std::size_t journey)
{
    return snapshot.at("journeys").at(journey).at("lanes").at(lane).at("id");
}

std::set<std::string> card_ids(const json& snapshot)
{
    std::set<std::string> ids;
    for (const auto& c : snapshot.at("cards"))
        ids.insert(c.at("id"));
    return ids;
}

}  // namespace jb::test
