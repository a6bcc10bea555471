#pragma once
// The server's one wall clock: milliseconds since the Unix epoch, as the wire, the store and
// the audit trail write times. Everything that stamps a time calls this, so a test or a
// reader finds one definition.

#include <chrono>
#include <cstdint>

namespace jb::util {

inline std::int64_t now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace jb::util
