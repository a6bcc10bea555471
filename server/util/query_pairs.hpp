#pragma once
// Walking the `key=value` pairs of a URL query ("lang=en&delimiter=tab"), in order, without
// percent-decoding: the parameters the server reads are ids and fixed words, which need no
// encoding. One walker for every reader (the WebSocket's `w=`, the exports' options), so they
// agree on what a pair is.

#include <optional>
#include <string_view>

namespace jb::util {

struct query_pair {
    std::string_view key;
    std::string_view value;  // empty for a key without '='
};

class query_pairs {
public:
    explicit query_pairs(std::string_view query) : rest_(query) {}

    // The next pair, skipping empty ones ("a=1&&b=2"); nullopt at the end.
    std::optional<query_pair> next()
    {
        while (!rest_.empty()) {
            const auto amp = rest_.find('&');
            const auto pair = rest_.substr(0, amp);
            rest_ = amp == std::string_view::npos ? std::string_view() : rest_.substr(amp + 1);
            if (pair.empty())
                continue;
            const auto eq = pair.find('=');
            return query_pair{pair.substr(0, eq),
                              eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1)};
        }
        return std::nullopt;
    }

private:
    std::string_view rest_;
};

}  // namespace jb::util
