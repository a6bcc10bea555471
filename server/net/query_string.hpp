#pragma once
// The parts of a request target: its path, and one parameter of its query string
// ("/ws?w=abc&x=1" → path "/ws", w = "abc").
// Values are compared as they are sent, without percent-decoding: the parameters the server
// reads are ids made of letters, digits and '-', which need no encoding.

#include <optional>
#include <string_view>

namespace jb::net {

// The path of a request target: what comes before its query or fragment ("/ws?w=abc" → "/ws").
inline std::string_view path_of(std::string_view target)
{
    return target.substr(0, target.find_first_of("?#"));
}

// The value of the first `key=` in the target's query, or nullopt when there is none (a key
// without '=' has the empty value).
std::optional<std::string_view> query_param(std::string_view target, std::string_view key);

}  // namespace jb::net
