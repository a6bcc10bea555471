#pragma once
// One WebSocket connection (chat-multi's websocket_session), and the room's view of it
// (room::room_client). It owns the read loop with its limits (message size P-WS-2, rate
// P-WS-4), the joining steps of protocol P-JOIN-1..3, and the bounded outgoing queue with one
// write in flight (P-WS-5). Everything runs on the connection's strand; deliver() and close()
// may be called from any thread and post to it.

#include "net/rate_limiter.hpp"
#include "net/responses.hpp"
#include "net/send_queue.hpp"
#include "net/write_batching_stream.hpp"
#include "net/shared_state.hpp"
#include "protocol/messages.hpp"
#include "room/room.hpp"
#include "room/room_client.hpp"

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/websocket/stream.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jb::net {

class websocket_session : public room::room_client,
                          public std::enable_shared_from_this<websocket_session> {
public:
    // `address` is the client's, with a place reserved for it (shared_state::reserve); the
    // destructor gives it back.
    websocket_session(boost::asio::ip::tcp::socket&& socket, std::shared_ptr<shared_state> state,
                      std::string address);
    ~websocket_session() override;

    // Accepts the upgrade request the http_session read.
    void run(http_request req);

    void deliver(room::shared_text message, room::delivery kind) override;
    // One post for the whole batch; each message counts against the queue's bounds.
    void deliver_batch(room::outgoing_batch messages) override;
    void close(std::uint16_t code, std::string reason) override;

private:
    // handshake → waiting_hello → opening (the registry is finding the room; reading paused)
    // → joined. Closing is orthogonal: close_ is set.
    enum class stage { handshake, waiting_hello, opening, joined };

    void fail(boost::beast::error_code ec, char const* what);
    void on_accept(boost::beast::error_code ec);
    void do_read();
    void on_read(boost::beast::error_code ec, std::size_t bytes);
    void on_message(std::string_view text);
    void handle_message(std::string_view text);
    void on_hello_deadline(boost::beast::error_code ec);
    void on_hello(protocol::hello hello);
    void on_open(std::shared_ptr<room::room> room, protocol::hello hello);
    void send(room::shared_text message, room::delivery kind);
    // Queues each in order (closing on the first that overflows), then writes if idle.
    void send_batch(room::outgoing_batch messages);
    void send_error(std::string_view code, std::string_view message,
                    std::optional<std::int64_t> client_seq = std::nullopt);
    // Everything queued (up to a batch's bounds) in one gather write (write_batching_stream).
    void do_write();
    void on_write(boost::beast::error_code ec);
    // After a batch is written (or failed): pops it; true if more is queued to write.
    bool finish_write(boost::beast::error_code ec);
    bool write_in_flight() const { return queue_.writing(); }
    // The texts of the batch being written (they live in queue_ until it is popped).
    std::vector<std::string_view> writing_;
    void start_close(std::uint16_t code, std::string reason);
    void do_close();
    void on_close(boost::beast::error_code ec);
    void gone();
    // Keeps the send-queue gauge of /metrics in step with this queue.
    void count_queue();

    boost::beast::websocket::stream<write_batching_stream> ws_;
    // The socket's strand (listener::do_accept) as its own type, for deliver(), deliver_batch()
    // and close() to post to: posting through the socket's type-erased executor cost about 8 % of
    // the server's CPU at 300 workshops of 30 (docs/performance.md, session 13).
    using strand_type = boost::asio::strand<boost::asio::io_context::executor_type>;
    static strand_type strand_of(const boost::asio::any_io_executor& executor);
    strand_type strand_;
    boost::beast::flat_buffer buffer_;
    std::shared_ptr<shared_state> state_;
    send_queue queue_;
    token_bucket rate_;
    std::shared_ptr<room::room> room_;
    stage stage_ = stage::handshake;
    // Set once a close is wanted: nothing more is read or queued, the queue drains, then the
    // close frame goes out.
    std::optional<boost::beast::websocket::close_reason> close_;
    bool close_started_ = false;
    // A peer that reads nothing would keep a close pending forever (the write in flight never
    // finishes): past this deadline the socket is simply closed.
    boost::asio::steady_timer close_deadline_;
    // P-WS-9: a connection that sends no hello in time is closed (1008).
    boost::asio::steady_timer hello_deadline_;
    std::string address_;
    bool gone_ = false;  // the connection is over and the room was told
    // For the access log and /metrics: when it opened, from where, which workshop it joined,
    // and a close code Beast sent by itself (1009).
    std::chrono::steady_clock::time_point opened_ = std::chrono::steady_clock::now();
    std::string peer_address_, workshop_id_;
    // The upgrade URL's `w` (P-WS-11): the workshop a router sent this connection here for.
    std::optional<std::string> routed_workshop_;
    std::uint16_t beast_close_code_ = 0;
    std::size_t counted_queue_bytes_ = 0;
};

}  // namespace jb::net
