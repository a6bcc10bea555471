#pragma once
// Accepts TCP connections (chat-multi's listener) and gives each its own strand and an
// http_session. Stopping closes the acceptor; connections already open are left to their
// owners.

#include "net/shared_state.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/error.hpp>

#include <memory>

namespace jb::net {

class listener : public std::enable_shared_from_this<listener> {
public:
    // Opens, binds and listens; on failure `ec` says why and run() must not be called.
    listener(boost::asio::io_context& ioc, boost::asio::ip::tcp::endpoint endpoint,
             std::shared_ptr<shared_state> state, boost::beast::error_code& ec);

    // The bound address (the real port when 0 was asked for).
    boost::asio::ip::tcp::endpoint local_endpoint() const;
    ~listener();
    void run();
    // Stops accepting; thread-safe.
    void stop();

private:
    void fail(boost::beast::error_code ec, char const* what);
    void do_accept();
    void on_accept(boost::beast::error_code ec, boost::asio::ip::tcp::socket socket);
    void refuse_one();

    boost::asio::io_context& ioc_;
    boost::asio::ip::tcp::acceptor acceptor_;  // on its own strand
    boost::asio::steady_timer retry_;          // pauses after an accept error (e.g. EMFILE)
    std::shared_ptr<shared_state> state_;
    int spare_fd_ = -1;               // given up to refuse a connection when out of descriptors
    std::size_t failed_accepts_ = 0;  // in the current episode (logged once, and at its end)
};

}  // namespace jb::net
