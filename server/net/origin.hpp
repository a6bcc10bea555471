#pragma once
// The Origin check of a WebSocket upgrade (protocol P-WS-3). Pure.
//
// Allowed: no Origin at all (a non-browser client; browsers always send one), an Origin whose
// host[:port] equals the Host header (same origin, scheme ignored so that TLS terminated by a
// reverse proxy still matches), or an Origin listed in the allowlist. Comparison ignores case
// and a trailing slash. An allowlist entry without a scheme ("board.example.nl:8443") matches
// that host[:port] with any scheme.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jb::net {

bool origin_allowed(std::optional<std::string_view> origin, std::string_view host,
                    const std::vector<std::string>& allowlist);

}  // namespace jb::net
