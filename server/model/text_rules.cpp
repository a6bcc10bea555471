#include "model/text_rules.hpp"

#include <cstdint>
#include <cstdio>

namespace jb::model::text {
namespace {

bool is_id_char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '-';
}

bool is_token(std::string_view s, std::size_t max) {
    if (s.empty() || s.size() > max) return false;
    for (char c : s)
        if (!is_id_char(c)) return false;
    return true;
}

// Decodes the code point at s[i], advancing i; nothing on ill-formed UTF-8 (overlong forms,
// surrogates and values past U+10FFFF included).
std::optional<char32_t> next_code_point(std::string_view s, std::size_t& i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b0 = byte(i);
    std::size_t length;
    char32_t cp;
    char32_t min;
    if (b0 < 0x80) {
        ++i;
        return b0;
    } else if ((b0 & 0xE0) == 0xC0) {
        length = 2, cp = b0 & 0x1F, min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        length = 3, cp = b0 & 0x0F, min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        length = 4, cp = b0 & 0x07, min = 0x10000;
    } else {
        return std::nullopt;
    }
    if (i + length > s.size()) return std::nullopt;
    for (std::size_t k = 1; k < length; ++k) {
        const unsigned char b = byte(i + k);
        if ((b & 0xC0) != 0x80) return std::nullopt;
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
    i += length;
    return cp;
}

// JavaScript's WhiteSpace and LineTerminator productions (what String.prototype.trim strips).
bool is_js_space(char32_t c) {
    switch (c) {
    case 0x09: case 0x0A: case 0x0B: case 0x0C: case 0x0D: case 0x20: case 0xA0:
    case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
    case 0xFEFF:
        return true;
    default:
        return c >= 0x2000 && c <= 0x200A;
    }
}

// Unicode general category Cc.
bool is_control(char32_t c) { return c < 0x20 || (c >= 0x7F && c <= 0x9F); }

std::string describe(char32_t c) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
    return buffer;
}

// Checks length and control characters; `allow_layout` admits newline and tab.
std::optional<std::string> text_problem(std::string_view s, std::size_t max_length,
                                        bool allow_layout) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto cp = next_code_point(s, i);
        if (!cp) return "not valid UTF-8";
        if (is_control(*cp) && !(allow_layout && (*cp == '\n' || *cp == '\t')))
            return "contains a control character (" + describe(*cp) + ")";
        ++count;
    }
    if (count > max_length) return "longer than " + std::to_string(max_length) + " characters";
    return std::nullopt;
}

}  // namespace

bool is_valid_id(std::string_view s) { return is_token(s, max_id); }

bool fits(std::string_view s, const secret_shape& shape) {
    return s.size() >= shape.min_length && is_token(s, shape.max_length);
}

std::optional<std::size_t> code_points(std::string_view s) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < s.size(); ++count)
        if (!next_code_point(s, i)) return std::nullopt;
    return count;
}

std::string_view trim(std::string_view s) {
    std::size_t begin = s.size(), end = 0;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t start = i;
        const auto cp = next_code_point(s, i);
        if (!cp) return s;  // ill-formed: left alone, rejected by the length check
        if (!is_js_space(*cp)) {
            if (begin == s.size()) begin = start;
            end = i;
        }
    }
    return begin == s.size() ? std::string_view{} : s.substr(begin, end - begin);
}

std::optional<std::string> card_text_problem(std::string_view s) {
    return multiline_text_problem(s, max_card_text);
}

std::optional<std::string> multiline_text_problem(std::string_view s, std::size_t max_length) {
    return text_problem(s, max_length, true);
}

std::optional<std::string> normalize_line(std::string& value, std::size_t max_length) {
    const std::string_view trimmed = trim(value);
    if (trimmed.size() != value.size()) value = std::string(trimmed);
    return text_problem(value, max_length, false);
}

std::optional<std::string> normalize_name(std::string& value, std::size_t max_length) {
    if (auto problem = normalize_line(value, max_length)) return problem;
    if (value.empty()) return "must not be empty";
    return std::nullopt;
}

}  // namespace jb::model::text
