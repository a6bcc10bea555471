#include "net/query_string.hpp"

namespace jb::net {

std::optional<std::string_view> query_param(std::string_view target, std::string_view key)
{
    const auto question = target.find('?');
    if (question == std::string_view::npos)
        return std::nullopt;
    auto query = target.substr(question + 1);
    if (const auto hash = query.find('#'); hash != std::string_view::npos)
        query = query.substr(0, hash);
    while (!query.empty()) {
        const auto amp = query.find('&');
        const auto pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
        const auto eq = pair.find('=');
        if (pair.substr(0, eq) == key)
            return eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
    }
    return std::nullopt;
}

}  // namespace jb::net
