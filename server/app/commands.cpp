#include "app/commands.hpp"

#include "app/config.hpp"
#include "store/open_store.hpp"
#include "store/sqlite_store.hpp"

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

namespace jb::app {

namespace {

// "2026-12-01" (midnight UTC), "2026-12-01T10:00:00Z", or "30d" (30 days ago) as ms since the
// epoch.
std::optional<std::int64_t> parse_since(const std::string& text, std::int64_t now_ms)
{
    int n = 0;
    char unit = 0;
    if (std::sscanf(text.c_str(), "%d%c", &n, &unit) == 2 && unit == 'd' &&
        text == std::to_string(n) + "d" && n >= 0)
        return now_ms - static_cast<std::int64_t>(n) * 86'400'000;
    std::tm tm{};
    int consumed = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &consumed) != 3)
        return std::nullopt;
    if (text.size() > static_cast<std::size_t>(consumed) &&
        (std::sscanf(text.c_str() + consumed, "T%2d:%2d:%2dZ", &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 3 ||
         text.back() != 'Z'))
        return std::nullopt;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    return static_cast<std::int64_t>(timegm(&tm)) * 1000;
}

std::string utc_time(std::int64_t ms)
{
    const std::time_t t = ms / 1000;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

// The server's options from the rest of the command line (its own already taken out).
std::optional<config> command_config(const char* name, std::vector<char*> rest, char** environment,
                                     int& status)
{
    rest.insert(rest.begin(), const_cast<char*>(name));
    auto parsed = parse_config(static_cast<int>(rest.size()), rest.data(), environment);
    if (auto* exit = std::get_if<config_exit>(&parsed)) {
        (exit->code == 0 ? std::cout : std::cerr) << exit->text << std::flush;
        status = exit->code;
        return std::nullopt;
    }
    auto cfg = std::get<config>(std::move(parsed));
    if (!store::is_postgresql_url(cfg.db) && !std::filesystem::exists(cfg.db)) {
        std::cerr << "journeyboard: no database at " << cfg.db << " (see --db or --config)\n";
        status = 2;
        return std::nullopt;
    }
    return cfg;
}

int audit(int argc, char** argv, char** environment)
{
    std::int64_t since = 0;
    std::vector<char*> rest;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--since" && i + 1 < argc) {
            const auto parsed = parse_since(argv[++i], std::time(nullptr) * 1000LL);
            if (!parsed) {
                std::cerr << "journeyboard audit: --since " << argv[i]
                          << " is not a date (2026-12-01, 2026-12-01T10:00:00Z) or a number of days (30d)\n";
                return 2;
            }
            since = *parsed;
        } else {
            rest.push_back(argv[i]);
        }
    }
    int status = 0;
    auto cfg = command_config("journeyboard audit", rest, environment, status);
    if (!cfg)
        return status;
    try {
        const auto db = store::open_store(cfg->db);
        std::cout << "time\tworkshop\tactor\taction\toutcome\tdetail\n";
        for (const auto& e : db->audit_since(since))
            std::cout << utc_time(e.at) << '\t' << e.workshop_id << '\t' << e.actor << '\t' << e.action
                      << '\t' << e.outcome << '\t' << e.detail << '\n';
    } catch (const std::exception& e) {
        std::cerr << "journeyboard audit: " << e.what() << "\n";
        return 1;
    }
    return 0;
}

int backup(int argc, char** argv, char** environment)
{
    std::string destination;
    std::vector<char*> rest;
    for (int i = 2; i < argc; ++i) {
        if (destination.empty() && argv[i][0] != '-')
            destination = argv[i];
        else
            rest.push_back(argv[i]);
    }
    if (destination.empty()) {
        std::cerr << "journeyboard backup: name the file to write: journeyboard backup DEST\n";
        return 2;
    }
    if (std::filesystem::exists(destination)) {
        std::cerr << "journeyboard backup: " << destination << " exists; name a new file\n";
        return 2;
    }
    int status = 0;
    auto cfg = command_config("journeyboard backup", rest, environment, status);
    if (!cfg)
        return status;
    if (store::is_postgresql_url(cfg->db)) {
        std::cerr << "journeyboard backup: copies a SQLite file; back PostgreSQL up with its own "
                     "tools, e.g. pg_dump (docs/cluster.md)\n";
        return 2;
    }
    try {
        store::sqlite_store db(cfg->db);
        db.backup_to(destination);
    } catch (const std::exception& e) {
        std::cerr << "journeyboard backup: " << e.what() << "\n";
        return 1;
    }
    std::cout << "journeyboard backup: " << cfg->db << " copied to " << destination << "\n";
    return 0;
}

}  // namespace

std::optional<int> run_command(int argc, char** argv, char** environment)
{
    if (argc < 2)
        return std::nullopt;
    const std::string name = argv[1];
    if (name == "audit")
        return audit(argc, argv, environment);
    if (name == "backup")
        return backup(argc, argv, environment);
    return std::nullopt;
}

}  // namespace jb::app
