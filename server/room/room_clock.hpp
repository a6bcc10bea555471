#pragma once
// Server time for the wire: milliseconds since the Unix epoch.

#include <chrono>
#include <cstdint>

namespace jb::room {

inline std::int64_t now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace jb::room
