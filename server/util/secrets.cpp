#include "util/secrets.hpp"

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>
#include <array>
#include <stdexcept>
#include <vector>

namespace jb::util {
namespace {

// P-HTTP-3: no 0 O 1 I L, so a code read aloud or from a projector is typed right.
constexpr std::string_view join_code_alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
constexpr std::size_t join_code_length = 6;

std::vector<unsigned char> random_bytes(std::size_t n) {
    std::vector<unsigned char> out(n);
    // RAND_bytes returns 1 on success only; anything else means no secure randomness, and a
    // guessable secret must never be handed out.
    if (n > 0 && RAND_bytes(out.data(), static_cast<int>(n)) != 1) {
        throw std::runtime_error("no secure random bytes (RAND_bytes failed, OpenSSL error " +
                                 std::to_string(ERR_get_error()) + ")");
    }
    return out;
}

std::string base64url(const std::vector<unsigned char>& bytes) {
    std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');  // + 1 for EVP's terminating NUL
    const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), bytes.data(),
                                  static_cast<int>(bytes.size()));
    out.resize(static_cast<std::size_t>(n));
    // Standard base64 → URL- and filename-safe alphabet (RFC 4648 §5), without padding.
    while (!out.empty() && out.back() == '=') out.pop_back();
    std::replace(out.begin(), out.end(), '+', '-');
    std::replace(out.begin(), out.end(), '/', '_');
    return out;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

std::string random_token(std::size_t bytes) { return base64url(random_bytes(bytes)); }

std::string random_id() { return random_token(16); }

std::string random_join_code() {
    // Rejection sampling: only bytes below the largest multiple of the alphabet size map
    // evenly onto it, so every character is equally likely.
    constexpr std::size_t n = join_code_alphabet.size();
    constexpr unsigned limit = 256 - 256 % n;
    std::string code;
    while (code.size() < join_code_length) {
        for (unsigned char b : random_bytes(join_code_length)) {
            if (b < limit && code.size() < join_code_length) code += join_code_alphabet[b % n];
        }
    }
    return code;
}

std::string normalize_join_code(std::string_view typed) {
    while (!typed.empty() && is_space(typed.front())) typed.remove_prefix(1);
    while (!typed.empty() && is_space(typed.back())) typed.remove_suffix(1);
    if (typed.size() != join_code_length) return {};
    std::string code;
    for (char c : typed) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (join_code_alphabet.find(c) == std::string_view::npos) return {};
        code += c;
    }
    return code;
}

std::string sha256_hex(std::string_view data) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_Digest(data.data(), data.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1) {
        throw std::runtime_error("SHA-256 failed (OpenSSL error " + std::to_string(ERR_get_error()) + ")");
    }
    constexpr std::string_view hex = "0123456789abcdef";
    std::string out;
    out.reserve(2 * length);
    for (unsigned i = 0; i < length; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 0x0f];
    }
    return out;
}

}  // namespace jb::util
