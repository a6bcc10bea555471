#pragma once
// The TCP stream under one WebSocket connection, able to send several messages in one write.
// One `sendmsg` per message per client was most of the server's time in a burst (issue 13,
// docs/performance.md): when websocket_session has several messages queued it corks this
// stream, lets Beast frame each message into it (copied, reported written at once), and sends
// them with flush() as one write.
//
// At most one write is on the socket at any time: whatever Beast writes while the stream is
// corked or flushing (a pong, a close frame) joins the gathered bytes and goes out with them,
// in order. Only an idle, uncorked stream writes straight through (the handshake, a close).

#include <boost/asio/async_result.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/websocket/teardown.hpp>

#include <functional>
#include <string>
#include <utility>

namespace jb::net {

class write_batching_stream {
public:
    using next_layer_type = boost::beast::tcp_stream;
    using executor_type = next_layer_type::executor_type;

    explicit write_batching_stream(boost::asio::ip::tcp::socket&& socket)
        : next_(std::move(socket)) {}

    executor_type get_executor() noexcept { return next_.get_executor(); }
    next_layer_type& next_layer() noexcept { return next_; }
    const next_layer_type& next_layer() const noexcept { return next_; }

    template <class MutableBufferSequence, class ReadHandler>
    auto async_read_some(const MutableBufferSequence& buffers, ReadHandler&& handler) {
        return next_.async_read_some(buffers, std::forward<ReadHandler>(handler));
    }

    template <class ConstBufferSequence, class WriteHandler>
    auto async_write_some(const ConstBufferSequence& buffers, WriteHandler&& handler) {
        return boost::asio::async_initiate<WriteHandler, void(boost::beast::error_code, std::size_t)>(
            [this](auto&& done, const ConstBufferSequence& data) {
                if (!corked_ && !flushing_)
                    return next_.async_write_some(data, std::forward<decltype(done)>(done));
                std::size_t n = 0;
                for (auto it = boost::asio::buffer_sequence_begin(data);
                     it != boost::asio::buffer_sequence_end(data); ++it) {
                    const boost::asio::const_buffer b(*it);
                    gathered_.append(static_cast<const char*>(b.data()), b.size());
                    n += b.size();
                }
                boost::asio::post(next_.get_executor(),
                                  boost::beast::bind_front_handler(std::forward<decltype(done)>(done),
                                                                   boost::beast::error_code{}, n));
            },
            handler, buffers);
    }

    // From now on writes are gathered until flush().
    void cork() { corked_ = true; }
    bool flushing() const { return flushing_; }
    std::size_t gathered_bytes() const { return gathered_.size(); }

    // Uncorks and writes everything gathered (and whatever is gathered meanwhile) in as few
    // writes as possible; `done(ec)` runs once all of it is on the socket or a write failed.
    void async_flush(std::function<void(boost::beast::error_code)> done) {
        corked_ = false;
        flushing_ = true;
        done_ = std::move(done);
        write_gathered();
    }

private:
    void write_gathered() {
        if (gathered_.empty()) {
            flushing_ = false;
            sending_.clear();
            auto done = std::move(done_);
            done_ = nullptr;
            done(boost::beast::error_code{});
            return;
        }
        sending_.swap(gathered_);
        gathered_.clear();
        boost::asio::async_write(next_, boost::asio::buffer(sending_),
                                 [this](boost::beast::error_code ec, std::size_t) {
                                     if (!ec) return write_gathered();
                                     flushing_ = false;
                                     auto done = std::move(done_);
                                     done_ = nullptr;
                                     done(ec);
                                 });
    }

    next_layer_type next_;
    bool corked_ = false, flushing_ = false;
    std::string gathered_, sending_;
    std::function<void(boost::beast::error_code)> done_;
};

// Closing the WebSocket closes the TCP socket underneath (Beast's teardown customisation).
inline void teardown(boost::beast::role_type role, write_batching_stream& stream,
                     boost::beast::error_code& ec) {
    using boost::beast::websocket::teardown;
    teardown(role, stream.next_layer().socket(), ec);
}

template <class TeardownHandler>
void async_teardown(boost::beast::role_type role, write_batching_stream& stream,
                    TeardownHandler&& handler) {
    using boost::beast::websocket::async_teardown;
    async_teardown(role, stream.next_layer().socket(), std::forward<TeardownHandler>(handler));
}

}  // namespace jb::net
