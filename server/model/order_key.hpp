#pragma once
// Fractional-index order keys, compatible with the npm `fractional-indexing` package the web
// client uses: a key sorts byte-wise, and there is always room for a key between two others,
// so concurrent inserts and moves never renumber anything.

#include <optional>
#include <string>
#include <string_view>

namespace jb::model {

// Whether `key` is a well-formed key (integer part of the length its head gives, fractional
// part not ending in '0').
bool is_valid_order_key(std::string_view key);

// A key strictly between a and b (either may be absent: the start or the end).
// Throws std::invalid_argument if a >= b or a key is malformed.
std::string order_key_between(std::optional<std::string_view> a, std::optional<std::string_view> b);

}  // namespace jb::model
