#include "net/websocket_session.hpp"

#include "net/query_string.hpp"
#include "util/log.hpp"
#include "util/metrics.hpp"

#include "util/fault_injection.hpp"

#include <boost/asio/post.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/version.hpp>
#include <boost/beast/websocket/error.hpp>

#include <stdexcept>
#include <utility>

namespace jb::net {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;

namespace {

// P-WS-9: the close code for a connection that sent no hello in time (policy violation).
constexpr std::uint16_t no_hello_close = 1008;
// A batch stops gathering at this size, so one write stays a reasonable size (a larger single
// message, such as a welcome, is written alone).
constexpr std::size_t max_batch_bytes = 256 * 1024;
// And at this many messages: two buffers each (header, text), and the kernel takes 1,024 at most
// in one sendmsg (IOV_MAX; Asio passes 64 at a time).
constexpr std::size_t max_batch_messages = 512;

}  // namespace

// Every connection's socket is accepted on a strand of its own (listener::do_accept); one that
// was not would let deliveries race the reads, so it is refused outright.
websocket_session::strand_type websocket_session::strand_of(const asio::any_io_executor& executor)
{
    if (const auto* strand = executor.target<strand_type>())
        return *strand;
    throw std::logic_error("a WebSocket's socket must run on a strand of the io_context (listener::do_accept)");
}

websocket_session::websocket_session(asio::ip::tcp::socket&& socket,
                                     std::shared_ptr<shared_state> state, std::string address)
    : ws_(std::move(socket)), strand_(strand_of(ws_.get_executor())), state_(std::move(state)),
      queue_(state_->options().send_queue),
      rate_(state_->options().ws_rate, rate_clock::now()), close_deadline_(ws_.get_executor()),
      hello_deadline_(ws_.get_executor()), address_(std::move(address))
{
    beast::error_code ec;
    const auto remote = beast::get_lowest_layer(ws_).socket().remote_endpoint(ec);
    peer_address_ = ec ? std::string("unknown") : remote.address().to_string();
    metrics::get().websockets.add(1);
}

websocket_session::~websocket_session()
{
    state_->remove(this);
    state_->release(address_);
    metrics::get().websockets.add(-1);
    metrics::get().send_queue_bytes.add(-static_cast<std::int64_t>(counted_queue_bytes_));
}

void websocket_session::count_queue()
{
    // One gauge for every connection: touched only when this queue's size changed, so a batch
    // written at once (queued and gone in the same call) costs it nothing.
    if (queue_.bytes() == counted_queue_bytes_)
        return;
    metrics::get().send_queue_bytes.add(static_cast<std::int64_t>(queue_.bytes()) -
                                        static_cast<std::int64_t>(counted_queue_bytes_));
    counted_queue_bytes_ = queue_.bytes();
}

void websocket_session::run(http_request req)
{
    state_->add(shared_from_this());
    if (auto w = query_param(to_std(req.target()), "w"))
        routed_workshop_ = std::string(w->substr(0, 128));
    ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
    ws_.set_option(websocket::stream_base::decorator([](websocket::response_type& res) {
        res.set(http::field::server, "journeyboard");
    }));
    ws_.read_message_max(state_->options().max_message_bytes);
    ws_.auto_fragment(false);  // one message, one frame: simpler for every client
    ws_.text(true);
    ws_.next_layer().keep_alive_with(weak_from_this());
    ws_.async_accept(req, beast::bind_front_handler(&websocket_session::on_accept,
                                                    shared_from_this()));
}

void websocket_session::fail(beast::error_code ec, char const* what)
{
    if (ec == websocket::error::message_too_big)
        beast_close_code_ = websocket::close_code::too_big;  // Beast closed with 1009 (P-WS-2)
    gone();
    if (ec == asio::error::operation_aborted || ec == websocket::error::closed ||
        ec == beast::error::timeout || ec == asio::error::eof ||
        ec == asio::error::connection_reset || ec == asio::error::broken_pipe)
        return;  // the expected ends of a connection
    if (ec == websocket::error::message_too_big)
        return;  // Beast has closed with 1009 (P-WS-2)
    log::warn("websocket", what, {{"error", ec.message()}});
}

void websocket_session::on_accept(beast::error_code ec)
{
    if (ec)
        return fail(ec, "accept");
    if (log::access_enabled())
        log::info("access", "websocket connected", {{"client", peer_address_}});
    stage_ = stage::waiting_hello;
    hello_deadline_.expires_after(state_->options().hello_timeout);
    hello_deadline_.async_wait(beast::bind_front_handler(&websocket_session::on_hello_deadline,
                                                         shared_from_this()));
    if (!queue_.empty())
        do_write();
    else if (close_)  // shut down while the handshake ran
        return do_close();
    if (!close_)
        do_read();
}

void websocket_session::on_hello_deadline(beast::error_code ec)
{
    if (ec || stage_ != stage::waiting_hello || close_ || gone_)
        return;
    send_error("not_joined", "no hello within " +
                                 std::to_string(state_->options().hello_timeout.count()) + " s");
    start_close(no_hello_close, "no hello");
}

void websocket_session::do_read()
{
    // A write that failed on the spot (write_messages) has already ended the connection; a read
    // on its closed socket would only log a bad descriptor.
    if (gone_)
        return;
    ws_.async_read(buffer_, beast::bind_front_handler(&websocket_session::on_read,
                                                      shared_from_this()));
}

void websocket_session::on_read(beast::error_code ec, std::size_t)
{
    if (ec)
        return fail(ec, "read");
    if (close_) {
        buffer_.consume(buffer_.size());
        return;  // closing: the close handshake reads what is left
    }
    if (!rate_.take(rate_clock::now()))
        return start_close(protocol::close_code::rate_limited, "rate limited");
    if (!ws_.got_text()) {
        buffer_.consume(buffer_.size());
        send_error("bad_message", "binary frames are not accepted: send JSON as text");
        return do_read();
    }
    const std::string text = beast::buffers_to_string(buffer_.data());
    buffer_.consume(buffer_.size());
    on_message(text);
    // While the registry looks for the room, reading waits (natural backpressure).
    if (stage_ != stage::opening && !close_)
        do_read();
}

void websocket_session::on_message(std::string_view text)
{
    // The boundary for bugs (docs/security.md): a message whose handling throws fails alone,
    // with error `internal`; the connection, its room and the server keep serving.
    try {
        handle_message(text);
    } catch (const std::exception& e) {
        log::error("websocket", "message failed", {{"workshop", workshop_id_}, {"error", e.what()}});
        send_error("internal", "the server could not handle this message");
    }
}

void websocket_session::handle_message(std::string_view text)
{
    util::inject_fault("ws", text);
    auto decoded = protocol::decode_client_message(text);
    if (auto* error = std::get_if<protocol::decode_error>(&decoded)) {
        send_error(error->code, error->message, error->client_seq);
        if (error->code == "protocol_version")  // P-JOIN-2
            start_close(protocol::close_code::protocol_version, "protocol version");
        return;
    }
    auto& message = std::get<protocol::client_message>(decoded);
    if (auto* ping = std::get_if<protocol::ping_message>(&message))  // P-WS-7, any time
        return send(room::share(protocol::encode_pong(ping->t)), room::delivery::must_arrive);
    if (auto* hello = std::get_if<protocol::hello>(&message)) {
        if (stage_ != stage::waiting_hello)
            return send_error("bad_message", "hello was already sent on this connection");
        return on_hello(std::move(*hello));
    }
    if (stage_ != stage::joined)  // P-JOIN-1
        return send_error("not_joined", "send hello first",
                          std::holds_alternative<protocol::op_message>(message)
                              ? std::optional(std::get<protocol::op_message>(message).client_seq)
                              : std::nullopt);
    room_->receive(shared_from_this(), std::move(message));
}

void websocket_session::on_hello(protocol::hello hello)
{
    if (hello.protocol_version != protocol::version) {  // P-JOIN-2, should the decoder pass it
        send_error("protocol_version", hello.protocol_version < protocol::version
                                           ? "client too old: update the web client"
                                           : "server too old: this server speaks version " +
                                                 std::to_string(protocol::version));
        return start_close(protocol::close_code::protocol_version, "protocol version");
    }
    // P-WS-11: a router chose this node by the URL's workshop; a hello for another one would be
    // served where its owner is not, so it is refused (the connection may send a right hello).
    if (routed_workshop_ && *routed_workshop_ != hello.workshop_id)
        return send_error("bad_message", "hello.workshop is not the workshop w of the WebSocket URL");
    stage_ = stage::opening;
    hello_deadline_.cancel();
    std::string workshop_id = hello.workshop_id;
    state_->registry().open(
        std::move(workshop_id),
        [self = shared_from_this(), hello = std::move(hello)](std::shared_ptr<room::room> room) mutable {
            asio::post(self->ws_.get_executor(),
                       [self, room = std::move(room), hello = std::move(hello)]() mutable {
                           self->on_open(std::move(room), std::move(hello));
                       });
        },
        [self = shared_from_this()](room::load_failure failed) {  // P-JOIN-7; the server's log says why
            asio::post(self->ws_.get_executor(), [self, unreachable = failed.store_unreachable] {
                if (self->gone_ || self->close_) return;
                if (unreachable) {
                    self->send_error("unavailable", "the workshop's store cannot be reached now; try again");
                    return self->start_close(protocol::close_code::try_again_later, "store unavailable");
                }
                self->send_error("internal", "this workshop cannot be loaded; its stored log is damaged");
                self->start_close(protocol::close_code::internal_error, "workshop cannot be loaded");
            });
        },
        [self = shared_from_this()] {  // P-WS-12: another node serves it (or will); the router knows which
            asio::post(self->ws_.get_executor(), [self] {
                if (self->gone_ || self->close_) return;
                self->start_close(protocol::close_code::moved, "workshop moved; reconnect");
            });
        });
}

void websocket_session::on_open(std::shared_ptr<room::room> room, protocol::hello hello)
{
    if (gone_ || close_)
        return;
    if (!room) {  // P-JOIN-3
        send_error("not_found", "no workshop with this id");
        return start_close(protocol::close_code::not_found, "workshop not found");
    }
    room_ = std::move(room);
    workshop_id_ = hello.workshop_id;
    stage_ = stage::joined;
    // The room answers with welcome, or with an error and close() (P-JOIN-4).
    room_->join(shared_from_this(), std::move(hello));
    do_read();
}

void websocket_session::deliver(room::shared_text message, room::delivery kind)
{
    asio::post(strand_, [self = shared_from_this(), message = std::move(message), kind]() mutable {
        self->send(std::move(message), kind);
    });
}

void websocket_session::deliver_batch(room::outgoing_batch messages)
{
    asio::post(strand_, [self = shared_from_this(), messages = std::move(messages)]() mutable {
        self->send_batch(std::move(messages));
    });
}

void websocket_session::close(std::uint16_t code, std::string reason)
{
    asio::post(strand_, [self = shared_from_this(), code, reason = std::move(reason)]() mutable {
        self->start_close(code, std::move(reason));
    });
}

void websocket_session::send(room::shared_text message, room::delivery kind)
{
    if (gone_ || close_)
        return;
    const auto pushed = queue_.push(std::move(message), kind);
    if (pushed == send_queue::push_result::overflow) {
        count_queue();
        return start_close(protocol::close_code::too_slow, "too slow");  // P-WS-5
    }
    if (!write_in_flight() && !queue_.empty() && stage_ != stage::handshake)
        do_write();
    count_queue();
}

void websocket_session::send_batch(room::outgoing_batch messages)
{
    for (auto& m : messages) {
        if (gone_ || close_)
            return;
        const auto pushed = queue_.push(std::move(m.text), m.kind);
        if (pushed == send_queue::push_result::overflow) {
            count_queue();
            return start_close(protocol::close_code::too_slow, "too slow");  // P-WS-5
        }
    }
    if (!write_in_flight() && !queue_.empty() && stage_ != stage::handshake)
        do_write();
    count_queue();
}

void websocket_session::send_error(std::string_view code, std::string_view message,
                                   std::optional<std::int64_t> client_seq)
{
    send(room::share(protocol::encode_error(code, message, client_seq)), room::delivery::must_arrive);
}

void websocket_session::do_write()
{
    // A batch the socket takes at once is done here (write_messages: `now`), and the next one
    // follows in this loop; one that has to wait ends in on_write.
    for (;;) {
        // Beast is closing (the peer sent a close frame): nothing may follow its close frame;
        // the read that ends this connection is on its way.
        if (!ws_.is_open())
            return;
        const std::size_t n = queue_.start_batch(max_batch_messages, max_batch_bytes);
        writing_.clear();
        for (std::size_t i = 0; i < n; ++i)
            writing_.emplace_back(*queue_.at(i));
        // The callback captures only `this` (std::function keeps it without a heap allocation):
        // a write that waits holds this session itself (keep_alive_with, in run()).
        beast::error_code ec;
        const auto written = ws_.next_layer().write_messages(
            writing_, [this](beast::error_code ec) { on_write(ec); }, ec);
        if (written == write_batching_stream::written::later)
            return;
        if (!finish_write(ec))
            return;
    }
}

void websocket_session::on_write(beast::error_code ec)
{
    if (finish_write(ec))
        do_write();
}

bool websocket_session::finish_write(beast::error_code ec)
{
    writing_.clear();
    if (ec) {
        beast::error_code ignored;
        beast::get_lowest_layer(ws_).socket().close(ignored);  // ends the pending read too
        fail(ec, "write");
        return false;
    }
    queue_.pop_written();
    count_queue();
    if (!queue_.empty())
        return true;
    if (close_ && !close_started_)
        do_close();
    return false;
}

void websocket_session::start_close(std::uint16_t code, std::string reason)
{
    if (close_ || gone_)
        return;
    close_.emplace();
    close_->code = code;
    close_->reason = reason.substr(0, close_->reason.max_size());
    // A client that is too slow would wait behind its backlog: only the write in flight
    // finishes. Otherwise what is queued (an error before a close) goes out first.
    if (code == protocol::close_code::too_slow) {
        queue_.clear_pending();
        count_queue();
    }
    close_deadline_.expires_after(state_->options().close_grace);
    close_deadline_.async_wait([self = shared_from_this()](beast::error_code ec) {
        if (ec || self->gone_)
            return;
        beast::error_code ignored;
        beast::get_lowest_layer(self->ws_).socket().close(ignored);
    });
    if (stage_ != stage::handshake && !write_in_flight() && queue_.empty())
        do_close();
}

void websocket_session::do_close()
{
    close_started_ = true;
    ws_.async_close(*close_, beast::bind_front_handler(&websocket_session::on_close,
                                                       shared_from_this()));
}

void websocket_session::on_close(beast::error_code ec)
{
    if (ec)
        return fail(ec, "close");
    gone();
}

void websocket_session::gone()
{
    if (gone_)
        return;
    gone_ = true;
    close_deadline_.cancel();
    hello_deadline_.cancel();
    // Ours if we closed, else the peer's (1006 when the connection simply ended).
    std::uint16_t code = close_ ? close_->code : beast_close_code_;
    if (!code)
        code = ws_.reason().code ? static_cast<std::uint16_t>(ws_.reason().code) : 1006;
    metrics::get().closes.add(std::to_string(code));
    if (log::access_enabled() && stage_ != stage::handshake) {
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::steady_clock::now() - opened_).count();
        log::info("access", "websocket closed", {{"client", peer_address_}, {"workshop", workshop_id_},
                                                 {"code", code}, {"duration_ms", ms}});
    }
    state_->remove(this);
    if (room_)
        room_->leave(shared_from_this());
}

}  // namespace jb::net
