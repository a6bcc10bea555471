#pragma once
// What the harnesses share: reading bytes as JSON the way the server does (no exceptions), and
// an invariant check that stops the run with a message (libFuzzer then saves the input).

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace jb::fuzz {

// The bytes as JSON, or a discarded value if they are not JSON.
inline nlohmann::json parse(const std::uint8_t* data, std::size_t size) {
    return nlohmann::json::parse(data, data + size, nullptr, false);
}

// Stops the run when an invariant fails: abort() makes libFuzzer keep the input as a crash.
inline void require(bool holds, std::string_view what) {
    if (holds) return;
    std::fprintf(stderr, "invariant broken: %.*s\n", static_cast<int>(what.size()), what.data());
    std::abort();
}

}  // namespace jb::fuzz
