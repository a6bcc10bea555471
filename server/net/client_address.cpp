#include "net/client_address.hpp"

namespace jb::net {

std::string client_address(std::string_view peer, bool peer_is_loopback,
                           std::optional<std::string_view> header)
{
    if (!peer_is_loopback || !header)
        return std::string(peer);
    std::string_view last = *header;
    if (const auto comma = last.rfind(','); comma != std::string_view::npos)
        last = last.substr(comma + 1);
    while (!last.empty() && (last.front() == ' ' || last.front() == '\t'))
        last.remove_prefix(1);
    while (!last.empty() && (last.back() == ' ' || last.back() == '\t'))
        last.remove_suffix(1);
    // An empty or absurd value is not an address: fall back to the peer.
    if (last.empty() || last.size() > 64)
        return std::string(peer);
    return std::string(last);
}

}  // namespace jb::net
