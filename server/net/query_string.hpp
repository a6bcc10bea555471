#pragma once
// Reading one parameter from a request target's query string ("/ws?w=abc&x=1" → w = "abc").
// Values are compared as they are sent, without percent-decoding: the parameters the server
// reads are ids made of letters, digits and '-', which need no encoding.

#include <optional>
#include <string_view>

namespace jb::net {

// The value of the first `key=` in the target's query, or nullopt when there is none (a key
// without '=' has the empty value).
std::optional<std::string_view> query_param(std::string_view target, std::string_view key);

}  // namespace jb::net
