#pragma once
// The value rules of protocol.md ("Identifiers and values") that more than one decoder needs:
// ids, secrets, card text, titles and display names. Lengths count Unicode code points.
// Shared by operation and message decoding, the board document and the HTTP API.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace jb::model::text {

inline constexpr std::size_t max_id = 64;
inline constexpr std::size_t max_card_text = 2000;
inline constexpr std::size_t max_title = 200;
inline constexpr std::size_t max_display_name = 60;
inline constexpr std::size_t max_question = 300;              // a lane's guiding question
inline constexpr std::size_t max_persona_description = 500;

// ^[A-Za-z0-9_-]{1,64}$
bool is_valid_id(std::string_view s);
// A capability secret: base64url of a length that depends on its kind, as common.schema.json
// says (protocol.md, "Identifiers and values").
struct secret_shape {
    std::size_t min_length, max_length;
    std::string_view pattern;  // for error messages
};
// Made by the server from 32 random bytes; 1..128 accepted, as a token is opaque to clients.
inline constexpr secret_shape participant_token{1, 128, "^[A-Za-z0-9_-]{1,128}$"};
// 32 random bytes: 43 characters.
inline constexpr secret_shape facilitator_key{43, 43, "^[A-Za-z0-9_-]{43}$"};
// 16 random bytes (22 characters) since P-ROLE-5's short links; 43 in older workshops.
inline constexpr secret_shape screen_key{22, 43, "^[A-Za-z0-9_-]{22,43}$"};
bool fits(std::string_view s, const secret_shape& shape);

// The number of code points in well-formed UTF-8, or nothing if `s` is not well-formed.
std::optional<std::size_t> code_points(std::string_view s);

// Removes what JavaScript's String.prototype.trim removes (Unicode white space, line
// terminators and U+FEFF) from both ends, so that the web client and the server agree.
std::string_view trim(std::string_view s);

// Card text: 0..2000 code points; newline and tab allowed, no other control character.
// Returns what is wrong (e.g. "longer than 2000 characters"), or nothing.
std::optional<std::string> card_text_problem(std::string_view s);
// Like card text, with another maximum (a stage's instruction).
std::optional<std::string> multiline_text_problem(std::string_view s, std::size_t max_length);

// A one-line name (title, display name): trims `value` in place, then requires
// 1..max_length code points and no control character at all. Returns what is wrong, or
// nothing when `value` (now trimmed) is fine.
std::optional<std::string> normalize_name(std::string& value, std::size_t max_length);
// Like normalize_name, but empty is allowed (an improvement's owner).
std::optional<std::string> normalize_line(std::string& value, std::size_t max_length);

}  // namespace jb::model::text
