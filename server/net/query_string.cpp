#include "net/query_string.hpp"

#include "util/query_pairs.hpp"

namespace jb::net {

std::optional<std::string_view> query_param(std::string_view target, std::string_view key)
{
    const auto question = target.find('?');
    if (question == std::string_view::npos)
        return std::nullopt;
    auto query = target.substr(question + 1);
    if (const auto hash = query.find('#'); hash != std::string_view::npos)
        query = query.substr(0, hash);
    util::query_pairs pairs(query);
    while (const auto pair = pairs.next())
        if (pair->key == key)
            return pair->value;
    return std::nullopt;
}

}  // namespace jb::net
