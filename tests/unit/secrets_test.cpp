// Random secrets, ids and join codes, and the hash they are stored as (P-HTTP-3, P-HTTP-4).
#include "util/secrets.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <set>

using namespace jb::util;

namespace {

const std::string join_code_alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

// The base64url alphabet (RFC 4648 §5), which is also the character set of protocol ids.
bool is_base64url(const std::string& s) {
    return s.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
           std::string::npos;
}

}  // namespace

TEST_CASE("secrets: a token of n bytes is unpadded base64url of the right length", "[util]") {
    // ceil(8n / 6) characters, no '=' padding.
    for (auto [bytes, chars] : std::array<std::pair<std::size_t, std::size_t>, 6>{
             {{0, 0}, {1, 2}, {2, 3}, {3, 4}, {16, 22}, {32, 43}}}) {
        INFO(bytes << " bytes");
        const auto t = random_token(bytes);
        CHECK(t.size() == chars);
        CHECK(is_base64url(t));
    }
}

TEST_CASE("secrets: the facilitator key format is 256 random bits as 43 characters (P-HTTP-4)", "[util]") {
    const auto key = random_token();
    CHECK(key.size() == 43);
    CHECK(is_base64url(key));
}

TEST_CASE("secrets: tokens and ids do not repeat", "[util]") {
    std::set<std::string> tokens, ids;
    for (int i = 0; i < 10000; ++i) {
        tokens.insert(random_token());
        ids.insert(random_id());
    }
    CHECK(tokens.size() == 10000);
    CHECK(ids.size() == 10000);
}

TEST_CASE("secrets: a random id is a valid protocol id", "[util]") {
    // Protocol ids match ^[A-Za-z0-9_-]{1,64}$.
    for (int i = 0; i < 100; ++i) {
        const auto id = random_id();
        CHECK(id.size() == 22);
        CHECK(is_base64url(id));
    }
}

TEST_CASE("secrets: a join code is 6 characters of the unambiguous alphabet (P-HTTP-3)", "[util]") {
    std::set<std::string> codes;
    for (int i = 0; i < 1000; ++i) {
        const auto code = random_join_code();
        REQUIRE(code.size() == 6);
        for (char c : code) {
            INFO(code);
            CHECK(join_code_alphabet.find(c) != std::string::npos);
        }
        CHECK(normalize_join_code(code) == code);
        codes.insert(code);
    }
    // 31^6 possible codes: a handful of repeats in 1,000 would already be astronomically unlikely.
    CHECK(codes.size() >= 995);
}

TEST_CASE("secrets: join codes use every character equally often (no modulo bias)", "[util]") {
    // A chi-square test over the 31 characters. Taking a random byte modulo 31 would favour the
    // first 8 characters by 12.5% and give a statistic near 500 for this sample; a fair draw stays
    // below 120 with probability 1 - 1e-12.
    constexpr int codes = 31000;
    std::array<int, 31> counts{};
    for (int i = 0; i < codes; ++i) {
        for (char c : random_join_code()) ++counts[join_code_alphabet.find(c)];
    }
    const double expected = codes * 6.0 / 31.0;
    double chi_square = 0;
    for (int n : counts) chi_square += (n - expected) * (n - expected) / expected;
    INFO("chi-square " << chi_square);
    CHECK(chi_square < 120.0);
    for (int n : counts) CHECK(n > 0);
}

TEST_CASE("secrets: sha256_hex matches the FIPS 180-2 test vectors", "[util]") {
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST_CASE("secrets: a typed join code is trimmed and upper-cased (P-HTTP-3)", "[util]") {
    CHECK(normalize_join_code("ABC234") == "ABC234");
    CHECK(normalize_join_code("abc234") == "ABC234");
    CHECK(normalize_join_code("  aBc234 ") == "ABC234");
    CHECK(normalize_join_code("\tXYZ789\r\n") == "XYZ789");
}

TEST_CASE("secrets: a typed join code that cannot be one normalises to empty (P-HTTP-3)", "[util]") {
    CHECK(normalize_join_code("") == "");
    CHECK(normalize_join_code("      ") == "");
    CHECK(normalize_join_code("ABC23") == "");     // too short
    CHECK(normalize_join_code("ABC2345") == "");   // too long
    CHECK(normalize_join_code("ABC 23") == "");    // inner space
    CHECK(normalize_join_code("ABC-23") == "");
    CHECK(normalize_join_code("ABCD0E") == "");    // ambiguous characters: 0 O 1 I L
    CHECK(normalize_join_code("ABCDOE") == "");
    CHECK(normalize_join_code("ABCD1E") == "");
    CHECK(normalize_join_code("abcdie") == "");
    CHECK(normalize_join_code("abcdle") == "");
    CHECK(normalize_join_code("ÀBC234") == "");    // not ASCII
    CHECK(normalize_join_code(std::string_view("ABC\0" "34", 6)) == "");
}
