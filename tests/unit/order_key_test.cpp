// Order keys: the C++ port gives exactly the keys of npm `fractional-indexing` (the web
// client's implementation) and rejects exactly what it rejects.
#include "model/order_key.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

struct order_key_vector {
    const char* a;
    const char* b;
    const char* expected;  // the key, or npm's error message
};

#include "order_key_vectors.inc"

std::optional<std::string_view> opt(const char* s) {
    return s ? std::optional<std::string_view>(s) : std::nullopt;
}

}  // namespace

using jb::model::is_valid_order_key;
using jb::model::order_key_between;

TEST_CASE("order_key_between gives the npm package's key for every vector", "[order]") {
    REQUIRE(std::size(valid_vectors) > 2000);
    for (const auto& v : valid_vectors) {
        INFO("between " << (v.a ? v.a : "null") << " and " << (v.b ? v.b : "null"));
        CHECK(order_key_between(opt(v.a), opt(v.b)) == v.expected);
    }
}

TEST_CASE("order_key_between rejects what the npm package rejects", "[order]") {
    REQUIRE(std::size(invalid_vectors) >= 15);
    for (const auto& v : invalid_vectors) {
        INFO("between " << (v.a ? v.a : "null") << " and " << (v.b ? v.b : "null") << ": npm says "
                        << v.expected);
        CHECK_THROWS_AS(order_key_between(opt(v.a), opt(v.b)), std::invalid_argument);
    }
}

TEST_CASE("every generated key is valid and strictly between its neighbours", "[order]") {
    // npm's one quirk, kept for parity: below "A" 25 zeros "1" it makes the smallest integer,
    // which its own validation rejects. No board gets there (it takes ~62^26 prepends).
    const std::string smallest_integer = "A" + std::string(26, '0');
    for (const auto& v : valid_vectors) {
        INFO("between " << (v.a ? v.a : "null") << " and " << (v.b ? v.b : "null"));
        const std::string key = v.expected;
        CHECK(is_valid_order_key(key) == (key != smallest_integer));
        if (v.a) CHECK(std::string(v.a) < key);
        if (v.b) CHECK(key < std::string(v.b));
    }
}

TEST_CASE("is_valid_order_key agrees with the npm package's validation", "[order]") {
    // Keys npm accepts (it generated them) ...
    for (const char* key : {"a0", "a1", "Zz", "a0V", "b125", "zzzzzzzzzzzzzzzzzzzzzzzzzzz",
                            "A000000000000000000000000001", "A00000000000000000000000000V"})
        CHECK(is_valid_order_key(key));
    // ... and the ones it rejects: bad head, integer part too short, trailing zero in the
    // fraction, the smallest integer (nothing sorts below it).
    for (const char* key : {"", "0", "a", "b0", "a00", "a10", "b120", "Z", "zz", "A",
                            "A00000000000000000000000000", "B0", "!0"})
        CHECK_FALSE(is_valid_order_key(key));
}

TEST_CASE("order keys hold only base-62 digits, stricter than the npm package", "[order]") {
    // npm looks only at the head and the length, so it would take these; protocol.md's
    // ^[A-Za-z][0-9A-Za-z]*$ does not.
    for (const char* key : {"a!", "a ", "a0-", "b1_", "a0\xC3\xA9", "a0\n"}) {
        CHECK_FALSE(is_valid_order_key(key));
        CHECK_THROWS_AS(order_key_between(std::string_view(key), std::nullopt), std::invalid_argument);
    }
}

TEST_CASE("random inserts keep a list sorted without renumbering", "[order]") {
    std::mt19937 random(7);
    std::vector<std::string> list;
    for (int i = 0; i < 3000; ++i) {
        const std::size_t at = std::uniform_int_distribution<std::size_t>(0, list.size())(random);
        const auto a = at > 0 ? std::optional<std::string_view>(list[at - 1]) : std::nullopt;
        const auto b = at < list.size() ? std::optional<std::string_view>(list[at]) : std::nullopt;
        const std::string key = order_key_between(a, b);
        REQUIRE(is_valid_order_key(key));
        if (a) REQUIRE(*a < key);
        if (b) REQUIRE(key < *b);
        list.insert(list.begin() + static_cast<std::ptrdiff_t>(at), key);
    }
    CHECK(std::is_sorted(list.begin(), list.end()));
    CHECK(std::adjacent_find(list.begin(), list.end()) == list.end());
}
