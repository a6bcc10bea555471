// The structured log line (util/log): logfmt quoting and JSON lines.
#include "util/log.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

using namespace jb;

TEST_CASE("log: logfmt writes time, level, component, msg, then fields, quoting only when needed", "[log]")
{
    const auto line = log::format_line("2026-12-06T10:00:00.000Z", log::level::warn, "http", "read failed",
                                       {{"error", "end of \"stream\""}, {"bytes", 12}, {"path", "/a=b"}, {"empty", ""}},
                                       log::format::logfmt);
    CHECK(line == "time=2026-12-06T10:00:00.000Z level=warn component=http msg=\"read failed\" "
                  "error=\"end of \\\"stream\\\"\" bytes=12 path=\"/a=b\" empty=\"\"\n");
}

TEST_CASE("log: a newline in a value cannot start a forged line", "[log]")
{
    const auto line = log::format_line("t", log::level::info, "api", "x\nlevel=error", {{"v", "a\nb"}},
                                       log::format::logfmt);
    CHECK(line.find('\n') == line.size() - 1);
}

TEST_CASE("log: json writes one object with numbers as numbers", "[log]")
{
    const auto line = log::format_line("t", log::level::error, "store", "commit failed",
                                       {{"seq", 7}, {"ok", false}, {"error", "disk full"}}, log::format::json);
    REQUIRE(line.back() == '\n');
    const auto j = nlohmann::json::parse(line);
    CHECK(j.at("level") == "error");
    CHECK(j.at("component") == "store");
    CHECK(j.at("msg") == "commit failed");
    CHECK(j.at("seq") == 7);
    CHECK(j.at("ok") == false);
    CHECK(j.at("error") == "disk full");
}

TEST_CASE("log: levels and formats parse from their names only", "[log]")
{
    CHECK(log::parse_level("debug") == log::level::debug);
    CHECK(log::parse_level("warn") == log::level::warn);
    CHECK_FALSE(log::parse_level("WARN"));
    CHECK(log::parse_format("json") == log::format::json);
    CHECK_FALSE(log::parse_format("xml"));
}
