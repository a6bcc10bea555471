#include "net/origin.hpp"

#include <algorithm>
#include <cctype>

namespace jb::net {
namespace {

std::string normalize(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '/'))
        s.remove_suffix(1);
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// "https://host:port" → "host:port"; a string without a scheme is returned as is.
std::string_view without_scheme(std::string_view s)
{
    const auto pos = s.find("://");
    return pos == std::string_view::npos ? s : s.substr(pos + 3);
}

}  // namespace

bool origin_allowed(std::optional<std::string_view> origin, std::string_view host,
                    const std::vector<std::string>& allowlist)
{
    if (!origin)
        return true;
    const std::string o = normalize(*origin);
    const std::string_view o_host = without_scheme(o);
    // "null" (sandboxed frames, file://) has no host and matches only an explicit entry.
    const bool has_host = o.find("://") != std::string::npos && !o_host.empty();
    if (has_host && o_host == normalize(host))
        return true;
    for (const auto& entry : allowlist) {
        const std::string e = normalize(entry);
        if (e == o)
            return true;
        if (has_host && e.find("://") == std::string::npos && e == o_host)
            return true;
    }
    return false;
}

}  // namespace jb::net
