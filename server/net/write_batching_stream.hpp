#pragma once
// The TCP stream under one WebSocket connection, and the one place that writes to its socket.
// One `sendmsg` per message per client, and Beast's write machinery per message, were most of
// the server's time in a fan-out (issue 13, docs/performance.md): websocket_session hands it
// all the messages it has queued at once (async_write_messages), and it frames them itself and
// sends them in one gather write, pointing at the shared serialised texts (no copy per
// connection).
//
// Beast still writes what it writes itself (the handshake response, a pong, a close frame)
// through async_write_some. Exactly one write is on the socket at any time: a Beast write that
// finds the socket idle is written whole and completes when it is on the socket; one that finds
// a write under way is copied, reported written at once, and follows the writes before it, in
// order. Messages handed over while a write is under way wait for it.

#include <boost/asio/async_result.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/websocket/teardown.hpp>

#include <sys/socket.h>
#include <sys/uio.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <climits>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jb::net {

// The header of one unfragmented, unmasked text frame of `size` payload bytes (RFC 6455 5.2):
// what a server sends for a whole message without compression. Returns its length (2, 4 or 10).
inline std::size_t text_frame_header(std::uint64_t size, std::array<char, 10>& out) {
    out[0] = static_cast<char>(0x81);  // FIN, opcode 1 (text)
    if (size < 126) {
        out[1] = static_cast<char>(size);
        return 2;
    }
    if (size <= 0xFFFF) {
        out[1] = 126;
        out[2] = static_cast<char>((size >> 8) & 0xFF);
        out[3] = static_cast<char>(size & 0xFF);
        return 4;
    }
    out[1] = 127;
    for (int i = 0; i < 8; ++i) out[2 + i] = static_cast<char>((size >> (8 * (7 - i))) & 0xFF);
    return 10;
}

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

    // Beast's own writes.
    template <class ConstBufferSequence, class WriteHandler>
    auto async_write_some(const ConstBufferSequence& buffers, WriteHandler&& handler) {
        return boost::asio::async_initiate<WriteHandler, void(boost::beast::error_code, std::size_t)>(
            [this](auto&& done, const ConstBufferSequence& data) {
                if (!busy_ && !failed_) {
                    // Idle: written whole (never a part of a frame beside other bytes), done when
                    // it is on the socket.
                    busy_ = true;
                    boost::asio::async_write(
                        next_, data,
                        [this, owner = owner_.lock(), done = std::forward<decltype(done)>(done)](
                            boost::beast::error_code ec, std::size_t n) mutable {
                            busy_ = false;
                            if (ec) failed_ = ec;
                            done(ec, n);
                            write_next();  // `owner` keeps this stream alive until here
                        });
                    return;
                }
                std::size_t n = 0;
                for (auto it = boost::asio::buffer_sequence_begin(data);
                     it != boost::asio::buffer_sequence_end(data); ++it) {
                    const boost::asio::const_buffer b(*it);
                    gathered_.append(static_cast<const char*>(b.data()), b.size());
                    n += b.size();
                }
                boost::asio::post(next_.get_executor(),
                                  boost::beast::bind_front_handler(std::forward<decltype(done)>(done), failed_,
                                                                   failed_ ? 0 : n));
            },
            handler, buffers);
    }

    // Sends each text as one whole WebSocket text message, in order, in one gather write (or
    // after the write under way); `done(ec)` runs once all of them are on the socket or a write
    // failed. The texts must stay alive and unchanged until then. One call at a time.
    void async_write_messages(const std::vector<std::string_view>& texts,
                              std::function<void(boost::beast::error_code)> done) {
        frame(texts);
        messages_done_ = std::move(done);
        messages_waiting_ = true;
        if (!busy_) write_next();
    }

    enum class written { now, later };

    // As async_write_messages, but first offers the whole batch to the socket without waiting
    // (MSG_DONTWAIT). A reader that keeps up has room for it: then this returns `now` with `ec`
    // the outcome and never calls `done`: no asynchronous operation, no completion queued, no
    // second pass through the connection's strand (a fan-out profile put that machinery at a
    // quarter of the server's own time per delivered event). Otherwise (a Beast write under
    // way, a full socket buffer, a part sent) the rest goes out as async_write_messages sends
    // it, `done` runs later, and this returns `later`.
    written write_messages(const std::vector<std::string_view>& texts,
                           std::function<void(boost::beast::error_code)> done, boost::beast::error_code& ec) {
        ec = {};
        if (busy_ || failed_) {
            async_write_messages(texts, std::move(done));
            return written::later;
        }
        frame(texts);
        const std::size_t sent = send_without_waiting(ec);
        if (ec != boost::asio::error::would_block) {  // all sent, or failed
            if (ec) failed_ = ec;
            buffers_.clear();
            return written::now;
        }
        ec = {};
        consume(buffers_, sent);
        messages_done_ = std::move(done);
        messages_waiting_ = true;
        write_next();
        return written::later;
    }

    // The object this stream lives in (its WebSocket session): each write this stream starts
    // by itself holds it until its completion has run, so that a connection given up while a
    // write waits (its read ended, its room let go) is not freed under that completion, and a
    // `done` of async_write_messages may capture only a plain pointer to it.
    void keep_alive_with(std::weak_ptr<void> owner) { owner_ = std::move(owner); }

    // Whether a write is on the socket.
    bool busy() const { return busy_; }
    std::size_t gathered_bytes() const { return gathered_.size() + sending_.size(); }

private:
    // Starts the next write, if any: messages handed over first (websocket_session hands over
    // none once Beast is closing, so a close frame Beast gathered is the last thing sent), then
    // Beast's gathered bytes.
    void write_next() {
        if (busy_) return;
        if (messages_waiting_) {
            messages_waiting_ = false;
            if (failed_) {  // never inline: the caller may be inside async_write_messages
                busy_ = true;
                return boost::asio::post(next_.get_executor(), [this, owner = owner_.lock()] {
                    busy_ = false;
                    finish_messages(failed_);
                });
            }
            busy_ = true;
            // Straight to the socket, past Beast's basic_stream: its per-write operation (a
            // shared state, executor work tracking, a timer check) cost as much as the rest
            // of the write path in a fan-out profile, and nothing here uses its timeouts (the
            // WebSocket's idle timeout and our close deadline keep their own timers).
            boost::asio::async_write(next_.socket(), buffers_,
                                     [this, owner = owner_.lock()](boost::beast::error_code ec, std::size_t) {
                busy_ = false;
                if (ec) failed_ = ec;
                buffers_.clear();
                auto done = std::exchange(messages_done_, nullptr);
                write_next();  // Beast's bytes gathered meanwhile (they came before what `done` hands over)
                done(ec);      // last: its owner may let this stream go
            });
            return;
        }
        if (gathered_.empty() || failed_) return;
        sending_.swap(gathered_);
        gathered_.clear();
        busy_ = true;
        boost::asio::async_write(next_, boost::asio::buffer(sending_),
                                 [this, owner = owner_.lock()](boost::beast::error_code ec, std::size_t) {
            busy_ = false;
            sending_.clear();
            if (ec) failed_ = ec;  // Beast thought them written; the next write says otherwise
            write_next();
        });
    }

    void frame(const std::vector<std::string_view>& texts) {
        headers_.resize(texts.size());
        buffers_.clear();
        buffers_.reserve(2 * texts.size());
        for (std::size_t i = 0; i < texts.size(); ++i) {
            const auto length = text_frame_header(texts[i].size(), headers_[i]);
            buffers_.emplace_back(headers_[i].data(), length);
            buffers_.emplace_back(texts[i].data(), texts[i].size());
        }
    }

    // Writes buffers_ with non-blocking sendmsg calls (IOV_MAX pieces at a time) until all is
    // sent, the socket has no room (`ec` would_block) or it fails. Returns the bytes sent.
    std::size_t send_without_waiting(boost::beast::error_code& ec) {
        iov_.resize(buffers_.size());
        for (std::size_t i = 0; i < buffers_.size(); ++i)
            iov_[i] = {const_cast<void*>(buffers_[i].data()), buffers_[i].size()};
        std::size_t sent = 0, first = 0;
        while (first < iov_.size()) {
            ::msghdr message{};
            message.msg_iov = iov_.data() + first;
            message.msg_iovlen = std::min<std::size_t>(iov_.size() - first, IOV_MAX);
            const ::ssize_t n = ::sendmsg(next_.socket().native_handle(), &message, MSG_DONTWAIT | MSG_NOSIGNAL);
            if (n < 0) {
                if (errno == EINTR) continue;
                ec = errno == EAGAIN || errno == EWOULDBLOCK
                         ? boost::beast::error_code(boost::asio::error::would_block)
                         : boost::beast::error_code(errno, boost::asio::error::get_system_category());
                return sent;
            }
            sent += static_cast<std::size_t>(n);
            for (auto left = static_cast<std::size_t>(n); left > 0;) {  // skip what went out
                auto& piece = iov_[first];
                const std::size_t take = std::min(left, piece.iov_len);
                piece.iov_base = static_cast<char*>(piece.iov_base) + take;
                piece.iov_len -= take;
                left -= take;
                if (piece.iov_len == 0) ++first;
            }
            while (first < iov_.size() && iov_[first].iov_len == 0) ++first;  // empty texts
        }
        return sent;
    }

    // Drops the first `n` bytes of `buffers`.
    static void consume(std::vector<boost::asio::const_buffer>& buffers, std::size_t n) {
        std::size_t whole = 0;
        while (whole < buffers.size() && n >= buffers[whole].size()) n -= buffers[whole++].size();
        buffers.erase(buffers.begin(), buffers.begin() + static_cast<std::ptrdiff_t>(whole));
        if (n > 0 && !buffers.empty()) buffers.front() += n;
    }

    void finish_messages(boost::beast::error_code ec) {
        buffers_.clear();
        auto done = std::exchange(messages_done_, nullptr);
        done(ec);
    }

    next_layer_type next_;
    bool busy_ = false;
    bool messages_waiting_ = false;
    boost::beast::error_code failed_;  // a write failed: nothing more is written
    std::string gathered_, sending_;   // Beast's bytes that found the socket busy
    std::vector<std::array<char, 10>> headers_;
    std::vector<boost::asio::const_buffer> buffers_;
    std::vector<::iovec> iov_;  // buffers_ as sendmsg takes them
    std::function<void(boost::beast::error_code)> messages_done_;
    std::weak_ptr<void> owner_;
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
