#include "net/shared_state.hpp"

#include "net/websocket_session.hpp"

namespace jb::net {

shared_state::shared_state(net_options options, static_files files, net::api& api,
                           room::registry& registry)
    : options_(std::move(options)), files_(std::move(files)), api_(api), registry_(registry)
{
}

void shared_state::add(const std::shared_ptr<websocket_session>& session)
{
    std::lock_guard lock(mutex_);
    sessions_.emplace(session.get(), session);
}

void shared_state::remove(const websocket_session* session)
{
    std::lock_guard lock(mutex_);
    sessions_.erase(session);
}

void shared_state::close_all(std::uint16_t code, const std::string& reason)
{
    // Lock weak pointers under the mutex, call outside it: close() only posts, but a session's
    // destructor (which takes the mutex) may run when the last strong reference here drops.
    std::vector<std::shared_ptr<websocket_session>> live;
    {
        std::lock_guard lock(mutex_);
        for (auto& [_, weak] : sessions_)
            if (auto s = weak.lock())
                live.push_back(std::move(s));
    }
    for (auto& s : live)
        s->close(code, reason);
}

shared_state::admission shared_state::reserve(const std::string& address)
{
    std::lock_guard lock(mutex_);
    if (reserved_ >= options_.max_connections)
        return admission::server_full;
    auto& n = per_address_[address];
    if (n >= options_.max_connections_per_address)
        return admission::address_full;
    ++n;
    ++reserved_;
    return admission::admitted;
}

void shared_state::release(const std::string& address)
{
    std::lock_guard lock(mutex_);
    if (auto it = per_address_.find(address); it != per_address_.end() && --it->second == 0)
        per_address_.erase(it);
    --reserved_;
}

std::size_t shared_state::session_count()
{
    std::lock_guard lock(mutex_);
    return sessions_.size();
}

}  // namespace jb::net
