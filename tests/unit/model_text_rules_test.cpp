// The value rules of protocol.md ("Identifiers and values"): ids, secrets, text lengths in
// code points, control characters, trimming; and the JSON parser's UTF-8 check we rely on.
#include "model/text_rules.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>

using namespace jb::model::text;

namespace {
std::string repeat(std::string_view s, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}
}  // namespace

TEST_CASE("ids match ^[A-Za-z0-9_-]{1,64}$", "[model]") {
    CHECK(is_valid_id("a"));
    CHECK(is_valid_id("card-1_A"));
    CHECK(is_valid_id("123e4567-e89b-12d3-a456-426614174000"));
    CHECK(is_valid_id(std::string(64, 'x')));
    CHECK_FALSE(is_valid_id(""));
    CHECK_FALSE(is_valid_id(std::string(65, 'x')));
    CHECK_FALSE(is_valid_id("a b"));
    CHECK_FALSE(is_valid_id("a.b"));
    CHECK_FALSE(is_valid_id("a/b"));
    CHECK_FALSE(is_valid_id("\xC3\xA9"));
    CHECK_FALSE(is_valid_id(std::string("a\0b", 3)));
}

TEST_CASE("secrets are base64url of their kind's length", "[model]") {
    CHECK(fits(std::string(43, 'A'), participant_token));
    CHECK(fits(std::string(128, '-'), participant_token));
    CHECK_FALSE(fits("", participant_token));
    CHECK_FALSE(fits(std::string(129, 'A'), participant_token));
    CHECK_FALSE(fits("abc=", participant_token));
    CHECK_FALSE(fits("ab+c", participant_token));
    CHECK(fits(std::string(43, '_'), facilitator_key));
    CHECK_FALSE(fits(std::string(42, '_'), facilitator_key));
    CHECK(fits(std::string(22, 'z'), screen_key));
    CHECK_FALSE(fits(std::string(21, 'z'), screen_key));
    CHECK_FALSE(fits(std::string(44, 'z'), screen_key));
}

TEST_CASE("code points are counted, not bytes", "[model]") {
    CHECK(code_points("") == 0u);
    CHECK(code_points("abc") == 3u);
    CHECK(code_points("Oriënteren") == 10u);        // ë is 2 bytes
    CHECK(code_points("\xE2\x82\xAC") == 1u);       // € is 3 bytes
    CHECK(code_points("\xF0\x9F\x98\x80") == 1u);   // 😀 is 4 bytes
    CHECK_FALSE(code_points("\xC3").has_value());               // truncated
    CHECK_FALSE(code_points("\xC0\xAF").has_value());           // overlong
    CHECK_FALSE(code_points("\xED\xA0\x80").has_value());       // surrogate U+D800
    CHECK_FALSE(code_points("\xF4\x90\x80\x80").has_value());   // past U+10FFFF
    CHECK_FALSE(code_points("\xFF").has_value());
}

TEST_CASE("card text: up to 2000 code points, newline and tab but no other control", "[model]") {
    CHECK_FALSE(card_text_problem(""));
    CHECK_FALSE(card_text_problem("line one\nline two\tcolumn"));
    CHECK_FALSE(card_text_problem(std::string(2000, 'x')));
    CHECK_FALSE(card_text_problem(repeat("\xF0\x9F\x98\x80", 2000)));  // 8000 bytes, 2000 chars
    CHECK(card_text_problem(std::string(2001, 'x')) == "longer than 2000 characters");
    CHECK(card_text_problem(repeat("é", 2001)) == "longer than 2000 characters");
    CHECK(card_text_problem("bell\a") == "contains a control character (U+0007)");
    CHECK(card_text_problem("cr\r\n") == "contains a control character (U+000D)");
    CHECK(card_text_problem(std::string("nul\0", 4)) == "contains a control character (U+0000)");
    CHECK(card_text_problem("del\x7F") == "contains a control character (U+007F)");
    CHECK(card_text_problem("c1\xC2\x85") == "contains a control character (U+0085)");
    CHECK(card_text_problem("bad\xC3") == "not valid UTF-8");
}

TEST_CASE("names are trimmed like JavaScript's trim, then 1..max code points", "[model]") {
    std::string title = "  \t Klantreis\xC2\xA0\xE3\x80\x80 ";  // NBSP and ideographic space
    CHECK_FALSE(normalize_name(title, max_title));
    CHECK(title == "Klantreis");

    std::string inner = " a  b ";
    CHECK_FALSE(normalize_name(inner, max_title));
    CHECK(inner == "a  b");

    std::string blank = " \n\t\xEF\xBB\xBF ";  // white space and U+FEFF only
    CHECK(normalize_name(blank, max_title) == "must not be empty");
    std::string empty;
    CHECK(normalize_name(empty, max_title) == "must not be empty");

    std::string longest = "  " + repeat("ë", 60) + "  ";
    CHECK_FALSE(normalize_name(longest, max_display_name));
    std::string too_long = repeat("ë", 61);
    CHECK(normalize_name(too_long, max_display_name) == "longer than 60 characters");
    std::string title_too_long(201, 't');
    CHECK(normalize_name(title_too_long, max_title) == "longer than 200 characters");
}

TEST_CASE("names allow no control character at all, not even newline or tab", "[model]") {
    std::string with_newline = "two\nlines";
    CHECK(normalize_name(with_newline, max_title) == "contains a control character (U+000A)");
    std::string with_tab = "a\tb";
    CHECK(normalize_name(with_tab, max_title) == "contains a control character (U+0009)");
    std::string with_escape = "a\x1B[31m";
    CHECK(normalize_name(with_escape, max_title) == "contains a control character (U+001B)");
}

TEST_CASE("the JSON parser rejects ill-formed UTF-8, so decoders can rely on it", "[model]") {
    using nlohmann::json;
    for (const char* text : {"\"\xC3\"", "\"\xC0\xAF\"", "\"\xED\xA0\x80\"", "\"\xF4\x90\x80\x80\"",
                             "\"\xFF\"", "{\"a\xFE\":1}", "\"\\ud800\"", "\"\\udc00x\""}) {
        INFO(text);
        CHECK_THROWS_AS(json::parse(text), json::parse_error);
    }
    CHECK(json::parse("\"\\ud83d\\ude00\"").get<std::string>() == "\xF0\x9F\x98\x80");
    CHECK(json::parse("\"Oriënteren\"").get<std::string>() == "Oriënteren");
}
