#include "app/config.hpp"

#include "app/option_sources.hpp"
#include "app/version.hpp"
#include "archive/archive.hpp"
#include "export/labels.hpp"
#include "store/open_store.hpp"

#include <boost/asio/ip/address.hpp>
#include <boost/program_options.hpp>

#include <filesystem>
#include <sstream>

namespace jb::app {

namespace po = boost::program_options;

namespace {
constexpr std::size_t archive_max_participants = archive::max_participants;

const char* const usage =
    "Journeyboard: a real-time customer-journey workshop board.\n"
    "Usage: journeyboard [options]\n"
    "       journeyboard audit [--since DATE] [options]   print the audit trail\n"
    "       journeyboard backup DEST [options]            copy the database while it runs\n";

// The one line for a value that failed its check: "journeyboard: --port must be 0..65535
// (got 70000 from /etc/journeyboard/journeyboard.conf:3)".
std::string bad_value_line(const std::string& what, const option_sources& sources)
{
    std::string line = "journeyboard: " + what;
    if (what.starts_with("--")) {
        const auto name = what.substr(2, what.find_first_of(" ,;:", 2) - 2);
        if (const auto* origin = sources.origin(name))
            line += " (got " + origin->value + " from " + origin->source + ")";
    }
    return line + "\n";
}

// The effective configuration in the config file's own syntax, each value with its source.
std::string effective_configuration(const po::options_description& desc, const option_sources& sources)
{
    std::ostringstream out;
    out << "# journeyboard " << version_text() << ": the effective configuration\n";
    for (const auto& option : desc.options()) {
        const auto& name = option->long_name();
        if (const auto* origin = sources.origin(name))
            out << name << " = " << (name == "db" ? store::describe_db(origin->value) : origin->value)
                << "  # " << origin->source << "\n";
        else
            out << name << " = " << default_text(*option) << "  # default\n";
    }
    return out.str();
}

// docs/operations.md's option table (a test keeps the two equal).
std::string option_table(const po::options_description& desc)
{
    std::ostringstream out;
    out << "| option | environment | default | meaning |\n| --- | --- | --- | --- |\n";
    for (const auto& option : desc.options()) {
        auto text = default_text(*option);
        out << "| `--" << option->long_name() << "` | `"
            << option_sources::environment_name(option->long_name()) << "` | "
            << (text.empty() ? "" : "`" + text + "`") << " | " << option->description() << " |\n";
    }
    return out.str();
}

}  // namespace

std::optional<boost::asio::ip::tcp::endpoint> metrics_endpoint(const std::string& text)
{
    const auto colon = text.rfind(':');
    if (colon == std::string::npos || colon + 1 == text.size())
        return std::nullopt;
    auto host = text.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    boost::system::error_code ec;
    const auto address = boost::asio::ip::make_address(host, ec);
    const auto port_text = text.substr(colon + 1);
    if (ec || port_text.find_first_not_of("0123456789") != std::string::npos || port_text.size() > 5)
        return std::nullopt;
    const auto port = std::stoul(port_text);
    if (port > 65535)
        return std::nullopt;
    return boost::asio::ip::tcp::endpoint(address, static_cast<unsigned short>(port));
}

std::variant<config, config_exit> parse_config(int argc, char** argv, char** environment)
{
    config c;
    std::string config_file;
    unsigned port = c.port;
    std::size_t queue_bytes = c.net.send_queue.max_bytes;
    std::size_t queue_messages = c.net.send_queue.max_messages;
    double ws_burst = c.net.ws_rate.burst, ws_per_second = c.net.ws_rate.per_second;
    double create_burst = c.create_rate.burst;
    unsigned http_timeout = static_cast<unsigned>(c.net.http_timeout.count());
    std::string log_level = "info", log_format = "logfmt";
    unsigned idle_seconds = static_cast<unsigned>(
        std::chrono::duration_cast<std::chrono::seconds>(c.room.idle_unload).count());
    // Hostile clients (docs/security.md): join-code lookups, connections, participants.
    double lookup_burst = c.join_lookups.lookups.burst, lookup_per_second = c.join_lookups.lookups.per_second;
    unsigned lookup_max_delay = static_cast<unsigned>(c.join_lookups.max_delay.count());
    unsigned hello_timeout = static_cast<unsigned>(c.net.hello_timeout.count());
    unsigned close_grace = static_cast<unsigned>(c.net.close_grace.count());
    unsigned join_code_hours = 12;  // P-JOIN-12

    po::options_description commands("Commands (command line only)");
    commands.add_options()
        ("help,h", "show this help and exit")
        ("version", "print the version and the git commit it was built from, and exit")
        ("check-config", "read and check the configuration, print it with where each value came from, and exit")
        ("print-option-table", "print the option table of docs/operations.md and exit");
    po::options_description config_option;
    config_option.add_options()
        ("config", po::value(&config_file),
            "a config file of name = value lines (also JOURNEYBOARD_CONFIG); command line and environment win over it");

    // Every option here can come from the command line, the environment or the config file.
    po::options_description desc("Options (command line, JOURNEYBOARD_* environment, config file)");
    // clang-format off
    desc.add_options()
        ("port", po::value(&port)->default_value(port), "TCP port for HTTP and WebSocket (0: any free port)")
        ("bind", po::value(&c.bind)->default_value(c.bind), "address to listen on (0.0.0.0 or :: for every interface)")
        ("db", po::value(&c.db)->default_value(c.db), "SQLite database file (its folder is created), or a postgresql:// URL: the shared store of a cluster (docs/cluster.md)")
        ("db-read-connections", po::value(&c.db_read_connections)->default_value(c.db_read_connections), "PostgreSQL only: connections for room loads, exports and join-code lookups, so they never wait behind commits (0 to 16; docs/cluster.md)")
        ("static", po::value(&c.static_dir)->default_value(c.static_dir), "folder of the built web client")
        ("threads", po::value(&c.threads)->default_value(c.threads), "network threads (raise it when one core is full: docs/operations.md, \"How many network threads\")")
        ("allow-origin", po::value(&c.net.allow_origins)->composing(),
            "an extra Origin allowed to open a WebSocket, e.g. https://board.example.nl (repeatable; the server's own origin is always allowed)")
        ("client-ip-header", po::value(&c.net.client_ip_header),
            "behind a reverse proxy on this host: the header that holds the client's address (e.g. X-Real-IP), for per-address limits; honoured only on connections from loopback")
        ("max-message-bytes", po::value(&c.net.max_message_bytes)->default_value(c.net.max_message_bytes), "largest WebSocket message a client may send")
        ("max-body-bytes", po::value(&c.net.max_body_bytes)->default_value(c.net.max_body_bytes), "largest HTTP request body")
        ("max-archive-bytes", po::value(&c.net.max_archive_bytes)->default_value(c.net.max_archive_bytes), "largest workshop archive that POST /api/workshops/import accepts")
        ("max-header-bytes", po::value(&c.net.max_header_bytes)->default_value(c.net.max_header_bytes), "largest HTTP request header block")
        ("http-timeout", po::value(&http_timeout)->default_value(http_timeout), "seconds an HTTP request may take to arrive, and an idle keep-alive connection may stay open")
        ("ws-queue-bytes", po::value(&queue_bytes)->default_value(queue_bytes), "outgoing bytes queued per WebSocket before it is closed as too slow")
        ("ws-queue-messages", po::value(&queue_messages)->default_value(queue_messages), "outgoing messages queued per WebSocket before it is closed as too slow")
        ("ws-rate-burst", po::value(&ws_burst)->default_value(ws_burst), "WebSocket messages a client may send in a burst")
        ("ws-rate-per-second", po::value(&ws_per_second)->default_value(ws_per_second), "WebSocket messages per second a client may send, sustained")
        ("create-rate-burst", po::value(&create_burst)->default_value(create_burst), "workshops one address may create in a burst (then one per 6 s)")
        ("room-idle-seconds", po::value(&idle_seconds)->default_value(idle_seconds), "seconds after the last connection leaves before a workshop is unloaded from memory (0: never)")
        ("replay-window", po::value(&c.room.replay_window)->default_value(c.room.replay_window), "operations kept in memory per workshop for reconnects; older gaps get a snapshot")
        ("templates", po::value(&c.templates_dir)->default_value(c.templates_dir), "folder of journey templates (<id>.json); a broken one stops the start")
        ("retention-days", po::value(&c.retention_days)->default_value(c.retention_days), "delete workshops with no activity for this many days, checked at start and hourly (0: never)")
        ("join-lookup-burst", po::value(&lookup_burst)->default_value(lookup_burst), "join-code lookups (GET /api/join/{code}) one address may make in a burst")
        ("join-lookup-per-second", po::value(&lookup_per_second)->default_value(lookup_per_second), "join-code lookups per second one address may make, sustained")
        ("join-free-misses", po::value(&c.join_lookups.free_misses)->default_value(c.join_lookups.free_misses), "lookups of unknown codes one address may make before each further one blocks it (1 s, doubling)")
        ("join-max-delay", po::value(&lookup_max_delay)->default_value(lookup_max_delay), "seconds an address is blocked at most after a lookup of an unknown code")
        ("max-participants", po::value(&c.room.max_participants)->default_value(c.room.max_participants), "participants a workshop may have (at most 10000, what an archive may hold)")
        ("presence-list-max", po::value(&c.room.presence_list_max)->default_value(c.room.presence_list_max), "once the presence list would hold more than this many, participants and screens get only facilitators and those editing listed, and counts of the rest (P-PRES-6); facilitators get everyone")
        ("new-participants-per-minute", po::value(&c.room.new_participants_per_minute)->default_value(c.room.new_participants_per_minute), "new participants a workshop admits per minute (in bursts of as many)")
        ("join-code-hours", po::value(&join_code_hours)->default_value(join_code_hours), "hours after a workshop's last activity (a change, a new participant) that its join code stops admitting new participants (0: never)")
        ("hello-timeout", po::value(&hello_timeout)->default_value(hello_timeout), "seconds an opened WebSocket may take to send hello before it is closed")
        ("max-connections", po::value(&c.net.max_connections)->default_value(c.net.max_connections), "WebSocket connections in total (lowered at start to fit the open-file limit)")
        ("max-connections-per-address", po::value(&c.net.max_connections_per_address)->default_value(c.net.max_connections_per_address), "WebSocket connections from one client address (a class behind one NAT address shares it)")
        ("ws-close-grace", po::value(&close_grace)->default_value(close_grace), "seconds a closing WebSocket may take to read what is queued and the close frame before it is dropped")
        ("audit-retention-days", po::value(&c.audit_retention_days)->default_value(c.audit_retention_days), "delete audit trail entries older than this many days, checked at start and hourly (0: keep them)")
        ("time-zone", po::value(&c.time_zone)->default_value(c.time_zone), "IANA time zone of the times in exports and the report (the JSON export stays in UTC)")
        ("backup-dir", po::value(&c.backup_dir), "make a backup of the database in this folder at start and every --backup-every hours (journeyboard-<UTC time>.db)")
        ("backup-every", po::value(&c.backup_every_hours)->default_value(c.backup_every_hours), "hours between two scheduled backups")
        ("backup-keep", po::value(&c.backup_keep)->default_value(c.backup_keep), "scheduled backups kept in --backup-dir; older ones are removed")
        ("log-level", po::value(&log_level)->default_value(log_level), "least important log lines written to stderr: debug, info, warn or error")
        ("log-format", po::value(&log_format)->default_value(log_format), "log lines as logfmt (key=value) or json (one object per line)")
        ("access-log", po::value(&c.access_log)->default_value(c.access_log, c.access_log ? "true" : "false"), "log every HTTP request and WebSocket connection (true or false)")
        ("metrics-bind", po::value(&c.metrics_bind),
            "serve GET /metrics (and /readyz, /healthz) on this address:port only, e.g. 127.0.0.1:9464; without it the main port answers /metrics to loopback clients that did not come through a proxy");
    // clang-format on

    po::options_description command_line;
    command_line.add(commands).add(config_option).add(desc);
    po::options_description from_environment;
    from_environment.add(config_option).add(desc);

    po::variables_map vm;
    option_sources sources;
    try {
        sources.read_command_line(argc, argv, command_line, vm);
        sources.read_environment(environment, from_environment, vm);
        // Read before notify(), which is when config_file would be set.
        if (vm.count("config"))
            config_file = vm["config"].as<std::string>();
        else if (*default_paths.config_file && std::filesystem::exists(default_paths.config_file))
            config_file = default_paths.config_file;
        if (!config_file.empty())
            sources.read_file(config_file, desc, vm);
        po::notify(vm);
    } catch (const config_error& e) {
        return config_exit{2, std::string("journeyboard: ") + e.what() + "\n"};
    } catch (const po::error& e) {
        return config_exit{2, std::string("journeyboard: ") + e.what() + "\n"};
    }
    if (vm.count("help")) {
        std::ostringstream out;
        out << usage << "\n" << commands << "\n" << config_option << "\n" << desc << "\n";
        return config_exit{0, out.str()};
    }
    if (vm.count("version"))
        return config_exit{0, "journeyboard " + version_text() + "\n"};
    if (vm.count("print-option-table"))
        return config_exit{0, option_table(desc)};

    // `what` starts with the option it is about (--name), which names its value and source.
    auto bad = [&](const std::string& what) { return config_exit{2, bad_value_line(what, sources)}; };
    boost::system::error_code bind_error;
    boost::asio::ip::make_address(c.bind, bind_error);
    if (bind_error)
        return bad("--bind must be an IP address");
    if (port > 65535)
        return bad("--port must be 0..65535");
    if (c.threads < 1 || c.threads > 256)
        return bad("--threads must be 1..256");
    if (c.net.max_message_bytes < 1024)
        return bad("--max-message-bytes must be at least 1024");
    if (c.net.max_body_bytes < 256)
        return bad("--max-body-bytes must be at least 256");
    if (c.net.max_archive_bytes < 1024)
        return bad("--max-archive-bytes must be at least 1024");
    if (c.net.max_header_bytes < 1024)
        return bad("--max-header-bytes must be at least 1024");
    if (http_timeout < 1 || http_timeout > 3600)
        return bad("--http-timeout must be 1..3600 seconds");
    if (queue_bytes < 1)
        return bad("--ws-queue-bytes must be at least 1");
    if (queue_messages < 1)
        return bad("--ws-queue-messages must be at least 1");
    if (!(ws_burst >= 1))
        return bad("--ws-rate-burst must be at least 1");
    if (!(ws_per_second > 0))
        return bad("--ws-rate-per-second must be above 0");
    if (!(create_burst >= 1))
        return bad("--create-rate-burst must be at least 1");
    if (c.room.replay_window < 1)
        return bad("--replay-window must be at least 1");
    if (idle_seconds > 86'400)
        return bad("--room-idle-seconds must be 0 (never) to 86400");
    if (c.db.empty())
        return bad("--db must name a file or a postgresql:// URL");
    if (c.db_read_connections > 16)
        return bad("--db-read-connections must be 0 to 16");
    if (store::is_postgresql_url(c.db) && !c.backup_dir.empty())
        return bad("--backup-dir copies the SQLite file; back PostgreSQL up with its own tools (docs/cluster.md)");
    if (c.retention_days > 36500)
        return bad("--retention-days must be 0 (off) to 36500");
    if (!(lookup_burst >= 1) || !(lookup_per_second > 0))
        return bad("--join-lookup-burst must be at least 1 and --join-lookup-per-second above 0");
    if (lookup_max_delay < 1 || lookup_max_delay > 86'400)
        return bad("--join-max-delay must be 1..86400 seconds");
    if (c.room.presence_list_max < 1) return bad("--presence-list-max must be at least 1");
    if (c.room.max_participants < 1 || c.room.max_participants > archive_max_participants)
        return bad("--max-participants must be 1..10000 (what a workshop archive may hold)");
    if (c.room.new_participants_per_minute < 1)
        return bad("--new-participants-per-minute must be at least 1");
    if (join_code_hours > 8760)
        return bad("--join-code-hours must be 0 (never) to 8760");
    if (hello_timeout < 1 || hello_timeout > 3600)
        return bad("--hello-timeout must be 1..3600 seconds");
    if (c.net.max_connections < 1 || c.net.max_connections_per_address < 1)
        return bad("--max-connections and --max-connections-per-address must be at least 1");
    if (close_grace < 1 || close_grace > 3600)
        return bad("--ws-close-grace must be 1..3600 seconds");

    if (!exporting::set_time_zone(c.time_zone))
        return bad("--time-zone must be a time zone of tzdata, e.g. Europe/Amsterdam or UTC");
    if (c.backup_every_hours < 1 || c.backup_every_hours > 24 * 366)
        return bad("--backup-every must be 1..8784 hours");
    if (c.backup_keep < 1)
        return bad("--backup-keep must be at least 1");
    if (c.audit_retention_days > 36500)
        return bad("--audit-retention-days must be 0 (keep) to 36500");
    if (!c.metrics_bind.empty() && !metrics_endpoint(c.metrics_bind))
        return bad("--metrics-bind must be an IP address and a port, e.g. 127.0.0.1:9464 or [::1]:9464");
    const auto level = log::parse_level(log_level);
    if (!level)
        return bad("--log-level must be debug, info, warn or error");
    const auto format = log::parse_format(log_format);
    if (!format)
        return bad("--log-format must be logfmt or json");

    c.port = static_cast<unsigned short>(port);
    c.log_level = *level;
    c.log_format = *format;
    c.net.http_timeout = std::chrono::seconds(http_timeout);
    c.net.send_queue = {queue_bytes, queue_messages};
    c.net.ws_rate = {ws_burst, ws_per_second};
    c.create_rate.burst = create_burst;
    c.room.max_message_bytes = c.net.max_message_bytes;
    c.room.idle_unload = std::chrono::seconds(idle_seconds);
    c.room.join_code_lifetime = std::chrono::hours(join_code_hours);
    c.join_lookups.lookups = {lookup_burst, lookup_per_second};
    c.join_lookups.max_delay = std::chrono::seconds(lookup_max_delay);
    c.net.hello_timeout = std::chrono::seconds(hello_timeout);
    c.net.close_grace = std::chrono::seconds(close_grace);
    if (vm.count("check-config"))
        return config_exit{0, effective_configuration(desc, sources)};
    return c;
}

}  // namespace jb::app
