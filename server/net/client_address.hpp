#pragma once
// Which address a request comes from, for per-address rate limits (protocol P-HTTP-5). Behind
// a reverse proxy every request arrives from the proxy, so with --client-ip-header the address
// the proxy puts in that header counts instead, but only for connections from a loopback
// address (the proxy on the same host): anyone else could write the header themselves. Pure.

#include <optional>
#include <string>
#include <string_view>

namespace jb::net {

// `peer`: the TCP peer's address; `header`: the configured header's value, if present. For a
// list (X-Forwarded-For: client, proxy1, ...) the last entry counts: the one our own proxy
// added, since earlier ones come from the client.
std::string client_address(std::string_view peer, bool peer_is_loopback,
                           std::optional<std::string_view> header);

}  // namespace jb::net
