#pragma once
// Structured logs: one line per event on stderr (so journald keeps them), with its time
// (RFC 3339, UTC), level, component, message and key=value fields, as logfmt or as one JSON
// object per line (--log-format json). Thread-safe; a line is written with one write(2).
// Never pass a key, token, join code or card text as a field: ids, counts and codes only.

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

namespace jb::log {

enum class level { debug, info, warn, error };
enum class format { logfmt, json };

// One key=value field. Numbers are written as numbers in JSON.
struct field {
    field(std::string_view k, std::string v) : key(k), value(std::move(v)) {}
    field(std::string_view k, std::string_view v) : key(k), value(v) {}
    field(std::string_view k, const char* v) : key(k), value(v) {}
    template <typename N, typename = std::enable_if_t<std::is_arithmetic_v<N>>>
    field(std::string_view k, N n) : key(k), value(number_text(n)), number(true)
    {
    }
    std::string_view key;
    std::string value;
    bool number = false;

private:
    template <typename N>
    static std::string number_text(N n)
    {
        if constexpr (std::is_same_v<N, bool>)
            return n ? "true" : "false";
        else
            return std::to_string(n);
    }
};

// Set once at start-up, before other threads log. Defaults: info, logfmt, access log on.
void configure(level minimum, format f, bool access_log);
bool enabled(level l);
// Whether HTTP requests and WebSocket connections are logged (component "access").
bool access_enabled();

void write(level l, std::string_view component, std::string_view message,
           std::initializer_list<field> fields = {});
inline void debug(std::string_view c, std::string_view m, std::initializer_list<field> f = {}) { write(level::debug, c, m, f); }
inline void info(std::string_view c, std::string_view m, std::initializer_list<field> f = {}) { write(level::info, c, m, f); }
inline void warn(std::string_view c, std::string_view m, std::initializer_list<field> f = {}) { write(level::warn, c, m, f); }
inline void error(std::string_view c, std::string_view m, std::initializer_list<field> f = {}) { write(level::error, c, m, f); }

std::optional<level> parse_level(std::string_view text);    // debug, info, warn, error
std::optional<format> parse_format(std::string_view text);  // logfmt, json

// The line write() would print, without the time (for tests of the format).
std::string format_line(std::string_view time, level l, std::string_view component,
                        std::string_view message, std::initializer_list<field> fields, format f);
// Now as RFC 3339 in UTC with milliseconds: 2026-12-06T23:40:01.123Z.
std::string rfc3339_now();

}  // namespace jb::log
