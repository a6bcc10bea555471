#include "util/log.hpp"

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

namespace jb::log {

namespace {

std::atomic<level> minimum_level{level::info};
std::atomic<format> line_format{format::logfmt};
std::atomic<bool> access{true};
std::mutex write_mutex;  // lines from many threads never interleave

const char* level_name(level l)
{
    switch (l) {
    case level::debug: return "debug";
    case level::info: return "info";
    case level::warn: return "warn";
    case level::error: return "error";
    }
    return "info";
}

// logfmt: bare when it can be, else quoted with \" \\ \n escaped.
void append_logfmt_value(std::string& out, std::string_view v)
{
    const bool bare = !v.empty() && v.find_first_of(" =\"\\\n\r\t") == std::string_view::npos;
    if (bare) {
        out += v;
        return;
    }
    out += '"';
    for (char c : v) {
        if (c == '"' || c == '\\')
            out += '\\', out += c;
        else if (c == '\n')
            out += "\\n";
        else if (c == '\r')
            out += "\\r";
        else if (c == '\t')
            out += "\\t";
        else
            out += c;
    }
    out += '"';
}

}  // namespace

void configure(level minimum, format f, bool access_log)
{
    minimum_level = minimum;
    line_format = f;
    access = access_log;
}

bool enabled(level l) { return l >= minimum_level.load(); }
bool access_enabled() { return access.load(); }

std::optional<level> parse_level(std::string_view text)
{
    for (auto l : {level::debug, level::info, level::warn, level::error})
        if (text == level_name(l))
            return l;
    return std::nullopt;
}

std::optional<format> parse_format(std::string_view text)
{
    if (text == "logfmt")
        return format::logfmt;
    if (text == "json")
        return format::json;
    return std::nullopt;
}

std::string rfc3339_now()
{
    using namespace std::chrono;
    const auto now = system_clock::now();
    const auto t = system_clock::to_time_t(now);
    const auto ms = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[80];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
    return buf;
}

std::string format_line(std::string_view time, level l, std::string_view component,
                        std::string_view message, std::initializer_list<field> fields, format f)
{
    if (f == format::json) {
        nlohmann::ordered_json line{{"time", time}, {"level", level_name(l)},
                                    {"component", component}, {"msg", message}};
        for (const auto& fd : fields) {
            if (fd.number)
                line[std::string(fd.key)] = nlohmann::ordered_json::parse(fd.value, nullptr, false);
            else
                line[std::string(fd.key)] = fd.value;
        }
        return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    }
    std::string out;
    out.reserve(128);
    out += "time=";
    out += time;
    out += " level=";
    out += level_name(l);
    out += " component=";
    append_logfmt_value(out, component);
    out += " msg=";
    append_logfmt_value(out, message);
    for (const auto& fd : fields) {
        out += ' ';
        out += fd.key;
        out += '=';
        append_logfmt_value(out, fd.value);
    }
    out += '\n';
    return out;
}

void write(level l, std::string_view component, std::string_view message,
           std::initializer_list<field> fields)
{
    if (!enabled(l))
        return;
    const auto line = format_line(rfc3339_now(), l, component, message, fields, line_format.load());
    std::lock_guard lock(write_mutex);
    std::size_t done = 0;
    while (done < line.size()) {
        const auto n = ::write(STDERR_FILENO, line.data() + done, line.size() - done);
        if (n <= 0)
            return;  // stderr is gone: nothing better to do with a log line
        done += static_cast<std::size_t>(n);
    }
}

}  // namespace jb::log
