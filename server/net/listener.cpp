#include "net/listener.hpp"
#include "util/log.hpp"

#include "net/http_session.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/beast/core/bind_handler.hpp>

#include <cerrno>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace jb::net {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

listener::listener(asio::io_context& ioc, tcp::endpoint endpoint,
                   std::shared_ptr<shared_state> state, beast::error_code& ec)
    : ioc_(ioc), acceptor_(asio::make_strand(ioc)), retry_(acceptor_.get_executor()),
      state_(std::move(state)), spare_fd_(::open("/dev/null", O_RDONLY | O_CLOEXEC))
{
    acceptor_.open(endpoint.protocol(), ec);
    if (!ec)
        acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec)
        acceptor_.bind(endpoint, ec);
    if (!ec)
        acceptor_.listen(asio::socket_base::max_listen_connections, ec);
}

listener::~listener()
{
    if (spare_fd_ >= 0)
        ::close(spare_fd_);
}

void listener::refuse_one()
{
    // The classic way out of EMFILE: free the spare descriptor, accept the oldest waiting
    // connection and close it at once, then take the spare again.
    if (spare_fd_ < 0)
        return;
    ::close(spare_fd_);
    const int fd = ::accept4(acceptor_.native_handle(), nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd >= 0)
        ::close(fd);
    spare_fd_ = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
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
        if (ec == asio::error::operation_aborted || !acceptor_.is_open())
            return;
        // Out of file descriptors and the like: say so once per episode, not ten times a
        // second, refuse the waiting connection (with the spare descriptor) so that it is not
        // left hanging, and retry a little later instead of spinning. The listener stays.
        if (failed_accepts_++ == 0)
            fail(ec, "accept");
        if (ec == asio::error::no_descriptors || ec.value() == ENFILE)
            refuse_one();
        retry_.expires_after(std::chrono::milliseconds(100));
        return retry_.async_wait([self = shared_from_this()](beast::error_code wait_ec) {
            if (!wait_ec)
                self->do_accept();
        });
    }
    if (failed_accepts_ > 0) {
        log::info("listener", "accepting again", {{"failed_accepts", failed_accepts_}});
        failed_accepts_ = 0;
    }
    // Small messages (an event, then its ack) must not wait for the peer's delayed ACK under
    // Nagle's algorithm: that alone added up to 40 ms per op (docs/performance.md, finding 1).
    beast::error_code nodelay_ec;
    socket.set_option(tcp::no_delay(true), nodelay_ec);
    std::make_shared<http_session>(std::move(socket), state_)->run();
    do_accept();
}

}  // namespace jb::net
