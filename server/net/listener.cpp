#include "net/listener.hpp"
#include "util/log.hpp"

#include "net/http_session.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/beast/core/bind_handler.hpp>


namespace jb::net {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

listener::listener(asio::io_context& ioc, tcp::endpoint endpoint,
                   std::shared_ptr<shared_state> state, beast::error_code& ec)
    : ioc_(ioc), acceptor_(asio::make_strand(ioc)), retry_(acceptor_.get_executor()),
      state_(std::move(state))
{
    acceptor_.open(endpoint.protocol(), ec);
    if (!ec)
        acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec)
        acceptor_.bind(endpoint, ec);
    if (!ec)
        acceptor_.listen(asio::socket_base::max_listen_connections, ec);
}

tcp::endpoint listener::local_endpoint() const
{
    beast::error_code ec;
    return acceptor_.local_endpoint(ec);
}

void listener::run()
{
    asio::dispatch(acceptor_.get_executor(),
                   beast::bind_front_handler(&listener::do_accept, shared_from_this()));
}

void listener::stop()
{
    asio::dispatch(acceptor_.get_executor(), [self = shared_from_this()] {
        beast::error_code ec;
        self->acceptor_.close(ec);
        self->retry_.cancel();
    });
}

void listener::fail(beast::error_code ec, char const* what)
{
    if (ec == asio::error::operation_aborted)
        return;
    log::error("listener", what, {{"error", ec.message()}});
}

void listener::do_accept()
{
    if (!acceptor_.is_open())
        return;
    // Each connection gets its own strand: its handlers never run concurrently.
    acceptor_.async_accept(asio::make_strand(ioc_),
                           beast::bind_front_handler(&listener::on_accept, shared_from_this()));
}

void listener::on_accept(beast::error_code ec, tcp::socket socket)
{
    if (ec) {
        fail(ec, "accept");
        if (ec == asio::error::operation_aborted || !acceptor_.is_open())
            return;
        // Out of file descriptors and the like: retry a little later instead of spinning.
        retry_.expires_after(std::chrono::milliseconds(100));
        return retry_.async_wait([self = shared_from_this()](beast::error_code wait_ec) {
            if (!wait_ec)
                self->do_accept();
        });
    }
    // Small messages (an event, then its ack) must not wait for the peer's delayed ACK under
    // Nagle's algorithm: that alone added up to 40 ms per op (docs/performance.md, finding 1).
    beast::error_code nodelay_ec;
    socket.set_option(tcp::no_delay(true), nodelay_ec);
    std::make_shared<http_session>(std::move(socket), state_)->run();
    do_accept();
}

}  // namespace jb::net
