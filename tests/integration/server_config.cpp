// The configuration's three sources (command line > JOURNEYBOARD_* environment > --config file
// > default), --version, --check-config, and the one line that names a bad value's option,
// value and source. docs/operations.md's option table is the one the binary prints.
#include "support/server_process.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace jb::test;

namespace {

std::filesystem::path write_file(const temp_dir& dir, const std::string& text)
{
    const auto path = dir.path() / "journeyboard.conf";
    std::ofstream(path) << text;
    return path;
}

// The line of --check-config's output that sets `name`.
std::string setting(const std::string& output, const std::string& name)
{
    std::istringstream in(output);
    for (std::string line; std::getline(in, line);)
        if (line.starts_with(name + " = "))
            return line;
    return "(no line for " + name + ")";
}

}  // namespace

TEST_CASE("config: --version names the project version and the git commit", "[app][config]")
{
    auto res = run_server_binary({"--version"});
    CHECK(res.status == 0);
    CHECK(res.output.starts_with("journeyboard 0."));
    CHECK(res.output.find("(commit ") != std::string::npos);
}

TEST_CASE("config: command line wins over environment, environment over file, file over default",
          "[app][config]")
{
    temp_dir dir;
    const auto file = write_file(dir, "# a comment\nport = 1111\nthreads = 3\nreplay-window = 50\n");
    auto res = run_server_binary({"--config", file.string(), "--port", "2222", "--check-config"},
                                 {"JOURNEYBOARD_PORT=3333", "JOURNEYBOARD_THREADS=4"});
    INFO(res.output);
    REQUIRE(res.status == 0);
    CHECK(setting(res.output, "port") == "port = 2222  # argument --port");
    CHECK(setting(res.output, "threads") == "threads = 4  # environment JOURNEYBOARD_THREADS");
    CHECK(setting(res.output, "replay-window") == "replay-window = 50  # " + file.string() + ":4");
    CHECK(setting(res.output, "max-body-bytes") == "max-body-bytes = 16384  # default");
}

TEST_CASE("config: JOURNEYBOARD_CONFIG names the config file", "[app][config]")
{
    temp_dir dir;
    const auto file = write_file(dir, "retention-days = 30\n");
    auto res = run_server_binary({"--check-config"}, {"JOURNEYBOARD_CONFIG=" + file.string()});
    INFO(res.output);
    REQUIRE(res.status == 0);
    CHECK(setting(res.output, "retention-days") == "retention-days = 30  # " + file.string() + ":1");
}

TEST_CASE("config: a bad value stops the start with one line naming option, value and source",
          "[app][config]")
{
    temp_dir dir;
    const auto file = write_file(dir, "\nbind = 127.0.0.1\nthreads = 0\n");
    struct bad_case {
        std::vector<std::string> args, env;
        std::string expected;
    };
    for (const auto& c : std::vector<bad_case>{
             {{"--config", file.string()}, {}, "journeyboard: --threads must be 1..256 (got 0 from " + file.string() + ":3)\n"},
             {{}, {"JOURNEYBOARD_PORT=70000"}, "journeyboard: --port must be 0..65535 (got 70000 from environment JOURNEYBOARD_PORT)\n"},
             {{"--http-timeout", "0"}, {}, "journeyboard: --http-timeout must be 1..3600 seconds (got 0 from argument --http-timeout)\n"},
             {{}, {"JOURNEYBOARD_PORTT=1"}, "journeyboard: environment JOURNEYBOARD_PORTT: no such option (see journeyboard --help)\n"},
         }) {
        auto res = run_server_binary(c.args, c.env);
        CHECK(res.status == 2);
        CHECK(res.output == c.expected);
    }
}

TEST_CASE("config: a postgresql:// --db never shows its password, and refuses the SQLite backups",
          "[app][config]")
{
    // Nothing here connects: --check-config and a refused option stop before the store opens.
    auto res = run_server_binary({"--db", "postgresql://jb:geheim@db.example.nl/jb", "--check-config"});
    INFO(res.output);
    REQUIRE(res.status == 0);
    CHECK(setting(res.output, "db") == "db = postgresql://jb:***@db.example.nl/jb  # argument --db");
    CHECK(res.output.find("geheim") == std::string::npos);

    res = run_server_binary({"--db", "postgresql://jb@db.example.nl/jb", "--backup-dir", "/nowhere"});
    CHECK(res.status == 2);
    CHECK(res.output == "journeyboard: --backup-dir copies the SQLite file; back PostgreSQL up with its own "
                        "tools (docs/cluster.md) (got /nowhere from argument --backup-dir)\n");
    res = run_server_binary({"backup", "/nowhere/copy.db", "--db", "postgresql://jb@db.example.nl/jb"});
    CHECK(res.status == 2);
    CHECK(res.output.find("back PostgreSQL up with its own tools") != std::string::npos);
}

TEST_CASE("config: a config file's unknown option or unreadable value names its line", "[app][config]")
{
    temp_dir dir;
    auto res = run_server_binary({"--config", write_file(dir, "port = 1\nportt = 2\n").string()});
    CHECK(res.status == 2);
    CHECK(res.output.find(":2: ") != std::string::npos);
    CHECK(res.output.find("portt") != std::string::npos);
    CHECK(std::count(res.output.begin(), res.output.end(), '\n') == 1);

    res = run_server_binary({"--config", write_file(dir, "\n\nport = eighty\n").string()});
    CHECK(res.status == 2);
    CHECK(res.output.find(":3: ") != std::string::npos);
    CHECK(res.output.find("eighty") != std::string::npos);

    res = run_server_binary({"--config", (dir.path() / "missing.conf").string()});
    CHECK(res.status == 2);
    CHECK(res.output.find("cannot read") != std::string::npos);
}

TEST_CASE("config: docs/operations.md holds the option table the binary prints", "[app][config]")
{
    auto res = run_server_binary({"--print-option-table"});
    REQUIRE(res.status == 0);
    std::ifstream in(std::string(JB_SOURCE_DIR) + "/docs/operations.md");
    std::stringstream docs;
    docs << in.rdbuf();
    INFO("regenerate the table with: journeyboard --print-option-table");
    CHECK(docs.str().find(res.output) != std::string::npos);
}
