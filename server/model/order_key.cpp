// A port of generateKeyBetween from the npm package `fractional-indexing` (rocicorp, CC0),
// following 3.2.0 line by line with base-62 digits, so that the server and the web client agree
// on every key (4.0.0, which the web client pins, gives the same keys).
// tests/unit/order_key_test.cpp holds vectors printed by the npm package itself.
//
// One deliberate difference: npm does not look at the characters after the head, so it takes
// "a!" as a key; here every character must be a base-62 digit (protocol.md, "Order keys").

#include "model/order_key.hpp"

#include <stdexcept>
#include <string>

namespace jb::model {
namespace {

constexpr std::string_view digits =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
constexpr char zero = '0';
constexpr char last_digit = 'z';
// The smallest integer ("A" and 26 zeros) has no key below it, so it is not a valid key.
const std::string smallest_integer = "A" + std::string(26, zero);

[[noreturn]] void fail(const std::string& what) { throw std::invalid_argument(what); }

int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    if (c >= 'a' && c <= 'z') return c - 'a' + 36;
    return -1;
}

// The length of the integer part that starts with `head`: a → 2 … z → 27, Z → 2 … A → 27.
std::size_t integer_length(char head) {
    if (head >= 'a' && head <= 'z') return static_cast<std::size_t>(head - 'a') + 2;
    if (head >= 'A' && head <= 'Z') return static_cast<std::size_t>('Z' - head) + 2;
    fail(std::string("invalid order key head: ") + head);
}

std::string_view integer_part(std::string_view key) {
    if (key.empty()) fail("invalid order key head: (empty)");
    const std::size_t length = integer_length(key[0]);
    if (length > key.size()) fail("invalid order key: " + std::string(key));
    return key.substr(0, length);
}

void validate(std::string_view key) {
    if (key == smallest_integer) fail("invalid order key: " + std::string(key));
    const std::string_view fraction = key.substr(integer_part(key).size());
    if (!fraction.empty() && fraction.back() == zero)
        fail("invalid order key: " + std::string(key));
    for (char c : key.substr(1))
        if (digit_value(c) < 0) fail("invalid order key: " + std::string(key));
}

// A fraction strictly between a and b ("" is 0, no b is 1). Neither ends in '0'.
std::string midpoint(std::string_view a, std::optional<std::string_view> b) {
    if (b && a >= *b) fail(std::string(a) + " >= " + std::string(*b));
    if ((!a.empty() && a.back() == zero) || (b && !b->empty() && b->back() == zero))
        fail("trailing zero");
    if (b) {
        // Strip the longest common prefix, reading a missing digit of `a` as '0'.
        std::size_t n = 0;
        while (n < b->size() && (n < a.size() ? a[n] : zero) == (*b)[n]) ++n;
        if (n > 0) {
            const std::string_view rest_a = n < a.size() ? a.substr(n) : std::string_view{};
            return std::string(b->substr(0, n)) + midpoint(rest_a, b->substr(n));
        }
    }
    // The first digits (or the lack of one) differ.
    const int digit_a = a.empty() ? 0 : digit_value(a[0]);
    const int digit_b = b ? digit_value((*b)[0]) : static_cast<int>(digits.size());
    if (digit_b - digit_a > 1) {
        // Math.round(0.5 * (a + b)) for non-negative integers.
        return std::string(1, digits[static_cast<std::size_t>((digit_a + digit_b + 1) / 2)]);
    }
    // Consecutive digits.
    if (b && b->size() > 1) return std::string(b->substr(0, 1));
    return std::string(1, digits[static_cast<std::size_t>(digit_a)]) +
           midpoint(a.empty() ? a : a.substr(1), std::nullopt);
}

void validate_integer(std::string_view integer) {
    if (integer.size() != integer_length(integer[0]))
        fail("invalid integer part of order key: " + std::string(integer));
}

// The next integer, or nothing past the largest ("z" and 26 'z's).
std::optional<std::string> increment_integer(std::string_view x) {
    validate_integer(x);
    const char head = x[0];
    std::string digs(x.substr(1));
    bool carry = true;
    for (std::size_t i = digs.size(); carry && i-- > 0;) {
        const int d = digit_value(digs[i]) + 1;
        if (d == static_cast<int>(digits.size())) {
            digs[i] = zero;
        } else {
            digs[i] = digits[static_cast<std::size_t>(d)];
            carry = false;
        }
    }
    if (!carry) return head + digs;
    if (head == 'Z') return std::string("a") + zero;
    if (head == 'z') return std::nullopt;
    const char h = static_cast<char>(head + 1);
    if (h > 'a')
        digs.push_back(zero);
    else
        digs.pop_back();
    return h + digs;
}

// The previous integer, or nothing below the smallest.
std::optional<std::string> decrement_integer(std::string_view x) {
    validate_integer(x);
    const char head = x[0];
    std::string digs(x.substr(1));
    bool borrow = true;
    for (std::size_t i = digs.size(); borrow && i-- > 0;) {
        const int d = digit_value(digs[i]) - 1;
        if (d == -1) {
            digs[i] = last_digit;
        } else {
            digs[i] = digits[static_cast<std::size_t>(d)];
            borrow = false;
        }
    }
    if (!borrow) return head + digs;
    if (head == 'a') return std::string("Z") + last_digit;
    if (head == 'A') return std::nullopt;
    const char h = static_cast<char>(head - 1);
    if (h < 'Z')
        digs.push_back(last_digit);
    else
        digs.pop_back();
    return h + digs;
}

}  // namespace

bool is_valid_order_key(std::string_view key) {
    try {
        validate(key);
        return true;
    } catch (const std::invalid_argument&) {
        return false;
    }
}

std::string order_key_between(std::optional<std::string_view> a,
                              std::optional<std::string_view> b) {
    if (a) validate(*a);
    if (b) validate(*b);
    if (a && b && *a >= *b) fail(std::string(*a) + " >= " + std::string(*b));

    if (!a) {
        if (!b) return std::string("a") + zero;
        const std::string_view ib = integer_part(*b);
        const std::string_view fb = b->substr(ib.size());
        if (ib == smallest_integer) return std::string(ib) + midpoint("", fb);
        if (ib < *b) return std::string(ib);
        auto res = decrement_integer(ib);
        if (!res) fail("cannot decrement any more");
        return *res;
    }

    if (!b) {
        const std::string_view ia = integer_part(*a);
        const std::string_view fa = a->substr(ia.size());
        auto i = increment_integer(ia);
        return i ? *i : std::string(ia) + midpoint(fa, std::nullopt);
    }

    const std::string_view ia = integer_part(*a);
    const std::string_view fa = a->substr(ia.size());
    const std::string_view ib = integer_part(*b);
    const std::string_view fb = b->substr(ib.size());
    if (ia == ib) return std::string(ia) + midpoint(fa, fb);
    auto i = increment_integer(ia);
    if (!i) fail("cannot increment any more");
    if (*i < *b) return *i;
    return std::string(ia) + midpoint(fa, std::nullopt);
}

}  // namespace jb::model
