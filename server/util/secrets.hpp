#pragma once
// Random identifiers and capability secrets (OpenSSL's CSPRNG), and their hashes for storage.

#include <string>
#include <string_view>

namespace jb::util {

// `bytes` random bytes as base64url without padding (32 bytes → 43 characters).
std::string random_token(std::size_t bytes = 32);
// A random id for server-made things (workshops, default journeys): 16 bytes, base64url.
std::string random_id();
// A 6-character join code from the unambiguous alphabet of protocol P-HTTP-3.
std::string random_join_code();
// Upper-cases and trims a typed join code; nullopt-like empty string if it cannot be one.
std::string normalize_join_code(std::string_view typed);
// Lower-case hex SHA-256, how capability secrets are stored.
std::string sha256_hex(std::string_view data);

}  // namespace jb::util
